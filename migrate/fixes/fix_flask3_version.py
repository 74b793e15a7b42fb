"""``flask.__version__`` / ``werkzeug.__version__`` -> ``importlib.metadata``.

Werkzeug 3.0 deprecated its ``__version__`` attribute and Werkzeug 3.1
removed it; Flask 3.1 deprecated its own (it warns, and goes in 3.2). Both
point at the installed distribution's metadata instead:
``importlib.metadata.version("flask")``. The attribute read becomes that
call (with ``import importlib.metadata``); ``from flask import __version__``
is listed for review.
"""
from ._flask3 import Flask3Fix, flask_module
from ._m3util import from_import_parts
from ._util import ensure_import, expression

_CHANGELOG = ("Werkzeug 3.0 deprecated __version__ and 3.1 removed it; Flask 3.1 "
              "deprecated its own")


class FixFlask3Version(Flask3Fix):
    """Ask ``importlib.metadata`` for Flask's and Werkzeug's versions."""

    name = "flask3_version"
    summary = "flask.__version__ / werkzeug.__version__ -> importlib.metadata.version(...)"
    PATTERN = (
        "power< head=NAME trailer< '.' '__version__' > any* >"
        " | import_from< 'from' any+ 'import' any+ >"
    )

    def start_tree(self, tree, filename):
        """Reset the per-file state."""
        super(FixFlask3Version, self).start_tree(tree, filename)
        self._needs_import = False

    def transform(self, node, results):
        if "head" not in results:
            module, names = from_import_parts(node)
            if module in ("flask", "flaskcompat", "werkzeug") and names and any(
                    name == "__version__" for name, _alias in names):
                self.review_since(node, "from %s import __version__: use "
                                  "importlib.metadata.version(%r)" % (module, module.replace(
                                      "flaskcompat", "flask")), _CHANGELOG)
            return None
        head = results["head"]
        module = flask_module(head, ("flask", "flaskcompat", "werkzeug"))
        if module not in ("flask", "flaskcompat", "werkzeug"):
            return None
        distribution = "werkzeug" if module == "werkzeug" else "flask"
        rest = "".join(str(child) for child in node.children[2:])
        self._needs_import = True
        self.changed(node)
        return expression("importlib.metadata.version(%r)%s" % (distribution, rest),
                          prefix=node.prefix)

    def finish_tree(self, tree, filename):
        """``import importlib.metadata`` for the new calls."""
        if self._needs_import:
            ensure_import(tree, "importlib.metadata")
