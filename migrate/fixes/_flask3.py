"""What the ``flask3`` fixers share: the target, and how to tell that a name
in the code is Flask's (or Werkzeug's) and not something else of that name.

``--target flask3`` moves an app from flaskcompat (or from Flask 1.x itself)
onto Flask 3.1 and Werkzeug 3.1. Until ``flask3_imports`` has run, Flask's
names may still come from ``flaskcompat``, so every check here accepts both
packages. A name counts only when the file binds it once, by an import from
one of them: a parameter or a local of the same name is left alone.
"""
from fissix import pytree
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._m3util import (
    from_import_parts,
    insert_after,
    next_leaf,
    replace_small,
    statement_of,
)
from ._util import binding_kinds, ensure_import, is_attribute_name, replace_name

__all__ = [
    "Flask3Fix",
    "FLASK_PACKAGES",
    "flask_module",
    "imported_path",
    "called_path",
    "keyword_arguments",
    "is_flask_package",
    "drop_name",
    "set_module",
    "move_imported_names",
    "MovedNameFix",
    "rename_uses",
    "uses_of",
    "is_keyword_name",
    "add_names",
    "root_of",
    "BRIDGE_FIXERS",
]

#: The 2and3 fixers that point ``flask`` and ``werkzeug`` imports at
#: flaskcompat: ``--target flask3`` leaves them out (it would only undo them).
BRIDGE_FIXERS = ("flask_imports", "werkzeug_imports")

#: The packages whose names are Flask's in the code being moved.
FLASK_PACKAGES = ("flask", "flaskcompat")


def is_flask_package(module):
    """True for ``flask``, ``flaskcompat`` and their submodules."""
    top = module.split(".")[0]
    return top in FLASK_PACKAGES


def _inside(module):
    """``flaskcompat.json`` -> ``json``, ``flask`` -> ``""``."""
    return module.split(".", 1)[1] if "." in module else ""


class Flask3Fix(MigrateFix):
    """Base of the ``flask3`` fixers: they run for ``--target flask3`` only,
    in its clean-up after pyupgrade, on code that is Python 3 already."""

    targets = frozenset(["flask3"])

    def review_since(self, node, message, changelog):
        """A needs-review item that names the release that made the change
        (``changelog``: ``"Flask 2.3: ... removed"``)."""
        self.review(node, "%s (%s)" % (message, changelog))


def _single_binding(leaf):
    if leaf.type != token.NAME or is_attribute_name(leaf):
        return None
    kinds = binding_kinds(leaf)
    if not kinds or len(kinds) != 1:
        return None
    return next(iter(kinds))


def flask_module(leaf, packages=FLASK_PACKAGES):
    """The module the NAME ``leaf`` stands for when an ``import`` of one of
    *packages* (or a submodule) binds it, else None."""
    kind = _single_binding(leaf)
    if kind is None:
        return None
    if kind[0] == "module" and kind[1].split(".")[0] in packages:
        return kind[1]
    if kind[0] == "from" and kind[1].split(".")[0] in packages:
        # ``from flask import json``: a submodule imported by name
        return kind[1] + "." + kind[2]
    return None


def imported_path(leaf, packages=FLASK_PACKAGES):
    """``(package, dotted name)`` for a NAME bound by ``from package import
    name``: ``from flaskcompat.json import dumps`` gives ``("flaskcompat",
    "json.dumps")``. None for anything else."""
    kind = _single_binding(leaf)
    if kind is None or kind[0] != "from":
        return None
    module = kind[1]
    if module.split(".")[0] not in packages:
        return None
    inside = _inside(module)
    return module.split(".")[0], (inside + "." if inside else "") + kind[2]


def called_path(power, packages=FLASK_PACKAGES):
    """What a ``power`` node starts with, when that is one of *packages*'
    names: ``(dotted path inside the package, index of the first child after
    it)``. ``flask.json.dumps(x)`` and ``dumps(x)`` after ``from flask.json
    import dumps`` both give ``("json.dumps", ...)``."""
    if power.type != syms.power:
        return None
    head = power.children[0]
    found = imported_path(head, packages)
    if found is not None:
        path = found[1]
    else:
        module = flask_module(head, packages)
        if module is None:
            return None
        path = _inside(module)
    index = 1
    while index < len(power.children):
        trailer = power.children[index]
        if trailer.type != syms.trailer or trailer.children[0].type != token.DOT:
            break
        path = (path + "." if path else "") + trailer.children[1].value
        index += 1
    return path, index


