# -*- coding: utf-8 -*-
"""The ``flaskcompat`` command line.

Organised as a user meets it: how the application is found, the click groups
commands live in, the built-in ``routes``, ``run`` and ``shell`` commands,
``.env`` files, and the installed console script. Every case runs the same
on click 7 (Python 2.7) and click 8 (3.x).
"""
import os
import platform
import re
import subprocess
import sys
import threading
import types

import click
import pytest
from click.testing import CliRunner
from werkzeug.test import EnvironBuilder
from werkzeug.test import run_wsgi_app

import flaskcompat
from flaskcompat import _compat
from flaskcompat import Blueprint
from flaskcompat import current_app
from flaskcompat import Flask
from flaskcompat.cli import AppGroup
from flaskcompat.cli import call_factory
from flaskcompat.cli import cli as flaskcompat_command
from flaskcompat.cli import DispatchingApp
from flaskcompat.cli import find_app_by_string
from flaskcompat.cli import find_best_app
from flaskcompat.cli import FlaskGroup
from flaskcompat.cli import get_version
from flaskcompat.cli import load_dotenv
from flaskcompat.cli import locate_app
from flaskcompat.cli import NoAppException
from flaskcompat.cli import prepare_import
from flaskcompat.cli import routes_command
from flaskcompat.cli import run_command
from flaskcompat.cli import ScriptInfo
from flaskcompat.cli import show_server_banner
from flaskcompat.cli import with_appcontext

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
APPS_DIR = os.path.join(TESTS_DIR, "test_apps")
CLIAPP_DIR = os.path.join(APPS_DIR, "cliapp")

#: Variables the command reads or sets, and those the test .env files set.
WATCHED_VARIABLES = (
    "FLASK_APP",
    "FLASK_ENV",
    "FLASK_DEBUG",
    "FLASK_RUN_FROM_CLI",
    "FLASK_SKIP_DOTENV",
    "WERKZEUG_RUN_MAIN",
    "PYTHONSTARTUP",
    "FOO",
    "BAR",
    "SPAM",
    "EGGS",
)
FIXTURE_PACKAGES = ("cliapp", "helloworld", "blueprintapp", "wsgi", "app")


@pytest.fixture(autouse=True)
def isolated_process_state(monkeypatch):
    """Give each test a clean environment, working directory, ``sys.path``
    and module cache: the command changes all four."""
    saved_environ = dict(os.environ)
    saved_path = list(sys.path)
    saved_modules = set(sys.modules)
    monkeypatch.chdir(os.getcwd())
    for name in WATCHED_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    yield
    os.environ.clear()
    os.environ.update(saved_environ)
    sys.path[:] = saved_path
    for name in set(sys.modules) - saved_modules:
        if name.split(".")[0] in FIXTURE_PACKAGES:
            del sys.modules[name]


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def on_apps_path():
    sys.path.insert(0, APPS_DIR)


def module_of(**attributes):
    """A module object holding ``attributes``, for find_best_app."""
    module = types.ModuleType(str("made_up"))
    module.__dict__.update(attributes)
    return module


def group_for(app, **options):
    """A FlaskGroup serving ``app``."""
    return FlaskGroup(create_app=lambda info: app, **options)


def succeeded(result):
    """Fail with the command's output unless it exited with status 0."""
    if result.exit_code != 0:
        pytest.fail("exit code %s:\n%s" % (result.exit_code, result.output))


def refused(result):
    """Click's status for a usage error (bad option, unknown command, no app)."""
    assert (result.exit_code, result.exception.__class__) == (2, SystemExit)


def no_app_message(function, *args):
    """The message of the NoAppException that ``function(*args)`` raises."""
    caught = pytest.raises(NoAppException, function, *args)
    return str(caught.value)


def echo_app_name():
    click.echo("app=" + current_app.name)


def single_line(text):
    return " ".join(text.split())


# ---------------------------------------------------------------------------
# Finding the application in a module
# ---------------------------------------------------------------------------


def named_app(name):
    return lambda: Flask(name)


@pytest.mark.parametrize(
    ("attributes", "expected"),
    [
        ({"app": "first"}, "first"),
        ({"application": "second"}, "second"),
        ({"whatever_name": "only"}, "only"),
        ({"app": "chosen", "another": "ignored"}, "chosen"),
        ({"only": "instance", "create_app": named_app("factory")}, "instance"),
        ({"create_app": named_app("made")}, "made"),
        ({"make_app": named_app("made_too")}, "made_too"),
        ({"create_app": lambda info: Flask("given_info")}, "given_info"),
        ({"create_app": lambda x=None, script_info=None: Flask("kw")}, "kw"),
        ({"create_app": lambda arg=None: Flask(repr(arg))}, "None"),
        ({"create_app": lambda: None, "make_app": named_app("second")}, "second"),
    ],
)
def test_find_best_app_picks(attributes, expected):
    values = {}
    for key, value in attributes.items():
        values[key] = Flask(value) if isinstance(value, str) else value
    assert find_best_app(ScriptInfo(), module_of(**values)).name == expected


def test_find_best_app_gives_a_one_parameter_factory_the_script_info():
    info = ScriptInfo()
    seen = []

    def create_app(whatever):
        seen.append(whatever)
        return Flask("with_info")

    find_best_app(info, module_of(create_app=create_app))
    assert seen == [info]


def two_arguments(foo, bar):
    return Flask("never")


@pytest.mark.parametrize(
    ("attributes", "message"),
    [
        ({}, "Failed to find a Flask application or factory"),
        ({"one": Flask("one"), "two": Flask("two")}, "multiple Flask applications"),
        ({"create_app": two_arguments}, "could not call it without arguments"),
        ({"create_app": lambda: "not an app"}, "Failed to find"),
    ],
)
def test_find_best_app_errors(attributes, message):
    text = no_app_message(find_best_app, ScriptInfo(), module_of(**attributes))
    assert message in text and "made_up" in text


