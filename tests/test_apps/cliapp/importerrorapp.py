# -*- coding: utf-8 -*-
"""A module that exists but fails to import."""
import cliapp.no_such_module  # noqa: F401