def keyword_arguments(trailer):
    """``{name: argument node}`` of the keyword arguments of a call
    ``trailer``."""
    found = {}
    if len(trailer.children) < 3:
        return found
    args = trailer.children[1]
    items = args.children if args.type == syms.arglist else [args]
    for item in items:
        if item.type == syms.argument and len(item.children) == 3 and \
                item.children[1].type == token.EQUAL and item.children[0].type == token.NAME:
            found[item.children[0].value] = item
    return found



# --------------------------------------------------------------------------
# Editing ``from package import names``


def set_module(import_from, dotted):
    """Make ``import_from`` import from ``dotted``; the names, their layout
    and comments stay as written (the flask_imports fixer's own edit)."""
    from .fix_flask_imports import FixFlaskImports

    FixFlaskImports._set_module(import_from, dotted)


def _name_items(import_from):
    for child in import_from.children:
        holder = child.children[1] if child.type == syms.atom else child
        if holder.type == syms.import_as_names:
            return holder
    return None


def drop_name(import_from, name):
    """Remove the imported ``name`` (with or without alias, and one comma)
    from ``import_from``, which imports more than that one name. A comment
    written after it stays on the line of the name before."""
    holder = _name_items(import_from)
    if holder is None:
        return
    for item in holder.children:
        if item.type == token.NAME:
            item_name = item.value
        elif item.type == syms.import_as_name:
            item_name = item.children[0].value
        else:
            continue
        if item_name != name:
            continue
        following = item.next_sibling
        previous = item.prev_sibling
        kept = item.prefix
        if following is not None and following.type == token.COMMA:
            after = following.next_sibling
            following.remove()
            if after is not None and previous is not None:
                after.prefix = kept
                kept = None
        elif previous is not None and previous.type == token.COMMA:
            previous.remove()
        closing = next_leaf(item)
        item.remove()
        if kept and "#" in kept and closing is not None:
            closing.prefix = kept.rstrip(" \t") + closing.prefix.lstrip("\n")
        return


def move_imported_names(import_from, moves):
    """Import the names of ``moves`` (``{name: new module}``) that
    ``import_from`` imports from their new modules instead, in statements
    right after it (or in its place when nothing else is left). Returns the
    ``(name, alias)`` pairs moved; an empty list when none was, or when the
    statement shares a one-line block and cannot grow."""
    module, names = from_import_parts(import_from)
    if not names:
        return []
    moving = [(name, alias) for name, alias in names if name in moves]
    if not moving:
        return []
    targets = []
    for name, _alias in moving:
        if moves[name] not in targets:
            targets.append(moves[name])
    if len(moving) == len(names) and len(targets) == 1:
        set_module(import_from, targets[0])
        return moving
    lines = []
    for target in targets:
        lines.append("from %s import %s" % (target, ", ".join(
            name if alias is None else "%s as %s" % (name, alias)
            for name, alias in moving if moves[name] == target)))
    stmt = statement_of(import_from)
    if len(moving) == len(names):
        replace_small(import_from, lines)
        return moving
    if stmt is None or stmt.parent is None or stmt.parent.type not in (
            syms.suite, syms.file_input):
        return []
    for name, _alias in moving:
        drop_name(import_from, name)
    insert_after(stmt, "\n".join(lines) + "\n")
    return moving


