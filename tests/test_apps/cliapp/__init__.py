# -*- coding: utf-8 -*-
"""Modules for the command line's application discovery tests."""
