"""``sorted(xs, cmp=f)`` / ``xs.sort(cmp=f)`` -> ``key=functools.cmp_to_key(f)``."""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import argument, ensure_import, is_builtin_use


def _arguments(trailer):
    inner = trailer.children[1:-1]
    if inner and inner[0].type == syms.arglist:
        inner = inner[0].children
    return [child for child in inner if child.type != token.COMMA]


def _keyword(arg):
    if arg.type == syms.argument and arg.children[1].type == token.EQUAL:
        return arg.children[0].value
    return None


class FixSortCmp(MigrateFix):
    """Turn comparison functions given to sort/sorted into key functions.

    ``functools.cmp_to_key`` exists on 2.7 and 3.x. A ``cmp=`` together with
    ``key=`` (Python 2 compared the keys) and a positional comparison given to
    a ``.sort`` of unknown type are reported instead.
    """

    name = "sort_cmp"
    summary = "sorted(xs, cmp=f) -> sorted(xs, key=functools.cmp_to_key(f))"
    PATTERN = """
        power< name='sorted' call=trailer< '(' any ')' > >
        | power< any+ trailer< '.' method='sort' > call=trailer< '(' any ')' > >
    """

    def transform(self, node, results):
        call = results["call"]
        if node.children[-1] is not call:
            return None
        args = _arguments(call)
        is_sorted = "name" in results
        if is_sorted and not is_builtin_use(results["name"]):
            return None
        positional = [arg for arg in args if arg.type != syms.argument or _keyword(arg) is None]
        keywords = dict((_keyword(arg), arg) for arg in args if _keyword(arg))
        cmp_arg = keywords.get("cmp")
        first_cmp_position = 1 if is_sorted else 0
        if cmp_arg is None and len(positional) > first_cmp_position:
            candidate = positional[first_cmp_position]
            if candidate.type == syms.argument:
                return None  # *args / **kwargs
            if not is_sorted:
                self.review(node, "sort() with a positional comparison function: use key=functools.cmp_to_key(f)")
                return None
            if len(positional) > first_cmp_position + 1 or "key" in keywords:
                self.review(node, "sorted() with cmp and key: Python 2 compared the keys; rewrite by hand")
                return None
            function = str(candidate).strip()
            target = candidate
        elif cmp_arg is not None:
            if "key" in keywords or len(positional) > first_cmp_position + 1:
                self.review(node, "sort with cmp and key: Python 2 compared the keys; rewrite by hand")
                return None
            function = str(cmp_arg.children[2]).strip()
            target = cmp_arg
        else:
            return None
        if function == "None":
            new = argument("key=None")
        else:
            new = argument("key=functools.cmp_to_key(%s)" % function)
            self._needs_functools = True
        new.prefix = target.prefix
        target.replace(new)
        self.changed(node)
        return None

    def start_tree(self, tree, filename):
        """Reset the per-file state."""
        super(FixSortCmp, self).start_tree(tree, filename)
        self._needs_functools = False

    def finish_tree(self, tree, filename):
        """Import functools where cmp_to_key was used."""
        if self._needs_functools:
            ensure_import(tree, "functools")
