# -*- coding: utf-8 -*-
"""``app.json``: the JSON an application speaks, as an object (the interface
Flask 2.2 introduced), so an app or extension can swap the whole behaviour
by setting :attr:`Flask.json_provider_class`.

:class:`DefaultJSONProvider` is Flask 1.1's JSON behind that interface. Its
settings are the application's configuration seen through attributes:
``app.json.ensure_ascii`` is ``app.config["JSON_AS_ASCII"]``,
``sort_keys`` is ``JSON_SORT_KEYS``, ``mimetype`` is ``JSONIFY_MIMETYPE``,
so code written either way changes the same setting. The encoder and
decoder are still ``app.json_encoder`` and ``app.json_decoder`` (or a
blueprint's own), and :mod:`flaskcompat.json`'s functions and ``jsonify``
go through ``app.json`` whenever an application is at hand.
"""
import weakref

from . import JSONDecoder
from . import JSONEncoder
from . import _blueprint_setting
from . import _decoded_document
from . import _dumps_text
from . import _json
from ..wrappers import make_body_response

__all__ = ["JSONProvider", "DefaultJSONProvider"]

#: Flask 1.1's words for a ``jsonify`` call given both kinds of arguments.
_ARGS_AND_KWARGS = (
    "jsonify() behavior undefined when passed both args and kwargs: it takes"
    " either args or kwargs, not both"
)


class JSONProvider(object):
    """What ``app.json`` offers; subclasses write :meth:`dumps` and
    :meth:`loads`, the rest is built on them."""

    def __init__(self, app):
        # A proxy: the app owns its provider, the provider must not keep
        # the app alive.
        owner = weakref.proxy(app)
        self._app = owner
        # the same app as a plain weak reference: one call to reach it,
        # cheaper than a proxy on every attribute the request path reads
        self._owner = weakref.ref(app)

    def dumps(self, obj, **kwargs):
        """``obj`` as JSON text."""
        raise NotImplementedError("a JSON provider writes JSON in dumps()")

    def dump(self, obj, fp, **kwargs):
        """Write :meth:`dumps` of ``obj`` to the text file ``fp``."""
        text = self.dumps(obj, **kwargs)
        fp.write(text)

    def loads(self, s, **kwargs):
        """The value of the JSON document ``s`` (text or bytes)."""
        raise NotImplementedError("a JSON provider reads JSON in loads()")

    def load(self, fp, **kwargs):
        """:meth:`loads` of everything the file ``fp`` holds."""
        document = fp.read()
        return self.loads(document, **kwargs)

    def _prepare_response_obj(self, args, kwargs):
        if args and kwargs:
            raise TypeError(_ARGS_AND_KWARGS)
        if len(args) == 1:
            return args[0]
        return args or kwargs

    def response(self, *args, **kwargs):
        """A response whose body is the JSON of ``args`` (one value, or a
        list of several) or of ``kwargs`` (an object)."""
        value = self._prepare_response_obj(args, kwargs)
        body = self.dumps(value)
        return self._app.response_class(body, mimetype="application/json")


class _ConfigSetting(object):
    """A provider attribute that reads and writes one configuration key.
    A subclass that assigns the attribute a plain value overrides it."""

    def __init__(self, key):
        self.key = key

    def __get__(self, provider, owner=None):
        if provider is None:
            return self
        return _app_of(provider).config[self.key]

    def __set__(self, provider, value):
        _app_of(provider).config[self.key] = value


class DefaultJSONProvider(JSONProvider):
    """Flask 1.1's JSON: :class:`~flaskcompat.json.JSONEncoder`'s types
    (dates as HTTP dates, UUIDs, dataclasses, ``__html__``, UTF-8 bytes),
    the app's encoder and decoder classes, and its configuration."""

    #: A function for values JSON has no type for; when set (on a subclass
    #: or an instance) it is used before the encoder's own ``default``.
    default = None
    ensure_ascii = _ConfigSetting("JSON_AS_ASCII")
    sort_keys = _ConfigSetting("JSON_SORT_KEYS")
    mimetype = _ConfigSetting("JSONIFY_MIMETYPE")
    #: ``True`` always compact, ``False`` always indented; ``None`` (the
    #: default) indents in debug mode or with ``JSONIFY_PRETTYPRINT_REGULAR``.
    compact = None

    def dumps(self, obj, **kwargs):
        options = {"sort_keys": self.sort_keys}
        if "cls" not in kwargs:
            options["cls"] = _blueprint_or_app(_app_of(self), "json_encoder")
        if not self.ensure_ascii:
            options["ensure_ascii"] = False
        if self.default is not None:
            options["default"] = self.default
        options.update(kwargs)  # the call's own arguments win
        return _dumps_text(obj, options)

    def loads(self, s, **kwargs):
        if "cls" not in kwargs:
            kwargs["cls"] = _blueprint_or_app(_app_of(self), "json_decoder")
        return _json.loads(_decoded_document(s, kwargs.pop("encoding", None)), **kwargs)

    def response(self, *args, **kwargs):
        plain = type(self) is DefaultJSONProvider
        if plain and not args:
            value = kwargs  # jsonify(a=1) and jsonify(x), the usual calls,
        elif plain and len(args) == 1 and not kwargs:
            value = args[0]  # need none of the checks
        else:
            value = self._prepare_response_obj(args, kwargs)
        app = self._owner()
        if app is None:
            _app_of(self)  # raises: the application is gone
        config = app.config
        compact = self.compact
        if compact is None:
            compact = not (config.get("DEBUG") or config["JSONIFY_PRETTYPRINT_REGULAR"])
        if compact:
            layout = {"separators": (",", ":")}
        else:
            layout = {"indent": 2, "separators": (", ", ": ")}
        if not plain:
            # a subclass may write JSON its own way
            body = self.dumps(value, **layout)
            return app.response_class(body + u"\n", mimetype=self.mimetype)
        # jsonify's path, kept short: the settings straight from the config
        # (this class's attributes read and write the same keys)
        layout["sort_keys"] = config["JSON_SORT_KEYS"]
        layout["cls"] = _blueprint_setting(app, "json_encoder") or app.json_encoder
        if not config["JSON_AS_ASCII"]:
            layout["ensure_ascii"] = False
        if self.default is not None:
            layout["default"] = self.default
        body = _dumps_text(value, layout)
        return make_body_response(
            app.response_class, body + u"\n", None, config["JSONIFY_MIMETYPE"]
        )


_FALLBACKS = {"json_encoder": JSONEncoder, "json_decoder": JSONDecoder}


def _app_of(provider):
    """The provider's application; ReferenceError once it is gone, as its
    ``_app`` proxy would say."""
    app = provider._owner()
    if app is None:
        raise ReferenceError("the application of this JSON provider no longer exists")
    return app


def _blueprint_or_app(app, name):
    """The encoder or decoder class in force: the handling blueprint's, the
    app's, or the module's."""
    return _blueprint_setting(app, name) or getattr(app, name, None) or _FALLBACKS[name]
