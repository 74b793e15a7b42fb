# -*- coding: utf-8 -*-
"""
Tagged JSON
~~~~~~~~~~~

JSON that keeps a few more Python types than JSON has. A value JSON cannot
hold is written as a one-key object, ``{" t": [...]}`` for a tuple for
example; the key (the tag) says how to rebuild it. The session cookie is
stored this way, and the tags and their wire format are Flask's, so
sessions travel between this framework and Flask 1.x in both directions.

Built-in tags: ``" t"`` tuple, ``" b"`` bytes (base64), ``" m"`` markup
(anything with ``__html__``), ``" u"`` UUID (hex), ``" d"`` datetime (HTTP
date, whole seconds, UTC; read back naive) and ``" di"``, which protects a
real one-key dict whose key happens to be a tag.

.. autoclass:: TaggedJSONSerializer
    :members:

.. autoclass:: JSONTag
    :members:

Python 2's ``str``
------------------

On Python 2 ``str`` is the native string as well as the byte string. The
serializer reads it the way the :mod:`json` module does, as UTF-8 text: it
is written as a JSON string and read back as ``unicode``, which is what the
same code gets on Python 3. A ``str`` that is not UTF-8 cannot be text; it is
tagged as bytes and read back as ``str`` (``bytes`` on Python 3).
``bytearray`` is tagged as bytes everywhere.

Flask 1.x on Python 2 tagged every ``str`` as bytes. Those payloads still
load, as ``str`` on 2.7 and ``bytes`` on 3.x. An application that moves to
Python 3 while such cookies are alive, and that keeps no binary data in its
session, can read them as text by registering :class:`TagBytesAsText` on
its own serializer::

    from flaskcompat.json.tag import TagBytesAsText, TaggedJSONSerializer
    from flaskcompat.sessions import SecureCookieSessionInterface

    class LegacySessions(SecureCookieSessionInterface):
        serializer = TaggedJSONSerializer()

    LegacySessions.serializer.register(TagBytesAsText, force=True)
    app.session_interface = LegacySessions()

Your own tags
-------------

Subclass :class:`JSONTag`, pick an unused key (by convention it starts with
a space), and register the class::

    from decimal import Decimal
    from flaskcompat.json.tag import JSONTag

    class TagDecimal(JSONTag):
        __slots__ = ()
        key = " dec"

        def check(self, value):
            return type(value) is Decimal

        def to_json(self, value):
            return str(value)  # exact, unlike a float

        def to_python(self, value):
            return Decimal(value)

    app.session_interface.serializer.register(TagDecimal)

Tags are offered a value in order and the first whose ``check`` accepts it
wins. A tag for a subclass of a type that already has one (``OrderedDict``
before ``dict``, say) must come first: ``register(TagOrderedDict, index=0)``.
"""
from base64 import b64decode
from base64 import b64encode
from datetime import datetime
from uuid import UUID

from .._compat import Markup
from .._compat import binary_type
from .._compat import bytes_as_json_text
from .._compat import integer_types
from .._compat import iteritems
from .._compat import json_writer
from .._compat import text_type
from ..globals import _app_ctx_stack
from ..json import JSONDecoder
from ..json import JSONEncoder
from ..json import dumps
from ..json import http_date
from ..json import loads
from ..json import parse_http_date
from ..json.provider import DefaultJSONProvider


_COMPACT = (",", ":")

#: Exact types that none of the built-in tags claims: with only those tags
#: registered, such values are written as they are without asking each tag.
_UNTAGGED_TYPES = frozenset((text_type, float, bool, type(None)) + integer_types)

# (sort_keys, ensure_ascii, acyclic) -> the function that writes a tagged
# value the way the framework's encoder (built as json.dumps would build it)
# does.
_WRITERS = {}
_BYTE_ORDER_MARK = u"\ufeff"


def _stock_json_app():
    """``(app, config)`` when the JSON in force is the framework's default
    provider with no blueprint that could bring its own classes (``app`` is
    ``None`` outside an application context); ``None`` otherwise: then
    :func:`~flaskcompat.json.dumps` and ``loads`` decide everything."""
    top = _app_ctx_stack.peek()
    if top is None:
        return None, None
    app = top.app
    provider = getattr(app, "json", None)
    if type(provider) is not DefaultJSONProvider or provider.default is not None:
        return None
    if getattr(app, "blueprints", None):
        return None
    if app.json_encoder is not JSONEncoder or app.json_decoder is not JSONDecoder:
        return None  # the app's own classes get exactly json.dumps' call
    return app, app.config


