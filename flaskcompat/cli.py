# -*- coding: utf-8 -*-
"""The ``flaskcompat`` command, Flask's ``flask`` command under another name.

It finds the application (``--app``, ``FLASK_APP``, or ``wsgi.py``/``app.py``
in the working directory), offers ``run``, ``shell`` and ``routes``, and adds
the commands of the app, its blueprints and installed extensions. Commands are
click commands; click 7 (Python 2.7) and click 8 (3.x) both work.
"""
import ast
import code
import inspect
import io
import os
import platform
import re
import sys
import threading
import traceback
from functools import update_wrapper

import click
import six
from werkzeug import utils as _werkzeug_utils

from . import _compat
from . import helpers as _helpers
from ._compat import dotenv  # None when missing; read at call time, so that
from ._compat import ssl  # replacing these module attributes takes effect
from .globals import current_app

# ---------------------------------------------------------------------------
# Finding the application
# ---------------------------------------------------------------------------

#: Attribute names tried first, then factory names, by :func:`find_best_app`.
_APP_NAMES = ("app", "application")
_FACTORY_NAMES = ("create_app", "make_app")

#: ``module:name`` splits at the first colon that is not a Windows drive's.
_MODULE_SEPARATOR = re.compile(r":(?![\\/])")

_MISSING = object()

_NO_APP_ANYWHERE = (
    "Could not locate a Flask application. Name it with --app or the"
    ' "FLASK_APP" environment variable, or add a "wsgi.py" or "app.py"'
    " module to the current directory."
)


class NoAppException(click.UsageError):
    """The application could not be imported, found or created."""


def _flask_class():
    # The app module imports this one at its top, so look the class up late.
    from .app import Flask

    return Flask


def _codes_in(tb):
    while tb is not None:
        yield tb.tb_frame.f_code
        tb = tb.tb_next


def _failed_inside(function, tb):
    """Whether the traceback ``tb`` runs through ``function``'s body, which
    means the call itself worked and the error is the function's own."""
    function = getattr(function, "__func__", function)
    return getattr(function, "__code__", None) in set(_codes_in(tb))


def call_factory(script_info, app_factory, arguments=(), kwargs=None):
    """Call an application factory with ``arguments`` (and ``kwargs``).

    A factory with a ``script_info`` parameter gets the :class:`ScriptInfo`
    by keyword; one that takes a single parameter without a default, called
    without arguments, gets it as that parameter.
    """
    keywords = dict(kwargs or {})
    if script_info is None:  # called the Flask 2 way: nothing to hand over
        return app_factory(*arguments, **keywords)
    names, defaults = _compat.getargspec(app_factory)
    if "script_info" in names:
        keywords.update(script_info=script_info)
    elif not (arguments or keywords) and len(names) == 1 and not defaults:
        arguments = (script_info,)
    return app_factory(*arguments, **keywords)


def _script_info_optional(implementation):
    """The public form of an app-finding helper. Flask 1.1 passes a
    :class:`ScriptInfo` first; Flask 2.0 dropped that argument. Both work:
    without one, factories are called with only what the import path
    gives them."""

    def helper(*args, **kwargs):
        if (args and isinstance(args[0], ScriptInfo)) or "script_info" in kwargs:
            return implementation(*args, **kwargs)
        return implementation(None, *args, **kwargs)

    helper.__name__ = implementation.__name__.lstrip("_")
    helper.__doc__ = implementation.__doc__
    return helper


