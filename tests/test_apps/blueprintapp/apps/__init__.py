# -*- coding: utf-8 -*-
"""The blueprints of ``blueprintapp``, one package each."""