def _compact_writer(sort_keys, ensure_ascii, acyclic):
    """What the framework's encoder with these settings makes of a tagged
    value, as a function. With the built-in tags only, every container of
    a tagged value is built afresh by :meth:`TaggedJSONSerializer.tag`,
    which recurses without end on a cycle before any JSON is written: such
    values are ``acyclic`` and the writer need not look for cycles."""
    wanted = (sort_keys, ensure_ascii, acyclic)
    writer = _WRITERS.get(wanted)
    if writer is None:
        if len(_WRITERS) >= 32:
            _WRITERS.clear()
        encoder = JSONEncoder(
            ensure_ascii=ensure_ascii, separators=_COMPACT, sort_keys=sort_keys
        )
        writer = json_writer(encoder, acyclic) or encoder.encode
        _WRITERS[wanted] = writer
    return writer


class JSONTag(object):
    """One tag of a :class:`TaggedJSONSerializer`.

    A subclass implements ``check(value)`` (does this tag handle the value?),
    ``to_json(value)`` (the value as something JSON holds; the marker is
    added by :meth:`tag`) and ``to_python(value)`` (the value rebuilt from
    what ``to_json`` gave). ``serializer`` is the owning serializer, for
    tagging nested values.
    """

    __slots__ = ["serializer"]

    #: The marker written around converted values; ``None`` for a tag that
    #: only converts a container's contents.
    key = None

    def __init__(self, serializer):
        self.serializer = serializer

    def _must_override(self, value):
        name = type(self).__name__
        raise NotImplementedError(name + " is an incomplete JSONTag")

    check = to_json = to_python = _must_override

    def tag(self, value):
        """``value`` converted and wrapped in its marker."""
        marker = self.key
        return {marker: self.to_json(value)}


def _only_key(mapping):
    return next(iter(mapping))


def _tag_items(serializer, items):
    tag = serializer.tag
    return [tag(item) for item in items]


class _TypeTag(JSONTag):
    """A tag for the instances of ``handles``."""

    __slots__ = ()
    handles = ()

    def check(self, value):
        return isinstance(value, self.handles)


class TagDict(JSONTag):
    """A dict with exactly one key that is itself a tag: the key is written
    with ``"__"`` appended so the reader does not mistake it for a marker."""

    __slots__ = ()
    key = " di"

    def check(self, value):
        if not isinstance(value, dict) or len(value) != 1:
            return False
        return _only_key(value) in self.serializer.tags

    def to_json(self, value):
        name = _only_key(value)
        return {name + "__": self.serializer.tag(value[name])}

    def to_python(self, value):
        name = _only_key(value)
        return {name[:-2]: value[name]}


class PassDict(_TypeTag):
    """Any other dict: kept as an object, its values tagged."""

    __slots__ = ()
    handles = dict

    def to_json(self, value):
        tag = self.serializer.tag
        return dict((name, tag(item)) for name, item in iteritems(value))

    tag = to_json


class TagTuple(_TypeTag):
    """A tuple: written as a list of tagged items, read back as a tuple."""

    __slots__ = ()
    key = " t"
    handles = tuple

    def to_json(self, value):
        return _tag_items(self.serializer, value)

    def to_python(self, value):
        return tuple(value)


class PassList(_TypeTag):
    """A list: kept as an array, its items tagged."""

    __slots__ = ()
    handles = list

    def to_json(self, value):
        return _tag_items(self.serializer, value)

    tag = to_json


class TagBytes(JSONTag):
    """Binary data as base64 (a Python 2 ``str`` only when it is not UTF-8;
    see the module documentation)."""

    __slots__ = ()
    key = " b"

    def check(self, value):
        if not isinstance(value, (binary_type, bytearray)):
            return False
        return bytes_as_json_text(value) is None

    def to_json(self, value):
        return b64encode(binary_type(value)).decode("ascii")

    def to_python(self, value):
        try:
            return b64decode(value.encode("ascii"))
        except (ValueError, TypeError) as e:
            # binascii.Error: a ValueError on Python 3, a TypeError on 2;
            # non-ASCII text fails to encode with a ValueError.
            raise ValueError("Invalid base64 data in a bytes tag: %s" % e)


class TagBytesAsText(TagBytes):
    """:class:`TagBytes` for applications still reading sessions that Flask
    1.x wrote on Python 2: bytes that decode as UTF-8 load as text, other
    bytes as bytes. Writing is unchanged. Do not use it if the session holds
    binary data that could happen to be valid UTF-8."""

    __slots__ = ()

    def to_python(self, value):
        raw = TagBytes.to_python(self, value)
        try:
            return raw.decode("utf-8")
        except ValueError:  # not UTF-8: binary data after all
            return raw


