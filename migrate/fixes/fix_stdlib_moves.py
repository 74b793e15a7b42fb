"""Renamed and split standard library modules -> ``six.moves``.

``import Queue`` becomes ``from six.moves import queue`` (uses renamed when
the new name is free, else ``... import queue as Queue``), ``from urllib2
import urlopen, HTTPError`` is split over ``six.moves.urllib.request`` and
``.error``, ``urllib.quote(s)`` becomes ``six.moves.urllib.parse.quote(s)``.
Modules six has no name for (``commands``, ``anydbm``) get a guarded import
of their Python 3 counterpart. Names with no equivalent, and the few whose
behaviour differs between the two interpreters, are listed for review.
"""
import re

from fissix import pytree
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._m3util import (
    dotted_name,
    from_import_parts,
    import_items,
    parse_statements,
    remove_statement,
    replace_statement,
)
from ._util import (
    binding_kinds,
    ensure_import,
    expression,
    is_attribute_name,
    is_call_of,
    is_module_use,
    scope_bindings,
)

#: Python 2 module -> its ``six.moves`` name (module moved as a whole).
MOVED_MODULES = {
    "__builtin__": "builtins",
    "BaseHTTPServer": "BaseHTTPServer",
    "CGIHTTPServer": "CGIHTTPServer",
    "ConfigParser": "configparser",
    "Cookie": "http_cookies",
    "Dialog": "tkinter_dialog",
    "FileDialog": "tkinter_filedialog",
    "HTMLParser": "html_parser",
    "Queue": "queue",
    "ScrolledText": "tkinter_scrolledtext",
    "SimpleDialog": "tkinter_simpledialog",
    "SimpleHTTPServer": "SimpleHTTPServer",
    "SimpleXMLRPCServer": "xmlrpc_server",
    "SocketServer": "socketserver",
    "Tix": "tkinter_tix",
    "Tkconstants": "tkinter_constants",
    "Tkdnd": "tkinter_dnd",
    "Tkinter": "tkinter",
    "cPickle": "cPickle",
    "cookielib": "http_cookiejar",
    "copy_reg": "copyreg",
    "dummy_thread": "_dummy_thread",
    "gdbm": "dbm_gnu",
    "htmlentitydefs": "html_entities",
    "httplib": "http_client",
    "repr": "reprlib",
    "robotparser": "urllib_robotparser",
    "thread": "_thread",
    "tkColorChooser": "tkinter_colorchooser",
    "tkCommonDialog": "tkinter_commondialog",
    "tkFileDialog": "tkinter_tkfiledialog",
    "tkFont": "tkinter_font",
    "tkMessageBox": "tkinter_messagebox",
    "tkSimpleDialog": "tkinter_tksimpledialog",
    "ttk": "tkinter_ttk",
    "xmlrpclib": "xmlrpc_client",
}

_PARSE = "six.moves.urllib.parse"
_REQUEST = "six.moves.urllib.request"
_ERROR = "six.moves.urllib.error"
_RESPONSE = "six.moves.urllib.response"


def _table(target, names):
    return dict((name, target) for name in names.split())


#: Names of the modules Python 3 split up -> the ``six.moves`` module holding each.
SPLIT_MODULES = {
    "urlparse": _table(
        _PARSE,
        "ParseResult SplitResult parse_qs parse_qsl urldefrag urljoin urlparse urlsplit "
        "urlunparse urlunsplit uses_fragment uses_netloc uses_params uses_query uses_relative",
    ),
    "urllib": dict(
        _table(
            _PARSE,
            "quote quote_plus unquote unquote_plus urlencode splitquery splittag "
            "splituser splitvalue",
        ),
        **dict(
            _table(
                _REQUEST,
                "urlopen pathname2url url2pathname getproxies urlretrieve urlcleanup "
                "proxy_bypass URLopener FancyURLopener",
            ),
            **dict(
                _table(_ERROR, "ContentTooShortError"),
                **_table(_RESPONSE, "addbase addclosehook addinfo addinfourl")
            )
        )
    ),
    "urllib2": dict(
        _table(
            _REQUEST,
            "urlopen install_opener build_opener Request OpenerDirector "
            "HTTPDefaultErrorHandler HTTPRedirectHandler HTTPCookieProcessor ProxyHandler "
            "BaseHandler HTTPPasswordMgr HTTPPasswordMgrWithDefaultRealm "
            "AbstractBasicAuthHandler HTTPBasicAuthHandler ProxyBasicAuthHandler "
            "AbstractDigestAuthHandler HTTPDigestAuthHandler ProxyDigestAuthHandler "
            "HTTPHandler HTTPSHandler FileHandler FTPHandler CacheFTPHandler UnknownHandler "
            "HTTPErrorProcessor parse_http_list parse_keqv_list",
        ),
        **_table(_ERROR, "URLError HTTPError")
    ),
}

# md5 and sha (gone in Python 3) are hashlib's md5 and sha1, which 2.7 has.
SPLIT_MODULES["md5"] = {"new": "hashlib", "md5": "hashlib"}
SPLIT_MODULES["sha"] = {"new": "hashlib", "sha": "hashlib"}
#: ``(module, name)`` whose new name differs from the old one.
RENAMED_NAMES = {
    ("md5", "new"): "md5", ("sha", "new"): "sha1", ("sha", "sha"): "sha1",
}

