# -*- coding: utf-8 -*-
"""
    flaskcompat.helpers
    ~~~~~~~~~~~~~~~~~~~

    Helpers: URL building, flashing, file sending, package lookups.
"""
import io
import mimetypes
import os
import posixpath
import re
import sys
import unicodedata
from datetime import timedelta
from functools import update_wrapper
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

from ._compat import float_text
from ._compat import fspath
from ._compat import string_types
from ._compat import text_type
from ._compat import to_bytes
from ._compat import to_text
from ._compat import url_quote
from .globals import _app_ctx_stack
from .globals import _request_ctx_stack
from .globals import current_app
from .globals import request
from .globals import session
from .signals import message_flashed

# sentinel
_missing = object()

# what separators does this operating system provide that are not a slash?
# this is used by the send_from_directory function to ensure nobody is
# able to access files from outside the filesystem.
_os_alt_seps = list(
    sep for sep in [os.path.sep, os.path.altsep] if sep not in (None, "/")
)

# Names that open a device instead of a file on Windows, whatever extension
# follows them; refused on every OS so an app behaves the same everywhere.
_windows_device_files = frozenset(
    ["CON", "AUX", "PRN", "NUL", "CONIN$", "CONOUT$"]
    + ["COM%d" % i for i in range(1, 10)]
    + ["LPT%d" % i for i in range(1, 10)]
)


def get_env():
    """Get the environment the app is running in, indicated by the
    :envvar:`FLASK_ENV` environment variable. The default is
    ``'production'``.
    """
    return os.environ.get("FLASK_ENV") or "production"


def get_debug_flag():
    """Get whether debug mode should be enabled for the app, indicated
    by the :envvar:`FLASK_DEBUG` environment variable. The default is
    ``True`` if :func:`.get_env` returns ``'development'``, or ``False``
    otherwise.
    """
    val = os.environ.get("FLASK_DEBUG")

    if not val:
        return get_env() == "development"

    return val.lower() not in ("0", "false", "no")


def get_load_dotenv(default=True):
    """Get whether the user has disabled loading dotenv files by setting
    :envvar:`FLASK_SKIP_DOTENV`. The default is ``True``, load the
    files.

    :param default: What to return if the env var isn't set.
    """
    val = os.environ.get("FLASK_SKIP_DOTENV")

    if not val:
        return default

    return val.lower() in ("0", "false", "no")


def _endpoint_from_view_func(view_func):
    """Internal helper that returns the default endpoint for a given
    function.  This always is the function name.
    """
    assert view_func is not None, "expected view func if endpoint is not provided."
    return view_func.__name__


def blueprint_chain(name):
    """The blueprint ``name`` and the blueprints it is nested in, innermost
    first: ``"a.b.c"`` gives ``("a.b.c", "a.b", "a")``; ``None`` gives
    ``()``."""
    if name is None:
        return ()
    if "." not in name:
        return (name,)
    parts = name.split(".")
    return tuple(".".join(parts[:end]) for end in range(len(parts), 0, -1))


def registration_name(blueprint, options):
    """The name a blueprint is registered under: the ``name`` option or its
    own, after the dotted name of the blueprint it is nested in."""
    name = options.get("name") or blueprint.name
    prefix = options.get("name_prefix")
    if prefix:
        return prefix + "." + name
    return name