def test_a_type_error_inside_a_factory_is_not_hidden():
    def create_app():
        raise TypeError("broken inside")

    with pytest.raises(TypeError) as caught:
        find_best_app(ScriptInfo(), module_of(create_app=create_app))
    assert str(caught.value) == "broken inside"


def test_find_best_app_accepts_a_class_as_module():
    class Namespace(object):
        application = Flask("from_class")

    assert find_best_app(ScriptInfo(), Namespace).name == "from_class"


def test_call_factory_passes_arguments_and_the_script_info():
    info = ScriptInfo()

    def plain(a, b):
        return (a, b)

    def asks(a, script_info):
        return (a, script_info)

    def keywords(a, b=2, c=3):
        return (a, b, c)

    assert call_factory(info, plain, (1, 2)) == (1, 2)
    assert call_factory(info, asks, ("x",)) == ("x", info)
    assert call_factory(info, keywords, (1,), {"c": 9}) == (1, 2, 9)
    assert call_factory(info, lambda *args: args) == ()
    assert call_factory(info, lambda only: only) is info


# ---------------------------------------------------------------------------
# Import paths: FLASK_APP and --app
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "folder", "dotted"),
    [
        ("hello", os.getcwd(), "hello"),
        ("hello.py", os.getcwd(), "hello"),
        ("sub/hello", os.path.join(os.getcwd(), "sub"), "hello"),
        ("hello/__init__.py", os.getcwd(), "hello"),
        ("hello/__init__", os.getcwd(), "hello"),
        ("hello.world.name", os.getcwd(), "hello.world.name"),
        (os.path.join(CLIAPP_DIR, "app.py"), APPS_DIR, "cliapp.app"),
        (os.path.join(CLIAPP_DIR, "inner1"), APPS_DIR, "cliapp.inner1"),
        (os.path.join(CLIAPP_DIR, "inner1", "__init__.py"), APPS_DIR, "cliapp.inner1"),
        (
            os.path.join(CLIAPP_DIR, "inner1", "deeper"),
            APPS_DIR,
            "cliapp.inner1.deeper",
        ),
        (os.path.join(CLIAPP_DIR, "notes.txt"), APPS_DIR, "cliapp.notes.txt"),
    ],
)
def test_prepare_import(given, folder, dotted):
    assert prepare_import(given) == dotted
    assert sys.path[0] == folder


def test_prepare_import_does_not_repeat_the_folder():
    prepare_import(os.path.join(CLIAPP_DIR, "app.py"))
    length = len(sys.path)
    prepare_import(os.path.join(CLIAPP_DIR, "factory.py"))
    assert len(sys.path) == length


def split_spec(spec):
    """``"module:name"`` as ``(module, name)``; no colon means no name."""
    module, colon, name = spec.partition(":")
    return module, (name if colon else None)


@pytest.mark.parametrize(
    "spec, expected",
    [
        ["cliapp.app", "testapp"],
        ["cliapp.app:testapp", "testapp"],
        ["cliapp.inner1", "inner1"],
        ["cliapp.factory", "app"],
        ["cliapp.factory:create_app", "app"],
        ["cliapp.factory:create_app()", "app"],
        ["cliapp.factory:  create_app ( )  ", "app"],
        ['cliapp.factory:create_app2("foo", "bar")', "app2_foo_bar"],
        ["cliapp.factory:create_app2('foo', 'bar', )", "app2_foo_bar"],
        ["cliapp.factory:create_app3('foo')", "app3_foo_spam"],
        ['cliapp.factory:create_named(suffix="_kw")', "named_kw"],
        ["cliapp.factory:create_named('a', suffix='b')", "ab"],
    ],
)
def test_locate_app(on_apps_path, spec, expected):
    info = ScriptInfo()
    info.data["flavour"] = "spam"
    module, name = split_spec(spec)
    assert locate_app(info, module, name).name == expected


@pytest.mark.parametrize(
    "spec, message",
    [
        ["notanapp", 'Could not import "notanapp".'],
        ["notanapp.py", 'Could not import "notanapp.py".'],
        ["cliapp/app", "Could not import"],
        ["cliapp.notes.txt", "Could not import"],
        ["cliapp.importerrorapp", 'While importing "cliapp.importerrorapp"'],
        ["cliapp.multiapp", "multiple Flask applications"],
        ["cliapp.app:notanapp", 'Failed to find attribute "notanapp"'],
        ['cliapp.factory:create_app2("foo")', "could not be called with"],
        ["cliapp.factory:create_app(", "is not a valid variable name"],
        ["cliapp.factory:a.b", "is not a valid variable name"],
        ["cliapp.factory:", "is not a valid variable name"],
        ["cliapp.factory:create_app2(foo, 'bar')", "Could not parse the arguments"],
        ["cliapp.factory:create_app2(*'ab')", "Could not parse the arguments"],
        ["cliapp.factory:create_named(**{})", "Could not parse the arguments"],
        ["cliapp.factory:no_app", "A valid Flask application was not obtained"],
        ["cliapp.factory:no_app()", 'from "cliapp.factory:no_app()"'],
    ],
)
def test_locate_app_errors(on_apps_path, spec, message):
    module, name = split_spec(spec)
    assert message in no_app_message(locate_app, ScriptInfo(), module, name)


def test_locate_app_error_inside_a_module_carries_its_traceback(on_apps_path):
    message = no_app_message(locate_app, ScriptInfo(), "cliapp.importerrorapp", None)
    assert "Traceback" in message and "no_such_module" in message


