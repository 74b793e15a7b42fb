# -*- coding: utf-8 -*-
"""Request-side conveniences (URLs, flashed messages, streaming, file
responses) and the package-on-disk base that apps and blueprints extend."""
import io
import mimetypes
import os
import posixpath
import re
import socket
import string
import sys
import unicodedata
from datetime import timedelta
from functools import wraps
from threading import RLock
from time import time
from zlib import adler32

from jinja2 import FileSystemLoader
from werkzeug.datastructures import Headers
from werkzeug.exceptions import BadRequest
from werkzeug.exceptions import NotFound
from werkzeug.routing import BuildError
from werkzeug.utils import redirect as _werkzeug_redirect
from werkzeug.wsgi import wrap_file

from ._compat import abort_outside_app
from ._compat import binary_type
from ._compat import float_text
from ._compat import module_loader
from ._compat import string_types
from ._compat import to_bytes
from ._compat import to_text
from ._compat import url_quote
from .globals import _app_ctx_stack
from .globals import _request_ctx_stack
from .globals import current_app
from .globals import request
from .globals import session
from .signals import message_flashed


# -- environment ------------------------------------------------------------

_FALSE_WORDS = ("0", "false", "no")


def get_env():
    """``FLASK_ENV``, or ``"production"`` when it is unset or empty."""
    return os.environ.get("FLASK_ENV", "") or "production"


def get_debug_flag():
    """Debug mode from ``FLASK_DEBUG``; unset means on only in development."""
    flag = os.environ.get("FLASK_DEBUG")
    return flag.lower() not in _FALSE_WORDS if flag else get_env() == "development"


def get_load_dotenv(default=True):
    """False when ``FLASK_SKIP_DOTENV`` asks to skip ``.env`` files."""
    flag = os.environ.get("FLASK_SKIP_DOTENV")
    if flag:
        return flag.lower() in _FALSE_WORDS
    return default


# -- names shared by the app and blueprints ---------------------------------


def _endpoint_from_view_func(view_func):
    """The endpoint a view gets when none is given: its function name."""
    assert view_func is not None, "an endpoint or a view function is needed"
    return view_func.__name__


def blueprint_chain(name):
    """A blueprint's dotted name followed by its parents' names, innermost
    first (``"a.b"`` gives ``("a.b", "a")``); ``()`` for no blueprint."""
    if name is None:
        return ()
    chain = [name]
    while "." in name:
        name = name.rpartition(".")[0]
        chain.append(name)
    return tuple(chain)


# -- responses ----------------------------------------------------------------


def stream_with_context(generator_or_function):
    """Keep the current request context available to a streamed body.

    Accepts an iterable, or decorates a generator function."""
    try:
        source = iter(generator_or_function)
    except TypeError:
        func = generator_or_function

        @wraps(func)
        def call_and_wrap(*args, **kwargs):
            return stream_with_context(func(*args, **kwargs))

        return call_and_wrap

    ctx = _request_ctx_stack.peek()
    if ctx is None:
        raise RuntimeError(
            "stream_with_context() was called with no request context to keep"
        )
    stream = _iterate_inside(ctx, source)
    # Enter the context now: once the view returns, its own push is undone.
    next(stream)
    return stream


def _iterate_inside(ctx, source):
    with ctx:
        yield None
        try:
            for chunk in source:
                yield chunk
        finally:
            # A plain iterator (not a generator) may hold resources too.
            close = getattr(source, "close", None)
            if close is not None:
                close()


def make_response(*args):
    """A response object from what a view could return, so a view can add
    headers before returning it."""
    app = current_app
    if not args:
        return app.response_class()
    return app.make_response(args[0] if len(args) == 1 else args)


def get_template_attribute(template_name, attribute):
    """A macro or variable exported by a template, for use from Python."""
    module = current_app.jinja_env.get_template(template_name).module
    return getattr(module, attribute)


# ASCII control characters, CR and LF above all
_CONTROL_CHAR = re.compile(u"[\x00-\x1f\x7f]")


