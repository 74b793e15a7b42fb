"""``werkzeug.security.safe_str_cmp`` -> ``hmac.compare_digest``.

Werkzeug 2.0 deprecated ``safe_str_cmp`` and Werkzeug 2.1 removed it,
pointing at the standard library's ``hmac.compare_digest``. Both compare in
constant time; they differ on text: ``safe_str_cmp`` encoded ``str`` as
UTF-8 first, ``compare_digest`` takes bytes, or ``str`` of ASCII characters
only, and never a mix of the two (``TypeError``). The call is rewritten and
listed for review, for the arguments to be checked.
"""
from fissix.pygram import python_symbols as syms

from ._flask3 import Flask3Fix, called_path, drop_name, rename_uses, root_of
from ._m3util import (
    from_import_parts,
    insert_after,
    names_bound_anywhere,
    replace_small,
    statement_of,
)
from ._util import ensure_import, expression

_MODULES = ("werkzeug", "werkzeug.security", "flaskcompat.security")
_REVIEW = (
    "hmac.compare_digest takes bytes, or str of ASCII characters only (TypeError for "
    "other text or a str/bytes mix), where safe_str_cmp encoded str as UTF-8: check "
    "the arguments"
)
_CHANGELOG = "Werkzeug 2.0 deprecated safe_str_cmp, Werkzeug 2.1 removed it"


class FixFlask3SafeStrCmp(Flask3Fix):
    """Compare secrets with ``hmac.compare_digest``, Werkzeug's
    ``safe_str_cmp`` being gone; review the arguments (text must be ASCII)."""

    name = "flask3_safe_str_cmp"
    summary = "werkzeug.security.safe_str_cmp -> hmac.compare_digest (review: text must be ASCII)"
    PATTERN = (
        "import_from< 'from' any+ 'import' any+ >"
        " | power< NAME trailer< '.' 'safe_str_cmp' > any* >"
        " | power< NAME trailer< '.' 'security' > trailer< '.' 'safe_str_cmp' > any* >"
    )

    def start_tree(self, tree, filename):
        """Reset the per-file state."""
        super(FixFlask3SafeStrCmp, self).start_tree(tree, filename)
        self._needs_hmac = False

    def transform(self, node, results):
        if node.type == syms.import_from:
            return self._import_from(node)
        found = called_path(node, ("werkzeug", "flaskcompat"))
        if found is None or found[0] not in ("security.safe_str_cmp", "safe_str_cmp"):
            return None
        index = found[1]
        rest = "".join(str(child) for child in node.children[index:])
        self._needs_hmac = True
        self.changed(node)
        self.review_since(node, _REVIEW, _CHANGELOG)
        return expression("hmac.compare_digest" + rest, prefix=node.prefix)

    def _import_from(self, node):
        module, names = from_import_parts(node)
        if module not in _MODULES or not names:
            return None
        aliases = [alias for name, alias in names if name == "safe_str_cmp"]
        if not aliases:
            return None
        stmt = statement_of(node)
        if len(names) > 1 and (stmt is None or stmt.parent is None or stmt.parent.type not in (
                syms.suite, syms.file_input)):
            return None
        alias = aliases[0]
        if alias is not None:
            item = "compare_digest as " + alias
        elif "compare_digest" in names_bound_anywhere(root_of(node)):
            item = "compare_digest as safe_str_cmp"
        else:
            item = "compare_digest"
            kinds = set([("from", module, "safe_str_cmp")])
            for use in rename_uses(node, "safe_str_cmp", kinds, "compare_digest"):
                self.changed(use)
        if len(names) == 1:
            replace_small(node, ["from hmac import " + item])
        else:
            drop_name(node, "safe_str_cmp")
            insert_after(stmt, "from hmac import %s\n" % item)
        self.changed(stmt)
        self.review_since(stmt, _REVIEW, _CHANGELOG)
        return None

    def finish_tree(self, tree, filename):
        """``import hmac`` for the rewritten attribute calls."""
        if self._needs_hmac:
            ensure_import(tree, "hmac")

