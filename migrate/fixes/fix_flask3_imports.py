"""``flaskcompat`` imports -> ``flask`` (and ``werkzeug.security``).

The step off the bridge: ``import flaskcompat``, ``from flaskcompat import
...`` and ``from flaskcompat.json import ...`` name Flask's own package
again, ``flaskcompat.security`` (Werkzeug's password functions under the same
names) becomes ``werkzeug.security``, ``flaskcompat.ext.foo`` (and the
``flask.ext.foo``/``flaskext.foo`` of older code) the extension's package
``flask_foo``, and the ``install_as_flask()`` call goes: with the real Flask
installed there is nothing to alias. ``from werkzeug import
secure_filename`` and the other top-level names Werkzeug 1.0 dropped come
from their modules. (``--target flask3`` leaves out the 2and3 fixers that
point these imports at flaskcompat, so nothing goes there and back.)
"""
from fissix.pygram import python_symbols as syms

from ._flask3 import Flask3Fix, drop_name, move_imported_names, rename_uses, set_module
from ._m3util import (
    from_import_parts,
    import_items,
    parse_statements,
    replace_small,
    statement_of,
)
from ._util import binding_kinds
from ._werkzeug_names import TOP_LEVEL

_HASH_NOTE = (
    "Werkzeug 3.1's check_password_hash raises ValueError for a hash stored with a plain "
    "method (sha1$salt$hex and the like, as Werkzeug before 2.3 wrote them), which "
    "flaskcompat.security checked: rehash such passwords at sign-in while still on "
    "flaskcompat"
)


def _new_module(module):
    """The Flask-side name of the flaskcompat module *module*, or None when
    it is not one of flaskcompat's."""
    parts = module.split(".")
    if parts[0] == "flaskext" and len(parts) > 1:
        return ".".join(["flask_" + parts[1]] + parts[2:])
    if parts[:2] == ["flask", "ext"] and len(parts) > 2:
        return ".".join(["flask_" + parts[2]] + parts[3:])
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
            if module == "flaskcompat" or target.startswith("flask."):
                # ``import flaskcompat[.json]`` binds ``flaskcompat``: its
                # uses say ``flask`` from now on
                for use in rename_uses(node, "flaskcompat",
                                       set([("module", "flaskcompat")]), "flask"):
                    self.changed(use)
            else:
                self.review(node, "import %s: write its uses as %s" % (module, target))
            new_items.append(target)
        if not touched:
            return None
        self.changed(node)
        return _import_node("import " + ", ".join(new_items), node.prefix)

    # -- from flaskcompat import ... -------------------------------------------

    def _import_from(self, node):
        module, names = from_import_parts(node)
        if module == "werkzeug" and names:
            return self._werkzeug_names(node)
        if module in ("flask.ext", "flaskext") and names:
            return self._from_package(node, "flaskcompat.ext", names)
        if module.split(".")[0] not in ("flaskcompat", "flaskext") and \
                not module.startswith("flask.ext."):
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
        if target.startswith("werkzeug.security") and (
                names is None or any(name == "check_password_hash" for name, _alias in names)):
            self.review(node, _HASH_NOTE)
        set_module(node, target)
        self.changed(node)
        return None

    def _werkzeug_names(self, node):
        """``from werkzeug import secure_filename``: Werkzeug 1.0 dropped the
        top-level re-exports; each name comes from its module."""
        moves = {}
        for name, module in TOP_LEVEL.items():
            moves[name] = "werkzeug.security" if module == "flaskcompat.security" else module
        if move_imported_names(node, moves):
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