def stream_with_context(generator_or_function):
    """Request contexts disappear when the response is started on the server.
    This is done for efficiency reasons and to make it less likely to
    encounter memory leaks with badly written WSGI middlewares.  The downside
    is that if you are using streamed responses, the generator cannot access
    request bound information any more.

    This function however can help you keep the context around for longer::

        from flaskcompat import stream_with_context, request, Response

        @app.route('/stream')
        def streamed_response():
            @stream_with_context
            def generate():
                yield 'Hello '
                yield request.args['name']
                yield '!'
            return Response(generate())

    Alternatively it can also be used around a specific generator::

        @app.route('/stream')
        def streamed_response():
            def generate():
                yield 'Hello '
                yield request.args['name']
                yield '!'
            return Response(stream_with_context(generate()))
    """
    try:
        gen = iter(generator_or_function)
    except TypeError:

        def decorator(*args, **kwargs):
            gen = generator_or_function(*args, **kwargs)
            return stream_with_context(gen)

        return update_wrapper(decorator, generator_or_function)

    def generator():
        ctx = _request_ctx_stack.top
        if ctx is None:
            raise RuntimeError(
                "Attempted to stream with context but "
                "there was no context in the first place to keep around."
            )
        with ctx:
            # Dummy sentinel.  Has to be inside the context block or we're
            # not actually keeping the context around.
            yield None

            # The try/finally is here so that if someone passes a WSGI level
            # iterator in we're still running the cleanup logic.  Generators
            # don't need that because they are closed on their destruction
            # automatically.
            try:
                for item in gen:
                    yield item
            finally:
                if hasattr(gen, "close"):
                    gen.close()

    # The trick is to start the generator.  Then the code execution runs until
    # the first dummy None is yielded at which point the context was already
    # pushed.  This item is discarded.  Then when the iteration continues the
    # real generator is executed.
    wrapped_g = generator()
    next(wrapped_g)
    return wrapped_g


def make_response(*args):
    """Sometimes it is necessary to set additional headers in a view. Because
    views do not have to return response objects but can return a value that
    is converted into a response object by flaskcompat itself, it becomes
    tricky to add headers to it. This function can be called instead of
    using a return and you will get a response object which you can use to
    attach headers.

    If view looked like this and you want to add a new header::

        def index():
            return render_template('index.html', foo=42)

    You can now do something like this::

        def index():
            response = make_response(render_template('index.html', foo=42))
            response.headers['X-Parachutes'] = 'parachutes are cool'
            return response

    This function accepts the very same arguments you can return from a
    view function: no arguments creates an empty response, one argument is
    passed to :meth:`~flaskcompat.Flask.make_response`, several are passed to
    it as a tuple.
    """
    if not args:
        return current_app.response_class()
    if len(args) == 1:
        args = args[0]
    return current_app.make_response(args)


