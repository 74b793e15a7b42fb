# -*- coding: utf-8 -*-
"""``python -m flaskcompat`` runs the ``flaskcompat`` command."""
from .cli import main

main(as_module=True)
