# -*- coding: utf-8 -*-
"""``python -m toolshed``: see :mod:`toolshed.serve`."""
import sys

from toolshed.serve import main

sys.exit(main())