def url_for(endpoint, **values):
    """Generates a URL to the given endpoint with the method provided.

    Variable arguments that are unknown to the target endpoint are appended
    to the generated URL as query arguments.  If the value of a query argument
    is ``None``, the whole pair is skipped.  In case blueprints are active
    you can shortcut references to the same blueprint by prefixing the
    local endpoint with a dot (``.``).

    This will reference the index function local to the current blueprint::

        url_for('.index')

    :param endpoint: the endpoint of the URL (name of the function)
    :param values: the variable arguments of the URL rule
    :param _external: if set to ``True``, an absolute URL is generated. Server
      address can be changed via ``SERVER_NAME`` configuration variable which
      falls back to the `Host` header, then to the IP and port of the request.
    :param _scheme: a string specifying the desired URL scheme. The `_external`
      parameter must be set to ``True`` or a :exc:`ValueError` is raised.
    :param _anchor: if provided this is added as anchor to the URL.
    :param _method: if provided this explicitly specifies an HTTP method.
    """
    appctx = _app_ctx_stack.top
    reqctx = _request_ctx_stack.top

    if appctx is None:
        raise RuntimeError(
            "Attempted to generate a URL without the application context being"
            " pushed. This has to be executed when application context is"
            " available."
        )

    # If request specific information is available we have some extra
    # features that support "relative" URLs.
    if reqctx is not None:
        url_adapter = reqctx.url_adapter
        blueprint_name = reqctx.request.blueprint

        if endpoint[:1] == ".":
            if blueprint_name is not None:
                endpoint = blueprint_name + endpoint
            else:
                endpoint = endpoint[1:]

        external = values.pop("_external", False)

    # Otherwise go with the url adapter from the appctx and make
    # the URLs external by default.
    else:
        url_adapter = appctx.url_adapter

        if url_adapter is None:
            raise RuntimeError(
                "Application was not able to create a URL adapter for request"
                " independent URL generation. You might be able to fix this by"
                " setting the SERVER_NAME config variable."
            )

        external = values.pop("_external", True)

    anchor = values.pop("_anchor", None)
    method = values.pop("_method", None)
    scheme = values.pop("_scheme", None)
    appctx.app.inject_url_defaults(endpoint, values)

    # A float is written the same on every interpreter (Python 2's str()
    # keeps 12 digits), and bytes (Python 2's native strings) are UTF-8
    # text, in the path and in the query string alike.
    for key, value in values.items():
        if type(value) is float:
            values[key] = float_text(value)
        elif isinstance(value, bytes):
            values[key] = value.decode("utf-8")

    # This is not the best way to deal with this but currently the
    # underlying Werkzeug router does not support overriding the scheme on
    # a per build call basis.
    old_scheme = None
    if scheme is not None:
        if not external:
            raise ValueError("When specifying _scheme, _external must be True")
        old_scheme = url_adapter.url_scheme
        url_adapter.url_scheme = scheme

    try:
        try:
            rv = url_adapter.build(
                endpoint, values, method=method, force_external=external
            )
        finally:
            if old_scheme is not None:
                url_adapter.url_scheme = old_scheme
    except BuildError as error:
        # We need to inject the values again so that the app callback can
        # deal with that sort of stuff.
        values["_external"] = external
        values["_anchor"] = anchor
        values["_method"] = method
        values["_scheme"] = scheme
        return appctx.app.handle_url_build_error(error, endpoint, values)

    if anchor is not None:
        rv += "#" + url_quote(anchor, safe="/:")
    return rv


# ASCII control characters (CR and LF above all) in a redirect target
_control_chars = re.compile(u"[\x00-\x1f\x7f]")


def redirect(location, code=302, Response=None):
    """Return a response object (a WSGI application) that, if called,
    redirects the client to the target location. Supported codes are 301,
    302, 303, 305, 307 and 308.

    Werkzeug's ``redirect`` with one behaviour on every release: a target
    given as bytes is UTF-8, and control characters (a CR/LF smuggled in
    through ``?next=``) are percent-encoded instead of failing with a 500 on
    Werkzeug 3.

    :param location: the location the response should redirect to.
    :param code: the redirect status code. defaults to 302.
    :param Response: a Response class to use when instantiating a
        response. The default is :class:`werkzeug.wrappers.Response` if
        unspecified.
    """
    if isinstance(location, bytes):
        location = location.decode("utf-8")
    location = _control_chars.sub(lambda m: u"%%%02X" % ord(m.group()), location)
    return _werkzeug_redirect(location, code, Response=Response)


def get_template_attribute(template_name, attribute):
    """Loads a macro (or variable) a template exports.  This can be used to
    invoke a macro from within Python code.  If you for example have a
    template named :file:`_cider.html` with the following contents:

    .. sourcecode:: html+jinja

       {% macro hello(name) %}Hello {{ name }}!{% endmacro %}

    You can access this from Python code like this::

        hello = get_template_attribute('_cider.html', 'hello')
        return hello('World')

    :param template_name: the name of the template
    :param attribute: the name of the variable of macro to access
    """
    return getattr(current_app.jinja_env.get_template(template_name).module, attribute)


