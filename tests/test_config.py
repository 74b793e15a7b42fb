# -*- coding: utf-8 -*-
import io
import json as stdlib_json
import os
import sys
import textwrap
import types

import pytest

from flaskcompat.config import Config
from flaskcompat.config import ConfigAttribute

# Test configuration values, checked by common_object_test.
TEST_KEY = "foo"
SECRET_KEY = "config"


def common_object_test(config):
    assert config["TEST_KEY"] == "foo"
    assert "TestConfig" not in config


def write(path, data):
    with io.open(str(path), "wb") as f:
        f.write(data)
    return str(path)


@pytest.fixture
def config(tmpdir):
    return Config(str(tmpdir))


def test_config_from_pyfile(config, tmpdir):
    path = write(tmpdir.join("settings.cfg"), b"TEST_KEY = 'foo'\nlower = 1\n")
    assert config.from_pyfile(path) is True
    common_object_test(config)
    assert "lower" not in config


def test_config_from_pyfile_relative_to_root_path(config, tmpdir):
    write(tmpdir.join("settings.cfg"), b"TEST_KEY = 'foo'\n")
    config.from_pyfile("settings.cfg")
    common_object_test(config)


def test_config_from_pyfile_sets_file(config, tmpdir):
    path = write(tmpdir.join("settings.cfg"), b"HERE = __file__\n")
    config.from_pyfile(path)
    assert config["HERE"] == path


def test_config_from_pyfile_utf8_without_declaration(config, tmpdir):
    # Python 2 alone would reject this file (ASCII default source encoding).
    path = write(
        tmpdir.join("settings.cfg"),
        u"# Réglages\nNAME = u'Grüße'\nLENGTH = len(u'€')\n".encode("utf-8"),
    )
    config.from_pyfile(path)
    assert config["NAME"] == u"Grüße"
    assert config["LENGTH"] == 1


def test_config_from_pyfile_utf8_bom(config, tmpdir):
    path = write(tmpdir.join("settings.cfg"), b"\xef\xbb\xbfNAME = u'\xc3\xa9'\n")
    config.from_pyfile(path)
    assert config["NAME"] == u"é"


@pytest.mark.parametrize(
    "head",
    [b"# -*- coding: latin-1 -*-\n", b"#!/usr/bin/env python\n# coding=latin-1\n"],
)
def test_config_from_pyfile_honours_coding_declaration(config, tmpdir, head):
    path = write(tmpdir.join("settings.cfg"), head + b"NAME = u'caf\xe9'\n")
    config.from_pyfile(path)
    assert config["NAME"] == u"café"


def test_config_from_pyfile_not_utf8_names_file(config, tmpdir):
    path = write(tmpdir.join("latin.cfg"), b"NAME = u'caf\xe9'\n")
    with pytest.raises(SyntaxError) as excinfo:
        config.from_pyfile(path)
    assert "latin.cfg" in str(excinfo.value)
    assert "UTF-8" in str(excinfo.value)
    assert "NAME" not in config


def test_config_from_pyfile_syntax_error_names_file(config, tmpdir):
    path = write(tmpdir.join("broken.cfg"), b"TEST_KEY = (\n")
    with pytest.raises(SyntaxError) as excinfo:
        config.from_pyfile(path)
    assert excinfo.value.filename == path


def test_config_from_pyfile_does_not_inherit_future_flags(config, tmpdir):
    # A bare string literal stays the native str type: the loading module's
    # __future__ imports must not apply to the file.
    path = write(tmpdir.join("settings.cfg"), b"KIND = type('x').__name__\n")
    config.from_pyfile(path)
    assert config["KIND"] == "str"


def test_config_from_pyfile_missing(config, tmpdir):
    path = str(tmpdir.join("missing.cfg"))
    with pytest.raises(IOError) as excinfo:
        config.from_pyfile(path)
    msg = str(excinfo.value)
    assert msg.startswith("[Errno 2] Unable to load configuration file (")
    assert "missing.cfg" in msg
    assert config.from_pyfile(path, silent=True) is False
    assert not config


def test_config_from_pyfile_directory_silent(config, tmpdir):
    assert config.from_pyfile(str(tmpdir), silent=True) is False


def test_config_from_object_module(config):
    config.from_object(sys.modules[__name__])
    common_object_test(config)


def test_config_from_object_import_string(config):
    config.from_object(__name__)
    common_object_test(config)


def test_config_from_object_class(config):
    class Base(object):
        TEST_KEY = "foo"

    class Test(Base):
        SECRET_KEY = "config"
        lower = "ignored"

    config.from_object(Test)
    common_object_test(config)
    assert config["SECRET_KEY"] == "config"
    assert "lower" not in config


def test_config_from_object_bad_import(config):
    with pytest.raises(ImportError):
        config.from_object("tests_nonexistent_module.config")


def test_config_from_envvar(config, tmpdir, monkeypatch):
    monkeypatch.delenv("FOO_SETTINGS", raising=False)
    with pytest.raises(RuntimeError) as excinfo:
        config.from_envvar("FOO_SETTINGS")
    assert "'FOO_SETTINGS' is not set" in str(excinfo.value)
    assert not config.from_envvar("FOO_SETTINGS", silent=True)

    path = write(tmpdir.join("settings.cfg"), b"TEST_KEY = 'foo'\n")
    monkeypatch.setenv("FOO_SETTINGS", path)
    assert config.from_envvar("FOO_SETTINGS")
    common_object_test(config)


