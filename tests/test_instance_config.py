# -*- coding: utf-8 -*-
"""The instance folder: where it is, configuration relative to it, and
resources opened from it and from the root path."""
import io
import os

import pytest

from flaskcompat import Flask

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
CAFE = u"caf\u00e9"


def test_instance_path_must_be_absolute():
    info = pytest.raises(ValueError, Flask, __name__, instance_path="relative/folder")
    assert "must be absolute" in str(info.value)


def test_instance_path_given(tmpdir):
    assert Flask(__name__, instance_path=str(tmpdir)).instance_path == str(tmpdir)


def test_instance_path_default_for_a_module_not_installed():
    # beside the folder that holds the module
    app = Flask(__name__, root_path=TESTS_DIR)
    assert app.instance_path == os.path.join(TESTS_DIR, "instance")


def test_config_relative_to_instance(tmpdir):
    source = u"SECRET_KEY = 'instance secret'\nLABEL = u'%s'\n" % CAFE
    tmpdir.join("app.cfg").write_binary(source.encode("utf-8"))
    app = Flask(__name__, instance_path=str(tmpdir), instance_relative_config=True)
    assert app.config.from_pyfile("app.cfg") is True
    assert (app.config["SECRET_KEY"], app.config["LABEL"]) == ("instance secret", CAFE)
    assert app.config.from_pyfile("no-such.cfg", silent=True) is False


def test_instance_resource_write_then_read(tmpdir):
    app = Flask(__name__, instance_path=str(tmpdir))
    payload = CAFE.encode("utf-8")
    with app.open_instance_resource("note.bin", "wb") as out:
        out.write(payload)
    with app.open_instance_resource("note.bin") as back:
        assert back.read() == payload


SCHEMA = u"-- %s\n" % CAFE


@pytest.mark.parametrize(
    "mode, expected", [("rb", SCHEMA.encode("utf-8")), ("r", SCHEMA)]
)
def test_resource_modes(tmpdir, mode, expected):
    tmpdir.join("schema.sql").write_binary(SCHEMA.encode("utf-8"))
    app = Flask(__name__, root_path=str(tmpdir))
    with app.open_resource("schema.sql", mode) as f:
        # text mode decodes UTF-8 whatever the locale says
        assert f.read() == expected
        assert isinstance(f, io.TextIOBase) == (mode == "r")


def test_resources_are_read_only(tmpdir):
    tmpdir.join("schema.sql").write_binary(b"")
    app = Flask(__name__, root_path=str(tmpdir))
    pytest.raises(ValueError, app.open_resource, "schema.sql", "w")