def flash(message, category="message"):
    """Flashes a message to the next request.  In order to remove the
    flashed message from the session and to display it to the user,
    the template has to call :func:`get_flashed_messages`.

    :param message: the message to be flashed.
    :param category: the category for the message.  The following values
                     are recommended: ``'message'`` for any kind of message,
                     ``'error'`` for errors, ``'info'`` for information
                     messages and ``'warning'`` for warnings.  However any
                     kind of string can be used as category.
    """
    # Original implementation:
    #
    #     session.setdefault('_flashes', []).append((category, message))
    #
    # This assumed that changes made to mutable structures in the session are
    # always in sync with the session object, which is not true for session
    # implementations that use external storage for keeping their keys/values.
    # bytes (Python 2's native strings) are stored as the UTF-8 text they are
    if isinstance(message, bytes):
        message = message.decode("utf-8")
    if isinstance(category, bytes):
        category = category.decode("utf-8")
    flashes = session.get("_flashes", [])
    flashes.append((category, message))
    session["_flashes"] = flashes
    message_flashed.send(
        current_app._get_current_object(), message=message, category=category
    )


def get_flashed_messages(with_categories=False, category_filter=()):
    """Pulls all flashed messages from the session and returns them.
    Further calls in the same request to the function will return
    the same messages.  By default just the messages are returned,
    but when `with_categories` is set to ``True``, the return value will
    be a list of tuples in the form ``(category, message)`` instead.

    Filter the flashed messages to one or more categories by providing those
    categories in `category_filter`.  This allows rendering categories in
    separate html blocks.  The `with_categories` and `category_filter`
    arguments are distinct:

    * `with_categories` controls whether categories are returned with message
      text (``True`` gives a tuple, where ``False`` gives just the message
      text).
    * `category_filter` filters the messages down to only those matching the
      provided categories.

    :param with_categories: set to ``True`` to also receive categories.
    :param category_filter: whitelist of categories to limit return values
    """
    flashes = _request_ctx_stack.top.flashes
    if flashes is None:
        _request_ctx_stack.top.flashes = flashes = (
            session.pop("_flashes") if "_flashes" in session else []
        )
    if category_filter:
        flashes = list(filter(lambda f: f[0] in category_filter, flashes))
    if not with_categories:
        return [x[1] for x in flashes]
    return flashes


def _ascii_fallback(name):
    """An ASCII rendering of a file name for the plain ``filename=``
    parameter of a ``Content-Disposition`` header."""
    normalized = unicodedata.normalize("NFKD", to_text(name))
    ascii_name = normalized.encode("ascii", "ignore").decode("ascii")
    return ascii_name.replace("\\", "\\\\").replace('"', '\\"')


def content_disposition(kind, filename):
    """Build a ``Content-Disposition`` header value. A name that is not
    plain ASCII gets an ASCII fallback plus the UTF-8 form of RFC 2231 /
    RFC 6266 (``filename*=UTF-8''...``), identically on every interpreter.
    """
    filename = to_text(filename)
    fallback = _ascii_fallback(filename)
    if fallback == filename.replace("\\", "\\\\").replace('"', '\\"'):
        return '%s; filename="%s"' % (kind, fallback)
    return "%s; filename=\"%s\"; filename*=UTF-8''%s" % (
        kind,
        fallback,
        url_quote(filename, safe="!#$&+^`|"),
    )


def _seekable_size(file):
    """The number of bytes left in a seekable file object, or ``None``."""
    try:
        position = file.tell()
        file.seek(0, io.SEEK_END)
        size = file.tell() - position
        file.seek(position)
        return size
    except (AttributeError, IOError, OSError, ValueError):
        return None


