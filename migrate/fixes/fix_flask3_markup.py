"""``flask.Markup`` / ``flask.escape`` (and Jinja's) -> ``markupsafe``.

Flask re-exported MarkupSafe's ``Markup`` and ``escape``; Flask 2.3
deprecated the re-exports and Flask 3.0 removed them. Jinja 3.1 removed its
own. They were always MarkupSafe's objects, so importing them from
``markupsafe`` changes nothing else.
"""
from ._flask3 import FLASK_PACKAGES, MovedNameFix


class FixFlask3Markup(MovedNameFix):
    """Import ``Markup`` and ``escape`` from ``markupsafe``, where Flask and
    Jinja took them from."""

    name = "flask3_markup"
    summary = "flask.Markup / flask.escape (and jinja2's) -> markupsafe"
    moves = {"Markup": "markupsafe", "escape": "markupsafe"}
    sources = FLASK_PACKAGES + ("jinja2",)
