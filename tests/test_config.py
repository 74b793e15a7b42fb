# -*- coding: utf-8 -*-
"""Config: every loader, its errors and ``silent``, namespaces, and the
attribute descriptor."""
import io
import json as stdlib_json
import os
import sys
import textwrap
import types

import pytest

from flaskcompat.config import Config
from flaskcompat.config import ConfigAttribute

# Read by the from_object tests (this module is the configuration object).
TEST_KEY = "foo"
SECRET_KEY = "config"
lowercase_name = "ignored"


def assert_loaded(config):
    assert config["TEST_KEY"] == "foo"
    assert "lowercase_name" not in config
    assert "TestConfig" not in config


@pytest.fixture
def config(tmpdir):
    return Config(str(tmpdir))


@pytest.fixture
def put(tmpdir):
    """Write bytes to a file in the config's root; returns its full path."""

    def put(name, data):
        path = str(tmpdir.join(name))
        with io.open(path, "wb") as f:
            f.write(data)
        return path

    return put


# -- Python files ------------------------------------------------------------------


def test_pyfile_by_absolute_and_relative_name(config, put):
    full = put("settings.cfg", b"TEST_KEY = 'foo'\nlowercase_name = 1\n")
    assert config.from_pyfile(full) is True
    assert_loaded(config)

    other = Config(config.root_path)
    assert other.from_pyfile("settings.cfg") is True
    assert_loaded(other)


def test_pyfile_knows_its_file_name(config, put):
    path = put("where.cfg", b"WHERE = __file__\n")
    config.from_pyfile(path)
    assert config["WHERE"] == path


def test_pyfile_runs_like_a_module(config, put):
    path = put(
        "module.cfg",
        textwrap.dedent(
            u"""
            import os.path

            def _twice(n):
                return 2 * n

            HOME = os.path.dirname(__file__)
            SIZES = [_twice(n) for n in (1, 2)]
            """
        ).encode("utf-8"),
    )
    config.from_pyfile(path)
    assert config["HOME"] == os.path.dirname(path)
    assert config["SIZES"] == [2, 4]
    assert not set(["_twice", "os"]) & set(config)
    assert not any(isinstance(v, types.ModuleType) for v in config.values())


# source bytes -> the NAME they define
ENCODINGS = [
    (u"# Réglages\nNAME = u'Grüße'\n".encode("utf-8"), u"Grüße"),
    (b"\xef\xbb\xbfNAME = u'\xc3\xa9'\n", u"é"),
    (b"# -*- coding: latin-1 -*-\nNAME = u'caf\xe9'\n", u"café"),
    (b"#!/usr/bin/env python\n# coding=latin-1\nNAME = u'caf\xe9'\n", u"café"),
    (u"NAME = u'€'[0]\n".encode("utf-8"), u"€"),
]


@pytest.mark.parametrize(
    "source, name", ENCODINGS, ids=["utf-8", "bom", "line 1", "line 2", "euro"]
)
def test_pyfile_encodings(config, put, source, name):
    # Python 2 alone would reject undeclared UTF-8 (its default is ASCII).
    config.from_pyfile(put("enc.cfg", source))
    assert config["NAME"] == name


def test_pyfile_that_is_not_utf8(config, put):
    path = put("latin.cfg", b"NAME = u'caf\xe9'\n")
    info = pytest.raises(SyntaxError, config.from_pyfile, path)
    assert "latin.cfg" in str(info.value) and "UTF-8" in str(info.value)
    assert "NAME" not in config


def test_pyfile_syntax_error_names_the_file(config, put):
    path = put("broken.cfg", b"TEST_KEY = (\n")
    assert pytest.raises(SyntaxError, config.from_pyfile, path).value.filename == path


def test_pyfile_gets_no_future_flags(config, put):
    # compile() would pass the loading module's __future__ imports on to the
    # file; a bare literal must stay the native str
    config.from_pyfile(put("kind.cfg", b"KIND = type('').__name__\n"))
    assert config["KIND"] == "str"


@pytest.mark.parametrize("loader", ["from_pyfile", "from_json"])
def test_missing_file(config, tmpdir, loader):
    path = str(tmpdir.join("absent.cfg"))
    load = getattr(config, loader)
    message = str(pytest.raises(IOError, load, path).value)
    assert message.startswith("[Errno 2] Unable to load configuration file (")
    assert "absent.cfg" in message
    assert load(path, silent=True) is False
    assert not config