def _find_best_app(script_info, module):
    """The application in ``module``: ``app`` or ``application``, else the
    module's only Flask instance, else what ``create_app`` or ``make_app``
    returns when called without arguments."""
    flask_class = _flask_class()
    module_name = module.__name__

    for name in _APP_NAMES:
        candidate = getattr(module, name, None)
        if isinstance(candidate, flask_class):
            return candidate

    instances = [
        value for value in list(vars(module).values()) if isinstance(value, flask_class)
    ]
    if len(instances) == 1:
        return instances[0]
    if instances:
        raise NoAppException(
            'Detected multiple Flask applications in module "%s". Choose one'
            ' with "FLASK_APP=%s:name" or "--app %s:name".'
            % (module_name, module_name, module_name)
        )

    for name in _FACTORY_NAMES:
        factory = getattr(module, name, None)
        if not callable(factory):
            continue
        try:
            app = call_factory(script_info, factory)
        except TypeError:
            if _failed_inside(factory, sys.exc_info()[2]):
                raise
            raise NoAppException(
                'Detected factory "%s" in module "%s", but could not call it'
                " without arguments. Give them in the import path:"
                " \"FLASK_APP='%s:%s(args)'\"." % (name, module_name, module_name, name)
            )
        if isinstance(app, flask_class):
            return app

    raise NoAppException(
        'Failed to find a Flask application or factory in module "%s". Name'
        ' it with "FLASK_APP=%s:name".' % (module_name, module_name)
    )


def _parse_app_expression(app_name):
    """``name`` or ``name(literal, ..., key=literal)`` as ``(name, args,
    kwargs)``; ``args`` and ``kwargs`` are None when there is no call."""
    try:
        node = ast.parse(app_name.strip(), mode="eval").body
    except SyntaxError:
        node = None
    if type(node) is ast.Name:
        return node.id, None, None
    if not (type(node) is ast.Call and type(node.func) is ast.Name):
        raise NoAppException(
            '"%s" is not a valid variable name or function expression.' % app_name
        )
    # Python 2's ast holds a call's *args and **kwargs apart (starargs,
    # kwargs); Python 3 puts them among the arguments, as nodes that
    # literal_eval refuses, and marks **kwargs with a keyword named None.
    unpacked = getattr(node, "starargs", None) or getattr(node, "kwargs", None)
    try:
        if unpacked or any(keyword.arg is None for keyword in node.keywords):
            raise ValueError("argument unpacking")
        args = tuple(ast.literal_eval(arg) for arg in node.args)
        kwargs = dict(
            (keyword.arg, ast.literal_eval(keyword.value)) for keyword in node.keywords
        )
    except ValueError:
        raise NoAppException('Could not parse the arguments in "%s".' % app_name)
    return node.func.id, args, kwargs


def _find_app_by_string(script_info, module, app_name):
    """The application that ``app_name`` names in ``module``: an attribute,
    or a factory function called with the literal arguments given."""
    name, args, kwargs = _parse_app_expression(app_name)
    target = getattr(module, name, _MISSING)
    if target is _MISSING:
        raise NoAppException(
            'Failed to find attribute "%s" in module "%s".' % (name, module.__name__)
        )

    app = target
    if inspect.isfunction(target):
        try:
            app = call_factory(script_info, target, args or (), kwargs)
        except TypeError as error:
            if _failed_inside(target, sys.exc_info()[2]):
                raise
            raise NoAppException(
                '%s\nThe factory "%s" in module "%s" could not be called with'
                " the specified arguments." % (error, app_name, module.__name__)
            )

    if not isinstance(app, _flask_class()):
        raise NoAppException(
            'A valid Flask application was not obtained from "%s:%s".'
            % (module.__name__, app_name)
        )
    return app


def _dotted_name_from(path):
    """The folder above the outermost package that holds ``path``, and the
    dotted module name of ``path`` seen from there."""
    folder, name = os.path.split(path)
    names = [name]
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        folder, name = os.path.split(folder)
        names.insert(0, name)
    return folder, ".".join(names)


def prepare_import(path):
    """Make the module or package at ``path`` importable: put the folder
    above its top-level package first on ``sys.path`` and return its dotted
    name (a dotted name given as ``path`` comes back as it is)."""
    full_path = os.path.realpath(path)
    if full_path.endswith(".py"):
        full_path = full_path[: -len(".py")]
    if os.path.basename(full_path) == "__init__":
        full_path = os.path.dirname(full_path)
    folder, dotted = _dotted_name_from(full_path)
    if sys.path[:1] != [folder]:
        sys.path.insert(0, folder)
    return dotted


