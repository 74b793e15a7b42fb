# -*- coding: utf-8 -*-
"""The application's configuration: a dict that can fill itself from Python
files, objects, JSON or other data files, mappings and environment
variables, and the descriptor that lets ``app.debug`` and friends stand for
configuration keys.

Files are read as bytes and decoded by name, never by locale: a Python file
without an encoding declaration is UTF-8 on every interpreter (Python 2
alone would take it as ASCII), a JSON file is UTF-8, -16 or -32.
"""
import errno
import io
import os
import re
import sys
import types

from werkzeug.utils import import_string

from . import json
from ._compat import fspath
from ._compat import iteritems
from ._compat import string_types
from ._compat import to_text

# PEP 263's pattern for an encoding declaration, on line 1, or on line 2
# below a blank or comment line.
_DECLARATION = re.compile(br"^[ \t\f]*#.*?coding[:=][ \t]*[-\w.]+")
_BLANK_OR_COMMENT = re.compile(br"^[ \t\f]*(#|$)")
_UTF8_BOM = b"\xef\xbb\xbf"

# A missing file (or a directory in its place) is what ``silent`` forgives.
_ABSENT = (errno.ENOENT, errno.EISDIR, errno.ENOTDIR)


def _declares_encoding(source):
    first_two = source.splitlines()[:2]
    if not first_two:
        return False
    if _DECLARATION.match(first_two[0]):
        return True
    return (
        len(first_two) == 2
        and bool(_BLANK_OR_COMMENT.match(first_two[0]))
        and bool(_DECLARATION.match(first_two[1]))
    )


def _compile_python(source, filename):
    """Compile configuration source (bytes); undeclared source is UTF-8."""
    if not (source.startswith(_UTF8_BOM) or _declares_encoding(source)):
        try:
            source = source.decode("utf-8")
        except UnicodeDecodeError as error:
            raise SyntaxError(
                "%s is not valid UTF-8 (%s) and declares no other encoding;"
                " add a '# -*- coding: ... -*-' line or save it as UTF-8"
                % (filename, error.reason)
            )
    # dont_inherit: this module's __future__ imports stay out of the file.
    return compile(source, filename, "exec", dont_inherit=True)


class ConfigAttribute(object):
    """A class attribute that reads and writes ``instance.config[name]``,
    optionally passing what it reads through ``get_converter``."""

    def __init__(self, name, get_converter=None):
        self.__name__, self.get_converter = name, get_converter

    def __get__(self, obj, type=None):
        if obj is None:
            return self
        value = obj.config[self.__name__]
        convert = self.get_converter
        return value if convert is None else convert(value)

    def __set__(self, obj, value):
        key = self.__name__
        obj.config[key] = value


