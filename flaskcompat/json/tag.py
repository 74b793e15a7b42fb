# -*- coding: utf-8 -*-
"""
Tagged JSON
~~~~~~~~~~~

A compact representation for lossless serialization of non-standard JSON
types. :class:`~flaskcompat.sessions.SecureCookieSessionInterface` uses this
to serialize the session data, but it may be useful in other places. It can
be extended to support other types.

The format is Flask's: a cookie written by Flask 1.x opens here and the
other way round.

.. autoclass:: TaggedJSONSerializer
    :members:

.. autoclass:: JSONTag
    :members:

Bytes and Python 2's ``str``
----------------------------

On Python 3, :class:`bytes` are tagged (base64) and come back as
:class:`bytes`. On Python 2, ``str`` is both the native string and the byte
string; the serializer treats it the way the :mod:`json` module does, as
UTF-8 text: it is stored as a JSON string and comes back as ``unicode``, so
the value reads as text once the application runs on Python 3. A ``str``
that is not valid UTF-8 cannot be text, so it is tagged as bytes and comes
back as a ``str`` with the same bytes (and as :class:`bytes` on Python 3).
``bytearray`` values are tagged as bytes on every interpreter.

Flask 1.x on Python 2 tagged every ``str`` as bytes; such cookies still
open, and their values come back as ``str`` on Python 2 and as
:class:`bytes` on Python 3. An application that moves to Python 3 while
such cookies are still alive (up to ``PERMANENT_SESSION_LIFETIME``) and
keeps no binary data in its session can read them as text with
:class:`TagBytesAsText`::

    from flaskcompat.json.tag import TagBytesAsText, TaggedJSONSerializer
    from flaskcompat.sessions import SecureCookieSessionInterface

    class MigratingSessionInterface(SecureCookieSessionInterface):
        serializer = TaggedJSONSerializer()

    MigratingSessionInterface.serializer.register(TagBytesAsText, force=True)
    app.session_interface = MigratingSessionInterface()

Datetimes are stored to the second as an HTTP date in UTC and come back as
naive UTC :class:`~datetime.datetime` objects, as in Flask 1.x.

Adding a type
-------------

Let's see an example that adds support for
:class:`~collections.OrderedDict`. Dicts don't have an order in JSON, so to
handle this we will dump the items as a list of ``[key, value]`` pairs.
Subclass :class:`JSONTag` and give it the new key ``' od'`` to identify the
type. The session serializer processes dicts first, so insert the new tag at
the front of the order since ``OrderedDict`` must be processed before
``dict``. ::

    from flaskcompat.json.tag import JSONTag

    class TagOrderedDict(JSONTag):
        __slots__ = ('serializer',)
        key = ' od'

        def check(self, value):
            return isinstance(value, OrderedDict)

        def to_json(self, value):
            return [[k, self.serializer.tag(v)] for k, v in iteritems(value)]

        def to_python(self, value):
            return OrderedDict(value)

    app.session_interface.serializer.register(TagOrderedDict, index=0)
"""
from base64 import b64decode
from base64 import b64encode
from datetime import datetime
from uuid import UUID

from .._compat import Markup
from .._compat import binary_type
from .._compat import bytes_as_json_text
from .._compat import iteritems
from .._compat import text_type
from ..json import dumps
from ..json import http_date
from ..json import loads
from ..json import parse_http_date


class JSONTag(object):
    """Base class for defining type tags for :class:`TaggedJSONSerializer`."""

    __slots__ = ("serializer",)

    #: The tag to mark the serialized object with. If ``None``, this tag is
    #: only used as an intermediate step during tagging.
    key = None

    def __init__(self, serializer):
        """Create a tagger for the given serializer."""
        self.serializer = serializer

    def check(self, value):
        """Check if the given value should be tagged by this tag."""
        raise NotImplementedError

    def to_json(self, value):
        """Convert the Python object to an object that is a valid JSON type.
        The tag will be added later."""
        raise NotImplementedError

    def to_python(self, value):
        """Convert the JSON representation back to the correct type. The tag
        will already be removed."""
        raise NotImplementedError

    def tag(self, value):
        """Convert the value to a valid JSON type and add the tag structure
        around it."""
        return {self.key: self.to_json(value)}


class TagDict(JSONTag):
    """Tag for 1-item dicts whose only key matches a registered tag.

    Internally, the dict key is suffixed with `__`, and the suffix is removed
    when deserializing.
    """

    __slots__ = ()
    key = " di"

    def check(self, value):
        return (
            isinstance(value, dict)
            and len(value) == 1
            and next(iter(value)) in self.serializer.tags
        )

    def to_json(self, value):
        key = next(iter(value))
        return {key + "__": self.serializer.tag(value[key])}

    def to_python(self, value):
        key = next(iter(value))
        return {key[:-2]: value[key]}


class PassDict(JSONTag):
    """Dicts are JSON objects: only their values may need tags (JSON keys
    are always strings)."""

    __slots__ = ()

    def check(self, value):
        return isinstance(value, dict)

    def to_json(self, value):
        return dict((k, self.serializer.tag(v)) for k, v in iteritems(value))

    tag = to_json