#: ``StringIO``-like modules: the class each maps to when text vs bytes is unknown.
STRINGIO_MODULES = {"StringIO": "six.StringIO", "cStringIO": "six.moves.cStringIO"}

#: Modules six has no move for: Python 2 name -> Python 3 module of the same API.
GUARDED_MODULES = {"commands": "subprocess", "anydbm": "dbm"}
#: Names each guarded module supports on both interpreters.
GUARDED_NAMES = {
    "commands": frozenset(["getoutput", "getstatusoutput"]),
    "anydbm": frozenset(["open", "error"]),
}

#: Guarded names whose Python 3 counterpart returns something else: the
#: definition (``%(name)s``: the local name) that gives Python 2's result.
_KEEP_PY2_RESULT = {
    ("commands", "getstatusoutput"): (
        "from subprocess import getstatusoutput as _exit_code_and_output",
        "",
        "def %(name)s(cmd):",
        "    # commands gave the raw wait status: exit code * 256, or the signal",
        "    code, output = _exit_code_and_output(cmd)",
        "    return (code * 256 if code >= 0 else -code), output",
    ),
}

#: ``(module, name)`` that exists on both but behaves differently, and why.
DIFFERS = {
    ("urllib", "urlopen"): "urllib.urlopen returned HTTP error pages; "
    "six.moves.urllib.request.urlopen (urllib2's) raises HTTPError for them; what it reads is "
    "bytes on 3.x: decode it where text is meant",
    ("urllib2", "urlopen"): "what the response reads is bytes on 3.x (a native str on 2.7): "
    "decode it where text is meant",
    ("commands", "getstatusoutput"): "the status is the raw wait status (exit code * 256) "
    "on 2.7 and the plain exit code on 3.x; compare it with 0 only, or use subprocess",
    ("ConfigParser", "SafeConfigParser"): "SafeConfigParser is gone in Python 3.12; on "
    "3.x configparser.ConfigParser is the same class (on 2.7 ConfigParser.ConfigParser is "
    "not): choose per interpreter",
    ("ConfigParser", "readfp"): "readfp is gone in Python 3.12: use read_file",
}

#: httplib constants that stay plain ints on Python 3.
_HTTPLIB_PLAIN = frozenset(["HTTP_PORT", "HTTPS_PORT"])
_HTTP_STATUS = "status codes are http.HTTPStatus members on 3.x: equal to the int, but " \
    "str()/'%s' give 'HTTPStatus.NAME' before Python 3.11; format int(...) instead"

#: ``(module, name)`` with no counterpart on Python 3, and what to use instead.
MISSING = {
    ("HTMLParser", "HTMLParseError"): "HTMLParseError is gone in Python 3.5 (the parser no "
    "longer raises)",
    ("UserDict", "DictMixin"): "use collections.MutableMapping (six.moves.collections_abc)",
    ("UserString", "MutableString"): "MutableString has no Python 3 counterpart",
    ("Cookie", "SmartCookie"): "use http_cookies.SimpleCookie (unpickling cookies is gone)",
    ("Cookie", "SerialCookie"): "use http_cookies.SimpleCookie (unpickling cookies is gone)",
}

#: ``UserDict``/``UserList``/``UserString``: module -> {name: six.moves name}.
USER_MODULES = {
    "UserDict": {"UserDict": "UserDict", "IterableUserDict": "UserDict"},
    "UserList": {"UserList": "UserList"},
    "UserString": {"UserString": "UserString"},
}

_REVIEW_ONLY = {
    "dbm": "Python 2's dbm is ndbm; on 3.x 'dbm' is the anydbm-style package and "
    "dbm.ndbm the old module, which may be missing: pick one explicitly",
    "whichdb": "use dbm.whichdb on 3.x",
    "dbhash": "dbhash (bsddb) has no Python 3 counterpart",
    "bsddb": "bsddb has no Python 3 counterpart",
}

#: The submodules of Python 3's urllib package.
_URLLIB_PACKAGE = frozenset(["error", "parse", "request", "response", "robotparser"])

#: cgi's old names for urlparse functions (the same functions).
_CGI_URLPARSE = frozenset(["parse_qs", "parse_qsl"])

#: cgi.escape(s, quote=True) is xml.sax.saxutils.escape(s, _QUOTE_ENTITY):
#: both replace & < > (and the double quote when asked) the same way.
_QUOTE_ENTITY = "{'\"': '&quot;'}"


def _escape_arguments(call):
    """``(quote_node, quote_value)`` of a ``cgi.escape(text[, quote])`` call
    trailer (``(None, None)`` without quote), or None for any other shape."""
    if call is None or call.type != syms.trailer or call.children[0].type != token.LPAR \
            or len(call.children) != 3:
        return None
    args = call.children[1]
    if args.type == syms.arglist:
        items = [child for child in args.children if child.type != token.COMMA]
    else:
        items = [args]
    if items[0].type == syms.argument or len(items) > 2:
        return None
    if len(items) == 1:
        return None, None
    second = items[1]
    if second.type != syms.argument:
        return second, second
    if second.children[0].type == token.NAME and second.children[0].value == "quote" \
            and second.children[1].type == token.EQUAL:
        return second, second.children[2]
    return None


def _set_quote(quote, value):
    """Turn cgi.escape's quote argument into saxutils.escape's entities."""
    text = str(value).strip()
    if text in ("False", "0", "None"):
        quote.prev_sibling.remove()  # the comma
        quote.remove()
        return
    if text in ("True", "1"):
        entities = _QUOTE_ENTITY
    else:
        if value.type not in (token.NAME, syms.power, syms.atom):
            text = "(%s)" % text
        entities = "%s if %s else {}" % (_QUOTE_ENTITY, text)
    quote.replace(expression(entities, prefix=quote.prefix))

