"""``werkzeug.wrappers.BaseRequest``/``BaseResponse`` -> ``Request``/``Response``.

Werkzeug 2.0 merged the base wrappers and their mixins into ``Request`` and
``Response`` and Werkzeug 2.1 removed the old names. ``BaseResponse`` is
``Response`` now (its uses are renamed, or the import keeps the old name as
an alias where ``Response`` already means something in the file). The mixin
classes (``json.JSONMixin``, ``CommonRequestDescriptorsMixin`` and the
rest) are listed for review: their features are part of ``Request`` and
``Response``, so a class that combined them derives from those instead.
"""
from ._flask3 import Flask3Fix, rename_uses, root_of
from ._m3util import from_import_parts, names_bound_anywhere, parse_statements

_NAMES = {"BaseRequest": "Request", "BaseResponse": "Response"}
_CHANGELOG = "Werkzeug 2.0 merged the base wrappers into Request/Response, Werkzeug 2.1 removed them"


class FixFlask3BaseWrappers(Flask3Fix):
    """Import ``Request``/``Response`` where the code imported Werkzeug's
    removed ``BaseRequest``/``BaseResponse``; review the mixins."""

    name = "flask3_base_wrappers"
    summary = "werkzeug.wrappers BaseRequest/BaseResponse -> Request/Response; mixins: review"
    PATTERN = "import_from< 'from' any+ 'import' any+ >"

    def transform(self, node, results):
        module, names = from_import_parts(node)
        if not module.startswith("werkzeug.wrappers") or not names:
            return None
        for name, alias in names:
            if name.endswith("Mixin"):
                self.review_since(node, "%s is part of Request/Response now: derive from those"
                                  % name, _CHANGELOG)
        if module != "werkzeug.wrappers":
            return None
        for leaf in list(node.leaves()):
            if leaf.value not in _NAMES or getattr(leaf.prev_sibling, "value", None) == "as":
                continue
            new = _NAMES[leaf.value]
            alias = dict(names).get(leaf.value)
            if alias is None:
                if new in names_bound_anywhere(root_of(node)):
                    statement = parse_statements("from m import %s as %s\n" % (new, leaf.value))
                    item = statement[0].children[0].children[-1]
                    item.remove()
                    item.prefix = leaf.prefix
                    leaf.replace(item)
                else:
                    kinds = set([("from", module, leaf.value)])
                    rename_uses(node, leaf.value, kinds, new)
                    leaf.value = new
            else:
                leaf.value = new
            self.changed(node)
        return None
