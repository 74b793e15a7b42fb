"""Werkzeug's old top-level re-exports -> the modules that define the names.

Werkzeug 0.x let ``from werkzeug import secure_filename`` work; 1.0 removed
those re-exports. Each name here is imported from a module that has it on
Werkzeug 1.0.1 (what Python 2.7 gets) and on 3.1 (Python 3.9+), checked in both
releases. Names with no such module, ``werkzeug.contrib`` (removed in 1.0) and
submodule names that newer releases dropped are listed for review with what to
use instead.

The password functions (``generate_password_hash``, ``check_password_hash``,
``safe_str_cmp``) go to ``flaskcompat.security`` under the same names, from
``werkzeug`` or ``werkzeug.security`` alike: Werkzeug 3.x cannot read the
hashes Werkzeug 0.x wrote and 2.7 cannot read 3.x's default, while
flaskcompat reads all of them and writes one format every interpreter reads.
"""
from fissix import pytree
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._m3util import from_import_parts, import_items, in_import_guard, replace_small
from ._util import ensure_import, is_attribute_name, is_module_use
from ._werkzeug_names import (
    CONTRIB,
    SUBMODULES,
    DEPRECATED,
    NO_COMMON_HOME,
    STILL_TOP_LEVEL,
    SUBMODULE_GONE,
    SUBMODULE_MOVES,
    TOP_LEVEL,
)