def test_locate_app_can_report_a_missing_module_as_none(on_apps_path):
    assert locate_app(ScriptInfo(), "notanapp", None, raise_if_not_found=False) is None
    # a module that exists but fails still raises
    no_app_message(locate_app, ScriptInfo(), "cliapp.importerrorapp", None, False)


def test_find_app_by_string_keeps_errors_raised_by_the_factory(on_apps_path):
    import cliapp.factory

    with pytest.raises(TypeError) as caught:
        find_app_by_string(ScriptInfo(), cliapp.factory, "broken_factory")
    assert "itself is broken" in str(caught.value)


# ---------------------------------------------------------------------------
# ScriptInfo
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "import_path",
    [
        "cliapp.app:testapp",
        os.path.join(CLIAPP_DIR, "app.py"),
        os.path.join(CLIAPP_DIR, "app.py") + ":testapp",
        os.path.join(CLIAPP_DIR, "app"),
    ],
)
def test_script_info_loads_an_import_path_once(on_apps_path, import_path):
    info = ScriptInfo(app_import_path=import_path)
    loaded = info.load_app()
    assert (loaded.name, info.load_app()) == ("testapp", loaded)


def test_script_info_reads_flask_app(on_apps_path, monkeypatch):
    monkeypatch.setenv("FLASK_APP", "cliapp.factory:create_app2('x', 'y')")
    info = ScriptInfo()
    assert info.app_import_path == "cliapp.factory:create_app2('x', 'y')"
    assert info.load_app().name == "app2_x_y"
    # an explicit path wins over the variable
    assert ScriptInfo(app_import_path="cliapp.app").load_app().name == "testapp"


def test_script_info_prefers_its_factory(monkeypatch):
    monkeypatch.setenv("FLASK_APP", "notanapp")
    made = []

    def create_app(info):
        made.append(info)
        return Flask("factory_made")

    info = ScriptInfo(create_app=create_app)
    assert info.load_app().name == "factory_made"
    assert info.load_app().name == "factory_made"
    assert made == [info]


@pytest.mark.parametrize(
    ("file_name", "found"),
    [("wsgi.py", "from_wsgi"), ("app.py", "from_app")],
)
def test_script_info_falls_back_to_files_in_the_working_directory(
    tmpdir, file_name, found
):
    tmpdir.join(file_name).write(
        "from flaskcompat import Flask\nbuilt = Flask(%r)\n" % found
    )
    tmpdir.chdir()
    assert ScriptInfo().load_app().name == found


def test_script_info_tries_wsgi_before_app(tmpdir):
    for stem in ("wsgi", "app"):
        tmpdir.join(stem + ".py").write(
            "from flaskcompat import Flask\napp = Flask(%r)\n" % stem
        )
    tmpdir.chdir()
    assert ScriptInfo().load_app().name == "wsgi"


def test_script_info_without_any_app(tmpdir):
    tmpdir.chdir()
    message = no_app_message(ScriptInfo().load_app)
    assert "Could not locate a Flask application" in message
    assert "FLASK_APP" in message and "wsgi.py" in message and "app.py" in message


def test_script_info_factory_returning_nothing_is_an_error():
    no_app_message(ScriptInfo(create_app=lambda info: None).load_app)


@pytest.mark.parametrize(
    ("flask_debug", "set_debug_flag", "expected"),
    [(None, True, False), ("1", True, True), ("0", True, False), (None, False, True)],
)
def test_script_info_debug_flag(monkeypatch, flask_debug, set_debug_flag, expected):
    if flask_debug is not None:
        monkeypatch.setenv("FLASK_DEBUG", flask_debug)

    def create_app(info):
        app = Flask("debug_check")
        app.debug = True
        return app

    info = ScriptInfo(create_app=create_app, set_debug_flag=set_debug_flag)
    assert info.load_app().debug is expected


def test_script_info_data_is_per_instance():
    first, second = ScriptInfo(), ScriptInfo()
    first.data["key"] = "value"
    assert second.data == {}


# ---------------------------------------------------------------------------
# Groups and the application context
# ---------------------------------------------------------------------------


def test_with_appcontext_pushes_the_loaded_app(runner):
    @click.command()
    @click.option("--times", default=1)
    @with_appcontext
    def show(times):
        click.echo(current_app.name * times)

    info = ScriptInfo(create_app=lambda info: Flask("ctx"))
    result = runner.invoke(show, ["--times", "2"], obj=info)
    succeeded(result)
    assert result.output == "ctxctx\n"


def test_with_appcontext_keeps_the_command_name():
    def my_task():
        pass

    assert with_appcontext(my_task).__name__ == "my_task"


def test_app_group_commands_and_subgroups(runner):
    @click.group(cls=AppGroup)
    def tool():
        pass

    tool.command("name")(echo_app_name)

    @tool.command(with_appcontext=False)
    def outside():
        click.echo("app context: %s" % bool(flaskcompat.has_app_context()))

    @tool.group()
    def nested():
        pass

    @nested.command("deep")
    def deep_command():
        click.echo("deep in " + current_app.name)

    info = ScriptInfo(create_app=lambda info: Flask("grouped"))
    assert isinstance(nested, AppGroup)
    assert runner.invoke(tool, ["name"], obj=info).output == "app=grouped\n"
    assert runner.invoke(tool, ["outside"], obj=info).output == "app context: False\n"
    deep = runner.invoke(tool, ["nested", "deep"], obj=info)
    assert deep.output == "deep in grouped\n"