def _locate_app(script_info, module_name, app_name, raise_if_not_found=True):
    """Import ``module_name`` and return the application in it, named by
    ``app_name`` or picked by :func:`find_best_app`.

    A module that does not exist gives None when ``raise_if_not_found`` is
    false; an ImportError raised while the module runs always propagates as a
    :exc:`NoAppException` carrying its traceback.
    """
    __traceback_hide__ = 1  # Werkzeug's debugger leaves this frame out
    try:
        __import__(module_name)
    except ImportError:
        # Only a failed lookup ends in this frame; an import that went
        # wrong inside the module has its frames below.
        if sys.exc_info()[2].tb_next is not None:
            raise NoAppException(
                'While importing "%s", an ImportError was raised:\n\n%s'
                % (module_name, traceback.format_exc())
            )
        if not raise_if_not_found:
            return None
        raise NoAppException('Could not import "%s".' % module_name)

    imported = sys.modules[module_name]
    if app_name is None:
        return _find_best_app(script_info, imported)
    return _find_app_by_string(script_info, imported, app_name)


find_best_app = _script_info_optional(_find_best_app)
find_app_by_string = _script_info_optional(_find_app_by_string)
locate_app = _script_info_optional(_locate_app)


class ScriptInfo(object):
    """What a command needs to load the application: an import path (from
    ``--app`` or ``FLASK_APP``) or a ``create_app`` callable. Created by
    :class:`FlaskGroup` and handed to commands as click's context object."""

    def __init__(self, app_import_path=None, create_app=None, set_debug_flag=True):
        self.app_import_path = app_import_path or os.getenv("FLASK_APP")
        self.create_app, self.set_debug_flag = create_app, set_debug_flag
        #: Free-form values that commands and the factory may share.
        self.data = {}
        self._app = None

    def _import_from_path(self):
        parts = _MODULE_SEPARATOR.split(self.app_import_path, 1)
        app_name = parts[1] if len(parts) == 2 else None
        return _locate_app(self, prepare_import(parts[0]), app_name)

    def _import_from_working_directory(self):
        for file_name in ("wsgi.py", "app.py"):
            found = _locate_app(
                self, prepare_import(file_name), None, raise_if_not_found=False
            )
            if found is not None:
                return found
        return None

    def load_app(self):
        """The application, loaded on the first call and kept."""
        __traceback_hide__ = 1
        if self._app is None:
            self._app = self._load()
        return self._app

    def _load(self):
        __traceback_hide__ = 1
        factory = self.create_app
        if factory is not None:
            app = call_factory(self, factory)
        elif self.app_import_path:
            app = self._import_from_path()
        else:
            app = self._import_from_working_directory()
        if app is None:
            raise NoAppException(_NO_APP_ANYWHERE)

        if self.set_debug_flag:
            # Through the property, so settings derived from debug follow.
            app.debug = _helpers.get_debug_flag()
        return app


def _script_info(ctx):
    return ctx.ensure_object(ScriptInfo)


#: Decorator handing a command the :class:`ScriptInfo` (made if missing).
pass_script_info = click.make_pass_decorator(ScriptInfo, True)


def with_appcontext(f):
    """Decorate a click callback to run inside the application context of
    the app that the :class:`ScriptInfo` loads. When that app's context is
    already active it is used as it is; otherwise one is pushed and stays
    until the click context closes (Flask 2.2), so a group's callback and
    the subcommand it leads to share one context and one ``g``."""

    @click.pass_context
    def in_app_context(__click_context, *args, **kwargs):
        app = _script_info(__click_context).load_app()
        if not _is_current_app(app):
            _compat.enter_context_until_close(__click_context, app.app_context())
        return __click_context.invoke(f, *args, **kwargs)

    return update_wrapper(in_app_context, f)


def get_version(ctx, param, value):
    """Callback of ``--version``: print the versions of Python, flaskcompat
    (with the Flask API it provides) and Werkzeug, then exit."""
    if ctx.resilient_parsing or not value:
        return
    from . import __version__

    report = "Python %s\nflaskcompat %s (Flask %s API)\nWerkzeug %s" % (
        platform.python_version(),
        __version__,
        _compat.flask_api_version(),
        _compat.werkzeug_version(),
    )
    click.echo(report, color=ctx.color)
    ctx.exit()


