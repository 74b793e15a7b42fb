# -*- coding: utf-8 -*-
"""flaskr, the tutorial blog on flaskcompat: runs on Python 2.7 and 3.6+."""
import io
import re

from setuptools import setup

with io.open("flaskr/__init__.py", encoding="utf-8") as f:
    version = re.search(r'__version__ = "(.*?)"', f.read()).group(1)

setup(
    name="flaskr",
    version=version,
    description="The basic blog app built in the Flask tutorial, on flaskcompat",
    license="BSD-3-Clause",
    packages=["flaskr"],
    # The app reads these at run time, so they are installed beside the code.
    package_data={
        "flaskr": [
            "schema.sql",
            "static/*.css",
            "templates/*.html",
            "templates/auth/*.html",
            "templates/blog/*.html",
        ]
    },
    zip_safe=False,
    python_requires=">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*, !=3.5.*",
    install_requires=["flaskcompat"],
    extras_require={"test": ["pytest"]},
)
