"""``JSON_AS_ASCII``-style config keys -> attributes of ``app.json``.

Flask 2.2 moved JSON behaviour to the app's JSON provider and Flask 2.3
removed the config keys: ``app.config["JSON_AS_ASCII"] = False`` is
``app.json.ensure_ascii = False`` now, ``JSON_SORT_KEYS`` is
``app.json.sort_keys``, ``JSONIFY_MIMETYPE`` ``app.json.mimetype``. A
``JSONIFY_PRETTYPRINT_REGULAR`` of ``True`` (indent always) is
``app.json.compact = False``; of ``False`` (indent in debug mode only) it is
``app.json.compact = None``, the default. A key set some other way (a config
class or file, ``config.update(...)``) is listed for review: Flask 3 ignores
it silently.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._flask3 import Flask3Fix
from ._util import expression

_ATTRIBUTES = {
    "JSON_AS_ASCII": "ensure_ascii",
    "JSON_SORT_KEYS": "sort_keys",
    "JSONIFY_MIMETYPE": "mimetype",
    "JSONIFY_PRETTYPRINT_REGULAR": "compact",
}
_CHANGELOG = "Flask 2.2 deprecated the JSON config keys, Flask 2.3 removed them"
_KEYS = " | ".join("%r" % key for key in sorted(_ATTRIBUTES))


def _key(leaf):
    """The text of a plain string literal, else None."""
    if leaf.type != token.STRING:
        return None
    text = leaf.value
    if text[:1] not in ("'", '"') or text[:3] in ("'''", '"""'):
        return None
    inner = text[1:-1]
    return inner if "\\" not in inner else None


class FixFlask3JsonConfig(Flask3Fix):
    """Set ``app.json``'s attributes where the code set the JSON config keys
    Flask 2.3 removed; review the keys set elsewhere."""

    name = "flask3_json_config"
    summary = "app.config['JSON_AS_ASCII'/'JSON_SORT_KEYS'/...] -> app.json.ensure_ascii / sort_keys / ..."
    PATTERN = (
        "power< any+ trailer< '.' 'config' > trailer< '[' key=STRING ']' > >"
        " | expr_stmt< name=(%s) '=' any >"
        " | argument< name=(%s) '=' any >"
        " | power< any+ trailer< '.' 'config' > trailer< '.' ('get' | 'setdefault') >"
        " trailer< '(' (key=STRING | arglist< key=STRING any* >) ')' > any* >"
    ) % (_KEYS, _KEYS)

    def transform(self, node, results):
        if "name" in results:
            name = results["name"]
            name = name[0] if isinstance(name, list) else name
            self.review_since(
                node, "%s is no config key any more: set app.json.%s on the app instead"
                % (name.value, _ATTRIBUTES[name.value]), _CHANGELOG)
            return None
        key = _key(results["key"])
        if key not in _ATTRIBUTES:
            return None
        if node.children[-1].children[0].type != token.LSQB:
            self.review_since(node, "config key %s: read app.json.%s instead"
                              % (key, _ATTRIBUTES[key]), _CHANGELOG)
            return None
        attribute = _ATTRIBUTES[key]
        receiver = "".join(str(child) for child in node.children[:-2]).strip()
        parent = node.parent
        assigned = (
            parent is not None and parent.type == syms.expr_stmt and len(parent.children) == 3
            and parent.children[0] is node and parent.children[1].type == token.EQUAL
        )
        if not assigned:
            is_target = parent is not None and parent.type in (syms.expr_stmt, syms.del_stmt) \
                and parent.children[0] is node
            if is_target or key == "JSONIFY_PRETTYPRINT_REGULAR":
                self.review_since(node, "config key %s: use app.json.%s (compact is the "
                                  "opposite of pretty-printing)" % (key, attribute)
                                  if key == "JSONIFY_PRETTYPRINT_REGULAR"
                                  else "config key %s: use app.json.%s" % (key, attribute),
                                  _CHANGELOG)
                return None
            self.changed(node)
            return expression("%s.json.%s" % (receiver, attribute), prefix=node.prefix)
        if key == "JSONIFY_PRETTYPRINT_REGULAR":
            value = parent.children[2]
            new_value = {"True": "False", "False": "None"}.get(str(value).strip())
            if new_value is None:
                self.review_since(node, "JSONIFY_PRETTYPRINT_REGULAR: set app.json.compact = "
                                  "False to always indent, None to indent in debug mode",
                                  _CHANGELOG)
                return None
            value.replace(expression(new_value, prefix=value.prefix))
        self.changed(node)
        return expression("%s.json.%s" % (receiver, attribute), prefix=node.prefix)
