# -*- coding: utf-8 -*-
"""The ``flaskcompat`` command line: app discovery, the built-in commands
and the groups extensions add commands to; click 7 (2.7) and 8 (3.x)."""

import os
import sys
import types

import click
import pytest
from click.testing import CliRunner

from flaskcompat import Blueprint
from flaskcompat import current_app
from flaskcompat import Flask
from flaskcompat.cli import AppGroup
from flaskcompat.cli import DispatchingApp
from flaskcompat.cli import find_best_app
from flaskcompat.cli import FlaskGroup
from flaskcompat.cli import get_version
from flaskcompat.cli import load_dotenv
from flaskcompat.cli import locate_app
from flaskcompat.cli import NoAppException
from flaskcompat.cli import prepare_import
from flaskcompat.cli import run_command
from flaskcompat.cli import ScriptInfo
from flaskcompat.cli import with_appcontext

HERE = os.path.dirname(os.path.abspath(__file__))
TEST_APPS = os.path.join(HERE, "test_apps")


@pytest.fixture(autouse=True)
def restore_cli_environment(monkeypatch):
    # FlaskGroup.main marks the process as run from the command line (which
    # turns app.run() into a no-op); undo that after each test.
    monkeypatch.setenv(str("FLASK_RUN_FROM_CLI"), str("false"))


@pytest.fixture
def runner():
    return CliRunner()


def module_with(**attrs):
    module = types.ModuleType(str("fake_module"))
    for key, value in attrs.items():
        setattr(module, key, value)
    return module


def test_find_best_app_by_common_name():
    info = ScriptInfo()
    app = Flask("appname")
    assert find_best_app(info, module_with(app=app)) is app
    assert find_best_app(info, module_with(application=app)) is app
    assert find_best_app(info, module_with(myapp=app)) is app


def test_find_best_app_calls_factories():
    info = ScriptInfo()
    app = find_best_app(info, module_with(create_app=lambda: Flask("appname")))
    assert isinstance(app, Flask) and app.name == "appname"

    def create_app(script_info):
        return Flask("from_info")

    assert find_best_app(info, module_with(create_app=create_app)).name == "from_info"

    def make_app(foo=None):
        # a single argument with a default is not given the ScriptInfo
        assert foo is None
        return Flask("defaulted")

    assert find_best_app(info, module_with(make_app=make_app)).name == "defaulted"


def test_find_best_app_errors():
    info = ScriptInfo()
    with pytest.raises(NoAppException):
        find_best_app(info, module_with())
    with pytest.raises(NoAppException) as excinfo:
        find_best_app(info, module_with(a=Flask("a"), b=Flask("b")))
    assert "multiple" in str(excinfo.value)

    def create_app(foo, bar):
        return Flask("x")

    with pytest.raises(NoAppException) as excinfo:
        find_best_app(info, module_with(create_app=create_app))
    assert "could not call it without arguments" in str(excinfo.value)

    def create_app_raising():
        raise TypeError("bad factory")

    # a TypeError inside the factory itself is not hidden
    with pytest.raises(TypeError):
        find_best_app(info, module_with(create_app=create_app_raising))


@pytest.mark.parametrize(
    ("value", "path", "result"),
    [
        ("test", os.getcwd(), "test"),
        ("test.py", os.getcwd(), "test"),
        ("a/test", os.path.join(os.getcwd(), "a"), "test"),
        ("test/__init__.py", os.getcwd(), "test"),
        ("test/__init__", os.getcwd(), "test"),
        (os.path.join(TEST_APPS, "cliapp", "app.py"), TEST_APPS, "cliapp.app"),
    ],
)
def test_prepare_import(request, value, path, result):
    original_path = sys.path[:]

    def reset_path():
        sys.path[:] = original_path

    request.addfinalizer(reset_path)

    assert prepare_import(value) == result
    assert sys.path[0] == path


