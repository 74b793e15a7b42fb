# -*- coding: utf-8 -*-
"""``flask.sansio.blueprints``: blueprints and their registration state."""
from ..blueprints import Blueprint  # noqa: F401
from ..blueprints import BlueprintSetupState  # noqa: F401
from ..scaffold import Scaffold  # noqa: F401
from ..scaffold import setupmethod  # noqa: F401
