# -*- coding: utf-8 -*-
from __future__ import unicode_literals

import os

import pytest

from flaskr import create_app
from flaskr import instance_path_from_environ


def test_config_defaults(instance_path):
    """Without test config the app is not in testing mode, keeps its
    database in the instance folder and hashes passwords with pbkdf2."""
    app = create_app()
    assert not app.testing
    assert app.instance_path == instance_path
    assert os.path.isdir(instance_path)
    assert app.config["DATABASE"] == os.path.join(instance_path, "flaskr.sqlite")
    assert app.config["SECRET_KEY"] == "dev"
    assert app.config["PASSWORD_HASH_METHOD"].startswith("pbkdf2:sha256:")


def test_test_config_overrides(instance_path):
    assert create_app({"TESTING": True}).testing


def test_instance_config_file(instance_path):
    """``config.py`` in the instance folder overrides the defaults."""
    os.makedirs(instance_path)
    with open(os.path.join(instance_path, "config.py"), "w") as f:
        f.write("SECRET_KEY = 'from the instance folder'\n")
    app = create_app()
    assert app.config["SECRET_KEY"] == "from the instance folder"


def test_relative_instance_path_is_made_absolute(tmpdir, monkeypatch):
    monkeypatch.chdir(tmpdir)
    monkeypatch.setenv(str("FLASKR_INSTANCE_PATH"), str("relative-instance"))
    app = create_app({"TESTING": True})
    assert app.instance_path == str(tmpdir.join("relative-instance"))
    assert tmpdir.join("relative-instance").check(dir=1)


def test_hello(client):
    response = client.get("/hello")
    assert response.data == b"Hello, World!"


def test_static_css(client):
    response = client.get("/static/style.css")
    assert response.status_code == 200
    assert response.mimetype == "text/css"
    assert b".flash" in response.data
    response.close()



def test_instance_path_from_environ_text(tmpdir):
    folder = os.path.join(str(tmpdir), "Blög-Ordner")
    if isinstance(folder, bytes):
        folder = folder.decode("utf-8")
    assert instance_path_from_environ({"FLASKR_INSTANCE_PATH": folder}) == folder
    assert instance_path_from_environ({}) is None
    assert instance_path_from_environ({"FLASKR_INSTANCE_PATH": ""}) is None


def test_instance_path_from_environ_bytes_are_decoded(tmpdir):
    folder = os.path.join(str(tmpdir), "Blög-Ordner")
    if isinstance(folder, bytes):
        folder = folder.decode("utf-8")
    environ = {"FLASKR_INSTANCE_PATH": folder.encode("utf-8")}
    result = instance_path_from_environ(environ, encoding="utf-8")
    assert result == folder
    assert isinstance(result, type(""))


def test_instance_path_from_environ_undecodable_bytes(tmpdir):
    environ = {"FLASKR_INSTANCE_PATH": "/srv/Blög".encode("utf-8")}
    with pytest.raises(ValueError) as e:
        instance_path_from_environ(environ, encoding="ascii")
    message = "FLASKR_INSTANCE_PATH is not valid in the filesystem encoding (ascii)"
    assert message in str(e.value)

