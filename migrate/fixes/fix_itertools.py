"""``itertools.imap`` & co. -> their ``six.moves`` names."""
from fissix.fixer_util import find_indentation
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import ModuleAttributeFix

MOVED = {
    "imap": "map",
    "ifilter": "filter",
    "izip": "zip",
    "izip_longest": "zip_longest",
    "ifilterfalse": "filterfalse",
}


def _import_items(names):
    if names.type == syms.import_as_names:
        return [child for child in names.children if child.type != token.COMMA]
    return [names]


class FixItertools(ModuleAttributeFix):
    """Replace the lazy itertools functions that Python 3 renamed.

    ``itertools.imap(...)`` -> ``six.moves.map(...)``; ``from itertools
    import imap`` -> ``from six.moves import map as imap`` (the local name is
    kept, so the module's code is unchanged).
    """

    name = "itertools"
    python3_safe = True
    summary = "itertools.imap -> six.moves.map (ifilter, izip, izip_longest, ifilterfalse alike)"
    module = "itertools"
    replacements = dict((old, "six.moves." + new) for old, new in MOVED.items())
    imports = ("six",)

    def from_import(self, node, names):
        """Split moved names out of ``from itertools import ...``."""
        if names.type == token.STAR:
            return
        moved = []
        kept = []
        for item in _import_items(names):
            original = item.children[0].value if item.type == syms.import_as_name else item.value
            local = item.children[2].value if item.type == syms.import_as_name else item.value
            if original in MOVED:
                moved.append("%s as %s" % (MOVED[original], local))
            else:
                kept.append(str(item).strip())
        if not moved:
            return
        statement = node.parent
        if statement.type != syms.simple_stmt or len(statement.children) != 2:
            self.review(node, "from itertools import of moved names in a compound line: split it by hand")
            return
        new_import = "from six.moves import " + ", ".join(moved)
        if kept:
            node.replace(_small_statement("from itertools import " + ", ".join(kept), node.prefix))
            statement.parent.insert_child(
                statement.parent.children.index(statement) + 1,
                _statement(new_import, statement),
            )
        else:
            node.replace(_small_statement(new_import, node.prefix))
        self.changed(node)


def _small_statement(text, prefix):
    """A detached small statement (import) parsed from ``text``."""
    from ._util import _driver

    tree = _driver().parse_string(text + "\n")
    small = tree.children[0].children[0]
    small.remove()
    small.prefix = prefix
    return small


def _statement(text, like):
    """A simple statement for ``text`` indented like the statement ``like``."""
    from ._util import _driver

    tree = _driver().parse_string(text + "\n")
    stmt = tree.children[0]
    stmt.remove()
    stmt.prefix = find_indentation(like)
    stmt.children[-1].value = like.children[-1].value or "\n"
    return stmt
