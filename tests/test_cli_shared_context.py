# -*- coding: utf-8 -*-
"""A command group that needs the app context and the subcommand it leads
to share one context (Flask 2.2), as Flask-Migrate's ``db`` group relies
on: the group's callback stores its options on ``g`` and the subcommand
reads them. Runs the same on click 7 (Python 2.7) and click 8."""
import click
from click.testing import CliRunner

from flaskcompat import current_app
from flaskcompat import Flask
from flaskcompat import g
from flaskcompat import has_app_context
from flaskcompat.cli import FlaskGroup
from flaskcompat.cli import ScriptInfo
from flaskcompat.cli import with_appcontext


def make_app(teardowns):
    app = Flask("shared_context_app")

    @app.teardown_appcontext
    def count_teardown(error):
        teardowns.append(error)

    @click.group()
    @click.option("-d", "--directory", default="migrations")
    @with_appcontext
    def db(directory):
        g.directory = directory

    @db.command()
    @with_appcontext
    def init():
        click.echo("init in %s for %s" % (g.directory, current_app.name))

    app.cli.add_command(db)
    return app


def test_a_group_and_its_subcommand_share_g_through_the_app_command():
    teardowns = []
    app = make_app(teardowns)
    command = FlaskGroup(create_app=lambda *args: app)
    result = CliRunner().invoke(command, ["db", "-d", "elsewhere", "init"])
    assert (result.exit_code, result.output) == (0, "init in elsewhere for shared_context_app\n")
    assert teardowns == [None]
    assert not has_app_context()


def test_a_group_and_its_subcommand_share_g_without_the_app_command():
    teardowns = []
    app = make_app(teardowns)
    info = ScriptInfo(create_app=lambda *args: app)
    result = CliRunner().invoke(app.cli.get_command(None, "db"), ["init"], obj=info)
    assert (result.exit_code, result.output) == (0, "init in migrations for shared_context_app\n")
    assert teardowns == [None]
    assert not has_app_context()


def test_another_apps_context_does_not_stand_in_for_the_loaded_app():
    teardowns = []
    app = make_app(teardowns)
    info = ScriptInfo(create_app=lambda *args: app)
    with Flask("other_app").app_context():
        result = CliRunner().invoke(app.cli.get_command(None, "db"), ["init"], obj=info)
        assert current_app.name == "other_app"
    assert result.output == "init in migrations for shared_context_app\n"
    assert teardowns == [None]