class TagTuple(JSONTag):
    """Tuples are stored as tagged lists and come back as tuples."""

    __slots__ = ()
    key = " t"

    def check(self, value):
        return isinstance(value, tuple)

    def to_json(self, value):
        return [self.serializer.tag(item) for item in value]

    def to_python(self, value):
        return tuple(value)


class PassList(JSONTag):
    """Lists are JSON arrays: only their items may need tags."""

    __slots__ = ()

    def check(self, value):
        return isinstance(value, list)

    def to_json(self, value):
        return [self.serializer.tag(item) for item in value]

    tag = to_json


class TagBytes(JSONTag):
    """Binary data, base64-encoded. See the module documentation for how a
    Python 2 ``str`` is treated."""

    __slots__ = ()
    key = " b"

    def check(self, value):
        return (
            isinstance(value, (binary_type, bytearray))
            and bytes_as_json_text(value) is None
        )

    def to_json(self, value):
        return b64encode(binary_type(value)).decode("ascii")

    def to_python(self, value):
        try:
            return b64decode(value.encode("ascii"))
        except (TypeError, ValueError) as e:
            # binascii.Error is a ValueError on Python 3, a TypeError on 2.
            raise ValueError("Invalid base64 data in a bytes tag: %s" % e)


class TagBytesAsText(TagBytes):
    """Replacement for :class:`TagBytes` while sessions written by Flask 1.x
    on Python 2 are still in use: tagged bytes that are valid UTF-8 load as
    text (what those applications stored as native strings), anything else
    as bytes. Writing is unchanged. Only for applications that do not keep
    binary data in their sessions: such bytes would come back as text when
    they happen to be valid UTF-8.
    """

    __slots__ = ()

    def to_python(self, value):
        data = TagBytes.to_python(self, value)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data


class TagMarkup(JSONTag):
    """Serialize anything matching the :class:`~flaskcompat.Markup` API by
    having a ``__html__`` method to the result of that method. Always
    deserializes to an instance of :class:`~flaskcompat.Markup`."""

    __slots__ = ()
    key = " m"

    def check(self, value):
        return callable(getattr(value, "__html__", None))

    def to_json(self, value):
        return text_type(value.__html__())

    def to_python(self, value):
        return Markup(value)


class TagUUID(JSONTag):
    """UUIDs, stored as their 32 hex digits."""

    __slots__ = ()
    key = " u"

    def check(self, value):
        return isinstance(value, UUID)

    def to_json(self, value):
        return value.hex

    def to_python(self, value):
        return UUID(value)


class TagDateTime(JSONTag):
    """Datetimes, stored as an HTTP date (to the second, in UTC); they come
    back as naive UTC datetimes on every interpreter."""

    __slots__ = ()
    key = " d"

    def check(self, value):
        return isinstance(value, datetime)

    def to_json(self, value):
        return http_date(value)

    def to_python(self, value):
        return parse_http_date(value)


class TaggedJSONSerializer(object):
    """Serializer that uses a tag system to compactly represent objects that
    are not JSON types. Passed as the intermediate serializer to
    :class:`itsdangerous.Serializer`.

    The following extra types are supported:

    * :class:`dict`
    * :class:`tuple`
    * :class:`bytes`
    * :class:`~flaskcompat.Markup`
    * :class:`~uuid.UUID`
    * :class:`~datetime.datetime`
    """

    __slots__ = ("tags", "order")

    #: Tag classes to bind when creating the serializer. Other tags can be
    #: added later using :meth:`~register`.
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

        for cls in self.default_tags:
            self.register(cls)

    def register(self, tag_class, force=False, index=None):
        """Register a new tag with this serializer.

        :param tag_class: tag class to register. Will be instantiated with this
            serializer instance.
        :param force: overwrite an existing tag. If false (default), a
            :exc:`KeyError` is raised.
        :param index: index to insert the new tag in the tag order. Useful when
            the new tag is a special case of an existing tag. If ``None``
            (default), the tag is appended to the end of the order.

        :raise KeyError: if the tag key is already registered and ``force`` is
            not true.
        """
        tag = tag_class(self)
        key = tag.key

        if key is not None:
            if not force and key in self.tags:
                raise KeyError("Tag '{0}' is already registered.".format(key))

            old = self.tags.get(key)
            self.tags[key] = tag

            if old is not None:
                # The replaced tag leaves the order too, so it cannot claim
                # values meant for the new one; without an index the new tag
                # takes its place.
                position = self.order.index(old)
                del self.order[position]
                if index is None:
                    index = position

        if index is None:
            self.order.append(tag)
        else:
            self.order.insert(index, tag)

    def tag(self, value):
        """Convert a value to a tagged representation if necessary."""
        for tag in self.order:
            if tag.check(value):
                return tag.tag(value)

        return value

    def untag(self, value):
        """Convert a tagged representation back to the original type."""
        if len(value) != 1:
            return value

        key = next(iter(value))

        if key not in self.tags:
            return value

        return self.tags[key].to_python(value[key])

    def dumps(self, value):
        """Tag the value and dump it to a compact JSON string."""
        return dumps(self.tag(value), separators=(",", ":"))

    def loads(self, value):
        """Load data from a JSON string and deserialized any tagged objects."""
        return loads(value, object_hook=self.untag)
