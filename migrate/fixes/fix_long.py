"""``long`` -> ``int`` in calls, ``six.integer_types`` in type checks."""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import (
    ensure_import,
    is_builtin_use,
    is_call_of,
    isinstance_types_of,
    name_is_builtin_at,
    replace_name,
)


def _names_in(node):
    return [leaf.value for leaf in node.leaves() if leaf.type == token.NAME]


def _remove_from_tuple(name):
    """Drop ``name`` and its comma from the tuple literal holding it; a tuple
    left with one item becomes that item (``(int, long)`` -> ``int``)."""
    items = name.parent
    following = name.next_sibling
    previous = name.prev_sibling
    if following is not None and following.type == token.COMMA:
        following.remove()
        after = name.next_sibling
        if previous is None and after is not None:
            after.prefix = name.prefix
    elif previous is not None and previous.type == token.COMMA:
        previous.remove()
    name.remove()
    rest = [child for child in items.children if child.type != token.COMMA]
    atom = items.parent
    if len(rest) == 1 and atom is not None and atom.type == syms.atom:
        only = rest[0]
        only.remove()
        only.prefix = atom.prefix
        atom.replace(only)


def _in_tuple_with_int(name):
    """True for ``long`` as an item of a tuple display that names the
    builtin int too (``str, int, long``)."""
    items = name.parent
    if items is None or items.type not in (syms.testlist_gexp, syms.testlist_star_expr, syms.testlist,
                                           syms.exprlist):
        return False
    if not any(child.type == token.COMMA for child in items.children):
        return False
    return any(child.type == token.NAME and child.value == "int" and is_builtin_use(child)
               for child in items.children)


class FixLong(MigrateFix):
    """Replace the builtin ``long``.

    ``long(x)`` -> ``int(x)``: on 2.7 int() returns a long when the value
    needs one, so the number is the same. In a type check together with
    ``int`` (``isinstance(x, (int, long))``) ``long`` becomes
    ``six.integer_types`` (a nested tuple, which isinstance accepts), the
    exact meaning on both. In any other tuple display beside ``int`` it is
    ``six.integer_types[-1]``: long on 2.7, int again on 3.x, so ``type(x)
    in (int, long)`` keeps working. ``long`` alone as a type would change meaning on
    2.7 (ints are not longs there) and is reported for review. With
    ``--target 3`` every ``long`` is ``int`` (dropped from a type tuple that
    already names int).
    """

    name = "long"
    python3_safe = True
    python2_only_names = (("builtins", "long"),)
    summary = "long(x) -> int(x); isinstance(x, (int, long)) -> isinstance(x, (int, six.integer_types))"
    PATTERN = "name='long'"

    def start_tree(self, tree, filename):
        """Reset the per-file state."""
        super(FixLong, self).start_tree(tree, filename)
        self._needs_six = False
        self._long_hook = None

    def transform(self, node, results):
        name = results["name"]
        if not is_builtin_use(name):
            return None
        if is_call_of(name):
            if not name_is_builtin_at(name, "int"):
                self.review(name, "long(...): int is rebound here; rewrite by hand")
                return None
            if self._defines_long_hook():
                self.review(
                    name,
                    "long(x) -> int(x): this module defines __long__, which int() "
                    "does not call (it calls __int__)",
                )
            replace_name(name, "int")
            self.changed(name)
            return None
        types = isinstance_types_of(name)
        if (self.options or {}).get("target") == "3":
            # Python 3 only: every integer is an int.
            if not name_is_builtin_at(name, "int"):
                self.review(name, "long: int is rebound here; rewrite by hand")
                return None
            if types is not None and types is not name and "int" in _names_in(types):
                _remove_from_tuple(name)
            else:
                replace_name(name, "int")
            self.changed(name)
            return None
        if types is not None and types is not name and "int" in _names_in(types):
            replace_name(name, "six.integer_types")
            self._needs_six = True
            self.changed(name)
            return None
        if types is None and _in_tuple_with_int(name):
            replace_name(name, "six.integer_types[-1]")
            self._needs_six = True
            self.changed(name)
            return None
        self.review(
            name,
            "long used as a type without int: on 2.7 small integers are not long; "
            "use six.integer_types if any integer is meant",
        )
        return None

    def _defines_long_hook(self):
        if self._long_hook is None:
            self._long_hook = any(
                leaf.type == token.NAME and leaf.value == "__long__" and leaf.parent.type == syms.funcdef
                for leaf in self._tree.leaves()
            )
        return self._long_hook

    def finish_tree(self, tree, filename):
        """Import six when six.integer_types was used."""
        if self._needs_six:
            ensure_import(tree, "six")