def test_config_from_envvar_missing_file(config, tmpdir, monkeypatch):
    monkeypatch.setenv("FOO_SETTINGS", str(tmpdir.join("missing.cfg")))
    with pytest.raises(IOError) as excinfo:
        config.from_envvar("FOO_SETTINGS")
    assert "Unable to load configuration file (" in str(excinfo.value)
    assert "missing.cfg" in str(excinfo.value)
    assert not config.from_envvar("FOO_SETTINGS", silent=True)


def test_config_from_json(config, tmpdir):
    path = write(
        tmpdir.join("config.json"),
        stdlib_json.dumps({"TEST_KEY": "foo", "lower": 1}).encode("ascii"),
    )
    assert config.from_json(path) is True
    common_object_test(config)
    assert "lower" not in config


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32-le"])
def test_config_from_json_detects_encoding(config, tmpdir, encoding):
    data = u'{"NAME": "Grüße"}'.encode(encoding)
    config.from_json(write(tmpdir.join("config.json"), data))
    assert config["NAME"] == u"Grüße"


def test_config_from_json_missing(config, tmpdir):
    path = str(tmpdir.join("missing.json"))
    with pytest.raises(IOError) as excinfo:
        config.from_json(path)
    assert "Unable to load configuration file (" in str(excinfo.value)
    assert config.from_json(path, silent=True) is False


def test_config_from_json_invalid_names_file(config, tmpdir):
    path = write(tmpdir.join("broken.json"), b'{"TEST_KEY": ')
    with pytest.raises(ValueError) as excinfo:
        config.from_json(path)
    assert "broken.json" in str(excinfo.value)


def test_config_from_json_not_an_object(config, tmpdir):
    path = write(tmpdir.join("list.json"), b"[1, 2]")
    with pytest.raises(TypeError) as excinfo:
        config.from_json(path)
    assert "list.json" in str(excinfo.value)
    assert "JSON object" in str(excinfo.value)


def test_config_from_mapping(config):
    config.from_mapping({"SECRET_KEY": "devkey", "TEST_KEY": "foo"})
    assert config["SECRET_KEY"] == "devkey"
    common_object_test(config)

    config = Config(None)
    config.from_mapping([("SECRET_KEY", "devkey"), ("TEST_KEY", "foo")])
    common_object_test(config)

    config = Config(None)
    config.from_mapping(SECRET_KEY="devkey", TEST_KEY="foo", lower="x")
    common_object_test(config)
    assert "lower" not in config

    with pytest.raises(TypeError) as excinfo:
        config.from_mapping({}, {})
    assert "at most 1 positional argument, got 2" in str(excinfo.value)


def test_config_defaults_and_repr():
    config = Config("/root", {"DEBUG": False})
    assert config.root_path == "/root"
    assert config["DEBUG"] is False
    assert repr(config) == "<Config {'DEBUG': False}>"


class ConfigSubclass(Config):
    pass


def test_config_subclass_repr():
    assert repr(ConfigSubclass(None)) == "<ConfigSubclass {}>"


def test_get_namespace():
    config = Config(None)
    config["FOO_OPTION_1"] = "foo option 1"
    config["FOO_OPTION_2"] = "foo option 2"
    config["BAR_STUFF_1"] = "bar stuff 1"
    config["BAR_STUFF_2"] = "bar stuff 2"

    assert config.get_namespace("FOO_") == {
        "option_1": "foo option 1",
        "option_2": "foo option 2",
    }
    assert config.get_namespace("BAR_", lowercase=False) == {
        "STUFF_1": "bar stuff 1",
        "STUFF_2": "bar stuff 2",
    }
    assert config.get_namespace("FOO_", trim_namespace=False) == {
        "foo_option_1": "foo option 1",
        "foo_option_2": "foo option 2",
    }
    assert config.get_namespace(
        "BAR_", lowercase=False, trim_namespace=False
    ) == {"BAR_STUFF_1": "bar stuff 1", "BAR_STUFF_2": "bar stuff 2"}
    assert config.get_namespace("BAZ_") == {}


def test_config_attribute():
    class App(object):
        secret_key = ConfigAttribute("SECRET_KEY")
        port = ConfigAttribute("PORT", get_converter=int)

        def __init__(self):
            self.config = Config(None, {"SECRET_KEY": "a", "PORT": "80"})

    app = App()
    assert app.secret_key == "a"
    assert app.port == 80
    app.secret_key = "b"
    assert app.config["SECRET_KEY"] == "b"
    assert isinstance(App.secret_key, ConfigAttribute)
    assert App.secret_key.__name__ == "SECRET_KEY"


def test_config_from_pyfile_module_namespace(config, tmpdir):
    # The file runs like a module: imports and helper functions work, and
    # only the uppercase names end up in the config.
    source = textwrap.dedent(
        u"""
        import os.path

        def _double(value):
            return value * 2

        ROOT = os.path.dirname(__file__)
        PORTS = [_double(x) for x in (1, 2)]
        """
    )
    path = write(tmpdir.join("settings.cfg"), source.encode("utf-8"))
    config.from_pyfile(path)
    assert config["ROOT"] == os.path.dirname(path)
    assert config["PORTS"] == [2, 4]
    assert "_double" not in config
    assert "os" not in config
    assert not isinstance(config.get("ROOT"), types.ModuleType)
