# -*- coding: utf-8 -*-
"""Sphinx configuration for the flaskcompat documentation.

The build runs with warnings as errors (``tox -e docs``), and it must work
offline: no intersphinx inventories, no linkcheck in the default build.
"""
import io
import os
import re
import sys

_here = os.path.dirname(os.path.abspath(__file__))
# Local extensions live in docs/_ext.
sys.path.insert(0, os.path.join(_here, "_ext"))


def _read_version():
    """The version string from ``flaskcompat/__init__.py``, read as text.

    Reading the file instead of importing the package keeps the build working
    even when an import-time dependency is missing; autodoc reports that on its
    own pages.
    """
    path = os.path.join(_here, os.pardir, "flaskcompat", "__init__.py")
    try:
        with io.open(path, encoding="utf-8") as f:
            match = re.search(r'__version__ = "(.*?)"', f.read())
    except IOError:
        match = None
    return match.group(1) if match else "dev"


project = "flaskcompat"
author = "The flaskcompat authors"
copyright = "flaskcompat authors"
release = _read_version()
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "interpreter_blocks",
]

root_doc = master_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
language = "en"

# Examples written as ``>>>`` sessions are collected by pytest on every
# interpreter. Blocks meant for one interpreter carry a ``# doctest: +PY2_ONLY``
# or ``+PY3_ONLY`` comment; Sphinx normally trims doctest comments from the
# rendered page, but here the comment is the marker the reader needs to see.
trim_doctest_flags = False

# Guide pages show Python 2 only code next to Python 3 code; ``python`` lexes
# both well enough, and a block that does not lex is shown unhighlighted.
highlight_language = "python"
pygments_style = "sphinx"

autodoc_member_order = "bysource"
autodoc_typehints = "none"

html_theme = "alabaster"
html_theme_options = {
    "description": "Flask 1.1 on Python 2.7 and 3.6 - 3.13, and the way out of 2.7",
    "fixed_sidebar": True,
    "show_relbars": True,
}
html_sidebars = {
    "**": ["about.html", "navigation.html", "relations.html", "searchbox.html"]
}
html_title = "flaskcompat documentation"
html_static_path = ["_static"]
html_show_sourcelink = False
