"""Target 3: remove what pyupgrade leaves of six.

Runs after pyupgrade, on Python 3 code. ``six.moves`` imports and attribute
paths become the Python 3 modules (``from six.moves import html_entities`` ->
``import html.entities as html_entities``, ``six.moves.cPickle.dumps`` ->
``pickle.dumps``), ``six.ensure_text/ensure_str/ensure_binary`` become the
decode/encode they do on Python 3 (a value that is neither text nor bytes,
for which six raised TypeError, is passed through; str subclasses such as
Markup stay themselves, as with six), ``six.StringIO`` becomes ``io.StringIO``,
``six.PY2``/``six.PY3`` become ``False``/``True``, ``@six.python_2_unicode_
compatible`` disappears, names imported from six that nothing uses any more
are dropped, and so is ``import six`` once no ``six.`` is left. Whatever six
use remains is listed for review.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._m3util import (
    from_import_parts,
    import_items,
    parse_statements,
    replace_small,
    replace_statement,
)
from ._util import ensure_import, is_attribute_name, module_bindings

#: ``six.moves`` modules -> Python 3 module.
MOVED_MODULES = {
    "builtins": "builtins", "configparser": "configparser", "copyreg": "copyreg",
    "collections_abc": "collections.abc", "dbm_gnu": "dbm.gnu", "dbm_ndbm": "dbm.ndbm",
    "_dummy_thread": "_thread", "http_cookiejar": "http.cookiejar",
    "http_cookies": "http.cookies", "html_entities": "html.entities",
    "html_parser": "html.parser", "http_client": "http.client",
    "email_mime_base": "email.mime.base", "email_mime_image": "email.mime.image",
    "email_mime_multipart": "email.mime.multipart",
    "email_mime_nonmultipart": "email.mime.nonmultipart", "email_mime_text": "email.mime.text",
    "BaseHTTPServer": "http.server", "CGIHTTPServer": "http.server",
    "SimpleHTTPServer": "http.server", "cPickle": "pickle", "queue": "queue",
    "reprlib": "reprlib", "socketserver": "socketserver", "_thread": "_thread",
    "tkinter": "tkinter", "tkinter_dialog": "tkinter.dialog",
    "tkinter_filedialog": "tkinter.filedialog", "tkinter_scrolledtext": "tkinter.scrolledtext",
    "tkinter_simpledialog": "tkinter.simpledialog", "tkinter_tix": "tkinter.tix",
    "tkinter_ttk": "tkinter.ttk", "tkinter_constants": "tkinter.constants",
    "tkinter_dnd": "tkinter.dnd", "tkinter_colorchooser": "tkinter.colorchooser",
    "tkinter_commondialog": "tkinter.commondialog",
    "tkinter_tkfiledialog": "tkinter.filedialog", "tkinter_font": "tkinter.font",
    "tkinter_messagebox": "tkinter.messagebox",
    "tkinter_tksimpledialog": "tkinter.simpledialog",
    "urllib_parse": "urllib.parse", "urllib_error": "urllib.error",
    "urllib_robotparser": "urllib.robotparser", "xmlrpc_client": "xmlrpc.client",
    "xmlrpc_server": "xmlrpc.server", "winreg": "winreg",
}

#: ``six.moves`` attributes -> ``(module, name)`` on Python 3 (module None: builtin).
MOVED_ATTRIBUTES = {
    "cStringIO": ("io", "StringIO"), "StringIO": ("io", "StringIO"),
    "filter": (None, "filter"), "map": (None, "map"), "zip": (None, "zip"),
    "range": (None, "range"), "xrange": (None, "range"), "input": (None, "input"),
    "filterfalse": ("itertools", "filterfalse"), "zip_longest": ("itertools", "zip_longest"),
    "intern": ("sys", "intern"), "getcwd": ("os", "getcwd"), "getcwdb": ("os", "getcwdb"),
    "getoutput": ("subprocess", "getoutput"), "reload_module": ("importlib", "reload"),
    "reduce": ("functools", "reduce"), "shlex_quote": ("shlex", "quote"),
    "UserDict": ("collections", "UserDict"), "UserList": ("collections", "UserList"),
    "UserString": ("collections", "UserString"),
}

#: ``six.<name>`` -> Python 3 expression text (``from six import name`` too).
SIMPLE_NAMES = {
    "PY2": "False", "PY3": "True", "PY34": "True",
    "text_type": "str", "binary_type": "bytes", "string_types": "(str,)",
    "integer_types": "(int,)", "class_types": "(type,)", "MAXSIZE": "sys.maxsize",
}

#: ``six.<name>`` -> ``(module, name)``.
MODULE_NAMES = {
    "StringIO": ("io", "StringIO"), "BytesIO": ("io", "BytesIO"),
    "wraps": ("functools", "wraps"),
}

_ENSURE = {
    # name: (method, the type that is converted)
    "ensure_text": ("decode", "bytes"),
    "ensure_str": ("decode", "bytes"),
    "ensure_binary": ("encode", "str"),
}

_DECORATORS = frozenset(["python_2_unicode_compatible"])

#: six functions bound to a module-level name (``reraise = six.reraise``) ->
#: a definition doing what six's does on Python 3.
FUNCTION_DEFS = {
    "reraise": (
        "def %s(tp, value, tb=None):\n"
        "    if value is None:\n"
        "        value = tp()\n"
        "    if value.__traceback__ is not tb:\n"
        "        raise value.with_traceback(tb)\n"
        "    raise value\n"
    ),
}

#: six functions used as values (``iteritems = six.iteritems``) -> what six
#: defines them as on Python 3.
FUNCTION_VALUES = {
    "iterkeys": "lambda d, **kw: iter(d.keys(**kw))",
    "itervalues": "lambda d, **kw: iter(d.values(**kw))",
    "iteritems": "lambda d, **kw: iter(d.items(**kw))",
    "iterlists": "lambda d, **kw: iter(d.lists(**kw))",
    "python_2_unicode_compatible": "lambda klass: klass",
    "next": "next",
    "callable": "callable",
    "advance_iterator": "next",
    "get_unbound_function": "lambda unbound: unbound",
}


def _expression(text):
    """A detached expression node parsed from ``text``."""
    stmt = parse_statements("%s\n" % text)[0]
    node = stmt.children[0]
    node.remove()
    return node


def _is_simple_operand(node):
    """A name or a dotted attribute: evaluating it twice does nothing new."""
    if node.type == token.NAME:
        return True
    if node.type == syms.power:
        return node.children[0].type == token.NAME and all(
            child.type == syms.trailer and child.children[0].type == token.DOT
            for child in node.children[1:]
        )
    return False


def _string_kind(node):
    """'bytes' or 'text' for a string literal, else None."""
    if node.type != token.STRING:
        return None
    prefix = node.value[: min(i for i in (node.value.find("'"), node.value.find('"')) if i >= 0)]
    return "bytes" if "b" in prefix.lower() else "text"


def _call_arguments(trailer):
    """The argument nodes of a call trailer ``( ... )`` (None if starred/keywords)."""
    if len(trailer.children) == 2:
        return []
    inner = trailer.children[1]
    items = inner.children[::2] if inner.type == syms.arglist else [inner]
    for item in items:
        if item.type == syms.argument or (item.type in (token.STAR, token.DOUBLESTAR)):
            return None
        if item.type in (syms.star_expr,):
            return None
    return items


class FixUnsix(MigrateFix):
    """Remove six from Python 3 code that pyupgrade has already been over.

    ``six.moves`` paths become the Python 3 modules, ``ensure_*`` the
    conversion they do on Python 3, and ``import six`` goes once nothing uses
    it; what has no rewrite is listed for review.
    """

    name = "unsix"
    summary = "target 3: six.moves, ensure_*, StringIO, PY2/PY3, leftover six imports -> plain py3"
    targets = frozenset(["3"])
    PATTERN = "file_input"

    def transform(self, node, results):
        self.tree = node
        bindings = module_bindings(node)
        self.six_names = {}
        for name, kinds in bindings.items():
            for kind in kinds:
                if kind[0] == "from" and kind[1] == "six":
                    self.six_names[name] = kind[2]
        self._fix_import_froms(node)
        self._fix_attribute_uses(node)
        self._fix_from_six_uses(node)
        self._drop_unused_six_imports(node)
        return None

    # -- helpers ------------------------------------------------------------------

    def _name_free(self, top):
        """True when ``top`` is unbound in the module or bound to that module."""
        kinds = module_bindings(self.tree).get(top)
        # ``from six.moves import urllib`` has become ``import urllib.x`` by now
        return not kinds or kinds <= set([("module", top), ("from", "six.moves", top)])

    def _add_import(self, module):
        if module is not None:
            ensure_import(self.tree, module)

    # -- from six.moves ... import ... ---------------------------------------------

    def _fix_import_froms(self, root):
        for stmt in [n for n in root.pre_order() if n.type == syms.import_from]:
            module, names = from_import_parts(stmt)
            if not module.startswith("six.moves") or names is None:
                if module.startswith("six.moves") and names is None:
                    self.review(stmt, "from %s import *: import the Python 3 names" % module)
                continue
            lines = []
            keep = []
            for name, alias in names:
                line = self._moves_import_line(module, name, alias)
                if line is None:
                    keep.append(name if alias is None else "%s as %s" % (name, alias))
                    self.review(stmt, "%s.%s: no Python 3 rewrite known" % (module, name))
                elif line:
                    lines.append(line)
            if keep:
                lines.insert(0, "from %s import %s" % (module, ", ".join(keep)))
            self._replace_small(stmt, lines)

    def _moves_import_line(self, module, name, alias):
        """The Python 3 import for one name ('' when none is needed, None if unknown)."""
        local = alias or name
        if module == "six.moves":
            if name == "urllib":
                subs = sorted(self._urllib_submodules(local))
                if local != "urllib":
                    return None
                return "import " + ", ".join("urllib." + sub for sub in subs) if subs \
                    else "import urllib"
            if name in MOVED_MODULES:
                target = MOVED_MODULES[name]
                if "." in target:
                    package, leaf = target.rsplit(".", 1)
                    return "from %s import %s" % (package, leaf if local == leaf
                                                  else "%s as %s" % (leaf, local))
                return "import %s" % (target if local == target else "%s as %s" % (target, local))
            if name in MOVED_ATTRIBUTES:
                target_module, target_name = MOVED_ATTRIBUTES[name]
                if target_module is None:
                    return "" if local == target_name else "%s = %s" % (local, target_name)
                return "from %s import %s" % (target_module, target_name if local == target_name
                                              else "%s as %s" % (target_name, local))
            return None
        rest = module[len("six.moves."):]
        if rest.startswith("urllib."):
            return "from %s import %s" % (rest, name if alias is None else
                                          "%s as %s" % (name, alias))
        if rest == "urllib":
            return "from urllib import %s" % (name if alias is None else
                                              "%s as %s" % (name, alias))
        if rest in MOVED_MODULES:
            return "from %s import %s" % (MOVED_MODULES[rest], name if alias is None else
                                          "%s as %s" % (name, alias))
        return None

    def _urllib_submodules(self, local):
        subs = set()
        for leaf in self.tree.leaves():
            if leaf.type == token.NAME and leaf.value == local and not is_attribute_name(leaf):
                trailer = leaf.next_sibling
                if trailer is not None and trailer.type == syms.trailer and \
                        trailer.children[0].type == token.DOT:
                    subs.add(trailer.children[1].value)
        return subs

    def _replace_small(self, small, lines):
        try:
            replace_small(small, lines)
        except ValueError:  # pragma: no cover - the new imports are never blocks
            self.review(small, "move this import to its own line and run again")
            return
        self.changed(small)

    # -- six.<...> attribute paths -----------------------------------------------------

    def _six_uses(self, root):
        uses = []
        for leaf in root.leaves():
            if leaf.type == token.NAME and leaf.value == "six" and not is_attribute_name(leaf):
                parent = leaf.parent
                if parent is None or parent.type in (syms.import_name, syms.import_from,
                                                     syms.dotted_as_name, syms.dotted_name):
                    continue
                kinds = module_bindings(root).get("six")
                if kinds and ("module", "six") in kinds:
                    uses.append(leaf)
        return uses

    def _fix_attribute_uses(self, root):
        for leaf in self._six_uses(root):
            if leaf.parent is None:
                continue
            trailer = leaf.next_sibling
            if trailer is None or trailer.type != syms.trailer or trailer.children[0].type != token.DOT:
                continue
            attr = trailer.children[1].value
            if attr == "moves":
                self._fix_moves_path(leaf)
            elif attr in _ENSURE:
                self._fix_ensure(leaf, [leaf, trailer], attr)
            elif attr in SIMPLE_NAMES:
                self._replace_span([leaf, trailer], SIMPLE_NAMES[attr], leaf)
                if attr == "MAXSIZE":
                    self._add_import("sys")
            elif attr in MODULE_NAMES:
                module, name = MODULE_NAMES[attr]
                if self._name_free(module):
                    self._replace_span([leaf, trailer], "%s.%s" % (module, name), leaf)
                    self._add_import(module)
            elif attr in _DECORATORS and self._in_decorator(leaf):
                self._drop_decorator(leaf)
            elif attr in FUNCTION_VALUES and not self._called(trailer):
                self._function_value(leaf, trailer, attr)
            elif attr in FUNCTION_DEFS and not self._called(trailer):
                self._function_def(leaf, attr)

    @staticmethod
    def _in_decorator(leaf):
        node = leaf.parent
        while node is not None and node.type not in (syms.decorator, syms.simple_stmt):
            node = node.parent
        return node is not None and node.type == syms.decorator

    @staticmethod
    def _called(trailer):
        following = trailer.next_sibling
        return following is not None and following.type == syms.trailer and \
            following.children[0].type == token.LPAR

    def _function_def(self, leaf, attr):
        """``name = six.reraise`` at the top level -> ``def name`` doing the same."""
        power = leaf.parent
        stmt = power.parent
        simple = stmt.parent if stmt is not None else None
        if not (power.type == syms.power and len(power.children) == 2 and
                stmt.type == syms.expr_stmt and len(stmt.children) == 3 and
                stmt.children[0].type == token.NAME and stmt.children[2] is power and
                simple is not None and simple.type == syms.simple_stmt and
                len(simple.children) == 2 and simple.parent is not None and
                simple.parent.type == syms.file_input):
            return
        name = stmt.children[0].value
        replace_statement(simple, FUNCTION_DEFS[attr] % name)
        self.changed(leaf)

    def _function_value(self, leaf, trailer, attr):
        """``f = six.iteritems`` -> the function six defines on Python 3."""
        power = leaf.parent
        text = FUNCTION_VALUES[attr]
        whole = power.type == syms.power and len(power.children) == 2
        rhs = whole and power.parent is not None and power.parent.type == syms.expr_stmt \
            and power.prev_sibling is not None and power.prev_sibling.type == token.EQUAL \
            and power.next_sibling is None
        argument = whole and power.parent is not None and (
            power.parent.type == syms.arglist or power.parent.type == syms.trailer)
        if text.startswith("lambda") and not (rhs or argument):
            text = "(%s)" % text
        self._replace_span([leaf, trailer], text, leaf)

    def _fix_moves_path(self, leaf):
        parts = [leaf, leaf.next_sibling]
        nxt = parts[-1].next_sibling
        if nxt is None or nxt.type != syms.trailer or nxt.children[0].type != token.DOT:
            return
        name = nxt.children[1].value
        parts.append(nxt)
        if name == "urllib":
            sub = nxt.next_sibling
            if sub is None or sub.type != syms.trailer or sub.children[0].type != token.DOT:
                return
            parts.append(sub)
            module = "urllib." + sub.children[1].value
            if self._name_free("urllib"):
                self._replace_span(parts, module, leaf)
                self._add_import(module)
            return
        if name in MOVED_MODULES:
            module = MOVED_MODULES[name]
            if self._name_free(module.split(".")[0]):
                self._replace_span(parts, module, leaf)
                self._add_import(module)
        elif name in MOVED_ATTRIBUTES:
            module, target = MOVED_ATTRIBUTES[name]
            if module is None:
                self._replace_span(parts, target, leaf)
            elif self._name_free(module):
                self._replace_span(parts, "%s.%s" % (module, target), leaf)
                self._add_import(module)

    def _replace_span(self, nodes, text, at):
        """Replace the consecutive children ``nodes`` of one parent with ``text``."""
        parent = nodes[0].parent
        prefix = nodes[0].prefix
        index = parent.children.index(nodes[0])
        for node in nodes:
            node.remove()
        new = _expression(text)
        new.prefix = prefix
        if new.type == syms.power:
            children = list(new.children)
            for child in children:
                child.remove()
        else:
            children = [new]
        for offset, child in enumerate(children):
            parent.insert_child(index + offset, child)
        if parent.type == syms.power and len(parent.children) == 1:
            only = parent.children[0]
            only.remove()
            only.prefix = parent.prefix or only.prefix
            parent.replace(only)
        self.changed(at)

    def _fix_ensure(self, leaf, head, attr, offset_name=None):
        """``six.ensure_text(x[, encoding[, errors]])`` -> the Python 3 conversion."""
        call = head[-1].next_sibling
        if call is None or call.type != syms.trailer or call.children[0].type != token.LPAR:
            self.review(leaf, "six.%s not called: no Python 3 rewrite" % attr)
            return
        arguments = _call_arguments(call)
        if not arguments or len(arguments) > 3:
            self.review(leaf, "six.%s with keyword or starred arguments: rewrite by hand" % attr)
            return
        method, converted = _ENSURE[attr]
        value = arguments[0]
        codec_args = ", ".join(str(arg).strip() for arg in arguments[1:]) or "'utf-8'"
        value_text = str(value).strip()
        kind = _string_kind(value)
        if kind is not None:
            needs = (kind == "bytes") == (converted == "bytes")
            text = "%s.%s(%s)" % (value_text, method, codec_args) if needs else value_text
        elif _is_simple_operand(value):
            text = "(%s.%s(%s) if isinstance(%s, %s) else %s)" % (
                value_text, method, codec_args, value_text, converted, value_text)
        else:
            self.review(leaf, "six.%s(...) of an expression: use .%s() where the value is %s"
                        % (attr, method, converted))
            return
        self._replace_span(head + [call], text, leaf)

    def _drop_decorator(self, leaf):
        decorator = leaf.parent
        while decorator is not None and decorator.type != syms.decorator:
            decorator = decorator.parent
        if decorator is None:
            return
        holder = decorator.parent
        if holder.type == syms.decorators:
            prefix = decorator.prefix
            decorator.remove()
            holder.children[0].prefix = prefix
            if len(holder.children) == 1:
                only = holder.children[0]
                only.remove()
                holder.replace(only)
        else:  # decorated: [decorator, classdef/funcdef]
            definition = holder.children[1]
            prefix = decorator.prefix
            definition.remove()
            definition.prefix = prefix
            holder.replace(definition)
        self.changed(leaf)

    # -- from six import name --------------------------------------------------------

    def _fix_from_six_uses(self, root):
        if not self.six_names:
            return
        for leaf in list(root.leaves()):
            if leaf.type != token.NAME or leaf.value not in self.six_names or leaf.parent is None:
                continue
            if is_attribute_name(leaf) or self._in_import(leaf):
                continue
            original = self.six_names[leaf.value]
            if original in SIMPLE_NAMES:
                self._replace_span([leaf], SIMPLE_NAMES[original], leaf) \
                    if leaf.parent.type == syms.power else self._replace_leaf(leaf, original)
            elif original in _ENSURE:
                call = leaf.next_sibling
                if leaf.parent.type == syms.power and call is not None:
                    self._fix_ensure(leaf, [leaf], original)
            elif original in _DECORATORS:
                self._drop_decorator(leaf)

    def _replace_leaf(self, leaf, original):
        new = _expression(SIMPLE_NAMES[original])
        new.prefix = leaf.prefix
        leaf.replace(new)
        self.changed(new)

    @staticmethod
    def _in_import(leaf):
        node = leaf.parent
        while node is not None:
            if node.type in (syms.import_from, syms.import_name):
                return True
            if node.type in (syms.simple_stmt, syms.file_input):
                return False
            node = node.parent
        return False

    # -- unused six imports ----------------------------------------------------------

    def _used_names(self, root):
        used = set()
        for leaf in root.leaves():
            if leaf.type == token.NAME and not is_attribute_name(leaf) and not self._in_import(leaf):
                used.add(leaf.value)
        return used

    def _drop_unused_six_imports(self, root):
        used = self._used_names(root)
        for stmt in [n for n in root.pre_order() if n.type in (syms.import_name, syms.import_from)]:
            if stmt.parent is None:
                continue
            if stmt.type == syms.import_from:
                module, names = from_import_parts(stmt)
                if module != "six" or names is None:
                    continue
                keep = [(name, alias) for name, alias in names if (alias or name) in used]
                for name, alias in keep:
                    self.review(stmt, "six.%s is still used: no Python 3 rewrite known" % name)
                if len(keep) == len(names):
                    continue
                lines = ["from six import " + ", ".join(
                    name if alias is None else "%s as %s" % (name, alias) for name, alias in keep
                )] if keep else []
                self._replace_small(stmt, lines)
            else:
                items = import_items(stmt)
                drop = [item for module, alias, item in items
                        if module.split(".")[0] == "six" and alias is None and "six" not in used]
                for module, alias, item in items:
                    if module.split(".")[0] == "six" and ((alias or "six") in used):
                        self._review_remaining(root, alias or "six")
                if not drop:
                    continue
                rest = [module if alias is None else "%s as %s" % (module, alias)
                        for module, alias, item in items if item not in drop]
                self._replace_small(stmt, ["import " + ", ".join(rest)] if rest else [])

    def _review_remaining(self, root, name):
        for leaf in root.leaves():
            if leaf.type == token.NAME and leaf.value == name and not is_attribute_name(leaf) \
                    and not self._in_import(leaf):
                trailer = leaf.next_sibling
                attr = trailer.children[1].value if trailer is not None and \
                    trailer.type == syms.trailer and trailer.children[0].type == token.DOT else ""
                self.review(leaf, "six.%s is still used: no Python 3 rewrite known" % attr)

