# -*- coding: utf-8 -*-
"""``flask.sansio.scaffold``: the registration layer of apps and blueprints."""
from ..helpers import find_package  # noqa: F401
from ..helpers import get_root_path  # noqa: F401
from ..scaffold import Scaffold  # noqa: F401
from ..scaffold import setupmethod  # noqa: F401