def send_file(
    filename_or_fp,
    mimetype=None,
    as_attachment=False,
    attachment_filename=None,
    add_etags=True,
    cache_timeout=None,
    conditional=False,
    last_modified=None,
    download_name=None,
    max_age=None,
    etag=None,
):
    """Sends the contents of a file to the client. It uses the most efficient
    method available: a file wrapper from the WSGI server, or
    ``X-Sendfile`` when :attr:`~Flask.use_x_sendfile` is on.

    :param filename_or_fp: the path of the file (relative paths are relative
        to the app's :attr:`~Flask.root_path`), or a binary file object
        (``open(..., 'rb')``, :class:`io.BytesIO`).
    :param mimetype: the mimetype of the file; guessed from the file name
        when not given.
    :param as_attachment: send a ``Content-Disposition: attachment`` header
        so browsers offer a download.
    :param attachment_filename: the file name of the download (Flask 1.1's
        name; ``download_name`` is the newer spelling). Non-ASCII names are
        encoded per RFC 2231.
    :param add_etags: compute an etag for a path (``etag`` is the newer
        spelling and may also be a string).
    :param cache_timeout: seconds for the cache headers (``max_age`` is the
        newer spelling); :meth:`~Flask.get_send_file_max_age` by default.
    :param conditional: answer ``If-None-Match``/``If-Modified-Since`` with
        304 and ``Range`` requests with 206.
    :param last_modified: the ``Last-Modified`` value (a datetime or a
        timestamp); the file's mtime for a path.
    """
    if download_name is None:
        download_name = attachment_filename
    if max_age is None:
        max_age = cache_timeout
    if etag is None:
        etag = add_etags

    mtime = None
    fsize = None
    filename = None
    file = None

    if isinstance(filename_or_fp, (string_types, bytes)) or hasattr(
        filename_or_fp, "__fspath__"
    ):
        filename = _path_text(filename_or_fp)
        if not os.path.isabs(filename):
            filename = os.path.join(current_app.root_path, filename)
        if download_name is None:
            download_name = os.path.basename(filename)
    else:
        file = filename_or_fp
        if isinstance(file, io.TextIOBase):
            # a text stream is sent as UTF-8; its length counts bytes
            file = io.BytesIO(file.read().encode("utf-8"))

    if mimetype is None:
        if download_name is None:
            raise ValueError(
                "Unable to infer MIME-type because no filename is available."
                " Please set either 'download_name' (or 'attachment_filename')"
                " or 'mimetype'."
            )
        mimetype = mimetypes.guess_type(download_name)[0] or "application/octet-stream"

    headers = Headers()
    if as_attachment:
        if download_name is None:
            raise TypeError("filename unavailable, required for sending as attachment")
        headers["Content-Disposition"] = content_disposition("attachment", download_name)

    if filename is not None:
        try:
            stat = os.stat(filename)
        except (IOError, OSError):
            raise NotFound()
        mtime = stat.st_mtime
        fsize = stat.st_size

    if current_app.use_x_sendfile and filename is not None:
        headers["X-Sendfile"] = filename
        data = None
    else:
        if file is None:
            file = open(filename, "rb")
        else:
            fsize = _seekable_size(file)
        data = wrap_file(request.environ, file)

    rv = current_app.response_class(
        data, mimetype=mimetype, headers=headers, direct_passthrough=True
    )
    if fsize is not None:
        rv.content_length = fsize

    if last_modified is not None:
        rv.last_modified = last_modified
    elif mtime is not None:
        rv.last_modified = mtime

    rv.cache_control.public = True
    if max_age is None:
        max_age = current_app.get_send_file_max_age(filename)
    if max_age is not None:
        rv.cache_control.max_age = max_age
        rv.expires = int(time() + max_age)

    if etag is True and filename is not None:
        checksum = adler32(to_bytes(filename, "utf-8", "replace")) & 0xFFFFFFFF
        # repr(): the same text for the mtime on every interpreter
        rv.set_etag("%s-%s-%s" % (float_text(mtime), fsize, checksum))
    elif isinstance(etag, string_types):
        rv.set_etag(etag)

    if conditional:
        try:
            rv = rv.make_conditional(
                request.environ, accept_ranges=True, complete_length=fsize
            )
        except Exception:
            # e.g. 416 Range Not Satisfiable: the file is not sent, close it
            rv.close()
            raise
        # make sure we don't send x-sendfile for servers that
        # ignore the 304 status code for x-sendfile.
        if rv.status_code == 304:
            rv.headers.pop("x-sendfile", None)
    return rv


