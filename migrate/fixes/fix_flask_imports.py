"""``flask`` imports -> ``flaskcompat``; ``flask.ext.foo``/``flaskext.foo`` -> ``flask_foo``.

``import flask`` becomes ``import flaskcompat as flask`` so that every
``flask.Flask``/``flask.request`` further down keeps working untouched;
``from flask import X`` and ``from flask.json import Y`` switch the package,
whose public modules mirror Flask 1.1 one to one. The extension namespaces
Flask 1.0 removed point at the extension's own package. Names that Flask 1.x
no longer has are listed for review.
"""
from fissix import pytree
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._flask_names import FLASK_MODULES, FLASK_NAMES, REMOVED_NAMES
from ._m3util import from_import_parts, import_items, parse_statements
from ._util import is_attribute_name

def _extension(dotted):
    """``flask.ext.foo.bar`` / ``flaskext.foo.bar`` -> ``flask_foo.bar`` (or None)."""
    parts = dotted.split(".")
    if parts[:2] == ["flask", "ext"] and len(parts) > 2:
        rest = parts[2:]
    elif parts[0] == "flaskext" and len(parts) > 1:
        rest = parts[1:]
    else:
        return None
    return ".".join(["flask_" + rest[0]] + rest[1:])


def _is_extension_namespace(dotted):
    return dotted in ("flask.ext", "flaskext")


def _new_import_name(text, prefix):
    node = parse_statements("import %s\n" % text)[0].children[0]
    node.remove()
    node.prefix = prefix
    return node


def _new_import_from(module, names_text, prefix):
    node = parse_statements("from %s import %s\n" % (module, names_text))[0].children[0]
    node.remove()
    node.prefix = prefix
    return node


class FixFlaskImports(MigrateFix):
    """Point Flask imports at flaskcompat and extension imports at flask_foo.

    ``import flask`` becomes ``import flaskcompat as flask`` so attribute uses
    need no change; names Flask 1.x no longer has are listed for review.
    """

    name = "flask_imports"
    summary = "flask -> flaskcompat imports; flask.ext.foo / flaskext.foo -> flask_foo"
    PATTERN = "import_name | import_from"
    required_values = ("flask", "flaskext")

    def transform(self, node, results):
        if node.type == syms.import_name:
            return self._import_name(node)
        return self._import_from(node)

    # -- import flask ... ------------------------------------------------------

    def _import_name(self, node):
        items = import_items(node)
        new_items = []
        touched = False
        for module, alias, item in items:
            top = module.split(".")[0]
            if top not in ("flask", "flaskext"):
                new_items.append(module if alias is None else "%s as %s" % (module, alias))
                continue
            if _is_extension_namespace(module):
                self.review(node, "import %s: name the extension (flask_foo) instead of the "
                            "namespace Flask 1.0 removed" % module)
                new_items.append(module if alias is None else "%s as %s" % (module, alias))
                continue
            extension = _extension(module)
            if extension is not None:
                touched = True
                if alias is not None:
                    new_items.append("%s as %s" % (extension, alias))
                else:
                    new_items.append(extension)
                    self._rewrite_extension_uses(node, module, extension)
                continue
            if top == "flaskext":
                new_items.append(module if alias is None else "%s as %s" % (module, alias))
                continue
            touched = True
            sub = module[len("flask."):] if module != "flask" else None
            if sub is not None and sub not in FLASK_MODULES:
                self.review(node, "flask.%s is not a public Flask 1.1 module; check that "
                            "flaskcompat.%s has what the code uses" % (sub, sub))
            new_module = "flaskcompat" + module[len("flask"):]
            if alias is not None:
                new_items.append("%s as %s" % (new_module, alias))
            elif sub is None:
                new_items.append("flaskcompat as flask")
            else:
                # ``import flask.json`` binds ``flask``; the package object is
                # shared, so the submodule stays reachable as ``flask.json``.
                new_items.extend([new_module, "flaskcompat as flask"])
        if not touched:
            return None
        self.changed(node)
        return _new_import_name(", ".join(new_items), node.prefix)

    def _rewrite_extension_uses(self, node, module, extension):
        """``flask.ext.foo.X`` -> ``flask_foo.X`` after ``import flask.ext.foo``."""
        root = node
        while root.parent is not None:
            root = root.parent
        parts = module.split(".")
        for leaf in list(root.leaves()):
            if leaf.type != token.NAME or leaf.value != parts[0] or is_attribute_name(leaf):
                continue
            # Not a binding check: once one ``import flask`` of the file is
            # rewritten the name has two bindings, and ``flask.ext.foo`` is an
            # attribute path nothing but the old package ever had.
            trailers = []
            sibling = leaf.next_sibling
            for part in parts[1:]:
                if (
                    sibling is None
                    or sibling.type != syms.trailer
                    or sibling.children[0].type != token.DOT
                    or sibling.children[1].value != part
                ):
                    break
                trailers.append(sibling)
                sibling = sibling.next_sibling
            if len(trailers) != len(parts) - 1:
                continue
            for trailer in trailers:
                trailer.remove()
            leaf.value = extension.split(".")[0]
            parent = leaf.parent
            if parent.type == syms.power and len(parent.children) == 1:
                parent.replace(pytree.Leaf(token.NAME, leaf.value, prefix=parent.prefix))
            self.changed(leaf)

    # -- from flask ... import ... --------------------------------------------

    def _import_from(self, node):
        module, names = from_import_parts(node)
        top = module.split(".")[0]
        if top not in ("flask", "flaskext"):
            return None
        if names is not None:
            for name, _ in names:
                if module == "flask" and name in REMOVED_NAMES:
                    self.review(node, "flask.%s: %s" % (name, REMOVED_NAMES[name]))
                elif module == "flask" and name not in FLASK_NAMES and name not in FLASK_MODULES:
                    self.review(node, "flask.%s is not exported by Flask 1.1; check that "
                                "flaskcompat has it" % name)
        if _is_extension_namespace(module):
            if names is None:
                self.review(node, "from %s import *: import each extension from flask_foo"
                            % module)
                return None
            text = ", ".join("flask_%s as %s" % (name, alias or name) for name, alias in names)
            self.changed(node)
            return _new_import_name(text, node.prefix)
        extension = _extension(module)
        if extension is not None:
            new_module = extension
        elif top == "flaskext":
            return None
        else:
            sub = module[len("flask."):] if module != "flask" else None
            if sub is not None and sub not in FLASK_MODULES:
                self.review(node, "flask.%s is not a public Flask 1.1 module; check that "
                            "flaskcompat.%s has what the code uses" % (sub, sub))
            new_module = "flaskcompat" + module[len("flask"):]
        self._set_module(node, new_module)
        self.changed(node)
        return None

    @staticmethod
    def _set_module(node, dotted):
        children = node.children
        index = 1
        while not (children[index].type == token.NAME and children[index].value == "import"):
            index += 1
        prefix = children[1].prefix
        for child in children[1:index]:
            child.remove()
        replacement = _new_import_from(dotted, "x", "").children[1]
        replacement.remove()
        replacement.prefix = prefix
        node.insert_child(1, replacement)

