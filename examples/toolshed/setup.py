# -*- coding: utf-8 -*-
"""Toolshed, a tool-lending app in the Flask 0.x style, on flaskcompat."""
import io
import re

from setuptools import setup

with io.open("toolshed/__init__.py", encoding="utf-8") as f:
    VERSION = re.search(r'^__version__ = "([^"]+)"', f.read(), re.M).group(1)

setup(
    name="toolshed",
    version=VERSION,
    description="A street's shared tool cupboard: a Flask 0.x style app on flaskcompat",
    license="BSD-3-Clause",
    packages=["toolshed"],
    # Read at run time, so installed with the code.
    package_data={"toolshed": ["schema.sql", "static/*", "templates/*"]},
    zip_safe=False,
    python_requires=">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*, !=3.5.*",
    install_requires=["flaskcompat"],
    extras_require={"test": ["pytest"]},
)
