"""The base class of every migrate fixer.

A fixer is a fissix ``BaseFix`` (pattern + transform over the concrete syntax
tree) that also knows its registry name, a one-line summary, the targets it
runs for, and keeps a per-file tally of what it rewrote and what it left alone
because the rewrite could not be proven safe.
"""
from fissix.fixer_base import BaseFix

__all__ = ["MigrateFix", "TARGETS", "RenameBuiltinFix", "ListResultFix", "ModuleAttributeFix"]

# Set on a tree by every rewrite; read by the next fixer's start_tree.
_TREE_CHANGED = "_migrate_changed"

#: Every target the tool knows: ``2and3`` (code for 2.7 and 3.x), ``3``
#: (Python 3 only, after the 2and3 pass) and ``flask3`` (the ``3`` result
#: moved off flaskcompat onto Flask 3.1 and Werkzeug 3.1).
TARGETS = frozenset(["2and3", "3", "flask3"])


class MigrateFix(BaseFix):
    """Base class of the fixers in :mod:`fixes`.

    Subclasses set :attr:`name`, :attr:`summary`, usually ``PATTERN`` and
    implement ``transform(node, results)``; they call :meth:`changed` for
    every rewrite (also one made in ``finish_tree``) and :meth:`review` for
    code they decided to leave alone.
    """

    #: Registry name, e.g. ``"print"`` for ``fix_print.py``.
    name = None
    #: One line shown by ``--list-fixes``.
    summary = ""
    #: The targets this fixer runs for.
    targets = TARGETS
    # The bottom matcher only speeds up simple patterns; a fixer opts in when
    # its pattern is known to be compatible with it.
    BM_compatible = False
    #: Leaf values of which a module must hold at least one for the fixer to
    #: have anything to do there (match, rewrite or review), for a fixer
    #: whose ``match`` or generic pattern does not show it; elsewhere the
    #: engine skips the fixer, ``start_tree`` and ``finish_tree`` included.
    #: Empty: no such value.
    required_values = ()
    #: The same for node types: a module without a node of one of these
    #: types gives the fixer nothing to do.
    required_types = ()
    #: True for a fixer each of whose rewrites and reviews starts from a name
    #: that Python 3 does not have (see :meth:`python2_names`), used as the
    #: builtin or module attribute it was on Python 2. In code read as
    #: Python 3 such a name can only be a Python 2 leftover, which fails
    #: there when it runs: rewriting it cannot change what working Python 3
    #: code does, so the fixer runs on modules read as Python 3 as well.
    python3_safe = False
    #: ``(module, name)`` pairs: the names a ``python3_safe`` fixer of its
    #: own kind starts from (``("builtins", "basestring")``).
    python2_only_names = ()

    @classmethod
    def python2_names(cls):
        """The ``(module, name)`` pairs this fixer rewrites or reports, for
        a ``python3_safe`` fixer: none of them exists on Python 3."""
        return tuple(cls.python2_only_names)

    def __init__(self, options=None, log=None):
        super(MigrateFix, self).__init__(
            options if options is not None else {}, log if log is not None else []
        )
        self.change_count = 0
        self.review_items = []
        self.first_log = True
        self._tree = None

    def start_tree(self, tree, filename):
        """Reset the per-file state before the fixer sees ``tree``."""
        # A tree parsed outside RefactoringTool has no ``used_names``.
        if getattr(tree, "used_names", None) is None:
            tree.used_names = set()
        super(MigrateFix, self).start_tree(tree, filename)
        self.change_count = 0
        self.review_items = []
        self._tree = tree
        # The binding caches of the scope helpers stay valid while passes
        # leave the tree alone; after a pass that changed it they are rebuilt.
        if getattr(tree, _TREE_CHANGED, True):
            from ._util import reset_scope_cache

            reset_scope_cache(tree)
            setattr(tree, _TREE_CHANGED, False)

    def changed(self, node):
        """Count one rewrite made at ``node``."""
        self.change_count += 1
        setattr(self._tree, _TREE_CHANGED, True)

    def review(self, node, message):
        """Record that the code at ``node`` needs a human look, and why.

        Mostly code the fixer left alone; also a rewrite that rests on an
        assumption, which ``message`` then states.
        """
        line = node.get_lineno() if node is not None else None
        item = (line, message)
        # Pattern matching can visit the same statement twice (pre- and
        # post-order fixers sharing a node); one entry per place is enough.
        if item not in self.review_items:
            self.review_items.append(item)

    def __repr__(self):
        return "<%s %r>" % (type(self).__name__, self.name)


class RenameBuiltinFix(MigrateFix):
    """A fixer that replaces one builtin name by an expression.

    Subclasses set :attr:`builtin` (``"raw_input"``), :attr:`replacement`
    (``"six.moves.input"``) and :attr:`imports` (modules the replacement
    needs, added once per file). Only uses that really are the builtin are
    rewritten; attributes, parameters and names bound in the module or a
    function keep their meaning.
    """

    builtin = None
    replacement = None
    imports = ()

    def __init__(self, options=None, log=None):
        if self.PATTERN is None:
            self.PATTERN = "name=%r" % self.builtin
        super(RenameBuiltinFix, self).__init__(options, log)

    @classmethod
    def python2_names(cls):
        return (("builtins", cls.builtin),)

    def transform(self, node, results):
        from ._util import is_builtin_use, replace_name

        name = results["name"]
        if not is_builtin_use(name):
            return None
        replace_name(name, self.replacement)
        self.changed(name)
        return None

    def finish_tree(self, tree, filename):
        """Import what the replacements need, once, when anything changed."""
        from ._util import ensure_import

        if self.change_count:
            for module in self.imports:
                ensure_import(tree, module)