def _remember_import_path(ctx, param, value):
    # Eager, so the path is known before the subcommand is looked up.
    if value is not None:
        _script_info(ctx).app_import_path = value
    return value


version_option = click.Option(
    param_decls=["--version"],
    help="Show the Python, flaskcompat and Werkzeug versions.",
    callback=get_version,
    is_flag=True,
    is_eager=True,
    expose_value=False,
)

app_option = click.Option(
    ["-A", "--app"],
    metavar="IMPORT",
    is_eager=True,
    expose_value=False,
    callback=_remember_import_path,
    help=(
        "The application to load, as FLASK_APP would name it: 'module:name',"
        " where module is a dotted name or a file path and name an attribute"
        " or 'factory(args)'. Without a name, 'app' or 'application' is used,"
        " or the factory 'create_app' or 'make_app'."
    ),
)

# ---------------------------------------------------------------------------
# Command groups
# ---------------------------------------------------------------------------


def _decorator_or_bare(args, build):
    """``@group.command`` and ``@group.command(...)`` alike; click 7 only
    knows the second form."""
    if len(args) == 1 and callable(args[0]):
        return build(())(args[0])
    return build(args)


def _named(names, options, f):
    """The name click 7 gives a command made from ``f`` (click 8.2 and later
    drop a ``_command`` or ``_group`` suffix), so that names do not change
    with the interpreter."""
    if names or options.get("name"):
        return options
    return dict(options, name=f.__name__.lower().replace("_", "-"))


class AppGroup(click.Group):
    """A click group whose commands run in the application context (pass
    ``with_appcontext=False`` to :meth:`command` to opt out) and whose
    subgroups are AppGroups too. Every app's ``app.cli`` is one."""

    def command(self, *args, **kwargs):
        """Like :meth:`click.Group.command`, wrapping the callback in
        :func:`with_appcontext` unless ``with_appcontext=False``."""
        wrap = kwargs.pop("with_appcontext", True)

        def build(names):
            def register(f):
                options = _named(names, kwargs, f)
                callback = with_appcontext(f) if wrap else f
                return click.Group.command(self, *names, **options)(callback)

            return register

        return _decorator_or_bare(args, build)

    def group(self, *args, **kwargs):
        """Like :meth:`click.Group.group`, making an :class:`AppGroup` unless
        ``cls`` says otherwise."""
        options = dict(kwargs)
        if "cls" not in options:
            options["cls"] = AppGroup

        def build(names):
            def register(f):
                named = _named(names, options, f)
                return click.Group.group(self, *names, **named)(f)

            return register

        return _decorator_or_bare(args, build)


