"""``app.config.from_json(path)`` -> ``app.config.from_file(path, load=json.load)``.

Flask 2.0 deprecated ``Config.from_json`` for the general ``from_file`` and
Flask 2.1 removed it. ``from_file`` with ``load=json.load`` reads the file
the same way; ``silent=`` keeps its meaning.
"""
from ._flask3 import Flask3Fix
from ._util import ensure_import, expression


class FixFlask3ConfigFromJson(Flask3Fix):
    """Load JSON config files with ``from_file(..., load=json.load)``."""

    name = "flask3_config_from_json"
    summary = "config.from_json(path) -> config.from_file(path, load=json.load)"
    PATTERN = (
        "power< any+ trailer< '.' 'config' > trailer< '.' 'from_json' >"
        " trailer< '(' args=any ')' > >"
    )

    def start_tree(self, tree, filename):
        """Reset the per-file state."""
        super(FixFlask3ConfigFromJson, self).start_tree(tree, filename)
        self._needs_json = False

    def transform(self, node, results):
        args = str(results["args"]).strip()
        if args.startswith("*") or "load=" in args:
            return None
        receiver = "".join(str(child) for child in node.children[:-2]).strip()
        self._needs_json = True
        self.changed(node)
        return expression("%s.from_file(%s, load=json.load)" % (receiver, args),
                          prefix=node.prefix)

    def finish_tree(self, tree, filename):
        """``import json`` for the loader."""
        if self._needs_json:
            ensure_import(tree, "json")
