# -*- coding: utf-8 -*-
"""setup.py ships everything the app reads at run time: a wheel built from
the project holds every file of the ``flaskr`` package directory."""
from __future__ import unicode_literals

import os
import shutil
import subprocess
import sys
import zipfile

EXAMPLE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE_DIR = os.path.join(EXAMPLE_ROOT, "flaskr")
BUILD_LEFTOVERS = ("*.egg-info", "build", "dist", "__pycache__", "*.pyc", "instance")


def package_files():
    """Paths (wheel style, "/"-separated) of the files in the package."""
    found = set()
    for directory, subdirectories, files in os.walk(PACKAGE_DIR):
        subdirectories[:] = [
            name for name in subdirectories if name not in ("__pycache__", "instance")
        ]
        for name in files:
            if name.endswith(".pyc"):
                continue
            relative = os.path.relpath(os.path.join(directory, name), EXAMPLE_ROOT)
            found.add(relative.replace(os.sep, "/"))
    return found


def test_wheel_holds_templates_static_and_schema(tmpdir):
    # Build from a copy: pip builds in the source tree and leaves build/
    # behind, and the checkout stays as it was.
    source = str(tmpdir.join("flaskr-src"))
    ignore = shutil.ignore_patterns(*BUILD_LEFTOVERS)
    shutil.copytree(EXAMPLE_ROOT, source, ignore=ignore)
    wheel_dir = str(tmpdir.join("dist"))
    env = dict(os.environ)
    env[str("PIP_DISABLE_PIP_VERSION_CHECK")] = str("1")
    # Offline and quick: nothing is resolved or downloaded, the environment's
    # own setuptools and wheel build it.
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-index"]
    command += ["--no-build-isolation", "-w", wheel_dir, source]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env
    )
    output = process.communicate()[0].decode("utf-8", "replace")
    assert process.returncode == 0, output

    wheels = [name for name in os.listdir(wheel_dir) if name.endswith(".whl")]
    assert len(wheels) == 1, wheels
    with zipfile.ZipFile(os.path.join(wheel_dir, wheels[0])) as wheel:
        shipped = set(wheel.namelist())

    expected = package_files()
    assert "flaskr/schema.sql" in expected
    assert "flaskr/templates/blog/index.html" in expected
    assert "flaskr/static/style.css" in expected
    assert sorted(expected - shipped) == []