def _path_text(path):
    """A path given as bytes (Python 2's native strings) is UTF-8 text on
    every interpreter; one that is not UTF-8 names no file we serve."""
    try:
        path = fspath(path)
    except TypeError:
        return path
    if isinstance(path, bytes):
        try:
            return path.decode("utf-8")
        except UnicodeDecodeError:
            raise NotFound()
    return path


def safe_join(directory, *pathnames):
    """Safely join `directory` and zero or more untrusted `pathnames`
    components.

    Example usage::

        @app.route('/wiki/<path:filename>')
        def wiki_page(filename):
            filename = safe_join(app.config['WIKI_FOLDER'], filename)
            with open(filename, 'rb') as fd:
                content = fd.read()  # Read and process the file content...

    :param directory: the trusted base directory.
    :param pathnames: the untrusted pathnames relative to that directory.
    :raises: :class:`~werkzeug.exceptions.NotFound` if one or more passed
            paths fall out of its boundaries (``..``, an absolute path, a
            backslash or drive, a NUL byte, or a Windows device name such as
            ``CON`` or ``nul.txt``, refused on every operating system).
    """
    directory = _path_text(directory)
    parts = [directory]

    for filename in pathnames:
        filename = _path_text(filename)
        if not isinstance(filename, string_types):
            raise NotFound()
        if filename != "":
            filename = posixpath.normpath(filename)

        if (
            "\x00" in filename
            or "\\" in filename
            or any(sep in filename for sep in _os_alt_seps)
            or os.path.isabs(filename)
            or filename.startswith("/")
            or filename == ".."
            or filename.startswith("../")
            or (len(filename) > 1 and filename[1] == ":")
            or any(
                segment.split(".")[0].strip().upper() in _windows_device_files
                for segment in filename.split("/")
            )
        ):
            raise NotFound()

        parts.append(filename)

    return posixpath.join(*parts)


def send_from_directory(directory, filename, **options):
    """Send a file from a given directory with :func:`send_file`.  This
    is a secure way to quickly expose static files from an upload folder
    or something similar.

    Example usage::

        @app.route('/uploads/<path:filename>')
        def download_file(filename):
            return send_from_directory(app.config['UPLOAD_FOLDER'],
                                       filename, as_attachment=True)

    .. admonition:: Sending files and Performance

       It is strongly recommended to activate either ``X-Sendfile`` support in
       your webserver or (if no authentication happens) to tell the webserver
       to serve files for the given path on its own without calling into the
       web application for improved performance.

    :param directory: the directory where all the files are stored.
    :param filename: the filename relative to that directory to
                     download.
    :param options: optional keyword arguments that are directly
                    forwarded to :func:`send_file`.
    """
    filename = safe_join(directory, filename)
    if not os.path.isabs(filename):
        filename = os.path.join(current_app.root_path, filename)
    try:
        if not os.path.isfile(filename):
            raise NotFound()
    except (TypeError, ValueError):
        raise BadRequest()
    options.setdefault("conditional", True)
    return send_file(filename, **options)


def get_root_path(import_name):
    """Returns the path to a package or cwd if that cannot be found.  This
    returns the path of a package or the folder that contains a module.

    Not to be confused with the package path returned by :func:`find_package`.
    """
    # Module already imported and has a file attribute.  Use that first.
    mod = sys.modules.get(import_name)
    if mod is not None and hasattr(mod, "__file__") and mod.__file__:
        return os.path.dirname(os.path.abspath(mod.__file__))

    # Next attempt: check the loader.
    loader = _find_loader(import_name)

    # Loader does not exist or we're referring to an unloaded main module
    # or a main module without path (interactive sessions), go with the
    # current working directory.
    if loader is None or import_name == "__main__":
        return os.getcwd()

    if hasattr(loader, "get_filename"):
        filepath = loader.get_filename(import_name)
    else:
        # Fall back to imports.
        __import__(import_name)
        mod = sys.modules[import_name]
        filepath = getattr(mod, "__file__", None)

        # If we don't have a filepath it might be because we are a
        # namespace package.  In this case we pick the root path from the
        # first module that is contained in our package.
        if filepath is None:
            raise RuntimeError(
                "No root path can be found for the provided module %r.  This"
                " can happen because the module came from an import hook that"
                " does not provide file name information or because it's a"
                " namespace package.  In this case the root path needs to be"
                " explicitly provided." % import_name
            )

    # filepath is import_name.py for a module, or __init__.py for a package.
    return os.path.dirname(os.path.abspath(filepath))