class FlaskGroup(AppGroup):
    """The group behind the ``flaskcompat`` command, for custom scripts too.

    It holds ``run``, ``shell`` and ``routes`` (unless
    ``add_default_commands`` is false), the commands of the ``flask.commands``
    entry point group and those of the loaded app's ``app.cli``; it has the
    ``--app`` option and, with ``add_version_option``, ``--version``.
    ``create_app`` replaces app discovery, ``load_dotenv`` reads ``.env`` and
    ``.flaskenv`` first, and ``set_debug_flag`` sets the app's debug flag from
    the environment.
    """

    def __init__(self, add_default_commands=True, create_app=None,
                 add_version_option=True, load_dotenv=True, set_debug_flag=True,
                 **extra):
        params = list(extra.pop("params", None) or [])
        params += [app_option, version_option][: 2 if add_version_option else 1]
        super(FlaskGroup, self).__init__(params=params, **extra)

        self.create_app, self.load_dotenv, self.set_debug_flag = (
            create_app,
            load_dotenv,
            set_debug_flag,
        )
        self._plugins_added = False
        if add_default_commands:
            for command in (run_command, shell_command, routes_command):
                self.add_command(command)

    def _add_plugin_commands(self):
        if self._plugins_added:
            return
        for entry_point in _compat.iter_entry_points("flask.commands"):
            self.add_command(entry_point.load(), entry_point.name)
        self._plugins_added = True

    def get_command(self, ctx, name):
        # The group's own commands come first and work without an app.
        self._add_plugin_commands()
        command = AppGroup.get_command(self, ctx, name)
        if command is not None:
            return command
        try:
            loaded = _script_info(ctx).load_app()
        except NoAppException as error:
            # No such command: say why the app's own could not be looked at.
            click.secho("Error: %s\n" % error.format_message(), err=True, fg="red")
            return None
        return loaded.cli.get_command(ctx, name)

    def resolve_command(self, ctx, args):
        # Only for the command about to run (help listings look commands up
        # too): its parameter callbacks run before it does, so push the
        # app's context now for them as well (Flask 2.2), until the group's
        # context closes.
        name, command, rest = super(FlaskGroup, self).resolve_command(ctx, args)
        if command is not None and AppGroup.get_command(self, ctx, name) is None:
            loaded = _script_info(ctx).load_app()
            if not _is_current_app(loaded):
                _compat.enter_context_until_close(ctx, loaded.app_context())
        return name, command, rest

    def list_commands(self, ctx):
        self._add_plugin_commands()
        names = set(AppGroup.list_commands(self, ctx))
        try:
            names.update(_script_info(ctx).load_app().cli.list_commands(ctx))
        except Exception:
            # --help must work without an app, but say why its commands
            # are missing.
            traceback.print_exc()
        return sorted(names)

    def make_context(self, info_name, args, parent=None, **extra):
        # Here rather than in main(), so that a FlaskGroup added to another
        # click group gets its ScriptInfo and environment files too.
        # Flask.run() does nothing while FLASK_RUN_FROM_CLI is set, so a
        # module that starts a server when imported can be loaded here.
        os.environ.update(FLASK_RUN_FROM_CLI="true")
        if _helpers.get_load_dotenv(self.load_dotenv):
            load_dotenv()
        if extra.get("obj") is None and "obj" not in self.context_settings:
            extra["obj"] = ScriptInfo(None, self.create_app, self.set_debug_flag)
        return super(FlaskGroup, self).make_context(info_name, args, parent=parent, **extra)

    def main(self, *args, **kwargs):
        options = {"auto_envvar_prefix": "FLASK"}
        options.update(kwargs)
        return super(FlaskGroup, self).main(*args, **options)


def _is_current_app(app):
    return current_app and current_app._get_current_object() is app


# ---------------------------------------------------------------------------
# Environment files
# ---------------------------------------------------------------------------

_DOTENV_FILES = (".env", ".flaskenv")


def _dotenv_module():
    """python-dotenv, or None when it is missing, or made missing by setting
    this module's ``dotenv`` or ``sys.modules["dotenv"]`` to None."""
    if dotenv is None or ("dotenv" in sys.modules and sys.modules["dotenv"] is None):
        return None
    return dotenv


def _read_dotenv(path):
    # Existing variables win (no override), so read the stronger file first.
    return bool(dotenv.load_dotenv(dotenv_path=path, encoding="utf-8"))


def load_dotenv(path=None, load_defaults=None):
    """Set environment variables from dotenv files; returns whether a file
    was read.

    Without ``path``, the nearest ``.env`` and ``.flaskenv`` (in the working
    directory or above) are read; variables already set, and so those of
    ``.env``, win. The working directory becomes the folder of the first file
    found. With ``path``, only that file is read, unless ``load_defaults``
    (Flask 2.2's argument) asks for the default files as well; ``path``'s
    variables then win. Without python-dotenv nothing is read, and a hint is
    printed if there are files to read.
    """
    if load_defaults is None:
        load_defaults = path is None
    if _dotenv_module() is None:
        if path or any(os.path.isfile(name) for name in _DOTENV_FILES):
            click.secho(
                " * Tip: There are .env or .flaskenv files present. Do"
                ' "pip install python-dotenv" to use them.',
                fg="yellow",
                err=True,
            )
        return False

    loaded = False
    if path is not None:
        loaded = os.path.isfile(path) and _read_dotenv(path)
    if not load_defaults:
        return loaded

    found = [dotenv.find_dotenv(name, usecwd=True) for name in _DOTENV_FILES]
    found = [found_path for found_path in found if found_path]
    for found_path in found:
        _read_dotenv(found_path)
    if not found:
        return loaded
    project_dir = os.path.dirname(found[0])
    if os.getcwd() != project_dir:
        os.chdir(project_dir)
    return True