#: Modules dropped from the standard library, by the Python 3 release that
#: dropped them, with what to use instead.
_REMOVED = {
    "3.0": {
        "sgmllib": "parse with html.parser (six.moves.html_parser) or an HTML library",
        "htmllib": "parse with html.parser (six.moves.html_parser) or an HTML library",
        "mimetools": "use the email package",
        "MimeWriter": "use the email package",
        "mimify": "use the email package",
        "multifile": "use the email package",
        "rfc822": "use email.utils and email.message",
        "sets": "use the built-in set and frozenset",
        "popen2": "use subprocess",
        "new": "use the types module",
        "posixfile": "use fcntl.lockf",
        "dircache": "use os.listdir",
        "statvfs": "os.statvfs results have named fields",
        "compiler": "use ast",
        "fpformat": "use string formatting",
        "mhlib": "use mailbox",
        "imputil": "use importlib",
    },
    "3.12": {
        "asynchat": "use asyncio",
        "asyncore": "use asyncio",
        "smtpd": "use asyncio (or the aiosmtpd package)",
        "imp": "use importlib",
    },
    "3.13": {
        "cgi": "parse forms with the email package or a web framework; "
        "cgi.escape is html.escape",
        "cgitb": "format tracebacks with the traceback module",
        "imghdr": "inspect the file header yourself or use an imaging library",
        "sndhdr": "inspect the file header yourself",
        "pipes": "pipes.quote is shlex.quote (six.moves.shlex_quote)",
        "telnetlib": "use a telnet package from PyPI",
        "nntplib": "use an NNTP package from PyPI",
        "uu": "use base64 or binascii",
        "xdrlib": "use struct",
        "crypt": "use hashlib or a password-hashing package",
        "mailcap": "use mimetypes",
        "chunk": "read the chunks with struct",
        "aifc": "use an audio package from PyPI",
        "audioop": "use an audio package from PyPI",
        "sunau": "use an audio package from PyPI",
        "spwd": "use pwd or PAM",
        "nis": "use an NIS package from PyPI",
        "ossaudiodev": "use an audio package from PyPI",
    },
}
for _release, _modules in sorted(_REMOVED.items()):
    for _module, _advice in _modules.items():
        if _release == "3.0":
            _when = "%s was removed in Python 3.0: %s" % (_module, _advice)
        else:
            _when = "%s was removed in Python %s (earlier 3.x have it): %s" % (
                _module, _release, _advice)
        _REVIEW_ONLY.setdefault(_module, _when)

#: Python 2.4-style email module names -> the lowercase modules 2.7 and 3.x share.
EMAIL_MODULES = {
    "email.MIMEText": "email.mime.text", "email.MIMEMultipart": "email.mime.multipart",
    "email.MIMEBase": "email.mime.base", "email.MIMEImage": "email.mime.image",
    "email.MIMEAudio": "email.mime.audio", "email.MIMENonMultipart": "email.mime.nonmultipart",
    "email.MIMEMessage": "email.mime.message", "email.Utils": "email.utils",
    "email.Header": "email.header", "email.Charset": "email.charset",
    "email.Encoders": "email.encoders", "email.Errors": "email.errors",
    "email.Generator": "email.generator", "email.Iterators": "email.iterators",
    "email.Message": "email.message", "email.Parser": "email.parser",
    "email.base64MIME": "email.base64mime", "email.quopriMIME": "email.quoprimime",
    "email.FeedParser": "email.feedparser",
}

ALL_MODULES = (
    set(MOVED_MODULES)
    | set(EMAIL_MODULES)
    | set(SPLIT_MODULES)
    | set(STRINGIO_MODULES)
    | set(GUARDED_MODULES)
    | set(USER_MODULES)
    | set(_REVIEW_ONLY)
)


def _scope_of(node):
    parent = node.parent
    child = node
    while parent is not None:
        if parent.type == syms.file_input:
            return parent
        if parent.type in (syms.funcdef, syms.classdef) and child is parent.children[-1]:
            return parent
        child = parent
        parent = parent.parent
    return child


_BLOCKS = frozenset([
    syms.file_input, syms.suite, syms.if_stmt, syms.while_stmt, syms.for_stmt, syms.try_stmt,
    syms.with_stmt, syms.funcdef, syms.classdef, syms.decorated, syms.async_stmt,
    syms.async_funcdef,
])


def _import_statements(root):
    """The import statements of the module, found without entering expressions."""
    stack = [root]
    while stack:
        node = stack.pop()
        for child in reversed(node.children):
            if child.type == syms.simple_stmt:
                for small in child.children:
                    if small.type in (syms.import_name, syms.import_from):
                        yield small
            elif child.type in _BLOCKS:
                stack.append(child)


_VERSION_TEST = re.compile(r"\bPY2\b|\bPY3\b|version_info|sys\.version\b")