class MovedNameFix(Flask3Fix):
    """A fixer for names Flask (or another package of :attr:`sources`) no
    longer has, whose home is another module now.

    Subclasses set :attr:`moves` (``{"Markup": "markupsafe"}``) and may
    review each move in :meth:`moved`. ``from flask import Markup, g`` keeps
    ``g`` and imports ``Markup`` from its new module; ``flask.Markup`` after
    ``import flask`` becomes ``markupsafe.Markup`` (with ``import
    markupsafe`` added).
    """

    #: ``{name: module that has it now}``
    moves = {}
    #: The packages the names are imported from in the code being moved.
    sources = FLASK_PACKAGES

    def __init__(self, options=None, log=None):
        if self.PATTERN is None:
            names = " | ".join("%r" % name for name in sorted(self.moves))
            self.PATTERN = (
                "import_from< 'from' any+ 'import' any+ >"
                " | power< NAME trailer< '.' (%s) > any* >" % names
            )
        super(MovedNameFix, self).__init__(options, log)

    def start_tree(self, tree, filename):
        """Reset the per-file state."""
        super(MovedNameFix, self).start_tree(tree, filename)
        self._imports = []

    def moved(self, node, name):
        """Hook: ``name`` was moved at ``node`` (to review a change)."""

    def transform(self, node, results):
        if node.type == syms.import_from:
            module, _names = from_import_parts(node)
            if module.split(".")[0] not in self.sources or module.startswith("."):
                return None
            moved = move_imported_names(node, self.moves)
            for name, _alias in moved:
                self.changed(node)
                self.moved(node, name)
            return None
        module = flask_module(node.children[0], self.sources)
        if module is None or module.split(".")[0] != module:
            return None
        name = node.children[1].children[1].value
        target = self.moves[name]
        replace_name(node.children[0], target)
        if target not in self._imports:
            self._imports.append(target)
        self.changed(node)
        self.moved(node, name)
        return None

    def finish_tree(self, tree, filename):
        """Import the modules the rewritten attribute uses need."""
        for module in self._imports:
            ensure_import(tree, module)


def uses_of(node, name, kinds):
    """The NAME leaves in the file of ``node`` that use ``name`` bound as
    ``kinds`` (a set of binding kinds): not attributes, keyword argument
    names or the import statements themselves."""
    root = node
    while root.parent is not None:
        root = root.parent
    found = []
    for leaf in root.leaves():
        if leaf.type != token.NAME or leaf.value != name or is_attribute_name(leaf):
            continue
        if _in_import(leaf) or is_keyword_name(leaf):
            continue
        if binding_kinds(leaf) == kinds:
            found.append(leaf)
    return found


def is_keyword_name(leaf):
    """Whether the NAME leaf is the name of a keyword argument (``f(x=1)``)."""
    parent = leaf.parent
    following = leaf.next_sibling
    return (
        parent is not None
        and parent.type == syms.argument
        and following is not None
        and following.type == token.EQUAL
    )


def rename_uses(node, name, kinds, new_name):
    """Rename every use of ``name`` bound as ``kinds`` to ``new_name`` (all
    found first, so the bindings are read before anything changes)."""
    uses = uses_of(node, name, kinds)
    for leaf in uses:
        leaf.value = new_name
    return uses


def _in_import(leaf):
    from .fix_unsix import FixUnsix

    return FixUnsix._in_import(leaf)


def add_names(import_from, names):
    """Import ``names`` too in the statement ``import_from`` (``from m
    import a`` -> ``from m import a, b``), keeping its layout."""
    if not names:
        return
    holder = _name_items(import_from)
    if holder is None:
        # one name: wrap it so that more can follow
        index = len(import_from.children) - 1
        single = import_from.children[index]
        if single.type == token.RPAR:
            index -= 1
            single = import_from.children[index]
        if single.type not in (token.NAME, syms.import_as_name):
            return
        prefix = single.prefix
        single.remove()
        single.prefix = ""
        holder = pytree.Node(syms.import_as_names, [single])
        holder.prefix = prefix
        import_from.insert_child(index, holder)
    trailing = holder.children[-1].type == token.COMMA
    for name in names:
        if not trailing:
            holder.append_child(pytree.Leaf(token.COMMA, ","))
        holder.append_child(pytree.Leaf(token.NAME, name, prefix=" "))
        trailing = False


def root_of(node):
    """The file node that holds ``node``."""
    while node.parent is not None:
        node = node.parent
    return node