def redirect(location, code=302, Response=None):
    """A redirect response to ``location``. Inside an application context it
    is the app's :meth:`~flaskcompat.Flask.redirect` (its response class);
    bytes are taken as UTF-8 and control characters are percent-encoded (a
    CR/LF from ``?next=`` would otherwise break the header)."""
    if Response is None:
        app_ctx = _app_ctx_stack.peek()
        if app_ctx is not None:
            return app_ctx.app.redirect(location, code)
    return _redirect_response(location, code, Response)


def _redirect_response(location, code, response_class):
    location = _CONTROL_CHAR.sub(
        lambda match: u"%%%02X" % ord(match.group()), to_text(location)
    )
    return _werkzeug_redirect(location, code, Response=response_class)


def abort(status, *args, **kwargs):
    """Raise the HTTP exception for ``status`` (or the response given as
    ``status``) through the current app's :attr:`~flaskcompat.Flask.aborter`,
    or Werkzeug's own outside an application context."""
    app_ctx = _app_ctx_stack.peek()
    if app_ctx is not None:
        app_ctx.app.aborter(status, *args, **kwargs)
    abort_outside_app(status, *args, **kwargs)


# -- URL building -------------------------------------------------------------


def _url_value(value):
    # Floats as Python 3 writes them (2.7's str() keeps 12 digits); bytes
    # are the UTF-8 text Python 2 code meant by them.
    if isinstance(value, float):
        return float_text(float(value))
    if isinstance(value, binary_type):
        return to_text(value)
    if type(value) in (list, tuple):
        return [_url_value(item) for item in value]
    return value


def _build_url(adapter, endpoint, values, method, external, scheme):
    if scheme is None:
        return adapter.build(endpoint, values, method=method, force_external=external)
    # Not every Werkzeug release takes a scheme in build(); swap it for one call.
    saved = adapter.url_scheme
    adapter.url_scheme = scheme
    try:
        return adapter.build(endpoint, values, method=method, force_external=external)
    finally:
        adapter.url_scheme = saved


_URL_OPTIONS = ("_external", "_anchor", "_method", "_scheme")


def url_for(endpoint, **values):
    """Build the URL of ``endpoint`` with the current app's
    :meth:`~flaskcompat.Flask.url_for`; unknown keyword arguments become the
    query string. ``_external``, ``_scheme``, ``_anchor`` and ``_method``
    control the result; ``".name"`` means ``name`` in the current blueprint."""
    app_ctx = _app_ctx_stack.peek()
    if app_ctx is None:
        raise RuntimeError(
            "url_for() works only with an application context pushed"
            " (inside a request, or within app.app_context())."
        )
    return app_ctx.app.url_for(endpoint, **values)


def _url_for(app, endpoint, values):
    # The body of Flask.url_for; ``values`` is the caller's own dict.
    req_ctx = _request_ctx_stack.peek()
    if req_ctx is None:
        app_ctx = _app_ctx_stack.peek()
        if app_ctx is not None and app_ctx.app is app:
            adapter = app_ctx.url_adapter
        else:
            adapter = app.create_url_adapter(None)
        if adapter is None:
            raise RuntimeError(
                "Outside a request, url_for() needs the SERVER_NAME config"
                " value to know which host to build URLs for."
            )
    else:
        adapter = req_ctx.url_adapter
        if endpoint[:1] == ".":
            current = req_ctx.request.blueprint
            endpoint = endpoint[1:] if current is None else current + endpoint

    # Outside a request there is no page to be relative to: absolute URLs.
    options = {}
    for key in _URL_OPTIONS:
        if key in values:
            options[key] = values.pop(key)
    external = options.get("_external")
    if external is None:
        external = options["_external"] = req_ctx is None
    scheme = options.get("_scheme")
    anchor = options.get("_anchor")
    app.inject_url_defaults(endpoint, values)
    for key in list(values):
        values[key] = _url_value(values[key])

    if scheme is not None and not external:
        raise ValueError("A _scheme needs an absolute URL: _external must be True")
    try:
        url = _build_url(
            adapter, endpoint, values, options.get("_method"), external, scheme
        )
    except BuildError as exc:
        # Build error handlers get every option back, given or not.
        for key in _URL_OPTIONS:
            values[key] = options.get(key)
        return app.handle_url_build_error(exc, endpoint, values)
    if anchor is not None:
        url += "#" + url_quote(anchor, safe="/:~")
    return url