def test_app_group_accepts_bare_decorators_and_names_like_click_7(runner):
    tool = AppGroup("tool")

    @tool.command
    def init_db_command():
        click.echo("made " + current_app.name)

    @tool.group
    def user_group():
        pass

    @tool.group(cls=click.Group)
    def plain_group():
        pass

    assert sorted(tool.commands) == ["init-db-command", "plain-group", "user-group"]
    assert isinstance(tool.commands["user-group"], AppGroup)
    assert not isinstance(tool.commands["plain-group"], AppGroup)
    info = ScriptInfo(create_app=lambda info: Flask("bare"))
    assert runner.invoke(tool, ["init-db-command"], obj=info).output == "made bare\n"


def test_flask_group_runs_app_commands(runner):
    def create_app(info):
        app = Flask("with_commands")

        @app.cli.command()
        def hello():
            click.echo("hello from " + current_app.name)

        return app

    @click.group(cls=FlaskGroup, create_app=create_app)
    def manage(**params):
        pass

    @manage.command()
    def own():
        click.echo("own in " + current_app.name)

    result = runner.invoke(manage, ["hello"])
    succeeded(result)
    assert result.output == "hello from with_commands\n"
    assert runner.invoke(manage, ["own"]).output == "own in with_commands\n"
    listing = runner.invoke(manage, ["--help"]).output
    for command in ("hello", "own", "routes", "run", "shell"):
        assert command in listing


def test_flask_group_help_without_an_app_shows_why(runner):
    def create_app(info):
        raise Exception("no app today")

    result = runner.invoke(FlaskGroup(create_app=create_app), ["--help"])
    succeeded(result)
    for expected in ("Traceback (most", "Exception: no app today", "routes"):
        assert expected in result.output


def test_flask_group_unknown_command_without_an_app(runner, tmpdir):
    tmpdir.chdir()
    result = runner.invoke(FlaskGroup(), ["missing-command"])
    refused(result)
    assert "No such command" in result.output


def test_flask_group_without_default_commands_or_version(runner):
    group = FlaskGroup(
        add_default_commands=False,
        add_version_option=False,
        create_app=lambda info: Flask("bare_group"),
    )
    assert group.commands == {}
    result = runner.invoke(group, ["--version"])
    refused(result)
    assert "--version" in result.output


def test_flask_group_marks_the_process_as_run_from_the_command_line(runner):
    group = group_for(Flask("marked"))

    @group.command()
    def show():
        click.echo(os.environ.get("FLASK_RUN_FROM_CLI"))

    assert runner.invoke(group, ["show"]).output == "true\n"


def test_flask_group_reads_the_debug_flag_from_the_environment(runner, monkeypatch):
    group = group_for(Flask("debugged"))

    @group.command()
    def show():
        click.echo("debug is %s" % ("on" if current_app.debug else "off"))

    def debug_with(**variables):
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        return runner.invoke(group, ["show"]).output.split()[-1]

    assert debug_with(FLASK_DEBUG="1") == "on"
    assert debug_with(FLASK_DEBUG="0") == "off"
    assert debug_with(FLASK_DEBUG="", FLASK_ENV="development") == "on"


@pytest.mark.parametrize("option", ["--app", "-A"])
def test_app_option_names_the_app(runner, on_apps_path, option):
    group = FlaskGroup()
    group.command("which")(echo_app_name)
    import_path = "cliapp.factory:create_app2('a', 'b')"
    result = runner.invoke(group, [option, import_path, "which"])
    succeeded(result)
    assert result.output == "app=app2_a_b\n"


def test_app_option_overrides_flask_app(runner, on_apps_path, monkeypatch):
    monkeypatch.setenv("FLASK_APP", "cliapp.factory")
    result = runner.invoke(FlaskGroup(), ["--app", "cliapp.app", "routes"])
    succeeded(result)
    assert "static" in result.output
    group = FlaskGroup()
    group.command("which")(echo_app_name)
    assert runner.invoke(group, ["which"]).output == "app=app\n"


def test_an_unknown_app_is_a_usage_error(runner, on_apps_path):
    result = runner.invoke(FlaskGroup(), ["--app", "notanapp", "routes"])
    refused(result)
    assert 'Could not import "notanapp"' in result.output


def test_plugin_commands_come_from_entry_points(runner, monkeypatch):
    @click.command("plugged")
    def plugged():
        click.echo("plugin ran")

    class EntryPoint(object):
        name = "plugged-in"

        def load(self):
            return plugged

    groups = []

    def fake_entry_points(group):
        groups.append(group)
        return [EntryPoint()]

    monkeypatch.setattr(_compat, "iter_entry_points", fake_entry_points)
    group = group_for(Flask("with_plugins"))
    assert runner.invoke(group, ["plugged-in"]).output == "plugin ran\n"
    assert "plugged-in" in runner.invoke(group, ["--help"]).output
    assert groups == ["flask.commands"]


def test_blueprint_commands_join_the_app_group():
    app = Flask("blueprint_commands")
    own_group = Blueprint("grouped", __name__)
    renamed = Blueprint("renamed", __name__, cli_group="other")
    flat = Blueprint("flat", __name__, cli_group=None)
    afterwards = Blueprint("afterwards", __name__)
    empty = Blueprint("empty", __name__, cli_group="empty")

    for each in (own_group, renamed, flat, afterwards):

        @each.cli.command("say")
        def say(blueprint_name=each.name):
            click.echo("%s in %s" % (blueprint_name, current_app.name))

    for each in (own_group, renamed, flat, empty):
        app.register_blueprint(each)
    app.register_blueprint(afterwards, cli_group="chosen_late")

    def said(*args):
        return app.test_cli_runner().invoke(args=list(args)).output.split(" in ")[0]

    assert said("grouped", "say") == "grouped"
    assert said("other", "say") == "renamed"
    assert said("say") == "flat"
    assert said("chosen_late", "say") == "afterwards"
    # a blueprint without commands adds no group
    refused(app.test_cli_runner().invoke(args=["empty", "--help"]))


