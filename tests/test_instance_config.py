# -*- coding: utf-8 -*-
"""Instance folders, instance-relative config and resources."""
import io
import os

import pytest

import flaskcompat

HERE = os.path.dirname(os.path.abspath(__file__))


def test_explicit_instance_paths(tmpdir):
    with pytest.raises(ValueError) as excinfo:
        flaskcompat.Flask(__name__, instance_path="instance")
    assert "must be absolute" in str(excinfo.value)

    app = flaskcompat.Flask(__name__, instance_path=str(tmpdir))
    assert app.instance_path == str(tmpdir)


def test_default_instance_path_is_beside_the_module():
    app = flaskcompat.Flask(__name__, root_path=HERE)
    # this test module is not installed: the instance folder sits next to
    # the folder that holds it
    assert app.instance_path == os.path.join(HERE, "instance")


def test_instance_relative_config(tmpdir):
    tmpdir.join("settings.cfg").write_binary(u"SECRET_KEY = 'from instance'\nNAME = u'caf\u00e9'\n".encode("utf-8"))
    app = flaskcompat.Flask(
        __name__, instance_path=str(tmpdir), instance_relative_config=True
    )
    assert app.config.from_pyfile("settings.cfg")
    assert app.config["SECRET_KEY"] == "from instance"
    assert app.config["NAME"] == u"caf\u00e9"
    assert not app.config.from_pyfile("missing.cfg", silent=True)


def test_open_instance_resource(tmpdir):
    app = flaskcompat.Flask(__name__, instance_path=str(tmpdir))
    with app.open_instance_resource("notes.txt", "wb") as f:
        f.write(u"h\u00e9llo".encode("utf-8"))
    with app.open_instance_resource("notes.txt") as f:
        assert f.read() == u"h\u00e9llo".encode("utf-8")


def test_open_resource_modes(tmpdir):
    tmpdir.join("schema.sql").write_binary(u"-- caf\u00e9\n".encode("utf-8"))
    app = flaskcompat.Flask(__name__, root_path=str(tmpdir))
    with app.open_resource("schema.sql") as f:
        assert f.read() == u"-- caf\u00e9\n".encode("utf-8")
    # text mode is UTF-8 on every interpreter, whatever the locale
    with app.open_resource("schema.sql", "r") as f:
        assert isinstance(f, io.TextIOBase)
        assert f.read() == u"-- caf\u00e9\n"
    with pytest.raises(ValueError):
        app.open_resource("schema.sql", "w")