# -- flashing -----------------------------------------------------------------


def flash(message, category="message"):
    """Store a message for the next request to show (see
    :func:`get_flashed_messages`)."""
    message = to_text(message) if isinstance(message, bytes) else message
    category = to_text(category) if isinstance(category, bytes) else category
    # Assign a new list: session backends that store elsewhere see only
    # item assignment, never an in-place append.
    queue = list(session.get("_flashes", ()))
    queue.append((category, message))
    session["_flashes"] = queue
    sender = current_app._get_current_object()
    message_flashed.send(sender, message=message, category=category)


def get_flashed_messages(with_categories=False, category_filter=()):
    """The messages flashed for this request, taken out of the session on
    the first call; ``(category, message)`` pairs with ``with_categories``,
    only the listed categories with ``category_filter``."""
    ctx = _request_ctx_stack.peek()
    if ctx.flashes is None:
        # Test membership first: popping a missing key would still mark
        # the session modified and send a cookie.
        ctx.flashes = session.pop("_flashes") if "_flashes" in session else []
    pairs = ctx.flashes
    if category_filter:
        pairs = [pair for pair in pairs if pair[0] in category_filter]
    if with_categories:
        return list(pairs)
    return [pair[1] for pair in pairs]


# -- sending files ------------------------------------------------------------

# RFC 7230 "tchar": a parameter value made only of these needs no quotes.
_TOKEN = frozenset(string.ascii_letters + string.digits + "!#$%&'*+-.^_`|~")

# RFC 5987 attr-char besides letters, digits and "-._"
_ATTR_CHAR_EXTRA = "!#$&+^`|~"


def _param_value(text):
    if text and all(char in _TOKEN for char in text):
        return text
    return u'"%s"' % text.replace(u"\\", u"\\\\").replace(u'"', u'\\"')


def content_disposition(kind, filename):
    """A ``Content-Disposition`` value; a name that is not plain ASCII gets
    an ASCII approximation plus its RFC 2231 ``filename*`` UTF-8 form."""
    filename = to_text(filename)
    decomposed = unicodedata.normalize("NFKD", filename)
    ascii_name = decomposed.encode("ascii", "ignore").decode("ascii")
    value = u"%s; filename=%s" % (kind, _param_value(ascii_name))
    if ascii_name != filename:
        value += u"; filename*=UTF-8''" + url_quote(filename, safe=_ATTR_CHAR_EXTRA)
    return value


def _path_text(path):
    """A path as text: PathLike objects are unwrapped, bytes are UTF-8."""
    unwrap = getattr(path, "__fspath__", None)
    if unwrap is not None:
        path = unwrap()
    if isinstance(path, bytes):
        return path.decode("utf-8")
    return path


def _is_path(value):
    return isinstance(value, (string_types, bytes)) or hasattr(value, "__fspath__")


def _bytes_left(stream):
    """How many bytes a seekable stream has left, or ``None``."""
    try:
        here = stream.tell()
        stream.seek(0, io.SEEK_END)
        end = stream.tell()
        stream.seek(here)
    except (AttributeError, IOError, OSError, ValueError):
        return None
    return end - here