class Config(dict):
    """The configuration mapping.

    The ``from_*`` loaders take only UPPERCASE keys, so a configuration file
    or module can keep lowercase helpers and temporaries to itself. Relative
    file names are relative to ``root_path`` (the application's root path,
    or its instance folder with ``instance_relative_config``). ``defaults``
    fills the mapping first.
    """

    def __init__(self, root_path, defaults=None):
        dict.__init__(self, defaults or ())
        self.root_path = root_path

    def _path(self, filename):
        return os.path.join(self.root_path, fspath(filename))

    def _read(self, path, silent, reader):
        """``reader(path)``, or ``None`` if the file is missing and
        ``silent``; other failures name the file in their message."""
        try:
            return reader(path)
        except (IOError, OSError) as error:
            if silent and error.errno in _ABSENT:
                return None
            error.strerror = "Unable to load configuration file (%s)" % error.strerror
            if error.filename is None:
                error.filename = path
            raise

    def from_envvar(self, variable_name, silent=False):
        """:meth:`from_pyfile` of the file the environment variable
        ``variable_name`` names. An unset variable is a
        :exc:`RuntimeError`, or ``False`` if ``silent``."""
        filename = os.environ.get(variable_name)
        if filename:
            return self.from_pyfile(filename, silent=silent)
        if silent:
            return False
        raise RuntimeError(
            "The environment variable %r is not set and as such configuration"
            " could not be loaded. Set this variable and make it point to a"
            " configuration file" % (variable_name,)
        )

    def from_pyfile(self, filename, silent=False):
        """Run a Python file as a module named ``config`` and take its
        uppercase names. ``True`` once loaded; ``False`` if the file is
        missing and ``silent``."""
        path = self._path(filename)
        source = self._read(path, silent, _read_bytes)
        if source is None:
            return False
        module = types.ModuleType("config")
        module.__file__ = path
        exec(_compile_python(source, path), module.__dict__)
        self.from_object(module)
        return True

    def from_object(self, obj):
        """Copy the uppercase attributes of ``obj`` (a module or class, or
        the import path of one). A dict will not do: its keys are not
        attributes; use :meth:`from_mapping`."""
        source = import_string(obj) if isinstance(obj, string_types) else obj
        for name in dir(source):
            if name.isupper():
                self[name] = getattr(source, name)

    def from_file(self, filename, load, silent=False, text=True):
        """Take the mapping ``load(file)`` returns (``json.load``,
        ``tomllib.load``...) through :meth:`from_mapping`. ``text=True``
        opens the file as UTF-8 text, ``False`` as bytes (what ``tomllib``
        wants). ``False`` if the file is missing and ``silent``.
        """
        path = self._path(filename)

        def load_file(name):
            if text:
                stream = io.open(name, "r", encoding="utf-8")
            else:
                stream = io.open(name, "rb")
            with stream:
                return load(stream)

        data = self._read(path, silent, load_file)
        if data is None:
            return False
        return self.from_mapping(data)

    def from_json(self, filename, silent=False):
        """Take the object in a JSON file (UTF-8, -16 or -32, detected)
        through :meth:`from_mapping`."""
        path = self._path(filename)
        raw = self._read(path, silent, _read_bytes)
        if raw is None:
            return False
        try:
            data = json.loads(raw)
        except ValueError as error:
            raise ValueError(
                "Unable to load configuration file %s (%s)" % (path, error)
            )
        if not isinstance(data, dict):
            raise TypeError(
                "Unable to load configuration file %s (expected a JSON object,"
                " got %s)" % (path, type(data).__name__)
            )
        return self.from_mapping(data)

    def from_mapping(self, *mapping, **kwargs):
        """Like :meth:`update` (a mapping or ``(key, value)`` pairs, and
        keyword arguments), keeping only uppercase keys. Returns ``True``."""
        if len(mapping) > 1:
            raise TypeError(
                "expected at most 1 positional argument, got %d"
                % len(mapping)
            )
        sources = [iteritems(kwargs)]
        if mapping:
            given = mapping[0]
            sources.insert(0, given.items() if hasattr(given, "items") else given)
        for pairs in sources:
            for key, value in pairs:
                if key.isupper():
                    self[key] = value
        return True

    def from_prefixed_env(self, prefix="FLASK", **kwargs):
        """Load the environment variables named ``PREFIX_KEY`` as ``KEY``, in
        sorted order (Flask 2.1's API).

        Each value goes through ``loads`` (keyword only; default
        :func:`flaskcompat.json.loads`), so ``1``, ``true`` or ``[1, 2]`` arrive typed;
        a value it rejects stays a string. ``A__B`` sets key ``B`` of the
        dict at ``A``, creating empty dicts on the way. Names and values are
        text on every interpreter. Returns ``True``.
        """
        loads = kwargs.pop("loads", json.loads)
        if kwargs:
            raise TypeError(
                "from_prefixed_env() got an unexpected keyword argument %r"
                % (sorted(kwargs)[0],)
            )
        start = prefix + "_"
        for name, raw in sorted(_environ_text().items()):
            if not name.startswith(start):
                continue
            try:
                value = loads(raw)
            except Exception:
                value = raw
            path = name[len(start):].split("__")
            target = self
            for step in path[:-1]:
                target = target.setdefault(step, {})
            target[path[-1]] = value
        return True

    def get_namespace(self, namespace, lowercase=True, trim_namespace=True):
        """The options whose keys start with ``namespace``, as a dict: keys
        without the namespace (unless ``trim_namespace`` is false) and in
        lowercase (unless ``lowercase`` is false). Handy for keyword
        arguments: ``Store(**config.get_namespace("STORE_"))``."""
        found = {}
        for key, value in iteritems(self):
            if key.startswith(namespace):
                if trim_namespace:
                    key = key[len(namespace):]
                found[key.lower() if lowercase else key] = value
        return found

    def __repr__(self):
        return "<{0} {1}>".format(type(self).__name__, dict.__repr__(self))


def _read_bytes(path):
    with open(path, "rb") as stream:
        return stream.read()


def _environ_text():
    # Python 2 keeps environment variables as bytes in the file system
    # encoding; Python 3 has already decoded them.
    codec = sys.getfilesystemencoding() or "utf-8"
    return dict(
        (to_text(name, codec, "replace"), to_text(value, codec, "replace"))
        for name, value in os.environ.items()
    )
