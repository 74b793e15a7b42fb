"""``flask.safe_join`` -> ``werkzeug.utils.safe_join``.

Flask 2.0 deprecated its ``safe_join`` for Werkzeug's and Flask 2.1 removed
it. The two agree on every path that stays inside the folder; they differ on
one that does not: Flask's raised ``NotFound`` (a 404 answer), Werkzeug's
returns ``None``. So the import moves and each place is listed for review:
where the 404 mattered, check for ``None`` and ``abort(404)``.
"""
from ._flask3 import MovedNameFix


class FixFlask3SafeJoin(MovedNameFix):
    """Import ``safe_join`` from ``werkzeug.utils``; review the unsafe-path
    case, which returns None there instead of raising NotFound."""

    name = "flask3_safe_join"
    summary = "flask.safe_join -> werkzeug.utils.safe_join (review: None instead of a 404)"
    moves = {"safe_join": "werkzeug.utils"}

    def moved(self, node, name):
        self.review_since(
            node,
            "werkzeug.utils.safe_join returns None for a path outside the folder, where "
            "flask.safe_join raised NotFound: check the result (if it is None: abort(404))",
            "Flask 2.0 deprecated flask.safe_join, Flask 2.1 removed it",
        )