def test_directory_in_place_of_a_file_is_missing_when_silent(config, tmpdir):
    assert config.from_pyfile(str(tmpdir), silent=True) is False


# -- objects and environment variables ----------------------------------------


def test_object_module_name_or_class(config):
    class Base(object):
        TEST_KEY = "foo"

    class Settings(Base):
        SECRET_KEY = "config"
        lowercase_name = "ignored"

    for source in (sys.modules[__name__], __name__, Settings):
        loaded = Config(None)
        loaded.from_object(source)
        assert_loaded(loaded)
        assert loaded["SECRET_KEY"] == "config"


def test_object_import_error(config):
    pytest.raises(ImportError, config.from_object, "no_such_package_here.settings")


def test_envvar(config, put, monkeypatch):
    monkeypatch.delenv("APP_SETTINGS", raising=False)
    info = pytest.raises(RuntimeError, config.from_envvar, "APP_SETTINGS")
    assert "'APP_SETTINGS' is not set" in str(info.value)
    assert config.from_envvar("APP_SETTINGS", silent=True) is False

    monkeypatch.setenv("APP_SETTINGS", put("settings.cfg", b"TEST_KEY = 'foo'\n"))
    assert config.from_envvar("APP_SETTINGS") is True
    assert_loaded(config)


def test_envvar_naming_a_missing_file(config, tmpdir, monkeypatch):
    monkeypatch.setenv("APP_SETTINGS", str(tmpdir.join("gone.cfg")))
    message = str(pytest.raises(IOError, config.from_envvar, "APP_SETTINGS").value)
    assert "Unable to load configuration file (" in message and "gone.cfg" in message
    assert config.from_envvar("APP_SETTINGS", silent=True) is False


@pytest.fixture
def clean_env(monkeypatch):
    for name in list(os.environ):
        if name.startswith(("FLASK_", "MYAPP_")):
            monkeypatch.delenv(name)
    return monkeypatch


ENV_VALUES = [
    ("STRING", "plain words", u"plain words"),
    ("INT", "42", 42),
    ("FLOAT", "1.5", 1.5),
    ("BOOL", "true", True),
    ("NULL", "null", None),
    ("LIST", "[1, \"a\"]", [1, u"a"]),
    ("OBJECT", "{\"k\": 2}", {u"k": 2}),
]


def test_prefixed_env_types(config, clean_env):
    for name, raw, _ in ENV_VALUES:
        clean_env.setenv("FLASK_" + name, raw)
    clean_env.setenv("OTHER_INT", "1")
    assert config.from_prefixed_env() is True
    for name, _, value in ENV_VALUES:
        assert config[name] == value
    assert type(config["STRING"]) is type(u"")
    assert "OTHER_INT" not in config and "INT" in config


def test_prefixed_env_nested_keys(config, clean_env):
    config["DB"] = {"HOST": "old", "PORT": 1}
    clean_env.setenv("MYAPP_DB__HOST", "db.local")
    clean_env.setenv("MYAPP_NEW__DEEP__KEY", "3")
    config.from_prefixed_env("MYAPP")
    assert config["DB"] == {"HOST": u"db.local", "PORT": 1}
    assert config["NEW"] == {u"DEEP": {u"KEY": 3}}


def test_prefixed_env_custom_loads(config, clean_env):
    clean_env.setenv("FLASK_A", "1")
    clean_env.setenv("FLASK_B", "2")
    seen = []

    def loads(value):
        seen.append(value)
        return "<%s>" % value

    config.from_prefixed_env(loads=loads)
    assert seen == [u"1", u"2"]  # sorted by name
    assert (config["A"], config["B"]) == (u"<1>", u"<2>")
    pytest.raises(TypeError, config.from_prefixed_env, "FLASK", lods=loads)


# -- JSON and other data files ------------------------------------------------


def test_json(config, put):
    data = stdlib_json.dumps({"TEST_KEY": "foo", "lowercase_name": 1}).encode("ascii")
    assert config.from_json(put("c.json", data)) is True
    assert_loaded(config)


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-32-le"])
def test_json_encodings(config, put, codec):
    config.from_json(put("c.json", u'{"NAME": "Gr\u00fc\u00dfe"}'.encode(codec)))
    assert config["NAME"] == u"Gr\u00fc\u00dfe"