# ---------------------------------------------------------------------------
# The development server
# ---------------------------------------------------------------------------


def _in_reloader_child():
    return os.getenv("WERKZEUG_RUN_MAIN") == "true"


class DispatchingApp(object):
    """The WSGI app the development server runs: it loads the real app with
    ``loader`` at once (eager) or in a thread (lazy, the default inside the
    reloader's child) and re-raises a loading error on the next request, so
    that the debugger shows it in the browser."""

    def __init__(self, loader, use_eager_loading=None):
        self.loader = loader
        self._app = None
        self._load_error = None
        self._lock = threading.Lock()
        if use_eager_loading is None:
            use_eager_loading = not _in_reloader_child()
        if use_eager_loading:
            self._load()
        else:
            threading.Thread(target=self._load_in_background).start()

    def _load(self):
        __traceback_hide__ = 1
        self._app = self.loader()
        self._load_error = None
        return self._app

    def _load_in_background(self):
        __traceback_hide__ = 1
        with self._lock:
            try:
                self._load()
            except Exception:
                self._load_error = sys.exc_info()

    def __call__(self, environ, start_response):
        __traceback_hide__ = 1
        target = self._app
        if target is None:
            error, self._load_error = self._load_error, None
            if error is not None:
                _compat.reraise(*error)
            with self._lock:
                if self._app is None:
                    # a failure that came while waiting shows through this try
                    self._load_error = None
                    self._load()
                target = self._app
        return target(environ, start_response)


DEVELOPMENT_SERVER_WARNING = (
    "WARNING: This is a development server. Do not use it in a production"
    " deployment. Use a production WSGI server instead."
)


def server_address(host, port, ssl_context=None):
    """The URL the development server answers on, as the banner shows it."""
    host = host or "127.0.0.1"
    if ":" in host and not host.startswith("["):
        host = "[%s]" % host  # an IPv6 address
    scheme = "https" if ssl_context else "http"
    return "%s://%s:%s" % (scheme, host, port)


def show_server_banner(env, debug, app_import_path, eager_loading, address=None):
    """Print what the development server serves, once (the reloader's child
    process stays quiet): the app, the environment, the debug mode, the
    address and one warning line. The same lines on every interpreter:
    the server's own start-up lines, which differ between Werkzeug
    releases, are left out."""
    _compat.quiet_server_startup()
    if _in_reloader_child():
        return
    if isinstance(app_import_path, six.string_types):
        lazy = "" if eager_loading else " (lazy loading)"
        click.echo(' * Serving flaskcompat app "%s"%s' % (app_import_path, lazy))
    click.echo(" * Environment: %s" % env)
    if debug is not None:
        click.echo(" * Debug mode: %s" % ("on" if debug else "off"))
    if address is not None:
        click.echo(" * Running on %s (Press CTRL+C to quit)" % address)
    click.secho(DEVELOPMENT_SERVER_WARNING, fg="red")


def _existing_file():
    return click.Path(resolve_path=True, exists=True, dir_okay=False)


class CertParamType(click.ParamType):
    """Type of ``--cert``: a certificate file, ``adhoc`` for a generated
    certificate (needs pyOpenSSL), or the import name of an
    :class:`ssl.SSLContext`."""

    name = "path"

    def __init__(self):
        self.path_type = _existing_file()

    def convert(self, value, param, ctx):
        if ssl is None:
            self.fail(
                'Using "--cert" requires Python to be compiled with SSL support.',
                param,
                ctx,
            )
        try:
            return self.path_type.convert(value, param, ctx)
        except click.BadParameter as error:
            not_a_file = error

        if value.lower() == "adhoc":
            if not _compat.can_import("OpenSSL"):
                self.fail("Using ad-hoc certificates requires pyOpenSSL.", param, ctx)
            return "adhoc"
        context = _werkzeug_utils.import_string(value, silent=True)
        if isinstance(context, ssl.SSLContext):
            return context
        raise not_a_file


