"""A name that a standard library module lost in Python 3: reported.

``from pickle import _EmptyClass``, ``inspect.getargspec(f)``,
``os.path.walk(...)``: the module is still there on 3.x under the same name,
the name is not, so the import or the attribute fails where it runs. The
names come from ``_removed_names.py``, a table made from ``dir()`` of each
module on Python 2.7 and on Python 3.13 (``tests/migrate/make_removed_names.py``
writes it again); a name that another fixer rewrites or lists is not in it.
Only a module bound by an import under its own name counts (``import
pickle``, ``from os import path``): ``pickle`` must be the imported module,
not a local variable of that name; an alias (``import os.path as osp``) is
not followed.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._removed_names import REMOVED
from ._util import binding_kinds

_MESSAGE = "%s.%s is gone from Python 3's %s: find its replacement (or drop the use) by hand"
# The names a module of the table is bound to: ``os`` (import os), ``path``
# (from os import path). Naming them in the pattern lets a file that uses
# none of them skip the fixer; an alias (import os.path as osp) is not seen.
_HEADS = " | ".join("%r" % name for name in sorted(set(
    part for module in REMOVED for part in module.split("."))))
# Every removed name, for a quick look before the scopes are asked.
_ANY_NAME = frozenset(name for names in REMOVED.values() for name in names)


class FixRemovedNames(MigrateFix):
    """Report uses of standard library names that Python 3 removed."""

    name = "removed_names"
    # before the rewrites: a statement another fixer rebuilds has lost its
    # line numbers, and the review names the line it stood on
    run_order = 1
    summary = "reported: from M import name / M.name where Python 3's M no longer has name"
    PATTERN = (
        "import_from< 'from' module=any 'import' names=any >"
        " | import_from< 'from' module=any 'import' '(' names=any ')' >"
        " | power< head=(%s) trailer< '.' NAME > any* >" % _HEADS
    )

    def transform(self, node, results):
        if "names" in results:
            module = "".join(leaf.value for leaf in results["module"].leaves())
            gone = REMOVED.get(module)
            if gone:
                for name in _imported(results["names"]):
                    if name in gone:
                        self.review(node, _MESSAGE % (module, name, module))
            return None
        power, head = node, results["head"]
        if isinstance(head, list):  # an alternation binds the list it matched
            head = head[0]
        if not any(child.type == syms.trailer and child.children[-1].value in _ANY_NAME
                   for child in power.children[1:]):
            return None
        kinds = binding_kinds(head)
        if not kinds or len(kinds) != 1:
            return None
        (kind,) = kinds
        if kind[0] == "module":
            chain = kind[1].split(".")
        elif kind[0] == "from":
            chain = (kind[1] + "." + kind[2]).split(".")
        else:
            return None
        for trailer in power.children[1:]:
            if trailer.type != syms.trailer or trailer.children[0].type != token.DOT:
                break
            chain.append(trailer.children[1].value)
        for end in range(len(chain) - 1, 0, -1):
            module = ".".join(chain[:end])
            if chain[end] in REMOVED.get(module, ()):
                self.review(power, _MESSAGE % (module, chain[end], module))
                break
        return None


def _imported(names):
    """The names a ``from ... import`` takes (not what it binds them to)."""
    if names.type == token.NAME:
        return [names.value]
    if names.type == syms.import_as_name:
        return [names.children[0].value]
    found = []
    for part in names.children:
        if part.type == token.NAME:
            found.append(part.value)
        elif part.type == syms.import_as_name:
            found.append(part.children[0].value)
    return found
