"""``request.charset`` / ``request.url_charset`` -> ``'utf-8'``.

Werkzeug 2.3 deprecated the ``charset`` and ``url_charset`` attributes of
requests and responses and Werkzeug 3.0 removed them: requests are always
decoded as UTF-8. Reading ``request.charset`` is ``'utf-8'`` then, unless
the app's own ``Request`` class set another charset: such a class (any class
body that assigns ``charset``, ``url_charset`` or ``encoding_errors``) is
listed for review, and the reads in its file are left as they are.
"""
from fissix.pygram import python_symbols as syms

from ._flask3 import Flask3Fix, flask_module, imported_path
from ._m3util import class_assigned
from ._util import expression

_ATTRIBUTES = ("charset", "url_charset")
_CHANGELOG = "Werkzeug 2.3 deprecated the charset attributes, Werkzeug 3.0 removed them"


class FixFlask3RequestCharset(Flask3Fix):
    """Write ``'utf-8'`` where the code read ``request.charset``; review a
    Request class that set another charset."""

    name = "flask3_request_charset"
    summary = "request.charset / request.url_charset -> 'utf-8' (Werkzeug 3 decodes UTF-8 only)"
    PATTERN = (
        "power< head=NAME trailer< '.' attr=('charset' | 'url_charset') > >"
        " | power< head=NAME trailer< '.' 'request' > trailer< '.' attr=('charset' | "
        "'url_charset') > >"
        " | classdef< 'class' any* >"
    )

    def start_tree(self, tree, filename):
        """Look for a class that sets a charset before any read is rewritten."""
        super(FixFlask3RequestCharset, self).start_tree(tree, filename)
        self._custom = False
        for node in tree.pre_order():
            if node.type == syms.classdef and set(class_assigned(node)) & set(
                    ["charset", "url_charset", "encoding_errors"]):
                self._custom = True
                break

    def transform(self, node, results):
        if node.type == syms.classdef:
            assigned = set(class_assigned(node)) & set(["charset", "url_charset",
                                                        "encoding_errors"])
            if assigned:
                self.review_since(
                    node, "class %s sets %s: Werkzeug 3 decodes requests as UTF-8 only "
                    "(decode request.get_data() yourself where another charset arrives)"
                    % (node.children[1].value, ", ".join(sorted(assigned))), _CHANGELOG)
            return None
        head = results["head"]
        if len(node.children) == 2:
            found = imported_path(head)
            if found is None or found[1] not in ("request", "globals.request"):
                return None
        elif flask_module(head) not in ("flask", "flaskcompat"):
            return None
        if self._custom:
            return None
        parent = node.parent
        if parent is not None and parent.type in (syms.expr_stmt, syms.del_stmt) and \
                parent.children[0] is node:
            attr = results["attr"]
            attr = attr[0] if isinstance(attr, list) else attr
            self.review_since(node, "request.%s cannot be set any more" % attr.value, _CHANGELOG)
            return None
        self.changed(node)
        return expression("'utf-8'", prefix=node.prefix)