class SeparatedPathType(click.Path):
    """Several paths in one value, separated by :data:`os.pathsep`."""

    def convert(self, value, param, ctx):
        return [
            click.Path.convert(self, item, param, ctx)
            for item in self.split_envvar_value(value)
        ]


def _pair_key_with_cert(ctx, param, value):
    """Check ``--key`` against ``--cert`` (processed first, being eager) and
    turn ``cert`` into the ``(cert, key)`` pair Werkzeug takes."""
    certificate = ctx.params.get("cert")
    generated = certificate == "adhoc"
    ready_context = ssl is not None and isinstance(certificate, ssl.SSLContext)

    if value is None:
        if not certificate or generated or ready_context:
            return value
        problem = 'Required when using "--cert".'
    elif generated:
        problem = 'When "--cert" is "adhoc", "--key" is not used.'
    elif ready_context:
        problem = 'When "--cert" is an SSLContext object, "--key" is not used.'
    elif not certificate:
        problem = '"--cert" must also be specified.'
    else:
        ctx.params["cert"] = (certificate, value)
        return value
    raise click.BadParameter(problem, ctx, param)


# ---------------------------------------------------------------------------
# Built-in commands
# ---------------------------------------------------------------------------


@click.command("run", short_help="Run a development server.")
@click.option("--host", "-h", default="127.0.0.1", help="The interface to bind to.")
@click.option("--port", "-p", default=5000, help="The port to bind to.")
@click.option(
    "--cert",
    type=CertParamType(),
    is_eager=True,
    help="A certificate file, 'adhoc', or an SSLContext to import, for HTTPS.",
)
@click.option(
    "--key",
    type=_existing_file(),
    callback=_pair_key_with_cert,
    expose_value=False,
    help="The private key file that goes with a --cert file.",
)
@click.option(
    "--reload/--no-reload",
    default=None,
    help="Restart when code changes. Default: on in debug mode.",
)
@click.option(
    "--debugger/--no-debugger",
    default=None,
    help="Show the interactive debugger on errors. Default: on in debug mode.",
)
@click.option(
    "--eager-loading/--lazy-loader",
    default=None,
    help="Load the app before serving. Default: eager unless reloading.",
)
@click.option(
    "--with-threads/--without-threads",
    default=True,
    help="Serve each request in a thread of its own.",
)
@click.option(
    "--extra-files",
    type=SeparatedPathType(),
    default=None,
    help="More files whose changes restart the server, separated by '%s'."
    % os.pathsep,
)
@click.option(
    "--exclude-patterns",
    type=SeparatedPathType(),
    default=None,
    help="Files matching these fnmatch patterns, separated by '%s', do not"
    " restart the server (Werkzeug 2.1 and later)." % os.pathsep,
)
@pass_script_info
def run_command(info, host, port, cert, reload, debugger, eager_loading, with_threads,
                extra_files, exclude_patterns):
    """Serve the application with Werkzeug's development server.

    It is made for development only: it is neither efficient, stable nor
    secure enough for production. FLASK_ENV=development or FLASK_DEBUG=1
    turn on the reloader and the debugger.
    """
    from werkzeug.serving import run_simple

    debug = _helpers.get_debug_flag()
    if reload is None:
        reload = debug
    if debugger is None:
        debugger = debug
    eager_loading = (not reload) if eager_loading is None else eager_loading

    show_server_banner(
        _helpers.get_env(),
        debug,
        info.app_import_path,
        eager_loading,
        address=server_address(host, port, cert),
    )
    run_simple(
        host,
        port,
        DispatchingApp(info.load_app, use_eager_loading=eager_loading),
        use_reloader=reload,
        use_debugger=debugger,
        threaded=with_threads,
        ssl_context=cert,
        extra_files=extra_files,
        **_compat.reloader_exclude_option(exclude_patterns)
    )


