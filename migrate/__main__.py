"""Entry point of ``python -m migrate`` and of the ``flaskcompat-migrate``
command.

This file is kept parseable by every Python (2.7 included) so that running the
tool on an interpreter it does not support ends with a clear message and exit
code 2 instead of a syntax error somewhere in the package.
"""

import sys

from . import MINIMUM_PYTHON


def main(argv=None):
    """Run the command line tool; return its exit code."""
    if sys.version_info[:2] < MINIMUM_PYTHON:
        sys.stderr.write(
            "flaskcompat-migrate needs Python %d.%d or newer to run (this is %d.%d); "
            "it still reads and rewrites Python 2 code.\n"
            % (MINIMUM_PYTHON + tuple(sys.version_info[:2]))
        )
        return 2
    missing = _missing_requirements()
    if missing:
        sys.stderr.write(
            "flaskcompat-migrate needs %s, which this environment lacks; install the tool "
            "with: pip install \"flaskcompat[migrate]\"\n" % ", ".join(missing)
        )
        return 2
    from .cli import main as cli_main

    return cli_main(argv)


#: The tool's own dependencies (the ``migrate`` extra), by import name and
#: by distribution name: a plain ``pip install flaskcompat`` leaves them out.
REQUIREMENTS = (("fissix", "fissix"), ("tokenize_rt", "tokenize-rt"), ("pyupgrade", "pyupgrade"))


def _missing_requirements():
    import importlib.util

    return [dist for module, dist in REQUIREMENTS if importlib.util.find_spec(module) is None]


if __name__ == "__main__":
    sys.exit(main())