def test_app_cli_group_is_named_after_the_app(on_apps_path):
    import cliapp.app

    assert cliapp.app.testapp.cli.name == "testapp"


def test_test_cli_runner_invokes_app_commands():
    app = Flask("runner_app")

    @app.cli.command("greet")
    @click.option("--name", default="World")
    def greet(name):
        click.echo("Hello, %s!" % name)

    invoke = app.test_cli_runner().invoke
    assert invoke(args=["greet"]).output == "Hello, World!\n"
    assert invoke(args=["greet", "--name", "Flask"]).output == "Hello, Flask!\n"


# ---------------------------------------------------------------------------
# --version
# ---------------------------------------------------------------------------


def version_lines(output):
    lines = output.splitlines()
    assert len(lines) == 3, output
    return lines


def test_version_option_lists_python_flaskcompat_and_werkzeug(runner):
    result = runner.invoke(flaskcompat_command, ["--version"])
    succeeded(result)
    python_line, product_line, werkzeug_line = version_lines(result.output)
    assert python_line == "Python " + platform.python_version()
    assert product_line.startswith("flaskcompat %s (" % flaskcompat.__version__)
    assert re.match(r"^flaskcompat \S+ \(Flask \d+\.\d+\.\d+ API\)$", product_line)
    assert re.match(r"^Werkzeug \d+\.\d+", werkzeug_line)


def test_get_version_as_a_callback(capsys):
    context = click.Context(click.Command("tool"))
    assert get_version(context, None, False) is None
    assert capsys.readouterr()[0] == ""
    context.resilient_parsing = True
    assert get_version(context, None, True) is None
    context.resilient_parsing = False
    with pytest.raises(click.exceptions.Exit):
        get_version(context, None, True)
    assert version_lines(capsys.readouterr()[0])[0].startswith("Python ")


# ---------------------------------------------------------------------------
# routes
# ---------------------------------------------------------------------------


@pytest.fixture
def shop_app():
    app = Flask("shop")

    @app.route("/shop/<int:item>/<int:count>", methods=["GET", "POST"])
    def order(item, count):
        pass

    @app.route("/z_basket", methods=["POST"])
    def basket():
        pass

    return app


def routes_table(runner, app, *options):
    result = runner.invoke(group_for(app), ["routes"] + list(options))
    succeeded(result)
    return result.output.splitlines()


def endpoints_of(table):
    return [row.split()[0] for row in table[2:]]


@pytest.mark.parametrize(
    ("options", "order"),
    [
        ([], ["basket", "order", "static"]),
        (["--sort", "endpoint"], ["basket", "order", "static"]),
        (["-s", "methods"], ["static", "order", "basket"]),
        (["-s", "rule"], ["order", "static", "basket"]),
        # no variables first, then the longer fixed segment
        (["-s", "match"], ["basket", "static", "order"]),
    ],
)
def test_routes_sorting(runner, shop_app, options, order):
    assert endpoints_of(routes_table(runner, shop_app, *options)) == order


def test_routes_match_order_follows_converter_weights(runner):
    app = Flask("weights", static_folder=None)
    app.add_url_rule("/page/<path:rest>", "by_path")
    app.add_url_rule("/page/<name>", "by_name")
    app.add_url_rule("/page/<int:number>", "by_number")
    app.add_url_rule("/page/new", "fixed")
    order = endpoints_of(routes_table(runner, app, "--sort", "match"))
    assert order == ["fixed", "by_number", "by_name", "by_path"]


def test_routes_table_layout(runner, shop_app):
    table = routes_table(runner, shop_app)
    assert table[0].split() == ["Endpoint", "Methods", "Rule"]
    assert set(table[1]) == set("- ")
    assert table[0].index("Methods") == table[2].index("POST")
    assert single_line(table[2]) == "basket POST /z_basket"
    assert single_line(table[3]) == "order GET, POST /shop/<int:item>/<int:count>"
    assert all(row == row.rstrip() for row in table)


def test_routes_hide_head_and_options_unless_asked(runner, shop_app):
    plain = "\n".join(routes_table(runner, shop_app))
    assert "HEAD" not in plain and "OPTIONS" not in plain
    everything = "\n".join(routes_table(runner, shop_app, "--all-methods"))
    assert "GET, HEAD, OPTIONS, POST" in everything


def test_routes_without_rules(runner):
    result = runner.invoke(group_for(Flask("empty", static_folder=None)), ["routes"])
    succeeded(result)
    assert result.output == "No routes were registered.\n"


def test_routes_rejects_an_unknown_order(runner, shop_app):
    result = runner.invoke(group_for(shop_app), ["routes", "--sort", "size"])
    refused(result)


def test_routes_command_needs_a_loaded_app(runner, tmpdir):
    tmpdir.chdir()
    result = runner.invoke(routes_command, obj=ScriptInfo())
    refused(result)
    assert "Could not locate a Flask application" in result.output


# ---------------------------------------------------------------------------
# run: certificates and the server call
# ---------------------------------------------------------------------------

THIS_FILE = os.path.abspath(__file__)


def run_params(*args):
    return run_command.make_context("run", list(args)).params


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--cert", THIS_FILE], 'Required when using "--cert".'),
        (["--key", THIS_FILE], '"--cert" must also be specified.'),
        (["--cert", "not_a_module_or_file"], "not_a_module_or_file"),
        # importable, but not an SSLContext
        (["--cert", "xml.dom"], "xml.dom"),
    ],
)
def test_run_certificate_errors(args, message):
    with pytest.raises(click.BadParameter) as caught:
        run_params(*args)
    assert message in caught.value.format_message()