@click.command("shell", short_help="Run a shell in the app context.")
@with_appcontext
def shell_command():
    """Open an interactive Python shell inside the application context,
    with the app's shell context (``app``, ``g`` and what its shell context
    processors add) in the namespace."""
    shell_app = current_app._get_current_object()
    namespace = {}
    startup = os.getenv("PYTHONSTARTUP", "")
    if os.path.isfile(startup):
        # What an interactive ``python`` runs first; compile() honours the
        # file's coding declaration.
        with io.open(startup, "rb") as f:
            six.exec_(compile(f.read(), startup, "exec"), namespace)
    namespace.update(shell_app.make_shell_context())

    banner = "\n".join(
        [
            "Python %s on %s" % (platform.python_version(), sys.platform),
            "App: %s [%s]" % (shell_app.import_name, shell_app.env),
            "Instance: %s" % shell_app.instance_path,
        ]
    )
    code.interact(banner=banner, local=namespace)


_ROUTE_ORDERS = {
    "endpoint": lambda rule: rule.endpoint,
    "methods": lambda rule: sorted(rule.methods or ()),
    "rule": lambda rule: rule.rule,
    "match": _compat.rule_match_key,
}
_ROUTE_ORDER_NAMES = ("endpoint", "methods", "rule", "match")
_NO_ROUTES = "No routes were registered."


def _table_row(cells, widths):
    return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()


@click.command("routes", short_help="Show the routes for the app.")
@click.option(
    "--sort",
    "-s",
    type=click.Choice(_ROUTE_ORDER_NAMES),
    default="endpoint",
    help="Order of the rows; 'match' is the order in which requests are matched.",
)
@click.option("--all-methods", is_flag=True, help="Show HEAD and OPTIONS methods.")
@with_appcontext
def routes_command(sort, all_methods):
    """List the application's URL rules with their endpoints and methods."""
    rules = sorted(current_app.url_map.iter_rules(), key=_ROUTE_ORDERS[sort])
    if not rules:
        click.echo(_NO_ROUTES)
        return

    hidden = set() if all_methods else set(["HEAD", "OPTIONS"])
    # A host or subdomain column only where the rules have one (Flask 2.2's
    # addition; the three columns of Flask 1.1 otherwise).
    if current_app.url_map.host_matching:
        place = ("Host", lambda rule: rule.host or "")
    elif any(rule.subdomain for rule in rules):
        place = ("Subdomain", lambda rule: rule.subdomain or "")
    else:
        place = None
    header = ["Endpoint", "Methods"] + ([place[0]] if place else []) + ["Rule"]
    rows = []
    for rule in rules:
        row = [rule.endpoint, ", ".join(sorted(set(rule.methods or ()) - hidden))]
        if place:
            row.append(place[1](rule))
        rows.append(row + [rule.rule])
    widths = [
        max(len(row[column]) for row in [header] + rows)
        for column in range(len(header))
    ]
    click.echo(_table_row(header, widths))
    click.echo(_table_row(["-" * width for width in widths], widths))
    for row in rows:
        click.echo(_table_row(row, widths))


# ---------------------------------------------------------------------------
# The ``flaskcompat`` command
# ---------------------------------------------------------------------------


def _usage_help():
    if os.name == "posix":
        prompt, assign = "$", "export"
    else:
        prompt, assign = ">", "set"
    example = [
        "%s %s FLASK_APP=hello.py" % (prompt, assign),
        "%s %s FLASK_ENV=development" % (prompt, assign),
        "%s flaskcompat run" % prompt,
    ]
    return (
        "Manage a Flask application: the development server, a shell, its"
        " routes, and the commands of the app and of installed extensions.\n\n"
        "The app comes from --app or the FLASK_APP environment variable, else"
        " from wsgi.py or app.py in the current directory. FLASK_ENV=development"
        " turns on debug mode.\n\n\b\n" + "\n".join("  " + line for line in example)
    )


cli = FlaskGroup(help=_usage_help())


def main(as_module=False):
    """Run the ``flaskcompat`` command; ``as_module`` names it as
    ``python -m flaskcompat`` in its help."""
    cli.main(prog_name="python -m flaskcompat" if as_module else None)
