"""App attributes that mirrored config keys -> the config keys.

Flask 2.2 deprecated ``app.session_cookie_name``,
``app.send_file_max_age_default``, ``app.use_x_sendfile``,
``app.propagate_exceptions`` and ``app.templates_auto_reload`` and Flask 2.3
removed them. Where the attribute only stood for its config key (setting any
of them, reading ``session_cookie_name`` or ``use_x_sendfile``) it becomes
``app.config["KEY"]``. Reading the others is listed for review: Flask 1.x
worked something out there (``propagate_exceptions`` and
``templates_auto_reload`` fell back to testing/debug mode when the key was
``None``, ``send_file_max_age_default`` turned seconds into a
``timedelta``), which the bare key does not.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._flask3 import Flask3Fix
from ._util import expression

_KEYS = {
    "session_cookie_name": "SESSION_COOKIE_NAME",
    "send_file_max_age_default": "SEND_FILE_MAX_AGE_DEFAULT",
    "use_x_sendfile": "USE_X_SENDFILE",
    "propagate_exceptions": "PROPAGATE_EXCEPTIONS",
    "templates_auto_reload": "TEMPLATES_AUTO_RELOAD",
}
#: Reading these gave the config value itself.
_PLAIN_READS = ("session_cookie_name", "use_x_sendfile")
_CHANGELOG = "Flask 2.2 deprecated the app attributes that mirrored config keys, Flask 2.3 removed them"


def _is_app(name):
    return name == "app" or name.endswith("_app")


class FixFlask3AppConfigAttrs(Flask3Fix):
    """Use ``app.config[...]`` where the code used an app attribute that
    only mirrored a config key; review reads that computed a value."""

    name = "flask3_app_config_attrs"
    summary = "app.session_cookie_name / use_x_sendfile / ... -> app.config['SESSION_COOKIE_NAME'] / ..."
    PATTERN = "power< any+ trailer< '.' attr=(%s) > >" % " | ".join(
        "%r" % name for name in sorted(_KEYS))

    def transform(self, node, results):
        attr = results["attr"]
        attr = attr[0] if isinstance(attr, list) else attr
        owner = node.children[-2]
        owner_name = owner.children[1].value if owner.type == syms.trailer else owner.value
        if owner.type == syms.trailer and owner.children[0].type != token.DOT:
            return None
        if not isinstance(owner_name, str) or not _is_app(owner_name):
            return None
        key = _KEYS[attr.value]
        parent = node.parent
        assigned = parent is not None and parent.type == syms.expr_stmt and \
            parent.children[0] is node and len(parent.children) == 3 and \
            parent.children[1].type == token.EQUAL
        if not assigned and attr.value not in _PLAIN_READS:
            self.review_since(node, "app.%s is gone: read app.config[%r] (None there means "
                              "what Flask decides, not a computed value)" % (attr.value, key),
                              _CHANGELOG)
            return None
        receiver = "".join(str(child) for child in node.children[:-1]).strip()
        self.changed(node)
        return expression("%s.config[%r]" % (receiver, key), prefix=node.prefix)
