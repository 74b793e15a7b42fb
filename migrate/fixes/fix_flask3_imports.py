"""``flaskcompat`` imports -> ``flask`` (and ``werkzeug.security``).

The step off the bridge: ``import flaskcompat``, ``from flaskcompat import
...`` and ``from flaskcompat.json import ...`` name Flask's own package
again, ``flaskcompat.security`` (Werkzeug's password functions under the same
names) becomes ``werkzeug.security``, ``flaskcompat.ext.foo`` the extension's
package ``flask_foo``, and the ``install_as_flask()`` call goes: with the real
Flask installed there is nothing to alias.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._flask3 import Flask3Fix, drop_name, set_module
from ._m3util import (
    from_import_parts,
    import_items,
    names_bound_anywhere,
    parse_statements,
    replace_small,
    statement_of,
)
from ._util import binding_kinds, is_attribute_name

_HASH_NOTE = (
    "werkzeug.security reads the pbkdf2 and scrypt hashes flaskcompat wrote; check that no "
    "stored hash uses an older form (sha1$salt$hex and the like) before the switch"
)


def _new_module(module):
    """The Flask-side name of the flaskcompat module *module*, or None when
    it is not one of flaskcompat's."""
    parts = module.split(".")
    if parts[0] != "flaskcompat":
        return None
    if parts[1:2] == ["security"]:
        return ".".join(["werkzeug", "security"] + parts[2:])
    if parts[1:2] == ["ext"] and len(parts) > 2:
        return ".".join(["flask_" + parts[2]] + parts[3:])
    return ".".join(["flask"] + parts[1:])


def _import_node(text, prefix):
    node = parse_statements(text + "\n")[0].children[0]
    node.remove()
    node.prefix = prefix
    return node


class FixFlask3Imports(Flask3Fix):
    """Point flaskcompat imports at flask, flask_foo and werkzeug.security.

    ``import flaskcompat as flask`` (what the 2and3 step wrote for ``import
    flask``) becomes ``import flask``; the ``install_as_flask()`` call is
    removed.
    """

    name = "flask3_imports"
    summary = "flaskcompat -> flask imports; flaskcompat.security -> werkzeug.security; no install_as_flask()"
    run_order = 4
    PATTERN = (
        "import_name | import_from"
        " | power< 'install_as_flask' trailer< '(' ')' > >"
        " | power< NAME trailer< '.' 'install_as_flask' > trailer< '(' ')' > >"
    )

    def transform(self, node, results):
        if node.type == syms.import_name:
            return self._import_name(node)
        if node.type == syms.import_from:
            return self._import_from(node)
        return self._install_call(node)

    # -- install_as_flask() ----------------------------------------------------

    def _install_call(self, node):
        head = node.children[0]
        if len(node.children) == 3:
            if head.value not in ("flask", "flaskcompat"):
                return None
        else:
            kinds = binding_kinds(head)
            # Unbound: its import was just rewritten away (Flask has no such
            # function, so the call could only fail there).
            if kinds and not all(kind[0] == "from" and kind[1] in ("flask", "flaskcompat")
                                    for kind in kinds):
                return None
        stmt = statement_of(node)
        if stmt is None or node.parent is not stmt:
            self.review(node, "install_as_flask() whose value is used: with Flask itself "
                              "installed, import flask instead")
            return None
        replace_small(node, [])
        self.changed(stmt)
        return None

    # -- import flaskcompat ----------------------------------------------------

    def _import_name(self, node):
        new_items = []
        touched = False
        for module, alias, item in import_items(node):
            target = _new_module(module)
            if target is None:
                new_items.append(module if alias is None else "%s as %s" % (module, alias))
                continue
            touched = True
            if target.startswith("werkzeug.security"):
                self.review(node, _HASH_NOTE)
            if alias is not None:
                if alias == target:
                    new_items.append(target)
                else:
                    new_items.append("%s as %s" % (target, alias))
                continue
            # ``import flaskcompat[.sub]`` binds ``flaskcompat``: its uses
            # say ``flask`` from now on, unless that name means something
            # else in this file.
            head = target.split(".")[0]
            if head in names_bound_anywhere(node) and head not in ("flask",):
                new_items.append("%s as flaskcompat" % target if target.count(".") == 0
                                 else target)
                if target.count("."):
                    self.review(node, "import %s: rename the uses of flaskcompat.%s by hand"
                                % (module, module.split(".", 1)[1]))
                continue
            if module == "flaskcompat" or target.startswith("flask."):
                self._rename_uses(node, head)
                new_items.append(target)
            else:
                self.review(node, "import %s: its uses are now %s" % (module, target))
                new_items.append(target)
        if not touched:
            return None
        self.changed(node)
        return _import_node("import " + ", ".join(new_items), node.prefix)

    def _rename_uses(self, node, new_name):
        root = node
        while root.parent is not None:
            root = root.parent
        uses = [
            leaf for leaf in root.leaves()
            if leaf.type == token.NAME and leaf.value == "flaskcompat"
            and not is_attribute_name(leaf) and not _in_import(leaf)
            and binding_kinds(leaf) == set([("module", "flaskcompat")])
        ]
        for leaf in uses:
            leaf.value = new_name

    # -- from flaskcompat import ... -------------------------------------------

    def _import_from(self, node):
        module, names = from_import_parts(node)
        if module.split(".")[0] != "flaskcompat":
            return None
        if names is not None and module == "flaskcompat" and len(names) > 1 and any(
                name == "install_as_flask" and alias is None for name, alias in names):
            drop_name(node, "install_as_flask")
            names = [item for item in names if item[0] != "install_as_flask"]
        special = ("install_as_flask", "security")
        if names is not None and (module == "flaskcompat.ext" or module == "flaskcompat" and any(
                name in special for name, _alias in names)):
            return self._from_package(node, module, names)
        target = _new_module(module)
        if target is None:
            return None
        if target.startswith("werkzeug.security"):
            self.review(node, _HASH_NOTE)
        set_module(node, target)
        self.changed(node)
        return None

    def _from_package(self, node, module, names):
        """``from flaskcompat import a, security, install_as_flask``: the
        names of Flask go on with ``flask``, the others find their home."""
        flask_names = []
        extra = []
        for name, alias in names:
            bound = alias or name
            if name == "install_as_flask":
                continue
            if module == "flaskcompat.ext":
                extra.append("import flask_%s as %s" % (name, bound))
            elif name == "security":
                self.review(node, _HASH_NOTE)
                extra.append("from werkzeug import security" + (" as %s" % alias if alias else ""))
            else:
                flask_names.append(name if alias is None else "%s as %s" % (name, alias))
        lines = []
        if flask_names:
            lines.append("from flask import " + ", ".join(flask_names))
        lines.extend(extra)
        small = node
        stmt = statement_of(small)
        replace_small(small, lines)
        self.changed(stmt)
        return None



def _in_import(leaf):
    parent = leaf.parent
    while parent is not None:
        if parent.type in (syms.import_name, syms.import_from):
            return True
        if parent.type in (syms.simple_stmt, syms.file_input):
            return False
        parent = parent.parent
    return False

