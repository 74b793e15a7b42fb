# -*- coding: utf-8 -*-
"""flaskcompat: a Flask 1.1-style microframework whose one codebase runs on
Python 2.7 and 3.6 - 3.13, each on the newest Werkzeug/Jinja2 that interpreter
supports, plus ``flaskcompat-migrate``, a tool that moves legacy Python 2 code
(Flask 0.x apps above all) to code that runs on both, then to Python 3 only.
"""
import io
import re

from setuptools import setup

with io.open("flaskcompat/__init__.py", encoding="utf-8") as f:
    version = re.search(r'__version__ = "(.*?)"', f.read()).group(1)

with io.open("README.rst", encoding="utf-8") as f:
    readme = f.read()

setup(
    name="flaskcompat",
    version=version,
    description="A Flask-style microframework for Python 2.7 and 3.6+ on current "
    "Werkzeug and Jinja2, and a migration tool for legacy apps",
    long_description=readme,
    long_description_content_type="text/x-rst",
    license="BSD-3-Clause",
    packages=[
        "flaskcompat",
        "flaskcompat.json",
        "flaskcompat.ext",
        "flaskcompat.sansio",
        # The migration tool lives in ``migrate/`` in a checkout (``python -m
        # migrate``) but installs as ``flaskcompat_migrate``: the import name
        # ``migrate`` belongs to sqlalchemy-migrate, which legacy Flask apps use.
        "flaskcompat_migrate",
        "flaskcompat_migrate.fixes",
    ],
    package_dir={"flaskcompat_migrate": "migrate"},
    include_package_data=True,
    zip_safe=False,
    python_requires=">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*, !=3.5.*",
    # No upper pins: pip resolves the newest release each interpreter supports
    # (Werkzeug 1.0.1 on 2.7 ... 3.1 on 3.9+); flaskcompat._compat bridges them.
    install_requires=[
        "six>=1.16",
        "Werkzeug>=0.15",
        "Jinja2>=2.10.1",
        "itsdangerous>=0.24",
        "click>=5.1",
        "MarkupSafe>=0.23",
        # flaskcompat.typing; the standard library has it from 3.5 on
        'typing>=3.7; python_version < "3.5"',
    ],
    extras_require={
        "dotenv": ["python-dotenv"],
        "signals": ["blinker"],
        "migrate": [
            'fissix>=21.11.13; python_version >= "3.9"',
            'tokenize-rt>=5; python_version >= "3.9"',
            'pyupgrade>=3.8; python_version >= "3.9"',
        ],
    },
    entry_points={
        "console_scripts": [
            "flaskcompat = flaskcompat.cli:main",
            "flaskcompat-migrate = flaskcompat_migrate.__main__:main",
        ]
    },
    classifiers=[
        "Development Status :: 4 - Beta",
        "Environment :: Web Environment",
        "Framework :: Flask",
        "Intended Audience :: Developers",
        "License :: OSI Approved :: BSD License",
        "Operating System :: OS Independent",
        "Programming Language :: Python",
        "Programming Language :: Python :: 2",
        "Programming Language :: Python :: 2.7",
        "Programming Language :: Python :: 3",
        "Programming Language :: Python :: 3.6",
        "Programming Language :: Python :: 3.7",
        "Programming Language :: Python :: 3.8",
        "Programming Language :: Python :: 3.9",
        "Programming Language :: Python :: 3.10",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "Programming Language :: Python :: 3.13",
        "Topic :: Internet :: WWW/HTTP :: Dynamic Content",
        "Topic :: Internet :: WWW/HTTP :: WSGI :: Application",
        "Topic :: Software Development :: Libraries :: Application Frameworks",
    ],
)