def test_run_certificate_with_key_in_either_order():
    expected = (THIS_FILE, THIS_FILE)
    assert run_params("--cert", THIS_FILE, "--key", THIS_FILE)["cert"] == expected
    assert run_params("--key", THIS_FILE, "--cert", THIS_FILE)["cert"] == expected


def test_run_adhoc_certificate(monkeypatch):
    def pyopenssl(module):
        # None in sys.modules makes "import OpenSSL" fail
        monkeypatch.setitem(sys.modules, "OpenSSL", module)

    pyopenssl(None)
    with pytest.raises(click.BadParameter) as caught:
        run_params("--cert", "adhoc")
    assert "requires pyOpenSSL" in caught.value.format_message()

    pyopenssl(types.ModuleType(str("OpenSSL")))
    assert run_params("--cert", "ADHOC")["cert"] == "adhoc"
    with pytest.raises(click.BadParameter) as caught:
        run_params("--cert", "adhoc", "--key", THIS_FILE)
    assert '"--key" is not used' in caught.value.format_message()


def test_run_certificate_from_an_ssl_context(monkeypatch):
    import ssl

    context = ssl.create_default_context()
    holder = types.ModuleType(str("context_holder"))
    holder.context = context
    monkeypatch.setitem(sys.modules, "context_holder", holder)
    assert run_params("--cert", "context_holder:context")["cert"] is context
    with pytest.raises(click.BadParameter) as caught:
        run_params("--cert", "context_holder:context", "--key", THIS_FILE)
    assert "SSLContext object" in caught.value.format_message()


def test_run_certificate_without_ssl(monkeypatch):
    import flaskcompat.cli

    monkeypatch.setattr(flaskcompat.cli, "ssl", None)
    with pytest.raises(click.BadParameter) as caught:
        run_params("--cert", THIS_FILE)
    assert "compiled with SSL support" in caught.value.format_message()


def test_run_extra_files_are_split(tmpdir):
    first, second = tmpdir.join("a.cfg"), tmpdir.join("b.cfg")
    first.write("")
    second.write("")
    joined = os.pathsep.join([str(first), str(second)])
    extra_files = run_params("--extra-files", joined)["extra_files"]
    assert extra_files == [str(first), str(second)]
    assert run_params()["extra_files"] is None


@pytest.fixture
def served(monkeypatch):
    """What the run command hands to Werkzeug's server, instead of serving."""
    import werkzeug.serving

    calls = []

    def fake_run_simple(host, port, application, **options):
        calls.append(dict(options, host=host, port=port, application=application))

    monkeypatch.setattr(werkzeug.serving, "run_simple", fake_run_simple)
    return calls


def test_run_passes_its_options_to_the_server(runner, served):
    app = Flask("served")
    result = runner.invoke(
        group_for(app),
        ["run", "--host", "0.0.0.0", "-p", "8123", "--without-threads"],
    )
    succeeded(result)
    (call,) = served
    assert (call["host"], call["port"]) == ("0.0.0.0", 8123)
    assert call["use_reloader"] is False and call["use_debugger"] is False
    assert call["threaded"] is False
    assert call["ssl_context"] is None and call["extra_files"] is None
    assert isinstance(call["application"], DispatchingApp)
    assert " * Environment: production" in result.output
    assert "WARNING: This is a development server." in result.output
    assert " * Debug mode: off" in result.output


def test_run_in_development_reloads_and_debugs(runner, served, monkeypatch):
    monkeypatch.setenv("FLASK_ENV", "development")
    result = runner.invoke(
        group_for(Flask("developed")), ["run", "--eager-loading", "--no-reload"]
    )
    succeeded(result)
    (call,) = served
    assert call["use_reloader"] is False and call["use_debugger"] is True
    assert " * Debug mode: on" in result.output
    # a debugging server is a development server too: one warning all the same
    assert result.output.count("WARNING: This is a development server.") == 1


def join_new_threads(before):
    for thread in set(threading.enumerate()) - before:
        thread.join(5)


def test_run_names_the_import_path_in_its_banner(runner, served, on_apps_path):
    before = set(threading.enumerate())
    result = runner.invoke(FlaskGroup(), ["--app", "cliapp.app", "run", "--reload"])
    join_new_threads(before)  # the lazy loader
    succeeded(result)
    assert ' * Serving flaskcompat app "cliapp.app" (lazy loading)' in result.output
    assert served[0]["use_reloader"] is True


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (("production", False, "hello", True), [' * Serving flaskcompat app "hello"']),
        (
            ("development", True, "hello", False),
            [' * Serving flaskcompat app "hello" (lazy loading)'],
        ),
        (("development", True, None, True), []),
    ],
)
def test_show_server_banner(capsys, arguments, expected):
    show_server_banner(*arguments)
    lines = capsys.readouterr()[0].splitlines()
    assert [line for line in lines if "Serving" in line] == expected
    assert " * Environment: %s" % arguments[0] in lines
    assert (" * Debug mode: on" in lines) is arguments[1]


def test_show_server_banner_is_quiet_in_the_reloader_child(capsys, monkeypatch):
    monkeypatch.setenv("WERKZEUG_RUN_MAIN", "true")
    show_server_banner("production", True, "hello", True)
    assert capsys.readouterr()[0] == ""


def wsgi_get(application):
    """Status and body of a GET of ``/`` from a WSGI application."""
    builder = EnvironBuilder(path="/")
    try:
        body, status, headers = run_wsgi_app(application, builder.get_environ())
        return status, b"".join(body)
    finally:
        builder.close()


def page_app():
    app = Flask("page")
    app.add_url_rule("/", "index", lambda: "the page")
    return app