def send_file(
    filename_or_fp,
    mimetype=None,
    as_attachment=False,
    attachment_filename=None,
    add_etags=True,
    cache_timeout=None,
    conditional=False,
    last_modified=None,
    # Flask 2.0's names for attachment_filename, cache_timeout and add_etags
    download_name=None,
    max_age=None,
    etag=None,
):
    """Respond with a file, given its path (relative to the app's root) or a
    file object. Flask 1.1's argument names and the newer ones
    (``download_name``, ``max_age``, ``etag``) are both accepted."""
    name = attachment_filename if download_name is None else download_name
    max_age = cache_timeout if max_age is None else max_age
    etag = add_etags if etag is None else etag
    app = current_app

    path = stream = size = mtime = None
    if _is_path(filename_or_fp):
        try:
            path = _path_text(filename_or_fp)
        except ValueError:  # bytes that are not UTF-8 name no file of ours
            raise NotFound()
        if not os.path.isabs(path):
            path = os.path.join(app.root_path, path)
        if name is None:
            name = os.path.basename(path)
        try:
            info = os.stat(path)
        except OSError:
            raise NotFound()
        size, mtime = info.st_size, info.st_mtime
    else:
        stream = filename_or_fp
        if isinstance(stream, io.TextIOBase):
            # Text goes out as UTF-8, and Content-Length counts its bytes.
            stream = io.BytesIO(stream.read().encode("utf-8"))

    if mimetype is None:
        if name is None:
            raise ValueError(
                "Unable to infer MIME-type because no filename is available:"
                " pass a mimetype, or a download_name (attachment_filename)."
            )
        mimetype = mimetypes.guess_type(to_text(name))[0] or "application/octet-stream"

    headers = Headers()
    if as_attachment:
        if name is None:
            raise TypeError(
                "as_attachment needs a file name: pass download_name"
                " (attachment_filename)"
            )
        headers["Content-Disposition"] = content_disposition("attachment", name)

    if path is not None and app.use_x_sendfile:
        headers.set("X-Sendfile", path)
        body = None
    else:
        if stream is None:
            stream = open(path, "rb")
        else:
            size = _bytes_left(stream)
        body = wrap_file(request.environ, stream)

    rv = app.response_class(
        body, mimetype=mimetype, headers=headers, direct_passthrough=True
    )
    if size is not None:
        rv.content_length = size
    modified = mtime if last_modified is None else last_modified
    if modified is not None:
        rv.last_modified = modified

    cache = rv.cache_control
    cache.public = True
    seconds = total_seconds(
        app.get_send_file_max_age(path) if max_age is None else max_age
    )
    if seconds is not None:
        cache.max_age = seconds
        rv.expires = int(time() + seconds)

    if isinstance(etag, string_types):
        rv.set_etag(etag)
    elif etag is True and path is not None:
        # float_text: the same tag for the same file on 2.7 and 3.x
        checksum = adler32(to_bytes(path, "utf-8", "replace")) & 0xFFFFFFFF
        rv.set_etag("%s-%s-%s" % (float_text(mtime), size, checksum))

    if not conditional:
        return rv
    try:
        rv = rv.make_conditional(
            request.environ, accept_ranges=True, complete_length=size
        )
    except Exception:
        # A 416 leaves the opened file unsent: close it here.
        rv.close()
        raise
    if rv.status_code == 304 and "X-Sendfile" in rv.headers:
        # Some servers send the X-Sendfile file even with a 304.
        del rv.headers["X-Sendfile"]
    return rv


# Windows opens a device for these names whatever extension or stream
# (":...") follows, and for trailing dots and spaces; the ports take the
# superscript digits too. They are refused on every OS so that an app
# behaves the same everywhere.
_DEVICE_NAMES = frozenset(
    [u"CON", u"AUX", u"PRN", u"NUL", u"CONIN$", u"CONOUT$"]
    + [
        port + digit
        for port in (u"COM", u"LPT")
        for digit in u"123456789\u00b9\u00b2\u00b3"
    ]
)

_NON_SLASH_SEPARATORS = [
    sep for sep in (os.path.sep, os.path.altsep) if sep and sep != "/"
]


class _NulInPath(NotFound, BadRequest):
    """A 404 for a path holding a NUL. Flask 1.1 raised BadRequest for it
    before Python 3.8 and NotFound from 3.8 on; this is both, so code
    written against either still catches it."""

    code = 404
    description = NotFound.description