def _find_loader(import_name):
    """The PEP 302 loader of a module, or ``None``."""
    try:
        import importlib.util

        spec = importlib.util.find_spec(import_name)
        return spec.loader if spec is not None else None
    except (ImportError, ValueError, AttributeError):
        pass
    try:
        import pkgutil

        return pkgutil.get_loader(import_name)
    except (ImportError, ValueError, AttributeError):
        return None


def find_package(import_name):
    """Finds a package and returns the prefix (or None if the package is
    not installed) as well as the folder that contains the package or
    module as a tuple.  The package path returned is the module that would
    have to be added to the pythonpath in order to make it possible to
    import the module.  The prefix is the path below which a UNIX like
    folder structure exists (lib, share etc.).
    """
    root_mod_name = import_name.split(".")[0]
    package_path = get_root_path(root_mod_name)
    mod = sys.modules.get(root_mod_name)
    if mod is not None and os.path.basename(getattr(mod, "__file__", "") or "").startswith("__init__."):
        package_path = os.path.dirname(package_path)

    site_parent, site_folder = os.path.split(package_path)
    py_prefix = os.path.abspath(sys.prefix)
    if package_path.startswith(py_prefix):
        return py_prefix, package_path
    elif site_folder.lower() == "site-packages":
        parent, folder = os.path.split(site_parent)
        # Windows like installations
        if folder.lower() == "lib":
            base_dir = parent
        # UNIX like installations
        elif os.path.basename(parent).lower() == "lib":
            base_dir = os.path.dirname(parent)
        else:
            base_dir = site_parent
        return base_dir, package_path
    return None, package_path


class locked_cached_property(object):
    """A decorator that converts a function into a lazy property.  The
    function wrapped is called the first time to retrieve the result
    and then that calculated result is used the next time you access
    the value.  Works like the one in Werkzeug but has a lock for
    thread safety.
    """

    def __init__(self, func, name=None, doc=None):
        self.__name__ = name or func.__name__
        self.__module__ = func.__module__
        self.__doc__ = doc or func.__doc__
        self.func = func
        self.lock = RLock()

    def __get__(self, obj, type=None):
        if obj is None:
            return self
        with self.lock:
            value = obj.__dict__.get(self.__name__, _missing)
            if value is _missing:
                value = self.func(obj)
                obj.__dict__[self.__name__] = value
            return value