def test_dispatching_app_loads_eagerly():
    loads = []

    def loader():
        loads.append(1)
        return page_app()

    dispatching = DispatchingApp(loader, use_eager_loading=True)
    assert loads == [1]
    assert wsgi_get(dispatching) == ("200 OK", b"the page")
    assert wsgi_get(dispatching) == ("200 OK", b"the page")
    assert loads == [1]


def test_dispatching_app_loads_lazily_and_reports_failures():
    attempts = []

    def loader():
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("first load fails")
        return page_app()

    before = set(threading.enumerate())
    dispatching = DispatchingApp(loader, use_eager_loading=False)
    join_new_threads(before)
    # the failure of the background load shows on the next request ...
    pytest.raises(RuntimeError, wsgi_get, dispatching)
    # ... and the request after that loads again
    assert wsgi_get(dispatching) == ("200 OK", b"the page")
    assert len(attempts) == 2


def test_dispatching_app_defaults_to_lazy_in_the_reloader_child(monkeypatch):
    monkeypatch.setenv("WERKZEUG_RUN_MAIN", "true")
    loaded = threading.Event()

    def loader():
        loaded.set()
        return page_app()

    DispatchingApp(loader)
    assert loaded.wait(5)


# ---------------------------------------------------------------------------
# shell
# ---------------------------------------------------------------------------


@pytest.fixture
def interact(monkeypatch):
    import code

    seen = {}

    def fake_interact(banner=None, local=None, **kwargs):
        seen["banner"] = banner
        seen["namespace"] = dict(local)

    monkeypatch.setattr(code, "interact", fake_interact)
    return seen


def test_shell_offers_the_shell_context(runner, interact):
    app = Flask("shell_app")

    @app.shell_context_processor
    def extras():
        return {"answer": 42}

    result = runner.invoke(group_for(app), ["shell"])
    succeeded(result)
    namespace = interact["namespace"]
    assert namespace["app"] is app and namespace["answer"] == 42
    assert "g" in namespace
    banner = interact["banner"].splitlines()
    assert banner[0] == "Python %s on %s" % (platform.python_version(), sys.platform)
    assert banner[1] == "App: shell_app [production]"
    assert banner[2] == "Instance: " + app.instance_path


def test_shell_runs_the_python_startup_file(runner, interact, tmpdir, monkeypatch):
    startup = tmpdir.join("startup.py")
    startup.write("# -*- coding: utf-8 -*-\nfrom_startup = u'\\u00e9t\\u00e9'\n")
    monkeypatch.setenv("PYTHONSTARTUP", str(startup))
    result = runner.invoke(group_for(Flask("startup_app")), ["shell"])
    succeeded(result)
    assert interact["namespace"]["from_startup"] == u"\u00e9t\u00e9"


# ---------------------------------------------------------------------------
# .env and .flaskenv
# ---------------------------------------------------------------------------

needs_dotenv = pytest.mark.skipif(
    _compat.dotenv is None, reason="the python-dotenv extra is not installed"
)


@needs_dotenv
@pytest.mark.parametrize("start", [CLIAPP_DIR, os.path.join(CLIAPP_DIR, "inner1")])
def test_load_dotenv_finds_the_nearest_files(monkeypatch, start):
    monkeypatch.setenv("EGGS", "mine")
    monkeypatch.chdir(start)
    assert load_dotenv() is True
    assert os.getcwd() == APPS_DIR
    assert os.environ["FOO"] == "env"  # .env wins over .flaskenv
    assert os.environ["BAR"] == "bar"  # only in .flaskenv
    assert os.environ["SPAM"] == "1"  # only in .env
    assert os.environ["EGGS"] == "mine"  # set before: files do not override


@needs_dotenv
def test_load_dotenv_with_a_path_stays_in_place():
    here = os.getcwd()
    assert load_dotenv(os.path.join(APPS_DIR, ".flaskenv")) is True
    assert os.getcwd() == here
    assert os.environ["FOO"] == "flaskenv"
    assert "SPAM" not in os.environ


@needs_dotenv
def test_load_dotenv_with_a_missing_path():
    assert load_dotenv(os.path.join(APPS_DIR, "no-such.env")) is False


@needs_dotenv
def test_load_dotenv_without_files(tmpdir):
    tmpdir.chdir()
    assert load_dotenv() is False


def test_load_dotenv_without_python_dotenv(monkeypatch, capsys):
    import flaskcompat.cli

    monkeypatch.setattr(flaskcompat.cli, "dotenv", None)
    monkeypatch.chdir(APPS_DIR)
    assert load_dotenv() is False
    assert os.environ.get("FOO") is None
    assert 'pip install python-dotenv' in capsys.readouterr()[1]


@needs_dotenv
def test_flask_group_loads_dotenv_files(runner, monkeypatch):
    monkeypatch.chdir(APPS_DIR)
    group = group_for(Flask("dotenv_app"))

    @group.command()
    def show():
        click.echo(os.environ.get("BAR", "unset"))

    assert runner.invoke(group, ["show"]).output == "bar\n"


@needs_dotenv
@pytest.mark.parametrize(
    ("skip", "options", "expected"),
    [("1", {}, "unset"), (None, {"load_dotenv": False}, "unset"), ("0", {}, "bar")],
)
def test_flask_group_dotenv_can_be_turned_off(
    runner, monkeypatch, skip, options, expected
):
    monkeypatch.chdir(APPS_DIR)
    if skip is not None:
        monkeypatch.setenv("FLASK_SKIP_DOTENV", skip)
    group = group_for(Flask("no_dotenv"), **options)

    @group.command()
    def show():
        click.echo(os.environ.get("BAR", "unset"))

    assert runner.invoke(group, ["show"]).output == expected + "\n"


# ---------------------------------------------------------------------------
# The installed command
# ---------------------------------------------------------------------------


