# -*- coding: utf-8 -*-
"""
    flaskcompat.sansio.app
    ~~~~~~~~~~~~~~~~~~~~~~

    ``App``: in Flask 3 the base class of ``Flask`` that extensions annotate
    and check against. flaskcompat's :class:`~flaskcompat.Flask` is the one
    application class, so ``App`` names it: every application is an ``App``.
"""
from ..app import Flask as App

__all__ = ["App"]