@pytest.mark.parametrize(
    ("iname", "aname", "result"),
    [
        ("cliapp.app", None, "testapp"),
        ("cliapp.app", "testapp", "testapp"),
        ("cliapp.factory", None, "app"),
        ("cliapp.factory", "create_app", "app"),
        ("cliapp.factory", "create_app()", "app"),
        ("cliapp.factory", 'create_app2("foo", "bar")', "app2_foo_bar"),
        ("cliapp.factory", 'create_app2("foo", "bar", )', "app2_foo_bar"),
    ],
)
def test_locate_app(test_apps, iname, aname, result):
    info = ScriptInfo()
    assert locate_app(info, iname, aname).name == result


@pytest.mark.parametrize(
    ("iname", "aname"),
    [
        ("notanapp.py", None),
        ("cliapp/app", None),
        ("cliapp.app", "notanapp"),
        ("cliapp.factory", 'create_app2("foo")'),
        ("cliapp.factory", "create_app("),
        ("cliapp.factory", "no_app"),
        ("cliapp.importerrorapp", None),
        ("cliapp.message.txt", None),
    ],
)
def test_locate_app_raises(test_apps, iname, aname):
    info = ScriptInfo()
    with pytest.raises(NoAppException):
        locate_app(info, iname, aname)


def test_locate_app_suppress_raise(test_apps):
    info = ScriptInfo()
    assert locate_app(info, "notanapp.py", None, raise_if_not_found=False) is None


def test_scriptinfo_loads_from_import_path_and_caches(test_apps, monkeypatch):
    monkeypatch.delenv("FLASK_APP", raising=False)
    info = ScriptInfo(app_import_path="cliapp.app:testapp")
    app = info.load_app()
    assert app.name == "testapp"
    assert info.load_app() is app

    path = os.path.join(TEST_APPS, "cliapp", "app.py")
    assert ScriptInfo(app_import_path=path).load_app().name == "testapp"

    monkeypatch.setenv("FLASK_APP", "cliapp.factory:create_app")
    assert ScriptInfo().load_app().name == "app"


def test_scriptinfo_without_any_app_is_a_clear_error(monkeypatch, tmpdir):
    monkeypatch.delenv("FLASK_APP", raising=False)
    monkeypatch.chdir(str(tmpdir))
    with pytest.raises(NoAppException) as excinfo:
        ScriptInfo().load_app()
    assert "FLASK_APP" in str(excinfo.value)


def test_with_appcontext(runner):
    @click.command()
    @with_appcontext
    def testcmd():
        click.echo(current_app.name)

    obj = ScriptInfo(create_app=lambda info: Flask("testapp"))
    result = runner.invoke(testcmd, obj=obj)
    assert result.exit_code == 0
    assert result.output == "testapp\n"


def test_appgroup_wraps_commands_in_the_app_context(runner):
    @click.group(cls=AppGroup)
    def cli():
        pass

    @cli.command(with_appcontext=True)
    def test():
        click.echo(current_app.name)

    @cli.group()
    def subgroup():
        pass

    @subgroup.command(with_appcontext=True)
    def test2():
        click.echo(current_app.name)

    @cli.command(with_appcontext=False)
    def plain():
        click.echo("no context")

    obj = ScriptInfo(create_app=lambda info: Flask("testappgroup"))
    assert runner.invoke(cli, ["test"], obj=obj).output == "testappgroup\n"
    assert runner.invoke(cli, ["subgroup", "test2"], obj=obj).output == "testappgroup\n"
    assert runner.invoke(cli, ["plain"], obj=obj).output == "no context\n"


def test_flaskgroup_finds_app_commands(runner):
    def create_app(info):
        app = Flask("flaskgroup")

        @app.cli.command()
        def hello():
            click.echo(current_app.name)

        return app

    @click.group(cls=FlaskGroup, create_app=create_app)
    def cli(**params):
        pass

    result = runner.invoke(cli, ["hello"])
    assert result.exit_code == 0
    assert result.output == "flaskgroup\n"
    help_result = runner.invoke(cli, ["--help"])
    assert "hello" in help_result.output and "routes" in help_result.output


def test_flaskgroup_debug_flag_follows_environment(runner, monkeypatch):
    monkeypatch.setenv("FLASK_DEBUG", "1")

    def create_app(info):
        return Flask("debugged")

    @click.group(cls=FlaskGroup, create_app=create_app)
    def cli(**params):
        pass

    @cli.command()
    def show():
        click.echo(str(current_app.debug))

    assert runner.invoke(cli, ["show"]).output == "True\n"
    monkeypatch.setenv("FLASK_DEBUG", "0")
    assert runner.invoke(cli, ["show"]).output == "False\n"