class TagMarkup(JSONTag):
    """Anything with an ``__html__`` method: its HTML is stored, and it
    comes back as :class:`~flaskcompat.Markup`."""

    __slots__ = ()
    key = " m"

    def check(self, value):
        html = getattr(value, "__html__", None)
        return callable(html)

    def to_json(self, value):
        return text_type(Markup(value))

    def to_python(self, value):
        return Markup(value)


class TagUUID(_TypeTag):
    """A :class:`~uuid.UUID` as its 32 hex digits."""

    __slots__ = ()
    key = " u"
    handles = UUID

    def to_json(self, value):
        return value.hex

    def to_python(self, value):
        return UUID(value)


class TagDateTime(_TypeTag):
    """A datetime as an HTTP date (UTC, whole seconds); naive UTC when read
    back, on every interpreter."""

    __slots__ = ()
    key = " d"
    handles = datetime

    def to_json(self, value):
        return http_date(value)

    def to_python(self, value):
        return parse_http_date(value)


class TaggedJSONSerializer(object):
    """Dumps values to compact JSON, tagging what JSON cannot hold, and
    loads them back; the serializer itsdangerous uses for the session.

    ``tags`` maps each marker to its tag; ``order`` is the sequence in which
    tags are offered a value.
    """

    __slots__ = ("order", "tags", "_stock_size", "_decoder")

    #: The tags every new serializer starts with, in order.
    default_tags = [
        TagDict,
        PassDict,
        TagTuple,
        PassList,
        TagBytes,
        TagMarkup,
        TagUUID,
        TagDateTime,
    ]

    def __init__(self):
        self.tags = {}
        self.order = []
        self._stock_size = None
        self._decoder = None
        for tag_class in self.default_tags:
            self.register(tag_class)

    def register(self, tag_class, force=False, index=None):
        """Add a tag, built with this serializer.

        A key already in use raises :exc:`KeyError` unless ``force`` is
        true; the old tag is then dropped and, without ``index``, the new
        one takes its place in the order. ``index`` is the position in the
        order (default: last).
        """
        new = tag_class(self)
        marker = new.key
        if marker is not None:
            previous = self.tags.get(marker)
            if previous is not None:
                if not force:
                    raise KeyError("Tag '{0}' is already registered.".format(marker))
                position = self.order.index(previous)
                self.order.remove(previous)
                if index is None:
                    index = position
            self.tags[marker] = new
        if index is None:
            index = len(self.order)
        self.order.insert(index, new)
        self._note_order()

    def _note_order(self):
        # The short cuts of tag() hold while the order is the built-in tags
        # in their built-in order; its length tells a list changed by hand.
        stock = [type(tag) for tag in self.order] == list(
            TaggedJSONSerializer.default_tags
        )
        self._stock_size = len(self.order) if stock else None

    def tag(self, value):
        """``value`` with every part JSON cannot hold tagged."""
        if self._stock_size == len(self.order):
            kind = value.__class__
            if kind in _UNTAGGED_TYPES:
                return value
            if kind is dict and (len(value) != 1 or _only_key(value) not in self.tags):
                # PassDict's work, without asking TagDict and PassDict
                tag = self.tag
                return {name: tag(item) for name, item in iteritems(value)}
        for candidate in self.order:
            if candidate.check(value):
                return candidate.tag(value)
        return value

    def untag(self, value):
        """Rebuild one object read from JSON if it is a marker of a known
        tag; otherwise return it as it is."""
        if len(value) == 1:
            marker = _only_key(value)
            handler = self.tags.get(marker)
            if handler is not None:
                return handler.to_python(value[marker])
        return value

    def dumps(self, value):
        """Tag ``value`` and write it as compact JSON text."""
        tagged = self.tag(value)
        stock = _stock_json_app()
        if stock is not None:
            # What flaskcompat.json.dumps does with the default provider,
            # with an encoder built once.
            app, config = stock
            acyclic = self._stock_size == len(self.order)
            if app is None:
                write = _compact_writer(True, True, acyclic)
            else:
                sort_keys = config["JSON_SORT_KEYS"]
                write = _compact_writer(sort_keys, config["JSON_AS_ASCII"], acyclic)
            text = write(tagged)
            if isinstance(text, binary_type):  # Python 2, ASCII only
                text = text.decode("utf-8")
            return text
        return dumps(tagged, separators=_COMPACT)

    def loads(self, value):
        """Read JSON text written by :meth:`dumps`, untagging as it goes."""
        if isinstance(value, text_type) and not value.startswith(_BYTE_ORDER_MARK):
            stock = _stock_json_app()
            if stock is not None:
                decoder = self._decoder
                if decoder is None:
                    decoder = self._decoder = JSONDecoder(object_hook=self.untag)
                return decoder.decode(value)
        untag = self.untag
        return loads(value, object_hook=untag)
