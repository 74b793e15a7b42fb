# -*- coding: utf-8 -*-
"""
    flaskcompat.config
    ~~~~~~~~~~~~~~~~~~

    The configuration dictionary and the descriptor that forwards application
    attributes to it.
"""
import errno
import os
import re
import types

from werkzeug.utils import import_string

from . import json
from ._compat import fspath
from ._compat import iteritems
from ._compat import string_types

# PEP 263: an encoding declaration is a comment on line 1 or 2.
_coding_cookie_re = re.compile(br"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
_blank_or_comment_re = re.compile(br"^[ \t\f]*(?:[#\r\n]|$)")
_utf8_bom = b"\xef\xbb\xbf"


def _has_coding_cookie(source):
    """Tell whether the Python source ``source`` (bytes) declares its
    encoding on its first or second line."""
    lines = source.splitlines()[:2]
    if lines and _coding_cookie_re.match(lines[0]):
        return True
    return (
        len(lines) == 2
        and _blank_or_comment_re.match(lines[0]) is not None
        and _coding_cookie_re.match(lines[1]) is not None
    )


def _compile_config_source(source, filename):
    """Compile the bytes of a configuration file.

    Python 3 reads source as UTF-8 unless it declares another encoding;
    Python 2 reads it as ASCII. Source without a declaration is decoded as
    UTF-8 here, so the same file loads the same values on every interpreter.
    A file that declares its encoding is left to the compiler, which honours
    the declaration everywhere.
    """
    if not source.startswith(_utf8_bom) and not _has_coding_cookie(source):
        try:
            source = source.decode("utf-8")
        except UnicodeDecodeError as e:
            raise SyntaxError(
                "%s is not valid UTF-8 (%s) and declares no other encoding;"
                " add a '# -*- coding: ... -*-' line or save it as UTF-8"
                % (filename, e.reason)
            )
    # dont_inherit: the ``__future__`` imports of this module must not leak
    # into the configuration file.
    return compile(source, filename, "exec", dont_inherit=True)


class ConfigAttribute(object):
    """Makes an attribute forward to the config: reading
    ``obj.<attribute>`` returns ``obj.config[name]`` (passed through
    ``get_converter`` if one is given), assigning to it sets the key.
    """

    def __init__(self, name, get_converter=None):
        self.__name__ = name
        self.get_converter = get_converter

    def __get__(self, obj, type=None):
        if obj is None:
            return self
        rv = obj.config[self.__name__]
        if self.get_converter is not None:
            rv = self.get_converter(rv)
        return rv

    def __set__(self, obj, value):
        obj.config[self.__name__] = value


class Config(dict):
    """Works exactly like a dict but provides ways to fill it from files
    or special dictionaries. There are two common patterns to populate the
    config.

    Either you can fill the config from a config file::

        app.config.from_pyfile('yourconfig.cfg')

    Or alternatively you can define the configuration options in the
    module that calls :meth:`from_object` or provide an import path to
    a module that should be loaded. It is also possible to tell it to
    use the same module and with that provide the configuration values
    just before the call::

        DEBUG = True
        SECRET_KEY = 'development key'
        app.config.from_object(__name__)

    In both cases (loading from any Python file or loading from modules),
    only uppercase keys are added to the config. This makes it possible to
    use lowercase values in the config file for temporary values that are not
    added to the config or to define the config keys in the same file that
    implements the application.

    Probably the most interesting way to load configurations is from an
    environment variable pointing to a file::

        app.config.from_envvar('YOURAPPLICATION_SETTINGS')

    In this case before launching the application you have to set this
    environment variable to the file you want to use.

    Configuration files are read as bytes and compiled; a file without an
    encoding declaration is read as UTF-8 on every interpreter, Python 2.7
    included.

    :param root_path: path to which files are read relative from. When the
                      config object is created by the application, this is
                      the application's :attr:`~flaskcompat.Flask.root_path`.
    :param defaults: an optional dictionary of default values
    """

    def __init__(self, root_path, defaults=None):
        dict.__init__(self, defaults or {})
        self.root_path = root_path

    def from_envvar(self, variable_name, silent=False):
        """Loads a configuration from an environment variable pointing to
        a configuration file. This is basically just a shortcut with nicer
        error messages for this line of code::

            app.config.from_pyfile(os.environ['YOURAPPLICATION_SETTINGS'])

        :param variable_name: name of the environment variable
        :param silent: set to ``True`` if you want silent failure for missing
                       files.
        :return: bool. ``True`` if able to load config, ``False`` otherwise.
        """
        rv = os.environ.get(variable_name)
        if not rv:
            if silent:
                return False
            raise RuntimeError(
                "The environment variable %r is not set"
                " and as such configuration could not be"
                " loaded. Set this variable and make it"
                " point to a configuration file" % variable_name
            )
        return self.from_pyfile(rv, silent=silent)

    def _read_file(self, filename, silent):
        """Return the bytes of ``filename`` (relative to :attr:`root_path`),
        or ``None`` if it is missing and ``silent`` is true. Other errors
        are re-raised with a message that names the file."""
        try:
            with open(filename, "rb") as f:
                return f.read()
        except (IOError, OSError) as e:
            if silent and e.errno in (errno.ENOENT, errno.EISDIR, errno.ENOTDIR):
                return None
            e.strerror = "Unable to load configuration file (%s)" % e.strerror
            if e.filename is None:
                e.filename = filename
            raise

    def from_pyfile(self, filename, silent=False):
        """Updates the values in the config from a Python file. This function
        behaves as if the file was imported as module with the
        :meth:`from_object` function.

        :param filename: the filename of the config. This can either be an
                         absolute filename or a filename relative to the
                         root path.
        :param silent: set to ``True`` if you want silent failure for missing
                       files.
        :return: bool. ``True`` if the file was loaded, ``False`` if it was
                 missing and ``silent`` is true.

        .. versionadded:: 0.7
           `silent` parameter.
        """
        filename = os.path.join(self.root_path, fspath(filename))
        source = self._read_file(filename, silent)
        if source is None:
            return False
        d = types.ModuleType("config")
        d.__file__ = filename
        exec(_compile_config_source(source, filename), d.__dict__)
        self.from_object(d)
        return True

    def from_object(self, obj):
        """Updates the values from the given object. An object can be of one
        of the following two types:

        -   a string: in this case the object with that name will be imported
        -   an actual object reference: that object is used directly

        Objects are usually either modules or classes. :meth:`from_object`
        loads only the uppercase attributes of the module/class. A ``dict``
        object will not work with :meth:`from_object` because the keys of a
        ``dict`` are not attributes of the ``dict`` class.

        Example of module-based configuration::

            app.config.from_object('yourapplication.default_config')
            from yourapplication import default_config
            app.config.from_object(default_config)

        Nothing is done to the object before loading. If the object is a
        class and has ``@property`` attributes, it needs to be
        instantiated before being passed to this method.

        You should not use this function to load the actual configuration but
        rather configuration defaults. The actual config should be loaded
        with :meth:`from_pyfile` and ideally from a location not within the
        package because the package might be installed system wide.

        :param obj: an import name or object
        """
        if isinstance(obj, string_types):
            obj = import_string(obj)
        for key in dir(obj):
            if key.isupper():
                self[key] = getattr(obj, key)

    def from_json(self, filename, silent=False):
        """Updates the values in the config from a JSON file. This function
        behaves as if the JSON object was a dictionary and passed to the
        :meth:`from_mapping` function.

        The file is read as bytes; its encoding (UTF-8, -16 or -32) is
        detected, never taken from the locale.

        :param filename: the filename of the JSON file. This can either be an
                         absolute filename or a filename relative to the
                         root path.
        :param silent: set to ``True`` if you want silent failure for missing
                       files.

        .. versionadded:: 0.11
        """
        filename = os.path.join(self.root_path, fspath(filename))
        data = self._read_file(filename, silent)
        if data is None:
            return False
        try:
            obj = json.loads(data)
        except ValueError as e:
            raise ValueError(
                "Unable to load configuration file %s (%s)" % (filename, e)
            )
        if not isinstance(obj, dict):
            raise TypeError(
                "Unable to load configuration file %s (expected a JSON object,"
                " got %s)" % (filename, type(obj).__name__)
            )
        return self.from_mapping(obj)

    def from_mapping(self, *mapping, **kwargs):
        """Updates the config like :meth:`update` ignoring items with non-upper
        keys.

        .. versionadded:: 0.11
        """
        mappings = []
        if len(mapping) == 1:
            if hasattr(mapping[0], "items"):
                mappings.append(mapping[0].items())
            else:
                mappings.append(mapping[0])
        elif len(mapping) > 1:
            raise TypeError(
                "expected at most 1 positional argument, got %d" % len(mapping)
            )
        mappings.append(kwargs.items())
        for mapping in mappings:
            for (key, value) in mapping:
                if key.isupper():
                    self[key] = value
        return True

    def get_namespace(self, namespace, lowercase=True, trim_namespace=True):
        """Returns a dictionary containing a subset of configuration options
        that match the specified namespace/prefix. Example usage::

            app.config['IMAGE_STORE_TYPE'] = 'fs'
            app.config['IMAGE_STORE_PATH'] = '/var/app/images'
            app.config['IMAGE_STORE_BASE_URL'] = 'http://img.website.com'
            image_store_config = app.config.get_namespace('IMAGE_STORE_')

        The resulting dictionary `image_store_config` would look like::

            {
                'type': 'fs',
                'path': '/var/app/images',
                'base_url': 'http://img.website.com'
            }

        This is often useful when configuration options map directly to
        keyword arguments in functions or class constructors.

        :param namespace: a configuration namespace
        :param lowercase: a flag indicating if the keys of the resulting
                          dictionary should be lowercase
        :param trim_namespace: a flag indicating if the keys of the resulting
                          dictionary should not include the namespace

        .. versionadded:: 0.11
        """
        rv = {}
        for k, v in iteritems(self):
            if not k.startswith(namespace):
                continue
            if trim_namespace:
                key = k[len(namespace) :]
            else:
                key = k
            if lowercase:
                key = key.lower()
            rv[key] = v
        return rv

    def __repr__(self):
        return "<%s %s>" % (self.__class__.__name__, dict.__repr__(self))