def _is_guarded(stmt):
    """True for an import the code already guards: inside ``try:`` with an
    ``except ImportError``, or in a block of ``if six.PY2:`` / ``if
    sys.version_info ...`` (and its ``else``), written for one interpreter."""
    node = stmt
    while node.parent is not None:
        parent = node.parent
        if parent.type == syms.try_stmt and node is parent.children[2]:
            for child in parent.children:
                if child.type == syms.except_clause and "ImportError" in str(child):
                    return True
        if parent.type == syms.try_stmt:
            # the fallback of a 2/3 guard (``except ImportError: import
            # dbm as anydbm``, as this fixer writes it) is the other half of
            # it; a fallback between two Python 2 modules (``urlparse``, else
            # ``cgi``) still needs its move
            index = parent.children.index(node)
            clause = parent.children[index - 2] if index >= 2 else None
            if clause is not None and clause.type == syms.except_clause \
                    and "ImportError" in str(clause) \
                    and _imports_counterpart(parent.children[2], node):
                return True
        if parent.type == syms.if_stmt:
            tests = [parent.children[index + 1] for index, child in enumerate(parent.children)
                     if child.type == token.NAME and child.value in ("if", "elif")]
            if all(test is not node for test in tests) and any(
                    _VERSION_TEST.search(str(test)) for test in tests):
                return True
        if parent.type in (syms.funcdef, syms.classdef):
            return False
        node = parent
    return False


def _imported_modules(block):
    """The modules the import statements in ``block`` name."""
    found = set()
    if block.type == syms.simple_stmt:
        statements = [small for small in block.children
                      if small.type in (syms.import_name, syms.import_from)]
    else:
        statements = _import_statements(block)
    for stmt in statements:
        if stmt.type == syms.import_name:
            found.update(module for module, _alias, _item in import_items(stmt))
        elif stmt.type == syms.import_from:
            found.add(from_import_parts(stmt)[0])
    return found


def _imports_counterpart(body, fallback):
    """True when ``fallback`` imports the Python 3 module that stands for
    one ``body`` imports (``anydbm`` -> ``dbm``)."""
    wanted = set(GUARDED_MODULES[module] for module in _imported_modules(body)
                 if module in GUARDED_MODULES)
    return bool(wanted & _imported_modules(fallback))


def _attribute_after(leaf):
    """The trailer ``.name`` right after ``leaf`` in ``leaf.name``, or None."""
    trailer = leaf.next_sibling
    if (
        trailer is not None
        and trailer.type == syms.trailer
        and trailer.children[0].type == token.DOT
    ):
        return trailer
    return None


def _replace_head(leaf, trailer, dotted):
    """Turn ``leaf.attr`` (leaf + first trailer) into the dotted name ``dotted``."""
    parts = dotted.split(".")
    leaf.value = parts[0]
    parent = leaf.parent
    index = parent.children.index(trailer)
    trailer.remove()
    for offset, part in enumerate(parts[1:]):
        parent.insert_child(
            index + offset,
            pytree.Node(syms.trailer, [pytree.Leaf(token.DOT, "."), pytree.Leaf(token.NAME, part)]),
        )


def _module_node(dotted):
    """A dotted-name node for ``dotted``, fit for an import statement."""
    stmt = parse_statements("from %s import x\n" % dotted)[0]
    node = stmt.children[0].children[1]
    node.remove()
    return node


def _names_text(names):
    return ", ".join(name if alias is None else "%s as %s" % (name, alias) for name, alias in names)


def _reads_bytes(node):
    """True for ``loader.get_data(path)`` / ``pkgutil.get_data(pkg, name)``:
    calls documented to return bytes on every version."""
    if node.type != syms.power or len(node.children) < 3:
        return False
    attribute, call = node.children[-2], node.children[-1]
    return (attribute.type == syms.trailer and str(attribute) == ".get_data"
            and call.type == syms.trailer and call.children[0].type == token.LPAR)


