"""``werkzeug.urls`` quoting and parsing functions -> ``urllib.parse``.

Werkzeug 2.3 deprecated its own URL functions for the standard library's and
Werkzeug 3.0 removed them (``iri_to_uri`` and ``uri_to_iri`` stay). Each call
becomes the ``urllib.parse`` call that gives the same result on Python 3:

=============================  ==============================================
``url_quote(s)``               ``urllib.parse.quote(s, safe='/:')`` (Werkzeug
                               kept ``:`` too)
``url_quote_plus(s)``          ``urllib.parse.quote_plus(s)``
``url_unquote(s)``             ``urllib.parse.unquote(s)``
``url_unquote_plus(s)``        ``urllib.parse.unquote_plus(s)``
``url_join(base, url)``        ``urllib.parse.urljoin(base, url)``
``url_unparse(parts)``         ``urllib.parse.urlunsplit(parts)``
``url_encode({...})``          ``urllib.parse.urlencode({...})``, for a dict
                               or list written out in the call
``url_decode(s)``              ``MultiDict(parse_qsl(s, keep_blank_values=True))``
=============================  ==============================================

``charset=`` becomes ``encoding=``. What has no sure equivalent is listed for
review: ``url_parse`` (its ``URL`` has ``.host``/``.auth``, ``urlsplit``'s
result ``.hostname``/``.username``), ``url_fix``, ``unsafe=``,
``url_encode`` of anything but a literal (it skipped ``None`` values and sent
every value of a ``MultiDict``), and a function used without being called.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._flask3 import Flask3Fix, called_path, drop_name, uses_of
from ._m3util import from_import_parts, replace_small, statement_of
from ._util import ensure_import, expression

_CHANGELOG = "Werkzeug 2.3 deprecated werkzeug.urls' own functions, Werkzeug 3.0 removed them"

#: name -> (urllib.parse function, positional parameter names, defaults to add)
_PLAIN = {
    "url_quote": ("quote", ["string", "charset", "errors", "safe"], {"safe": "'/:'"}),
    "url_quote_plus": ("quote_plus", ["string", "charset", "errors", "safe"], {}),
    "url_unquote": ("unquote", ["string", "charset", "errors"], {}),
    "url_unquote_plus": ("unquote_plus", ["string", "charset", "errors"], {}),
    "url_join": ("urljoin", ["base", "url", "allow_fragments"], {}),
    "url_unparse": ("urlunsplit", ["components"], {}),
}
_REVIEW_ONLY = {
    "url_parse": "use urllib.parse.urlsplit; its result has .hostname, .port, .username and "
                 ".password where Werkzeug's URL had .host, .port, .auth",
    "url_fix": "no urllib.parse equivalent: quote the parts that need it with "
               "urllib.parse.quote",
}
_NAMES = set(_PLAIN) | set(_REVIEW_ONLY) | set(["url_encode", "url_decode"])
_KEYWORDS = {"charset": "encoding"}


def _arguments(trailer):
    """``([positional texts], {keyword: text})`` of a call, or None for
    ``*args``/``**kwargs``."""
    if len(trailer.children) < 3:
        return [], {}
    args = trailer.children[1]
    items = args.children if args.type == syms.arglist else [args]
    positional, keywords = [], {}
    for item in items:
        if item.type == token.COMMA:
            continue
        if item.type == syms.argument and item.children[1].type == token.EQUAL:
            keywords[item.children[0].value] = str(item.children[2]).strip()
        elif item.type == syms.argument or item.type in (token.STAR, token.DOUBLESTAR) or (
                item.type == syms.star_expr):
            return None
        elif str(item).lstrip().startswith("*"):
            return None
        else:
            if keywords:
                return None
            positional.append(str(item).strip())
    return positional, keywords


def _replacement(name, trailer):
    """``(text of the new call, modules it needs)`` or ``(None, reason)``."""
    found = _arguments(trailer)
    if found is None:
        return None, "a call with *args or **kwargs"
    positional, keywords = found
    if name in _REVIEW_ONLY:
        return None, _REVIEW_ONLY[name]
    if name == "url_encode":
        if len(positional) != 1 or keywords or positional[0][:1] not in ("{", "[") or \
                "None" in positional[0]:
            return None, ("urllib.parse.urlencode skips no None value and sends one value per "
                          "key of a MultiDict (pass list(d.items(multi=True))): rewrite by hand")
        return "urllib.parse.urlencode(%s)" % positional[0], ["urllib.parse"]
    if name == "url_decode":
        if len(positional) != 1 or keywords:
            return None, "only url_decode(s) has a sure rewrite: MultiDict(parse_qsl(s, ...))"
        return ("werkzeug.datastructures.MultiDict(urllib.parse.parse_qsl(%s, "
                "keep_blank_values=True))" % positional[0],
                ["urllib.parse", "werkzeug.datastructures"])
    function, params, defaults = _PLAIN[name]
    if "unsafe" in keywords:
        return None, "unsafe= has no urllib.parse equivalent"
    if len(positional) > len(params):
        return None, "more arguments than %s takes" % name
    values = dict(zip(params, positional))
    for key, value in keywords.items():
        if key not in params or key in values:
            return None, "the %s= argument" % key
        values[key] = value
    for key, value in defaults.items():
        values.setdefault(key, value)
    if params[0] not in values:
        return None, "no argument to convert"
    parts = [values[params[0]]]
    # urljoin and urlunsplit take Werkzeug's positional order; the quote
    # functions do not (safe comes second), so they get keywords.
    same_order = function in ("urljoin", "urlunsplit")
    for position, key in enumerate(params[1:], 1):
        if key not in values:
            continue
        if same_order and position < len(positional):
            parts.append(values[key])
        else:
            parts.append("%s=%s" % (_KEYWORDS.get(key, key), values[key]))
    return "urllib.parse.%s(%s)" % (function, ", ".join(parts)), ["urllib.parse"]


class FixFlask3WerkzeugUrls(Flask3Fix):
    """Call ``urllib.parse`` where the code called Werkzeug's removed URL
    functions; review what has no sure equivalent."""

    name = "flask3_werkzeug_urls"
    summary = "werkzeug.urls url_quote/url_unquote/url_encode/... -> urllib.parse"
    PATTERN = (
        "import_from< 'from' any+ 'import' any+ >"
        " | power< NAME trailer< '.' 'urls' > trailer< '.' NAME > any* >"
        " | power< NAME trailer< '.' NAME > any* >"
    )

    def start_tree(self, tree, filename):
        """Reset the per-file state."""
        super(FixFlask3WerkzeugUrls, self).start_tree(tree, filename)
        self._imports = []

    def _need(self, modules):
        for module in modules:
            if module not in self._imports:
                self._imports.append(module)

    def _rewrite(self, power, index, name):
        """Rewrite the call ``power.children[index]`` of ``name``; False
        when it stays (and is reviewed)."""
        if index >= len(power.children) or power.children[index].type != syms.trailer or \
                power.children[index].children[0].type != token.LPAR:
            self.review_since(power, "werkzeug.urls.%s used without a call: no sure rewrite"
                              % name, _CHANGELOG)
            return False
        text, extra = _replacement(name, power.children[index])
        if text is None:
            self.review_since(power, "werkzeug.urls.%s: %s" % (name, extra), _CHANGELOG)
            return False
        rest = "".join(str(child) for child in power.children[index + 1:])
        power.replace(expression(text + rest, prefix=power.prefix))
        self._need(extra)
        self.changed(power)
        return True

    def transform(self, node, results):
        if node.type == syms.import_from:
            return self._import_from(node)
        found = called_path(node, ("werkzeug",))
        if found is None:
            return None
        path, index = found
        if not path.startswith("urls.") or path.count(".") != 1:
            return None
        name = path.split(".")[1]
        if name in _NAMES:
            self._rewrite(node, index, name)
        return None

    def _import_from(self, node):
        module, names = from_import_parts(node)
        if module != "werkzeug.urls" or not names:
            return None
        kept = 0
        removable = []
        for name, alias in names:
            if name not in _NAMES:
                kept += 1
                continue
            uses = uses_of(node, alias or name, set([("from", module, name)]))
            if not all(_called(leaf) for leaf in uses):
                self.review_since(node, "werkzeug.urls.%s used without a call: no sure rewrite"
                                  % name, _CHANGELOG)
                kept += 1
                continue
            done = [self._rewrite(leaf.parent, 1, name) for leaf in uses]
            if all(done):
                removable.append(name)
            else:
                kept += 1
        if not removable:
            return None
        if kept:
            for name in removable:
                drop_name(node, name)
        else:
            stmt = statement_of(node)
            replace_small(node, [])
            node = stmt
        self.changed(node)
        return None

    def finish_tree(self, tree, filename):
        """Import what the new calls use."""
        for module in self._imports:
            ensure_import(tree, module)



def _called(leaf):
    parent = leaf.parent
    return (
        parent is not None and parent.type == syms.power and parent.children[0] is leaf
        and len(parent.children) > 1 and parent.children[1].type == syms.trailer
        and parent.children[1].children[0].type == token.LPAR
    )
