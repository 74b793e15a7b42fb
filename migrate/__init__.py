"""flaskcompat-migrate: rewrite Python 2 code (Flask 0.x apps above all) into
code that runs on Python 2.7 and 3.x, and later into Python 3 only.

From a checkout the tool runs as ``python -m migrate``; installed, the package
is ``flaskcompat_migrate`` and the command ``flaskcompat-migrate``. Every
import inside the package is relative so that both names work. The rewrite
API is in :mod:`.engine` (``migrate_source``); this module stays importable
on every interpreter so that an unsupported one gets a clear message.
"""

__version__ = "0.1.0"

#: The oldest interpreter the tool runs on (it reads Python 2 code but runs on 3).
MINIMUM_PYTHON = (3, 9)
