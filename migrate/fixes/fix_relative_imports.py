"""Implicit relative imports -> explicit ones (``import sibling`` ->
``from . import sibling``).

Python 2 looks a plain ``import name`` up in the importing module's package
first; Python 3 does not. A name is treated as a sibling only when the file
is inside a package (its folder has ``__init__.py``) and a module or package
of that name exists next to it, so stdlib and third-party imports are never
touched. Modules with ``from __future__ import absolute_import`` already mean
absolute imports and are left alone.
"""
import os

from fissix.fixer_util import find_indentation
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import _driver, has_future


def _dotted(node):
    return "".join(leaf.value for leaf in node.leaves())


class FixRelativeImports(MigrateFix):
    """Make imports of sibling modules explicitly relative."""

    name = "relative_imports"
    summary = "import sibling -> from . import sibling (only when the sibling module exists)"
    # After the fixers that add imports (import six): in a package with a
    # sibling six.py that import means the sibling on 2.7, too.
    run_order = 9
    PATTERN = "import_name< 'import' names=any > | import_from< 'from' mod=(NAME | dotted_name) 'import' any* >"

    def start_tree(self, tree, filename):
        """Find the file's package folder, if any."""
        super(FixRelativeImports, self).start_tree(tree, filename)
        self._folder = None
        self._siblings = None
        if filename and not filename.startswith("<") and not has_future(tree, "absolute_import"):
            folder = os.path.dirname(os.path.abspath(filename))
            if os.path.isfile(os.path.join(folder, "__init__.py")):
                self._folder = folder

    def _is_sibling(self, name):
        if self._siblings is None:
            siblings = set()
            for entry in os.listdir(self._folder):
                path = os.path.join(self._folder, entry)
                stem, ext = os.path.splitext(entry)
                if ext in (".py", ".so", ".pyd") and stem != "__init__":
                    siblings.add(stem)
                elif os.path.isdir(path) and os.path.isfile(os.path.join(path, "__init__.py")):
                    siblings.add(entry)
            self._siblings = siblings
        return name in self._siblings

    def transform(self, node, results):
        if self._folder is None:
            return None
        if node.type == syms.import_from:
            mod = results["mod"]
            if isinstance(mod, list):
                mod = mod[0]
            if self._is_sibling(_dotted(mod).split(".")[0]):
                mod.prefix = ""
                node.insert_child(1, _leaf_dot(" "))
                self.changed(node)
            return None
        return self._import_name(node, results["names"])

    def _import_name(self, node, names):
        items = [child for child in names.children if child.type != token.COMMA] if names.type == syms.dotted_as_names else [names]
        relative = []
        absolute = []
        for item in items:
            module = item.children[0] if item.type == syms.dotted_as_name else item
            dotted = _dotted(module)
            alias = item.children[2].value if item.type == syms.dotted_as_name else None
            if not self._is_sibling(dotted.split(".")[0]):
                absolute.append(str(item).strip())
            elif "." in dotted:
                self.review(node, "import %s: a submodule of a sibling package; write the explicit relative import by hand" % dotted)
                return None
            else:
                relative.append(dotted + (" as " + alias if alias else ""))
        if not relative:
            return None
        statement = node.parent
        if statement.type != syms.simple_stmt or len(statement.children) != 2:
            self.review(node, "implicit relative import in a compound line: split it by hand")
            return None
        texts = (["import " + ", ".join(absolute)] if absolute else []) + ["from . import " + ", ".join(relative)]
        newline = statement.children[-1].value or "\n"
        # A trailing comment lives in the prefix of the NEWLINE leaf.
        comment = statement.children[-1].prefix
        indent = find_indentation(statement)
        parsed = _driver().parse_string("\n".join(texts) + "\n")
        new_statements = [child for child in parsed.children if child.type == syms.simple_stmt]
        parent = statement.parent
        index = parent.children.index(statement)
        for offset, stmt in enumerate(new_statements):
            stmt.remove()
            stmt.children[-1].value = newline
            stmt.prefix = statement.prefix if offset == 0 else indent
            parent.insert_child(index + 1 + offset, stmt)
        new_statements[-1].children[-1].prefix = comment
        statement.remove()
        self.changed(node)
        return None


def _leaf_dot(prefix):
    from fissix import pytree

    return pytree.Leaf(token.DOT, ".", prefix=prefix)