def test_version_option(runner):
    @click.command()
    @click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=get_version)
    def cmd():
        pass

    result = runner.invoke(cmd, ["--version"])
    assert result.exit_code == 0
    assert "flaskcompat" in result.output and "Python" in result.output


@pytest.fixture
def routes_app():
    app = Flask("routes_app")
    app.testing = True

    @app.route("/get_post/<int:x>/<int:y>", methods=["GET", "POST"])
    def yyy_get_post(x, y):
        pass

    @app.route("/zzz_post", methods=["POST"])
    def aaa_post():
        pass

    return app


def invoke_routes(runner, app, *args):
    return runner.invoke(
        FlaskGroup(create_app=lambda info: app), ["routes"] + list(args)
    )


def test_routes_lists_rules_sorted(runner, routes_app):
    output = invoke_routes(runner, routes_app).output
    lines = [line.split()[0] for line in output.splitlines()[2:]]
    assert lines == ["aaa_post", "static", "yyy_get_post"]
    by_rule = invoke_routes(runner, routes_app, "--sort", "rule").output.splitlines()[2:]
    assert [line.split()[-1] for line in by_rule] == [
        "/get_post/<int:x>/<int:y>",
        "/static/<path:filename>",
        "/zzz_post",
    ]
    match_order = invoke_routes(runner, routes_app, "--sort", "match").output
    assert "yyy_get_post" in match_order


def test_routes_hides_head_and_options_unless_asked(runner, routes_app):
    output = invoke_routes(runner, routes_app).output
    assert "GET, POST" in output and "HEAD" not in output and "OPTIONS" not in output
    output = invoke_routes(runner, routes_app, "--all-methods").output
    assert "GET, HEAD, OPTIONS, POST" in output


def test_routes_without_rules(runner):
    app = Flask("empty", static_folder=None)
    assert "No routes were registered." in invoke_routes(runner, app).output


def test_run_command_refuses_key_without_cert(runner, tmpdir):
    key = tmpdir.join("key.pem")
    key.write("not really a key")
    result = runner.invoke(run_command, ["--key", str(key)])
    assert result.exit_code != 0
    assert '"--cert" must also be specified' in result.output


def test_run_command_requires_key_with_cert_file(runner, tmpdir):
    cert = tmpdir.join("cert.pem")
    cert.write("not really a cert")
    result = runner.invoke(run_command, ["--cert", str(cert)])
    assert result.exit_code != 0
    assert 'Required when using "--cert"' in result.output


def test_dispatching_app_loads_eagerly_and_forwards():
    calls = []

    def loader():
        app = Flask("lazy")

        @app.route("/")
        def index():
            return "loaded"

        calls.append(app)
        return app

    dispatching = DispatchingApp(loader, use_eager_loading=True)
    assert len(calls) == 1
    started = []
    body = b"".join(
        dispatching(
            {
                "REQUEST_METHOD": "GET",
                "PATH_INFO": "/",
                "SERVER_NAME": "localhost",
                "SERVER_PORT": "80",
                "wsgi.url_scheme": "http",
                "wsgi.input": None,
                "wsgi.errors": sys.stderr,
            },
            lambda status, headers, exc_info=None: started.append(status),
        )
    )
    assert body == b"loaded" and started == ["200 OK"]