class FixWerkzeugImports(MigrateFix):
    """Import Werkzeug names from modules valid on Werkzeug 1.0.1 and 3.1.

    Each module was checked in both releases (and the test suite imports every
    one on each interpreter's Werkzeug); names with no such module and
    ``werkzeug.contrib`` are listed for review with their replacement. Password
    hashing moves to ``flaskcompat.security``.
    """

    name = "werkzeug_imports"
    summary = ("from werkzeug import secure_filename... -> werkzeug.utils etc.; password "
               "hashing -> flaskcompat.security; contrib reported")
    PATTERN = "import_name | import_from"
    required_values = ("werkzeug",)

    def start_tree(self, tree, filename):
        super(FixWerkzeugImports, self).start_tree(tree, filename)
        self._uses_done = False

    def review(self, node, message):
        """Record a review note, except where an ImportError handler copes."""
        if node is not None and in_import_guard(node):
            return
        super(FixWerkzeugImports, self).review(node, message)

    def transform(self, node, results):
        if node.type == syms.import_name:
            for module, alias, item in import_items(node):
                if module.startswith("werkzeug.contrib"):
                    self._review_contrib(node, module)
                elif module == "werkzeug" or (module.startswith("werkzeug.") and not alias):
                    # ``import werkzeug.security`` binds ``werkzeug`` too
                    self._fix_module_uses(node, alias or "werkzeug")
            return None
        module, names = from_import_parts(node)
        if module.startswith("werkzeug.contrib") or (
                module == "werkzeug" and names and any(n == "contrib" for n, _ in names)):
            self._review_contrib(node, module if module != "werkzeug" else "werkzeug.contrib")
            return None
        if module == "werkzeug":
            self._fix_top_level_from(node, names)
        elif module.startswith("werkzeug.") and names is not None:
            self._fix_submodule_from(node, module, names)
        return None

    def _review_contrib(self, node, module):
        parts = module.split(".")
        what = CONTRIB.get(parts[2]) if len(parts) > 2 else None
        self.review(node, "%s was removed in Werkzeug 1.0: %s" % (
            module, what or "see the replacement of each contrib module in the migration guide"))

    def _fix_top_level_from(self, node, names):
        if names is None:
            self.review(node, "from werkzeug import *: Werkzeug 1.0 removed the re-exports; "
                        "import each name from its module")
            return
        groups = []
        stay = []
        for name, alias in names:
            entry = name if alias is None else "%s as %s" % (name, alias)
            if name in TOP_LEVEL:
                target = TOP_LEVEL[name]
                if name in DEPRECATED:
                    self.review(node, "werkzeug.%s: %s" % (name, DEPRECATED[name]))
                for group in groups:
                    if group[0] == target:
                        group[1].append(entry)
                        break
                else:
                    groups.append((target, [entry]))
            else:
                if name in NO_COMMON_HOME:
                    self.review(node, "werkzeug.%s: %s" % (name, NO_COMMON_HOME[name]))
                elif name not in STILL_TOP_LEVEL:
                    self.review(node, "werkzeug.%s: not a known Werkzeug name" % name)
                stay.append(entry)
        if not groups:
            return
        lines = []
        if stay:
            lines.append("from werkzeug import %s" % ", ".join(stay))
        lines.extend("from %s import %s" % (target, ", ".join(entries)) for target, entries in groups)
        self._replace(node, lines)

    def _fix_submodule_from(self, node, module, names):
        moved = {}
        targets = []
        stay = []
        for name, alias in names:
            entry = name if alias is None else "%s as %s" % (name, alias)
            target = SUBMODULE_MOVES.get((module, name))
            if target is not None:
                if target not in moved:
                    targets.append(target)
                moved.setdefault(target, []).append(entry)
            else:
                if (module, name) in SUBMODULE_GONE:
                    self.review(node, "%s.%s: %s" % (module, name, SUBMODULE_GONE[(module, name)]))
                stay.append(entry)
        if not moved:
            return
        lines = []
        if stay:
            lines.append("from %s import %s" % (module, ", ".join(stay)))
        lines.extend("from %s import %s" % (target, ", ".join(moved[target])) for target in targets)
        self._replace(node, lines)

    def _replace(self, node, lines):
        try:
            replace_small(node, lines)
        except ValueError:  # pragma: no cover - imports are never blocks
            self.review(node, "move this import to its own line and run again")
            return
        self.changed(node)

    def _fix_module_uses(self, node, local):
        """``werkzeug.secure_filename`` -> ``werkzeug.utils.secure_filename``,
        ``werkzeug.security.check_password_hash`` ->
        ``flaskcompat.security.check_password_hash``."""
        if self._uses_done or local != "werkzeug":
            return
        self._uses_done = True
        root = node
        while root.parent is not None:
            root = root.parent
        needed = []
        for leaf in list(root.leaves()):
            if leaf.type != token.NAME or leaf.value != "werkzeug" or is_attribute_name(leaf):
                continue
            trailer = leaf.next_sibling
            if trailer is None or trailer.type != syms.trailer or trailer.children[0].type != token.DOT:
                continue
            if not is_module_use(leaf, "werkzeug"):
                continue
            attr = trailer.children[1].value
            after = trailer.next_sibling
            inner = None
            if (after is not None and after.type == syms.trailer
                    and after.children[0].type == token.DOT):
                inner = after.children[1].value
            if ("werkzeug." + attr, inner) in SUBMODULE_MOVES:
                # werkzeug.<sub>.<name>: point the first two parts elsewhere
                submodule = SUBMODULE_MOVES[("werkzeug." + attr, inner)]
                self._retarget(leaf, trailer, submodule, [])
                if submodule not in needed:
                    needed.append(submodule)
            elif attr in TOP_LEVEL:
                submodule = TOP_LEVEL[attr]
                self._retarget(leaf, trailer, submodule, [attr])
                if submodule not in needed:
                    needed.append(submodule)
            elif attr in NO_COMMON_HOME:
                self.review(leaf, "werkzeug.%s: %s" % (attr, NO_COMMON_HOME[attr]))
            elif attr in SUBMODULES and "werkzeug." + attr not in needed:
                # Werkzeug 0.x imported its submodules on first attribute
                # access; 1.0 and later only have those something imported.
                needed.append("werkzeug." + attr)
        for submodule in needed:
            if ensure_import(root, submodule):
                self.changed(root)

    def _retarget(self, leaf, trailer, module, tail):
        """Make ``leaf`` + ``trailer`` spell ``module``, followed by ``tail``."""
        parts = module.split(".")
        leaf.value = parts[0]
        trailer.children[1].value = parts[1]
        index = leaf.parent.children.index(trailer)
        for offset, part in enumerate(parts[2:] + tail):
            leaf.parent.insert_child(index + 1 + offset, pytree.Node(
                syms.trailer, [pytree.Leaf(token.DOT, "."), pytree.Leaf(token.NAME, part)]))
        self.changed(leaf)
