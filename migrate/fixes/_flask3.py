"""What the ``flask3`` fixers share: the target, and how to tell that a name
in the code is Flask's (or Werkzeug's) and not something else of that name.

``--target flask3`` moves an app from flaskcompat (or from Flask 1.x itself)
onto Flask 3.1 and Werkzeug 3.1. Until ``flask3_imports`` has run, Flask's
names may still come from ``flaskcompat``, so every check here accepts both
packages. A name counts only when the file binds it once, by an import from
one of them: a parameter or a local of the same name is left alone.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import binding_kinds, is_attribute_name

__all__ = [
    "Flask3Fix",
    "FLASK_PACKAGES",
    "flask_module",
    "imported_path",
    "called_path",
    "keyword_arguments",
    "is_flask_package",
]

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