class ListResultFix(MigrateFix):
    """A fixer for a builtin that returned a list on Python 2 and an iterator
    (or a lazy sequence) on Python 3: ``map``, ``filter``, ``zip``, ``range``.

    A call is wrapped in ``list(...)`` unless its value is only iterated once
    (a ``for`` loop, a comprehension, ``in``, or a builtin consuming an
    iterable such as ``sorted``, ``len`` or ``"".join``). The first run wraps,
    a second run sees ``list(...)`` as a consumer and changes nothing.
    """

    builtin = None
    #: True when the Python 3 result is a sequence (range): len() and
    #: reversed() take it as they took the list.
    sized_result = False

    def __init__(self, options=None, log=None):
        if self.PATTERN is None:
            self.PATTERN = "power< name=%r trailer< '(' [args=any] ')' > tail=any* >" % self.builtin
        super(ListResultFix, self).__init__(options, log)

    def arguments(self, results):
        """The argument nodes of the matched call (commas left out)."""
        from fissix.pgen2 import token
        from fissix.pygram import python_symbols as syms

        args = results.get("args")
        if args is None:
            return []
        if args.type == syms.arglist:
            return [child for child in args.children if child.type != token.COMMA]
        return [args]

    def check(self, node, args):
        """Return False to leave the call alone (after a review); hook."""
        return True

    def transform(self, node, results):
        from ._util import expression, is_builtin_use, iteration_context, name_is_builtin_at

        name = results["name"]
        if not is_builtin_use(name):
            return None
        tail = results.get("tail") or []
        context = None if tail else iteration_context(node)
        if context is not None and (context not in ("len", "reversed") or self.sized_result):
            return None
        if not self.check(node, self.arguments(results)):
            return None
        if not name_is_builtin_at(node, "list"):
            self.review(node, "%s(...) may need list(...), but list is rebound here" % self.builtin)
            return None
        self.changed(node)
        call = "".join(str(child) for child in node.children[:2]).strip()
        rest = "".join(str(child) for child in tail)
        return expression("list(%s)%s" % (call, rest), prefix=node.prefix)


class ModuleAttributeFix(MigrateFix):
    """A fixer that replaces ``module.attribute`` by an expression.

    Subclasses set :attr:`module` (``"sys"``), :attr:`replacements`
    (``{"maxint": "sys.maxsize"}``) and :attr:`imports`. Only a name bound by
    ``import module`` (or ``import module as alias``) counts; an object that
    happens to be called ``sys`` is left alone. ``from module import attr``
    is reported, since the name is then used unqualified.
    """

    module = None
    replacements = {}
    imports = ()
    #: Attributes among :attr:`replacements` that Python 3's module has too
    #: (some only since 3.10): a module read as Python 3 means Python 3's,
    #: and keeps them as they are.
    python3_kept = frozenset()

    @classmethod
    def python2_names(cls):
        return tuple(
            (cls.module, name) for name in sorted(cls.replacements) if name not in cls.python3_kept
        )

    def keeps(self, attribute):
        """Whether ``attribute`` is left as it is: a module read as Python 3
        means Python 3's attribute of that name."""
        return attribute in self.python3_kept and self.options.get("python3_meaning", False)

    def __init__(self, options=None, log=None):
        if self.PATTERN is None:
            attrs = " | ".join("%r" % name for name in sorted(self.replacements))
            self.PATTERN = (
                "power< mod=NAME trailer< '.' attr=(%s) > any* >"
                " | import_from< 'from' mod=%r 'import' names=any >"
                " | import_from< 'from' mod=%r 'import' '(' names=any ')' >"
            ) % (attrs, self.module, self.module)
        super(ModuleAttributeFix, self).__init__(options, log)

    def start_tree(self, tree, filename):
        """Reset the per-file state."""
        super(ModuleAttributeFix, self).start_tree(tree, filename)
        self._needs_imports = False

    def transform(self, node, results):
        from ._util import expression, is_module_use, name_is_builtin_at

        if "names" in results:
            self.from_import(node, results["names"])
            return None
        mod = results["mod"]
        if not is_module_use(mod, self.module):
            return None
        attr = results["attr"]
        if isinstance(attr, list):
            attr = attr[0]
        if self.keeps(attr.value):
            return None
        replacement = self.replacements[attr.value]
        if replacement is None:
            self.review_attribute(node, attr.value)
            return None
        replacement = replacement.replace(self.module + ".", mod.value + ".", 1)
        rest = "".join(str(child) for child in node.children[2:])
        head = replacement.split("(")[0].split(".")[0]
        if "." not in replacement.split("(")[0] and not name_is_builtin_at(node, head):
            self.review(node, "%s.%s: %s is rebound here; rewrite by hand" % (self.module, attr.value, head))
            return None
        self.changed(node)
        if any(replacement.startswith(module + ".") for module in self.imports):
            self._needs_imports = True
        return expression(replacement + rest, prefix=node.prefix)

    def review_attribute(self, node, attr):
        """Report ``module.attr`` that has no automatic replacement; hook."""
        self.review(node, "%s.%s has no equivalent on Python 3" % (self.module, attr))

    def from_import(self, node, names):
        """Report ``from module import attr`` of a replaced attribute; hook."""
        from fissix.pgen2 import token

        for leaf in names.leaves():
            if leaf.type == token.NAME and leaf.value in self.replacements and not self.keeps(leaf.value):
                self.review(
                    node,
                    "from %s import %s: use %s instead"
                    % (self.module, leaf.value, self.replacements[leaf.value] or "a replacement"),
                )

    def finish_tree(self, tree, filename):
        """Add the imports the replacements need."""
        from ._util import ensure_import

        if self._needs_imports:
            for module in self.imports:
                ensure_import(tree, module)
