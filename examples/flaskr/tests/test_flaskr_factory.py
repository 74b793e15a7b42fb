# -*- coding: utf-8 -*-
from __future__ import unicode_literals

import os

from flaskr import create_app


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
