"""``flask.json`` calls whose arguments Flask 2.3 dropped: listed for review.

Since Flask 2.2, ``flask.json.dumps``/``loads`` hand their keywords to the
app's JSON provider, which sets ``default=`` itself: a ``cls=`` encoder's
``default`` method is then bypassed (and the ``app=`` and ``encoding=``
arguments are gone, Flask 2.3). ``htmlsafe_dumps``/``htmlsafe_dump`` went in
Flask 2.3 too. None of these has one sure rewrite, so each call is listed
with what to use.
"""
from ._flask3 import Flask3Fix, called_path, keyword_arguments

_CHANGELOG = "Flask 2.2 moved flask.json to the app's JSON provider, Flask 2.3 removed the rest"
_FUNCTIONS = ("dumps", "dump", "loads", "load")


class FixFlask3JsonArgs(Flask3Fix):
    """List ``flask.json`` calls with ``cls=``, ``app=`` or ``encoding=``,
    and ``htmlsafe_dumps``, for review."""

    name = "flask3_json_args"
    summary = "flask.json.dumps(cls=/app=/encoding=), htmlsafe_dumps: review"
    PATTERN = (
        "power< NAME trailer< '.' %(names)s > trailer< '(' [any] ')' > any* >"
        " | power< %(names)s trailer< '(' [any] ')' > any* >"
        " | power< NAME trailer< '.' 'json' > trailer< '.' %(names)s >"
        " trailer< '(' [any] ')' > any* >"
    ) % {"names": "('dumps' | 'dump' | 'loads' | 'load' | 'htmlsafe_dumps' | 'htmlsafe_dump')"}

    def transform(self, node, results):
        found = called_path(node)
        if found is None:
            return None
        path, index = found
        parts = path.split(".")
        if len(parts) != 2 or parts[0] != "json" or index >= len(node.children):
            return None
        function = parts[1]
        trailer = node.children[index]
        if trailer.children[0].value != "(":
            return None
        if function in ("htmlsafe_dumps", "htmlsafe_dump"):
            self.review_since(
                node, "flask.json.%s is gone: in a template use the tojson filter, in code "
                "jinja2.utils.htmlsafe_json_dumps (it returns Markup)" % function, _CHANGELOG)
            return None
        if function not in _FUNCTIONS:
            return None
        keywords = keyword_arguments(trailer)
        if "cls" in keywords:
            self.review_since(
                node, "flask.json.%s(cls=...): the app's JSON provider passes default= and so "
                "bypasses the encoder's default method; call the standard json.%s with cls= "
                "or make the encoder a JSON provider" % (function, function), _CHANGELOG)
        for name in ("app", "encoding"):
            if name in keywords:
                self.review_since(node, "flask.json.%s(%s=...) is gone: drop the argument"
                                  % (function, name), _CHANGELOG)
        return None