def _escapes(part):
    """Whether a normalized path part could leave its base directory or
    name something other than a plain file."""
    if part == ".." or part.startswith(("../", "/")) or os.path.isabs(part):
        return True
    if "\\" in part or part[1:2] == ":":
        return True
    if any(sep in part for sep in _NON_SLASH_SEPARATORS):
        return True
    for segment in part.split("/"):
        stem = segment.partition(".")[0].partition(":")[0]
        if stem.strip().upper() in _DEVICE_NAMES:
            return True
        # Windows drops trailing dots and spaces: "a.txt." opens "a.txt"
        if segment[-1:] in (u".", u" ") and segment not in (u".", u".."):
            return True
    return False


def safe_join(directory, *pathnames):
    """Join untrusted path parts onto a trusted directory, raising
    :exc:`~werkzeug.exceptions.NotFound` for any part that could escape it
    (``..``, absolute paths, drives, backslashes, NUL, Windows device
    names)."""
    try:
        joined = [_path_text(directory)]
        parts = [_path_text(name) for name in pathnames]
    except ValueError:
        raise NotFound()
    for part in parts:
        if not isinstance(part, string_types):
            raise NotFound()
        if u"\x00" in part:
            raise _NulInPath()
        if part:
            # "" is kept as is: joining it adds a trailing slash.
            part = posixpath.normpath(part)
        if _escapes(part):
            raise NotFound()
        joined.append(part)
    return posixpath.join(*joined)


# what os.path.isfile raises for a path the OS cannot take (before Python 3.8)
_UNUSABLE_PATH = (TypeError, ValueError)


def send_from_directory(directory, filename, **options):
    """Send ``filename`` from inside ``directory`` with :func:`send_file`,
    refusing names that leave it; conditional requests are on by default."""
    path = safe_join(directory, filename)
    if not os.path.isabs(path):
        path = os.path.join(current_app.root_path, path)
    try:
        found = os.path.isfile(path)
    except _UNUSABLE_PATH:
        raise BadRequest()
    if not found:
        raise NotFound()
    if "conditional" not in options:
        options["conditional"] = True
    return send_file(path, **options)


# -- packages on disk ---------------------------------------------------------


def get_root_path(import_name):
    """The folder holding a module (or a package's ``__init__``), found
    without importing it when possible; the working directory for
    ``__main__`` or a name nothing would import."""
    location = getattr(sys.modules.get(import_name), "__file__", None)
    if not location:
        if import_name == "__main__":
            return os.getcwd()
        loader = module_loader(import_name)
        if loader is None:
            return os.getcwd()
        location = _loader_file(loader, import_name)
    if location is None:
        raise RuntimeError(
            "Cannot tell the root path of %r: its loader gives no file name"
            " (an import hook or a namespace package). Pass root_path"
            " explicitly." % import_name
        )
    return os.path.dirname(os.path.abspath(location))


def _loader_file(loader, import_name):
    get_filename = getattr(loader, "get_filename", None)
    if get_filename is not None:
        return get_filename(import_name)
    # A loader that cannot tell: import the module and ask it.
    __import__(import_name)
    return getattr(sys.modules[import_name], "__file__", None)


def _is_package(name):
    module = sys.modules.get(name)
    if module is not None:
        filename = getattr(module, "__file__", None) or ""
        return os.path.basename(filename).startswith("__init__.")
    loader = module_loader(name)
    check = getattr(loader, "is_package", None)
    return bool(check is not None and check(name))


def _install_prefix(folder):
    """The installation prefix above ``folder``, or ``None``."""
    python_prefix = os.path.abspath(sys.prefix)
    if folder.startswith(python_prefix):
        return python_prefix
    above, here = os.path.split(folder)
    if here.lower() != "site-packages":
        return None
    lib_parent, lib = os.path.split(above)
    if lib.lower() == "lib":  # <prefix>/Lib/site-packages (Windows)
        return lib_parent
    if os.path.basename(lib_parent).lower() == "lib":  # <prefix>/lib/pythonX.Y/...
        return os.path.dirname(lib_parent)
    return above


def find_package(import_name):
    """``(prefix, folder)``: the folder to put on ``sys.path`` to import the
    top-level package of ``import_name``, and the installation prefix it
    lives under (``None`` when it is not installed)."""
    top = import_name.partition(".")[0]
    folder = get_root_path(top)
    if _is_package(top):
        folder = os.path.dirname(folder)
    return _install_prefix(folder), folder


