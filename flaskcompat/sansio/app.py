# -*- coding: utf-8 -*-
"""``flask.sansio.app``: the application class."""
from ..app import Flask as App  # noqa: F401
from ..scaffold import Scaffold  # noqa: F401
from ..scaffold import setupmethod  # noqa: F401