def test_load_dotenv_reads_files_without_overriding(monkeypatch):
    for name in ("FOO", "BAR", "SPAM", "EGGS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("EGGS", "3")
    monkeypatch.chdir(os.path.join(TEST_APPS, "cliapp"))
    assert load_dotenv()
    # the directory of the first file found becomes the working directory
    assert os.getcwd() == TEST_APPS
    assert os.environ["FOO"] == "env"  # .env wins over .flaskenv
    assert os.environ["BAR"] == "bar"
    assert os.environ["SPAM"] == "1"
    assert os.environ["EGGS"] == "3"  # an existing variable is kept


def test_load_dotenv_with_a_missing_path():
    assert not load_dotenv(os.path.join(TEST_APPS, "does-not-exist.env"))


def test_app_cli_runner_invokes_app_commands():
    app = Flask("runner_app")

    @app.cli.command("hello")
    @click.option("--name", default="World")
    def hello_command(name):
        click.echo("Hello, %s!" % name)

    runner = app.test_cli_runner()
    assert runner.invoke(args=["hello"]).output == "Hello, World!\n"
    assert runner.invoke(args=["hello", "--name", "Flask"]).output == "Hello, Flask!\n"


def test_blueprint_commands_are_grouped(runner):
    app = Flask("bp_cli")
    nested = Blueprint("nested", __name__)
    merged = Blueprint("merged", __name__, cli_group=None)
    late = Blueprint("late_registration", __name__)

    @nested.cli.command("cmd")
    def nested_command():
        click.echo("nested_result")

    @merged.cli.command("cmd")
    def merged_command():
        click.echo("merged_result")

    @late.cli.command("cmd")
    def late_command():
        click.echo("late_result")

    app.register_blueprint(nested)
    app.register_blueprint(merged)
    app.register_blueprint(late, cli_group="late")

    app_runner = app.test_cli_runner()
    assert "nested_result" in app_runner.invoke(args=["nested", "cmd"]).output
    assert "merged_result" in app_runner.invoke(args=["cmd"]).output
    assert "late_result" in app_runner.invoke(args=["late", "cmd"]).output


def test_app_option_names_the_app(runner, test_apps, monkeypatch):
    monkeypatch.delenv("FLASK_APP", raising=False)

    @click.group(cls=FlaskGroup)
    def cli(**params):
        pass

    @cli.command()
    @with_appcontext
    def which():
        click.echo(current_app.name)

    result = runner.invoke(cli, ["--app", "cliapp.factory:create_app2('a', 'b')", "which"])
    assert result.exit_code == 0, result.output
    assert result.output == "app2_a_b\n"
    result = runner.invoke(cli, ["-A", "cliapp.app", "routes"])
    assert result.exit_code == 0, result.output
    assert "static" in result.output


def test_unknown_app_is_a_usage_error(runner, test_apps, monkeypatch):
    monkeypatch.delenv("FLASK_APP", raising=False)

    @click.group(cls=FlaskGroup)
    def cli(**params):
        pass

    result = runner.invoke(cli, ["--app", "notanapp", "routes"])
    assert result.exit_code != 0
    assert 'Could not import "notanapp"' in result.output


def test_shell_command_gets_the_shell_context(runner, monkeypatch):
    import code

    app = Flask("shell_app")

    @app.shell_context_processor
    def extra():
        return {"answer": 42}

    seen = {}

    def interact(banner=None, local=None):
        seen.update(local)
        seen["banner"] = banner

    monkeypatch.setattr(code, "interact", interact)
    result = runner.invoke(FlaskGroup(create_app=lambda info: app), ["shell"])
    assert result.exit_code == 0, result.output
    assert seen["app"] is app and seen["answer"] == 42
    assert "App: shell_app" in seen["banner"]


def test_plugin_commands_from_entry_points(runner, monkeypatch):
    from flaskcompat import _compat

    @click.command("custom")
    def custom():
        click.echo("custom_result")

    class EntryPoint(object):
        name = "_test"

        def load(self):
            return custom

    seen_groups = []

    def iter_entry_points(group):
        seen_groups.append(group)
        return [EntryPoint()]

    monkeypatch.setattr(_compat, "iter_entry_points", iter_entry_points)
    cli = FlaskGroup(create_app=lambda info: Flask("plugins"))
    result = runner.invoke(cli, ["_test"])
    assert result.exit_code == 0, result.output
    assert result.output == "custom_result\n"
    assert seen_groups == ["flask.commands"]


def test_entry_points_of_the_installed_package_are_found():
    # the test environments install flaskcompat with its console scripts
    from flaskcompat._compat import iter_entry_points

    scripts = dict((ep.name, ep) for ep in iter_entry_points("console_scripts"))
    assert "flaskcompat" in scripts
    assert scripts["flaskcompat"].load() is __import__("flaskcompat.cli").cli.main
