"""``app.env``, the ``ENV`` config key and ``FLASK_ENV``: listed for review.

Flask 2.2 deprecated them and Flask 2.3 removed them: ``app.env`` and
``app.config["ENV"]`` no longer exist, ``FLASK_ENV`` is ignored, and debug
mode is set by ``FLASK_DEBUG=1`` or ``flask run --debug``. Code that asked
"development or production?" usually meant ``app.debug``, but not always
(an app may run in production mode with debug on, and the reverse), so each
place is listed for review, never rewritten.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._flask3 import Flask3Fix

_CHANGELOG = "Flask 2.2 deprecated it, Flask 2.3 removed it"


def _literal(leaf):
    text = leaf.value
    if text[:1] not in ("'", '"') or text[:3] in ("'''", '"""'):
        return None
    return text[1:-1]


def _looks_like_app(power, upto):
    """The object before ``.env``: an app by its name (``app``,
    ``current_app``, ``self.app``, ``my_app``)."""
    last = power.children[upto - 1]
    name = last.children[1].value if last.type == syms.trailer else last.value
    return isinstance(name, str) and (name == "app" or name.endswith("_app"))


class FixFlask3AppEnv(Flask3Fix):
    """List ``app.env``, ``config['ENV']`` and ``FLASK_ENV`` for review:
    Flask 2.3 has only debug mode (``app.debug``, ``FLASK_DEBUG``)."""

    name = "flask3_app_env"
    summary = "app.env / config['ENV'] / FLASK_ENV: review (Flask 2.3 removed them; use app.debug)"
    PATTERN = "power< any+ trailer< '.' 'env' > any* > | STRING"

    def transform(self, node, results):
        if node.type == token.STRING:
            value = _literal(node)
            if value == "FLASK_ENV":
                self.review_since(node, "FLASK_ENV is ignored: set FLASK_DEBUG=1 (or flask run "
                                  "--debug) for debug mode", _CHANGELOG)
            elif value == "ENV" and _in_config_subscript(node):
                self.review_since(node, "the ENV config key is gone: use app.debug (or a key of "
                                  "your own)", _CHANGELOG)
            return None
        for index, child in enumerate(node.children):
            if index and child.type == syms.trailer and child.children[0].type == token.DOT \
                    and child.children[1].value == "env":
                if _looks_like_app(node, index):
                    self.review_since(node, "app.env is gone: use app.debug (or a config key "
                                      "of your own)", _CHANGELOG)
                return None
        return None


def _in_config_subscript(leaf):
    trailer = leaf.parent
    if trailer is None or trailer.type != syms.trailer or trailer.children[0].type != token.LSQB:
        return False
    previous = trailer.prev_sibling
    return previous is not None and previous.type == syms.trailer and \
        previous.children[0].type == token.DOT and previous.children[1].value == "config"