def test_console_script_entry_point():
    scripts = dict((ep.name, ep) for ep in _compat.iter_entry_points("console_scripts"))
    assert "flaskcompat" in scripts
    import flaskcompat.cli

    assert scripts["flaskcompat"].load() is flaskcompat.cli.main


def test_python_dash_m_runs_the_command(tmpdir):
    tmpdir.chdir()
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(
        [os.path.dirname(TESTS_DIR)] + [p for p in [os.environ.get("PYTHONPATH")] if p]
    )
    output = subprocess.check_output(
        [sys.executable, "-m", "flaskcompat", "--help"],
        env=environment,
        stderr=subprocess.STDOUT,
    ).decode("utf-8")
    assert "Usage: python -m flaskcompat [OPTIONS] COMMAND" in output
    assert "--app IMPORT" in output


# Flask 2.0 dropped the leading ScriptInfo argument of the app-finding helpers


def test_helpers_accept_the_flask_2_form_without_script_info(on_apps_path):
    app = Flask("two")
    assert find_best_app(module_of(app=app)) is app
    assert find_best_app(ScriptInfo(), module_of(app=app)) is app
    assert find_app_by_string(module_of(make=lambda: app), "make()") is app
    assert locate_app("cliapp.factory", "create_app2('a', 'b')").name == "app2_a_b"
    assert locate_app("cliapp.app", None).name == "testapp"
    assert locate_app("cliapp.nothing_here", None, raise_if_not_found=False) is None


def test_without_script_info_a_factory_gets_only_its_own_arguments():
    seen = []

    def create_app(script_info=None):
        seen.append(script_info)
        return Flask("made")

    assert find_best_app(module_of(create_app=create_app)).name == "made"
    assert seen == [None]

    def needs_one(config):
        return Flask(config)

    with pytest.raises(NoAppException) as info:
        find_best_app(module_of(create_app=needs_one))
    assert "could not call it without arguments" in str(info.value)
    # the Flask 1.1 form hands the ScriptInfo to a one-parameter factory
    info_object = ScriptInfo()
    given = []

    def takes_info(info):
        given.append(info)
        return Flask("v1")

    assert find_best_app(info_object, module_of(create_app=takes_info)).name == "v1"
    assert given == [info_object]


@needs_dotenv
def test_load_dotenv_path_with_the_default_files_too(monkeypatch, tmpdir):
    # Flask 2.2's load_defaults: the defaults are read as well, and the
    # named file's values win over theirs.
    extra = tmpdir.join("extra.env")
    extra.write("FOO=extra\nONLY_EXTRA=yes\n")
    monkeypatch.chdir(APPS_DIR)
    assert load_dotenv(str(extra), load_defaults=True) is True
    assert os.environ["FOO"] == "extra"
    assert os.environ["ONLY_EXTRA"] == "yes"
    assert os.environ["SPAM"] == "1"
    assert load_dotenv(str(tmpdir.join("missing.env")), load_defaults=False) is False


@needs_dotenv
def test_load_dotenv_when_the_import_system_hides_dotenv(monkeypatch):
    monkeypatch.setitem(sys.modules, "dotenv", None)
    monkeypatch.chdir(APPS_DIR)
    assert load_dotenv() is False
    assert "FOO" not in os.environ


def test_a_flask_group_nested_in_another_group(runner):
    app = Flask("nested_app")
    outer = click.Group("outer")
    inner = FlaskGroup(name="manage", create_app=lambda: app)
    outer.add_command(inner)

    @inner.command()
    def which():
        click.echo(current_app.name)

    result = runner.invoke(outer, ["manage", "which"])
    succeeded(result)
    assert result.output == "nested_app\n"


def test_parameter_callbacks_of_app_commands_see_current_app(runner):
    app = Flask("callback_app")
    seen = []

    def remember(ctx, param, value):
        seen.append(current_app.name)
        return value

    @app.cli.command()
    @click.argument("word", callback=remember)
    def echo(word):
        click.echo(word)

    result = runner.invoke(group_for(app), ["echo", "hi"])
    succeeded(result)
    assert result.output == "hi\n"
    assert seen == ["callback_app"]


def test_an_unknown_command_reports_why_no_app_was_found(runner, monkeypatch, tmpdir):
    monkeypatch.delenv("FLASK_APP", raising=False)
    tmpdir.chdir()
    result = runner.invoke(FlaskGroup(), ["missing"])
    assert result.exit_code == 2
    assert "Could not locate a Flask application" in result.output
    assert "No such command" in result.output


def test_run_exclude_patterns_are_split():
    context = run_command.make_context(
        "run", ["--exclude-patterns", os.pathsep.join(["*.tmp", "build/*"])]
    )
    assert context.params["exclude_patterns"] == ["*.tmp", "build/*"]


@pytest.mark.parametrize(
    ("options", "rule_place", "column"),
    [({"host_matching": True}, "host", "Host"), ({}, "subdomain", "Subdomain")],
)
def test_routes_shows_where_rules_answer_only_when_they_say(
    runner, options, rule_place, column
):
    placed = Flask("placed", static_folder=None, **options)
    for name in ("tools", "loans"):
        placed.add_url_rule("/" + name, endpoint=name, **{rule_place: name + ".example"})
    result = runner.invoke(group_for(placed), ["routes"])
    succeeded(result)
    lines = result.output.splitlines()
    assert lines[0].split() == ["Endpoint", "Methods", column, "Rule"]
    assert lines[2].split() == ["loans", "GET", "loans.example", "/loans"]

    plain = Flask("plain", static_folder=None)
    plain.add_url_rule("/tools", endpoint="tools")
    result = runner.invoke(group_for(plain), ["routes"])
    assert result.output.splitlines()[0].split() == ["Endpoint", "Methods", "Rule"]