@pytest.mark.parametrize(
    "data, error, words",
    [
        (b'{"TEST_KEY": ', ValueError, ["bad.json"]),
        (b"[1, 2]", TypeError, ["bad.json", "JSON object"]),
    ],
)
def test_json_that_cannot_be_used(config, put, data, error, words):
    message = str(pytest.raises(error, config.from_json, put("bad.json", data)).value)
    for word in words:
        assert word in message


def test_from_file_text_and_binary(config, put):
    path = put("c.json", u'{"NAME": "\u00e9", "lowercase_name": 0}'.encode("utf-8"))
    assert config.from_file(path, load=stdlib_json.load) is True
    assert config["NAME"] == u"\u00e9"
    assert "lowercase_name" not in config

    seen = []

    def load_bytes(stream):
        seen.append(stream.read())
        return {"RAW": True}

    assert config.from_file("c.json", load=load_bytes, text=False) is True
    assert type(seen[0]) is bytes and config["RAW"] is True


def test_from_file_missing(config):
    info = pytest.raises(IOError, config.from_file, "absent.toml", stdlib_json.load)
    message = str(info.value)
    assert "Unable to load configuration file (" in message
    assert config.from_file("absent.toml", stdlib_json.load, silent=True) is False


# -- mappings, namespaces, repr -----------------------------------------------


@pytest.mark.parametrize(
    "args, kwargs",
    [
        (({"SECRET_KEY": "config", "TEST_KEY": "foo"},), {}),
        (([("SECRET_KEY", "config"), ("TEST_KEY", "foo")],), {}),
        ((), {"SECRET_KEY": "config", "TEST_KEY": "foo", "lowercase_name": "x"}),
        (({"SECRET_KEY": "config"},), {"TEST_KEY": "foo"}),
    ],
    ids=["dict", "pairs", "keywords", "both"],
)
def test_mapping(args, kwargs):
    config = Config(None)
    assert config.from_mapping(*args, **kwargs) is True
    assert_loaded(config)
    assert config["SECRET_KEY"] == "config"


def test_mapping_takes_one_positional_argument():
    info = pytest.raises(TypeError, Config(None).from_mapping, {}, {})
    assert "at most 1 positional argument, got 2" in str(info.value)


NAMESPACE = {"IMG_STORE": "fs", "IMG_PATH": "/srv", "DB_URL": "sqlite://", "DB_X": 1}


@pytest.mark.parametrize(
    "options, expected",
    [
        ({}, {"store": "fs", "path": "/srv"}),
        ({"lowercase": False}, {"STORE": "fs", "PATH": "/srv"}),
        ({"trim_namespace": False}, {"img_store": "fs", "img_path": "/srv"}),
        (
            {"lowercase": False, "trim_namespace": False},
            {"IMG_STORE": "fs", "IMG_PATH": "/srv"},
        ),
    ],
)
def test_namespace(options, expected):
    assert Config(None, NAMESPACE).get_namespace("IMG_", **options) == expected


def test_namespace_without_matches():
    assert Config(None, NAMESPACE).get_namespace("CACHE_") == {}


def test_defaults_root_path_and_repr():
    config = Config("/srv/app", {"DEBUG": False})
    assert config.root_path == "/srv/app"
    assert config["DEBUG"] is False
    assert repr(config) == "<Config {'DEBUG': False}>"

    class LocalConfig(Config):
        pass

    assert repr(LocalConfig(None)) == "<LocalConfig {}>"


def test_config_attribute():
    class Holder(object):
        secret_key = ConfigAttribute("SECRET_KEY")
        port = ConfigAttribute("PORT", get_converter=int)

        def __init__(self):
            self.config = Config(None, {"SECRET_KEY": "a", "PORT": "8080"})

    holder = Holder()
    assert (holder.secret_key, holder.port) == ("a", 8080)
    holder.secret_key = "b"
    assert holder.config["SECRET_KEY"] == "b"
    assert isinstance(Holder.port, ConfigAttribute)
    assert Holder.port.__name__ == "PORT"