class locked_cached_property(object):
    """A property computed on first access and then stored on the instance,
    with a lock so that threads racing on the first access agree."""

    def __init__(self, func, name=None, doc=None):
        # name, module and docstring only: a __wrapped__ function would make
        # documentation tools present the property as a method
        self.__name__ = name or func.__name__
        self.__module__ = func.__module__
        self.__doc__ = doc or func.__doc__
        self.func = func
        self.lock = RLock()

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        store = instance.__dict__
        with self.lock:
            if self.__name__ not in store:
                store[self.__name__] = self.func(instance)
            return store[self.__name__]


class _PackageBoundObject(object):
    """The base of :class:`Flask` and :class:`Blueprint`: a package on disk
    with its templates, static files and resources, and its CLI commands."""

    import_name = None
    template_folder = None
    root_path = None

    def __init__(self, import_name, template_folder=None, root_path=None):
        from .cli import AppGroup  # cli imports this module

        self.import_name, self.template_folder = import_name, template_folder
        self.root_path = get_root_path(import_name) if root_path is None else root_path
        self._static_folder = self._static_url_path = None
        self.cli = AppGroup()

    @property
    def static_folder(self):
        """The absolute static folder, or ``None``."""
        folder = self._static_folder
        return None if folder is None else os.path.join(self.root_path, folder)

    @static_folder.setter
    def static_folder(self, value):
        if value is not None:
            value = _path_text(value).rstrip("/\\")
        self._static_folder = value

    @property
    def static_url_path(self):
        """The URL prefix of static files; by default ``/`` and the static
        folder's name."""
        url_path = self._static_url_path
        folder = self.static_folder
        if url_path is None and folder is not None:
            url_path = ("/" + os.path.basename(folder)).rstrip("/")
        return url_path

    @static_url_path.setter
    def static_url_path(self, value):
        self._static_url_path = None if value is None else value.rstrip("/")

    @property
    def has_static_folder(self):
        return self.static_folder is not None

    @locked_cached_property
    def jinja_loader(self):
        """A loader for the template folder, or ``None`` without one."""
        folder = self.template_folder
        if folder is not None:
            return FileSystemLoader(os.path.join(self.root_path, folder))
        return None

    def get_send_file_max_age(self, filename):
        """Seconds a sent file may be cached: ``SEND_FILE_MAX_AGE_DEFAULT``
        by default. Override to vary it by file."""
        default = current_app.send_file_max_age_default
        return total_seconds(default)

    def send_static_file(self, filename):
        """The view behind the ``static`` route."""
        folder = self.static_folder
        if folder is None:
            raise RuntimeError("%r has no static folder to send files from" % self)
        seconds = self.get_send_file_max_age(filename)
        return send_from_directory(folder, filename, cache_timeout=seconds)

    def open_resource(self, resource, mode="rb", encoding=None):
        """Open a file below :attr:`root_path` for reading: bytes with
        ``"rb"``, text with ``"r"`` or ``"rt"``, in ``encoding`` (UTF-8
        unless given, the same on every interpreter)."""
        path = os.path.join(self.root_path, resource)
        if mode == "rb":
            return open(path, "rb")
        if mode in ("r", "rt"):
            return io.open(path, "r", encoding=encoding or "utf-8")
        raise ValueError("open_resource() reads only: use mode 'rb', 'r' or 'rt'")


# -- small utilities ----------------------------------------------------------


def total_seconds(td):
    """Whole seconds in a :class:`~datetime.timedelta`; numbers are passed
    through :func:`int` and ``None`` stays ``None``."""
    if td is None:
        return None
    if isinstance(td, timedelta):
        return td.days * 86400 + td.seconds
    return int(td)


def is_ip(value):
    """Whether ``value`` is an IPv4 or IPv6 address."""
    for kind in (socket.AF_INET, socket.AF_INET6):
        try:
            socket.inet_pton(kind, value)
        except (socket.error, ValueError, UnicodeError, TypeError):
            continue
        return True
    return False