class FixStdlibMoves(MigrateFix):
    """Rewrite imports and uses of renamed/split stdlib modules to six.moves.

    ``X.attr`` changes only where ``X`` is bound by that import in the scope
    of the use; imports already guarded (``try``/``except ImportError``, or a
    ``six.PY2``/``sys.version_info`` test) stay, and so do names with no
    counterpart, which are listed for review.
    """

    name = "stdlib_moves"
    summary = "renamed stdlib modules (urllib2, Queue, cPickle, StringIO...) -> six.moves"
    PATTERN = "file_input"

    def transform(self, node, results):
        imports = []
        for sub in _import_statements(node):
            if _is_guarded(sub):
                continue
            if sub.type == syms.import_name:
                for module, alias, item in import_items(sub):
                    if module in ALL_MODULES:
                        imports.append(("import", sub, module, alias, item))
            elif sub.type == syms.import_from:
                module, names = from_import_parts(sub)
                if module in ALL_MODULES:
                    imports.append(("from", sub, module, names, None))
        if not imports:
            return None
        # Uses are resolved before any import changes the bindings they rely on.
        local_names = {}
        for kind, stmt, module, alias, item in imports:
            if kind == "import":
                local_names.setdefault(module, set()).add(alias or module.split(".")[0])
        # One walk over the leaves: every NAME value (for the collision
        # check) and, in order, the leaves that may name an imported module.
        wanted = set()
        for names in local_names.values():
            wanted.update(names)
        all_names = set()
        candidates = []
        for leaf in node.leaves():
            if leaf.type == token.NAME:
                all_names.add(leaf.value)
                if leaf.value in wanted:
                    candidates.append(leaf)
        uses = {}
        for module, names in local_names.items():
            uses[module] = self._module_uses(candidates, module, names)
        renames = self._plan_renames(node, imports, uses, all_names)
        self._names = all_names
        self._pending = []
        self._item_plans = {}
        self._stmt_plans = {}
        for kind, stmt, module, extra, item in imports:
            if kind == "import":
                self._fix_import(node, stmt, module, extra, item, uses[module], renames)
            else:
                self._fix_from(node, stmt, module, extra)
        self._flush()
        return None

    # -- analysis ---------------------------------------------------------

    def _module_uses(self, leaves, module, local_names):
        """NAME leaves (of *leaves*, the file's NAME leaves in order) that refer
        to ``module`` bound by ``import module [as x]``."""
        found = []
        for leaf in leaves:
            # the cheap test first: scope resolution only for the right names
            if leaf.value not in local_names:
                continue
            if not is_attribute_name(leaf) and is_module_use(leaf, module):
                found.append(leaf)
        return found

    def _plan_renames(self, tree, imports, uses, names):
        """Modules whose plain ``import`` can take the six.moves name itself;
        *names* is every NAME value in the file (``names_bound_anywhere``)."""
        renames = {}
        for module, new_name in MOVED_MODULES.items():
            statements = [entry for entry in imports if entry[0] == "import" and entry[2] == module]
            if not statements or new_name == module:
                continue
            clean = new_name not in names and all(entry[3] is None for entry in statements)
            for entry in statements:
                kinds = scope_bindings(_scope_of(entry[1])).get(module)
                if kinds != set([("module", module)]):
                    clean = False
            if clean:
                renames[module] = new_name
        return renames

    # -- import X ---------------------------------------------------------

    def _fix_import(self, tree, stmt, module, alias, item, module_uses, renames):
        if module in EMAIL_MODULES:
            if alias is not None:
                self._replace_item(stmt, item, "import %s as %s" % (EMAIL_MODULES[module], alias))
            else:
                self.review(stmt, "import %s: Python 3 has %s only; import that and update the "
                            "uses" % (module, EMAIL_MODULES[module]))
            return
        if module == "cgi" and self._fix_cgi_import(tree, stmt, alias, item, module_uses):
            return
        if module in _REVIEW_ONLY:
            self.review(stmt, "import %s: %s" % (module, _REVIEW_ONLY[module]))
            return
        local_name = alias or module.split(".")[0]
        if scope_bindings(_scope_of(stmt)).get(local_name) != set([("module", module)]):
            # the name is rebound in the same scope: its uses cannot be told apart
            self.review(stmt, "import %s: %r is also bound otherwise here; left as is"
                        % (module, local_name))
            return
        own_uses = [leaf for leaf in module_uses if leaf.value == local_name]
        if module in MOVED_MODULES:
            new_name = MOVED_MODULES[module]
            local = alias or renames.get(module, module)
            if local == new_name:
                text = "from six.moves import %s" % new_name
            else:
                text = "from six.moves import %s as %s" % (new_name, local)
            self._review_attributes(module, own_uses)
            if module in renames and alias is None:
                for leaf in own_uses:
                    if leaf.value == module and leaf.parent is not None:
                        leaf.value = new_name
                        self.changed(leaf)
            self._replace_item(stmt, item, text)
        elif module in GUARDED_MODULES:
            local = alias or module
            text = (
                "try:\n    import %s%s\nexcept ImportError:  # Python 3\n    import %s as %s\n"
                % (module, "" if alias is None else " as " + alias, GUARDED_MODULES[module], local)
            )
            supported = GUARDED_NAMES[module]
            for leaf in own_uses:
                trailer = _attribute_after(leaf)
                attr = trailer.children[1].value if trailer is not None else None
                if attr in supported:
                    if (module, attr) in DIFFERS:
                        self.review(leaf, "%s.%s: %s" % (module, attr, DIFFERS[(module, attr)]))
                else:
                    self.review(leaf, "%s.%s has no counterpart in %s on Python 3"
                                % (module, attr or "", GUARDED_MODULES[module]))
            self._replace_item(stmt, item, text)
        elif module == "urlparse":
            # every urlparse name lives in six.moves.urllib.parse: keep the local name
            unknown = [leaf for leaf in own_uses
                       if self._split_target(module, self._attr_of(leaf)) is None]
            for leaf in unknown:
                self._review_unresolved(leaf, module, self._attr_of(leaf))
            if not unknown:
                self._replace_item(stmt, item, "from six.moves.urllib import parse as %s"
                                   % (alias or module))
        else:
            self._fix_split_import(tree, stmt, module, item, own_uses)

    @staticmethod
    def _attr_of(leaf):
        trailer = _attribute_after(leaf)
        return trailer.children[1].value if trailer is not None else None

    def _review_attributes(self, module, module_uses):
        for leaf in module_uses:
            trailer = _attribute_after(leaf)
            if trailer is None:
                continue
            attr = trailer.children[1].value
            key = (module, attr)
            if module == "httplib" and attr.isupper() and attr not in _HTTPLIB_PLAIN:
                self.review(leaf, "httplib.%s: %s" % (attr, _HTTP_STATUS))
            elif key in DIFFERS:
                self.review(leaf, "%s.%s: %s" % (module, attr, DIFFERS[key]))
            elif key in MISSING:
                self.review(leaf, "%s.%s: %s" % (module, attr, MISSING[key]))

    def _fix_split_import(self, tree, stmt, module, item, module_uses):
        """``import urllib2`` + ``urllib2.urlopen`` -> ``six.moves.urllib.request.urlopen``."""
        if module == "urllib" and any(self._attr_of(leaf) in _URLLIB_PACKAGE for leaf in module_uses):
            # urllib.parse.quote: Python 3's package (Python 2's module has
            # no such names), as --target 3 writes it; nothing to move
            return
        rewrites = []
        unresolved = []
        for leaf in module_uses:
            trailer = _attribute_after(leaf)
            attr = trailer.children[1].value if trailer is not None else None
            target = self._split_target(module, attr)
            if target is None:
                unresolved.append((leaf, attr))
            else:
                rewrites.append((leaf, trailer, target, attr))
        for leaf, attr in unresolved:
            self._review_unresolved(leaf, module, attr)
        if any(attr is None for _leaf, attr in unresolved):
            # the module itself is used: leave every use to the review
            return
        needed = []
        for leaf, trailer, target, attr in rewrites:
            if (module, attr) in DIFFERS:
                self.review(leaf, "%s.%s: %s" % (module, attr, DIFFERS[(module, attr)]))
            dotted = "%s.%s" % (target, self._target_attr(module, attr))
            if module in STRINGIO_MODULES:
                dotted = self._stringio_class(leaf, trailer, module, dotted)
            elif module in ("md5", "sha"):
                self._review_hash_argument(leaf, trailer, module, attr)
            _replace_head(leaf, trailer, dotted)
            top = dotted.split(".")[0]
            if top in ("six", "hashlib") and top not in needed:
                needed.append(top)
            self.changed(leaf)
        for top in needed:
            ensure_import(tree, top)
        if not unresolved:
            # the reviewed uses still need the original import
            self._replace_item(stmt, item, None)

    def _review_hash_argument(self, node, trailer, module, attr):
        """hashlib wants bytes on Python 3, where a str literal is text."""
        call = trailer.next_sibling if trailer is not None else None
        if call is None or call.type != syms.trailer or call.children[0].type != token.LPAR:
            return
        argument = call.children[1] if len(call.children) == 3 else None
        if argument is None:
            return
        if argument.type == token.STRING and "b" in argument.value.split("'")[0].split('"')[0] \
                .lower():
            return
        self.review(node, "%s.%s(...): hashlib needs bytes on Python 3; encode text "
                    "arguments" % (module, attr))

    def _stringio_class(self, leaf, trailer, module, dotted):
        """io.StringIO/io.BytesIO when a literal argument says which, else ``dotted``."""
        call = trailer.next_sibling
        if call is not None and call.type == syms.trailer and call.children[0].type == token.LPAR:
            argument = call.children[1] if len(call.children) == 3 else None
            if argument is not None and argument.type == token.STRING:
                quote_at = min(i for i in (argument.value.find("'"), argument.value.find('"'))
                               if i >= 0)
                string_prefix = argument.value[:quote_at].lower()
                if "u" in string_prefix:
                    ensure_import(leaf, "io")
                    return "io.StringIO"
                if "b" in string_prefix:
                    ensure_import(leaf, "io")
                    return "io.BytesIO"
            if argument is not None and _reads_bytes(argument):
                # a loader's get_data() returns bytes on 2.7 and 3.x; a 2.7
                # StringIO of them is a native str stream, so on 3.x they are
                # decoded (six.ensure_str is the identity on 2.7)
                argument.replace(expression("six.ensure_str(%s)" % str(argument).strip(),
                                            prefix=argument.prefix))
                self.review(leaf, "%s.StringIO(....get_data(...)): read as a native str stream "
                            "(six.ensure_str decodes UTF-8 on 3.x); use six.BytesIO if bytes are "
                            "meant" % module)
                return dotted
        self.review(leaf, "%s.StringIO: text vs bytes unknown; %s is StringIO on 2.7 and "
                    "io.StringIO (text only) on 3.x; use six.BytesIO for bytes" % (module, dotted))
        return dotted

    def _split_target(self, module, attr):
        if attr is None:
            return None
        if module in SPLIT_MODULES:
            return SPLIT_MODULES[module].get(attr)
        if module in STRINGIO_MODULES and attr == "StringIO":
            return STRINGIO_MODULES[module].rsplit(".", 1)[0]
        if module in USER_MODULES and attr in USER_MODULES[module]:
            return "six.moves"
        return None

    def _target_attr(self, module, attr):
        if module in STRINGIO_MODULES:
            return STRINGIO_MODULES[module].rsplit(".", 1)[1]
        if module in USER_MODULES:
            return USER_MODULES[module][attr]
        return RENAMED_NAMES.get((module, attr), attr)

    def _review_unresolved(self, leaf, module, attr):
        if attr is None:
            self.review(leaf, "module %s used as a value: it has no single Python 3 "
                        "counterpart; import left as is" % module)
        elif (module, attr) in MISSING:
            self.review(leaf, "%s.%s: %s" % (module, attr, MISSING[(module, attr)]))
        else:
            self.review(leaf, "%s.%s has no six.moves counterpart; import left as is"
                        % (module, attr))

    def _replace_item(self, stmt, item, text):
        """Plan to swap one ``import`` item for ``text`` (None: drop it)."""
        self._item_plans.setdefault(id(stmt), (stmt, {}))[1][id(item)] = text
        self._plan_statement(stmt)

    def _replace_simple(self, stmt, text):
        """Plan to replace the small statement ``stmt`` by the lines of ``text``."""
        self._stmt_plans[id(stmt)] = text.rstrip("\n").split("\n")
        self._plan_statement(stmt)

    def _plan_statement(self, stmt):
        simple = stmt.parent
        if all(entry is not simple for entry in self._pending):
            self._pending.append(simple)

    def _item_lines(self, stmt, replacements):
        lines = []
        kept = []
        for module, alias, item in import_items(stmt):
            if id(item) in replacements:
                text = replacements[id(item)]
                if text:
                    lines.extend(text.rstrip("\n").split("\n"))
            else:
                kept.append(module if alias is None else "%s as %s" % (module, alias))
        if kept:
            lines.insert(0, "import " + ", ".join(kept))
        return lines

    def _flush(self):
        """Rewrite each planned line once: all its small statements together.

        ``import a; import b`` may need both rewritten; replacing the line
        for the first would detach the second, so every plan waits for this.
        """
        for simple in self._pending:
            lines = []
            for child in simple.children:
                if child.type in (token.SEMI, token.NEWLINE):
                    continue
                if id(child) in self._item_plans:
                    lines.extend(self._item_lines(child, self._item_plans[id(child)][1]))
                elif id(child) in self._stmt_plans:
                    lines.extend(self._stmt_plans[id(child)])
                else:
                    lines.append(str(child).strip())
            if not lines and self._needs_body(simple):
                lines = ["pass"]
            if not lines:
                remove_statement(simple)
                self.changed(simple)
                continue
            try:
                replace_statement(simple, "\n".join(lines) + "\n")
            except ValueError:
                self.review(simple, "import in the body of a one-line statement needs a "
                            "try/except block here: move it to its own line and run again")
            else:
                self.changed(simple)
        self._pending = []
        self._item_plans = {}
        self._stmt_plans = {}

    @staticmethod
    def _needs_body(simple):
        parent = simple.parent
        if parent is None or parent.type != syms.suite:
            return False
        return len([c for c in parent.children if c.type not in (
            token.NEWLINE, token.INDENT, token.DEDENT)]) == 1

    # -- from X import ... --------------------------------------------------

    def _fix_from(self, tree, stmt, module, names):
        if module in EMAIL_MODULES:
            self._set_from_module(stmt, EMAIL_MODULES[module])
            return
        if module == "cgi" and names and set(name for name, _ in names) <= _CGI_URLPARSE:
            self._set_from_module(stmt, "six.moves.urllib.parse")
            return
        if module == "cgi" and names and set(name for name, _ in names) <= _CGI_URLPARSE | {"escape"} \
                and self._fix_cgi_from(tree, stmt, names):
            return
        if module in _REVIEW_ONLY:
            self.review(stmt, "from %s import ...: %s" % (module, _REVIEW_ONLY[module]))
            return
        if module == "urllib" and names and set(name for name, _ in names) <= _URLLIB_PACKAGE:
            # Python 3's urllib package (Python 2's urllib has no such
            # names): code as this tool writes it for --target 3
            return
        if names is None:
            self.review(stmt, "from %s import *: name the imported names so they can be "
                        "moved" % module)
            return
        for name, alias in names:
            key = (module, name)
            if key in _KEEP_PY2_RESULT:
                continue  # the rewrite below keeps Python 2's result
            if module == "httplib" and name.isupper() and name not in _HTTPLIB_PLAIN:
                self.review(stmt, "httplib.%s: %s" % (name, _HTTP_STATUS))
            elif key in DIFFERS:
                self.review(stmt, "%s.%s: %s" % (module, name, DIFFERS[key]))
            elif key in MISSING:
                self.review(stmt, "%s.%s: %s" % (module, name, MISSING[key]))
        if module in MOVED_MODULES:
            if any((module, name) in MISSING for name, _ in names):
                return
            self._set_from_module(stmt, "six.moves." + MOVED_MODULES[module])
            return
        if module in GUARDED_MODULES:
            unsupported = [name for name, _ in names if name not in GUARDED_NAMES[module]]
            if unsupported:
                self.review(stmt, "%s.%s has no counterpart in %s on Python 3" % (
                    module, ", ".join(unsupported), GUARDED_MODULES[module]))
                return
            text = _names_text(names)
            lines = ["try:", "    from %s import %s" % (module, text),
                     "except ImportError:  # Python 3"]
            plain = [(name, alias) for name, alias in names
                     if (module, name) not in _KEEP_PY2_RESULT]
            if plain:
                lines.append("    from %s import %s" % (GUARDED_MODULES[module], _names_text(plain)))
            for name, alias in names:
                if (module, name) in _KEEP_PY2_RESULT:
                    lines.extend(("    " + line % {"name": alias or name}) if line else ""
                                 for line in _KEEP_PY2_RESULT[(module, name)])
            self._replace_simple(stmt, "\n".join(lines) + "\n")
            return
        groups = []
        unresolved = []
        for name, alias in names:
            target = self._split_target(module, name)
            if target is None:
                unresolved.append((name, alias))
                continue
            new_name = self._target_attr(module, name)
            if module in ("md5", "sha"):
                self.review(stmt, "%s.%s: hashlib needs bytes on Python 3; make sure the "
                            "arguments are bytes" % (module, name))
            if module in STRINGIO_MODULES:
                self.review(stmt, "%s.StringIO: text vs bytes unknown; %s is StringIO on 2.7 and "
                            "io.StringIO (text only) on 3.x; use six.BytesIO for bytes"
                            % (module, STRINGIO_MODULES[module]))
            local = alias or name
            entry = new_name if local == new_name else "%s as %s" % (new_name, local)
            for group in groups:
                if group[0] == target:
                    group[1].append(entry)
                    break
            else:
                groups.append((target, [entry]))
        for name, alias in unresolved:
            if (module, name) not in MISSING:
                self.review(stmt, "%s.%s has no six.moves counterpart; left as is"
                            % (module, name))
        if not groups:
            return
        lines = ["from %s import %s" % (target, ", ".join(entries)) for target, entries in groups]
        if unresolved:
            lines.append("from %s import %s" % (module, _names_text(unresolved)))
        original = [name if alias is None else "%s as %s" % (name, alias) for name, alias in names]
        if len(lines) == 1 and groups[0][1] == original:
            # same names from one new module: keep the statement's own layout
            self._set_from_module(stmt, groups[0][0])
            return
        self._replace_simple(stmt, "\n".join(lines) + "\n")

    # -- cgi.escape -----------------------------------------------------------

    def _escape_calls(self, uses):
        """``[(quote_node, quote_value)]`` for the ``escape(...)`` calls whose
        head leaves are *uses* (the trailer after the head is the call), or
        None after listing the uses that cannot be rewritten for review."""
        plans = []
        problems = []
        for leaf, call in uses:
            if call is None:
                problems.append((leaf, "cgi.escape used as a value: saxutils.escape takes "
                                 "entities, not quote; wrap it by hand"))
                continue
            arguments = _escape_arguments(call)
            if arguments is None:
                problems.append((leaf, "cgi.escape(...) with arguments other than (text[, "
                                 "quote]): rewrite as xml.sax.saxutils.escape by hand"))
                continue
            plans.append(arguments)
        for leaf, message in problems:
            self.review(leaf, message)
        return None if problems else plans

    def _fix_cgi_import(self, tree, stmt, alias, item, module_uses):
        """``import cgi`` used only for escape and parse_qs(l): True once
        rewritten, False to leave the import (and its review) as is."""
        local = alias or "cgi"
        if scope_bindings(_scope_of(stmt)).get(local) != set([("module", "cgi")]):
            return False
        own = [leaf for leaf in module_uses if leaf.value == local]
        escapes = []
        others = []
        for leaf in own:
            attr = self._attr_of(leaf)
            if attr == "escape":
                trailer = _attribute_after(leaf)
                call = trailer.next_sibling
                is_call = call is not None and call.type == syms.trailer \
                    and call.children[0].type == token.LPAR
                escapes.append((leaf, call if is_call else None))
            elif attr in _CGI_URLPARSE:
                others.append(leaf)
            else:
                return False
        if not escapes and not others:
            return False
        if escapes and "saxutils" in self._names:
            self.review(stmt, "cgi.escape is xml.sax.saxutils.escape, but the name saxutils "
                        "is taken here; rewrite by hand")
            return False
        plans = self._escape_calls(escapes)
        if plans is None:
            return False
        for quote, value in plans:
            if quote is not None:
                _set_quote(quote, value)
        for leaf, _call in escapes:
            _replace_head(leaf, _attribute_after(leaf), "saxutils.escape")
            self.changed(leaf)
        for leaf in others:
            trailer = _attribute_after(leaf)
            _replace_head(leaf, trailer, "six.moves.urllib.parse." + trailer.children[1].value)
            self.changed(leaf)
        if others:
            ensure_import(tree, "six")
        self._replace_item(stmt, item, "from xml.sax import saxutils" if escapes else None)
        return True

    def _fix_cgi_from(self, tree, stmt, names):
        """``from cgi import escape[, parse_qs]``: True once rewritten."""
        local = dict((alias or name, name) for name, alias in names)
        escape_name = [key for key, name in local.items() if name == "escape"][0]
        binding = set([("from", "cgi", "escape")])
        if scope_bindings(_scope_of(stmt)).get(escape_name) != binding:
            return False
        uses = []
        inside = set(id(leaf) for leaf in stmt.leaves())
        for leaf in tree.leaves():
            if leaf.type != token.NAME or leaf.value != escape_name or id(leaf) in inside:
                continue
            if is_attribute_name(leaf):
                continue
            parent = leaf.parent
            if parent.type == syms.argument and parent.children[0] is leaf \
                    and parent.children[1].type == token.EQUAL:
                continue  # a keyword argument's name
            if binding_kinds(leaf) != binding:
                continue
            uses.append((leaf, leaf.next_sibling if is_call_of(leaf) else None))
        plans = self._escape_calls(uses)
        if plans is None:
            return False
        for quote, value in plans:
            if quote is not None:
                _set_quote(quote, value)
                self.changed(quote.parent if quote.parent is not None else stmt)
        parse = [(name, alias) for name, alias in names if name != "escape"]
        escape = [(name, alias) for name, alias in names if name == "escape"]
        if not parse:
            self._set_from_module(stmt, "xml.sax.saxutils")
            return True
        self._replace_simple(stmt, "from six.moves.urllib.parse import %s\nfrom xml.sax.saxutils "
                             "import %s\n" % (_names_text(parse), _names_text(escape)))
        return True

    def _set_from_module(self, stmt, dotted):
        children = stmt.children
        index = 1
        while not (children[index].type == token.NAME and children[index].value == "import"):
            index += 1
        prefix = children[1].prefix
        for child in children[1:index]:
            child.remove()
        new = _module_node(dotted)
        new.prefix = prefix
        stmt.insert_child(1, new)
        self.changed(stmt)
