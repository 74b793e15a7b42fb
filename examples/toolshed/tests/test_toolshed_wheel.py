# -*- coding: utf-8 -*-
"""An installed Toolshed has everything it reads at run time: a wheel built
from the project holds every file of the package folder."""
from __future__ import unicode_literals

import os
import shutil
import subprocess
import sys
import zipfile


NOT_SHIPPED = ("__pycache__", "*.pyc", "*.egg-info", "build", "dist", "instance")


def files_under(folder, root):
    names = set()
    for here, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if name not in NOT_SHIPPED]
        for name in files:
            if not name.endswith(".pyc"):
                relative = os.path.relpath(os.path.join(here, name), root)
                names.add(relative.replace(os.sep, "/"))
    return names


def test_wheel_ships_templates_stylesheet_and_schema(tmpdir, example_dir):
    # pip builds inside the source folder; a copy keeps the checkout clean.
    source = str(tmpdir.join("src"))
    shutil.copytree(example_dir, source, ignore=shutil.ignore_patterns(*NOT_SHIPPED))
    out = str(tmpdir.join("wheels"))
    env = dict(os.environ)
    env[str("PIP_DISABLE_PIP_VERSION_CHECK")] = str("1")
    # offline: the environment's own setuptools and wheel do the build
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-index"]
    command += ["--no-build-isolation", "--wheel-dir", out, source]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    log = process.communicate()[0].decode("utf-8", "replace")
    assert process.returncode == 0, log

    (wheel_name,) = [name for name in os.listdir(out) if name.endswith(".whl")]
    with zipfile.ZipFile(os.path.join(out, wheel_name)) as wheel:
        shipped = set(wheel.namelist())
    wanted = files_under(os.path.join(example_dir, "toolshed"), example_dir)
    assert {
        "toolshed/schema.sql",
        "toolshed/static/toolshed.css",
        "toolshed/templates/page.html",
    } <= wanted
    assert sorted(wanted - shipped) == []