class _PackageBoundObject(object):
    #: The name of the package or module that this app belongs to. Do not
    #: change this once it is set by the constructor.
    import_name = None

    #: Location of the template files to be added to the template lookup.
    #: ``None`` if templates should not be added.
    template_folder = None

    #: Absolute path to the package on the filesystem. Used to look up
    #: resources contained in the package.
    root_path = None

    def __init__(self, import_name, template_folder=None, root_path=None):
        self.import_name = import_name
        self.template_folder = template_folder

        if root_path is None:
            root_path = get_root_path(self.import_name)

        self.root_path = root_path
        self._static_folder = None
        self._static_url_path = None

        # circular import
        from .cli import AppGroup

        #: The Click command group for registration of CLI commands
        #: on the application and associated blueprints. These commands
        #: are accessible via the :command:`flaskcompat` command once the
        #: application has been discovered and blueprints registered.
        self.cli = AppGroup()

    @property
    def static_folder(self):
        """The absolute path to the configured static folder."""
        if self._static_folder is not None:
            return os.path.join(self.root_path, self._static_folder)

    @static_folder.setter
    def static_folder(self, value):
        if value is not None:
            value = fspath(value).rstrip("/\\")
        self._static_folder = value

    @property
    def static_url_path(self):
        """The URL prefix that the static route will be accessible from.

        If it was not configured during init, it is derived from
        :attr:`static_folder`.
        """
        if self._static_url_path is not None:
            return self._static_url_path

        if self.static_folder is not None:
            basename = os.path.basename(self.static_folder)
            return ("/" + basename).rstrip("/")

    @static_url_path.setter
    def static_url_path(self, value):
        if value is not None:
            value = value.rstrip("/")

        self._static_url_path = value

    @property
    def has_static_folder(self):
        """This is ``True`` if the package bound object's container has a
        folder for static files.
        """
        return self.static_folder is not None

    @locked_cached_property
    def jinja_loader(self):
        """The Jinja loader for this package bound object."""
        if self.template_folder is not None:
            return FileSystemLoader(os.path.join(self.root_path, self.template_folder))

    def get_send_file_max_age(self, filename):
        """Provides default cache_timeout for the :func:`send_file` functions.

        By default, this function returns ``SEND_FILE_MAX_AGE_DEFAULT`` from
        the configuration of :data:`~flaskcompat.current_app`.

        Static file functions such as :func:`send_from_directory` use this
        function, and :func:`send_file` calls this function on
        :data:`~flaskcompat.current_app` when the given cache_timeout is
        ``None``.
        """
        return total_seconds(current_app.send_file_max_age_default)

    def send_static_file(self, filename):
        """Function used internally to send static files from the static
        folder to the browser.
        """
        if not self.has_static_folder:
            raise RuntimeError("No static folder for this object")
        # Ensure get_send_file_max_age is called in all cases.
        # Here, we ensure get_send_file_max_age is called for Blueprints.
        cache_timeout = self.get_send_file_max_age(filename)
        return send_from_directory(
            self.static_folder, filename, cache_timeout=cache_timeout
        )

    def open_resource(self, resource, mode="rb"):
        """Opens a resource from the application's resource folder.  To see
        how this works, consider the following folder structure::

            /myapplication.py
            /schema.sql
            /static
                /style.css
            /templates
                /layout.html
                /index.html

        If you want to open the :file:`schema.sql` file you would do the
        following::

            with app.open_resource('schema.sql') as f:
                contents = f.read()
                do_something_with(contents)

        :param resource: the name of the resource.  To access resources within
                         subfolders use forward slashes as separator.
        :param mode: Open file for reading only. ``"rb"`` (bytes, the
                     default), ``"r"`` or ``"rt"`` (text, decoded as UTF-8 on
                     every interpreter).
        """
        if mode not in {"r", "rt", "rb"}:
            raise ValueError("Resources can only be opened for reading")
        path = os.path.join(self.root_path, resource)
        if mode == "rb":
            return open(path, "rb")
        return io.open(path, "r", encoding="utf-8")


def total_seconds(td):
    """Returns the total seconds from a timedelta object.

    :param timedelta td: the timedelta to be converted in seconds

    :returns: number of seconds
    :rtype: int
    """
    if td is None:
        return None
    if not isinstance(td, timedelta):
        return int(td)
    return td.days * 60 * 60 * 24 + td.seconds


def is_ip(value):
    """Determine if the given string is an IP address.

    Python 2 on Windows doesn't provide ``inet_pton``, so this only
    checks IPv4 addresses in that environment.

    :param value: value to check
    :type value: str

    :return: True if string is an IP address
    :rtype: bool
    """
    import socket

    for family in (socket.AF_INET, socket.AF_INET6):
        try:
            socket.inet_pton(family, value)
        except (socket.error, ValueError, UnicodeError):
            pass
        else:
            return True
    return False
