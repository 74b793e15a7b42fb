"""``app.json_encoder`` / ``flask.json.JSONEncoder`` -> a JSON provider.

Flask 2.2 replaced the app's JSON encoder and decoder classes by a JSON
provider (``app.json``, an instance of ``app.json_provider_class``) and
Flask 2.3 removed ``json_encoder``, ``json_decoder`` and
``flask.json.JSONEncoder``/``JSONDecoder``. The common case has a sure
rewrite: an encoder class of the same file that only overrides ``default``
becomes a provider class (``DefaultJSONProvider`` calls its ``default``
for every object ``json`` cannot serialise, as the encoder did), and

* ``app.json_encoder = MyEncoder`` becomes ``app.json = MyEncoder(app)``;
* ``json_encoder = MyEncoder`` in a ``Flask`` subclass becomes
  ``json_provider_class = MyEncoder``;
* ``JSONEncoder.default(self, o)`` in it becomes ``super().default(o)``.

Everything else is listed for review with what to do: an encoder defined
elsewhere or overriding more than ``default``, a decoder (override the
provider's ``loads``), another use of ``JSONEncoder``/``JSONDecoder``.
"""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._flask3 import Flask3Fix, drop_name, imported_path, uses_of
from ._m3util import class_statements, from_import_parts, replace_small, statement_of
from ._util import ensure_from_import, expression

_CHANGELOG = "Flask 2.2 deprecated it for app.json, Flask 2.3 removed it"
_ENCODER_REVIEW = (
    "%s is gone: subclass flask.json.provider.DefaultJSONProvider, override "
    "default(self, o) as in the encoder, and set app.json = MyProvider(app)"
)
_DECODER_REVIEW = (
    "%s is gone: subclass flask.json.provider.DefaultJSONProvider and override "
    "loads(self, s, **kwargs) to pass the decoder's hooks to json.loads"
)


def _class_named(root, name):
    for stmt in root.children:
        node = stmt.children[-1] if stmt.type == syms.decorated else stmt
        if node.type == syms.classdef and node.children[1].value == name:
            return node
    return None


def _bases(classdef):
    """The base class expressions of ``classdef``."""
    children = classdef.children
    if len(children) < 5 or children[2].type != token.LPAR:
        return []
    inner = children[3]
    if inner.type == token.RPAR:
        return []
    if inner.type == syms.arglist:
        return [child for child in inner.children if child.type != token.COMMA]
    return [inner]


def _encoder_base(classdef):
    """The base NAME leaf when ``classdef`` derives from Flask's
    ``JSONEncoder`` alone, else None."""
    bases = _bases(classdef)
    if len(bases) != 1 or bases[0].type != token.NAME:
        return None
    found = imported_path(bases[0])
    if found is None or found[1] not in ("json.JSONEncoder", "JSONEncoder"):
        return None
    return bases[0]


def _only_default(classdef):
    """The ``default`` funcdef when it is all the class defines (a
    docstring aside), else None."""
    found = None
    for stmt in class_statements(classdef):
        if stmt.type == syms.simple_stmt and stmt.children[0].type == token.STRING:
            continue
        node = stmt.children[-1] if stmt.type == syms.decorated else stmt
        if stmt.type == syms.decorated or node.type != syms.funcdef or found is not None:
            return None
        if node.children[1].value != "default":
            return None
        found = node
    return found


class FixFlask3JsonProvider(Flask3Fix):
    """Turn an encoder that only overrides ``default`` into a JSON provider
    and set it as ``app.json``; review other encoders and decoders."""

    name = "flask3_json_provider"
    summary = "app.json_encoder = Enc (Enc only overriding default) -> app.json = Enc(app) with Enc a JSON provider"
    PATTERN = (
        "expr_stmt< power< any+ trailer< '.' attr=('json_encoder' | 'json_decoder') > > '=' "
        "value=any >"
        " | expr_stmt< attr=('json_encoder' | 'json_decoder') '=' value=any >"
        " | 'JSONEncoder' | 'JSONDecoder'"
    )

    def start_tree(self, tree, filename):
        """Find the encoder classes that will become providers before any
        use of ``JSONEncoder`` is looked at."""
        super(FixFlask3JsonProvider, self).start_tree(tree, filename)
        self._converted = set()
        self._planned = []
        for node in tree.pre_order():
            if node.type != syms.expr_stmt or len(node.children) != 3:
                continue
            target, value = node.children[0], node.children[2]
            if value.type != token.NAME:
                continue
            named = target.value if target.type == token.NAME else (
                target.children[-1].children[-1].value
                if target.type == syms.power and target.children[-1].type == syms.trailer
                else None)
            if named != "json_encoder":
                continue
            classdef = _class_named(tree, value.value)
            if classdef is not None and _convertible(classdef) is not None:
                self._planned.append(classdef)

    def transform(self, node, results):
        if node.type == token.NAME:
            return self._name(node)
        attr = results["attr"]
        attr = attr[0] if isinstance(attr, list) else attr
        if attr.value == "json_decoder":
            self.review_since(node, _DECODER_REVIEW % "json_decoder", _CHANGELOG)
            return None
        value = results["value"]
        in_class = attr.parent is node and node.parent is not None and \
            _enclosing_class(node) is not None
        if attr.parent is node and not in_class:
            return None  # a plain variable of that name
        if value.type != token.NAME or not self._convert(node, value.value):
            self.review_since(node, _ENCODER_REVIEW % "json_encoder", _CHANGELOG)
            return None
        if in_class:
            attr.value = "json_provider_class"
        else:
            power = node.children[0]
            receiver = "".join(str(child) for child in power.children[:-1]).strip()
            power.replace(expression(receiver + ".json", prefix=power.prefix))
            value.replace(expression("%s(%s)" % (value.value, receiver), prefix=value.prefix))
        self.changed(node)
        return None

    def _convert(self, node, class_name):
        """Make the encoder class ``class_name`` a provider; False when it
        has no sure rewrite."""
        if class_name in self._converted:
            return True
        root = node
        while root.parent is not None:
            root = root.parent
        classdef = _class_named(root, class_name)
        if classdef is None:
            return False
        found = _convertible(classdef)
        if found is None:
            return False
        base, calls = found
        base_name = base.value
        for power, argument in calls:
            # ``JSONEncoder.default(self, o)`` -> ``super().default(o)``
            power.replace(expression("super().default(%s)" % argument, prefix=power.prefix))
        kinds = set([("from",) + _import_of(base)])
        others = [leaf for leaf in uses_of(node, base_name, kinds) if leaf is not base]
        base.replace(expression("DefaultJSONProvider", prefix=base.prefix))
        if not others:
            self._drop_import(root, base_name)
        ensure_from_import(root, "flask.json.provider", "DefaultJSONProvider")
        self._converted.add(class_name)
        return True

    def _drop_import(self, root, name):
        for small in root.pre_order():
            if small.type != syms.import_from:
                continue
            module, names = from_import_parts(small)
            if module.split(".")[0] not in ("flask", "flaskcompat") or not names:
                continue
            if not any((alias or imported) == name for imported, alias in names):
                continue
            if len(names) > 1:
                drop_name(small, name)
            elif statement_of(small) is not None:
                replace_small(small, ["from flask.json.provider import DefaultJSONProvider"])
            return

    def _name(self, leaf):
        if any(_inside(leaf, classdef) for classdef in self._planned):
            return None
        if leaf.parent is None or leaf.parent.type in (syms.import_from, syms.import_as_name,
                                                        syms.import_as_names):
            return None
        found = imported_path(leaf)
        if found is None and leaf.prev_sibling is not None and \
                leaf.prev_sibling.type == token.DOT:
            trailer = leaf.parent
            power = trailer.parent if trailer is not None else None
            head = power.children[0] if power is not None else None
            if head is None or head.type != token.NAME:
                return None
            # flask.json.JSONEncoder after import flask
            prefix = "".join(str(child).strip() for child in power.children[1:power.children
                                                                            .index(trailer)])
            found = imported_path(head)
            module = found[1] if found is not None else None
            if module != "json" and not (prefix == ".json" and head.value in ("flask",
                                                                              "flaskcompat")):
                return None
        elif found is None or found[1] not in ("json.JSONEncoder", "json.JSONDecoder",
                                               "JSONEncoder", "JSONDecoder"):
            return None
        review = _DECODER_REVIEW if leaf.value == "JSONDecoder" else _ENCODER_REVIEW
        self.review_since(leaf, review % ("flask.json." + leaf.value), _CHANGELOG)
        return None


def _convertible(classdef):
    """``(base NAME leaf, [(JSONEncoder.default call, its object argument)])``
    when ``classdef`` is an encoder with a sure provider rewrite, else None."""
    base = _encoder_base(classdef)
    default = _only_default(classdef) if base is not None else None
    if default is None:
        return None
    params = [leaf.value for leaf in default.children[2].leaves() if leaf.type == token.NAME]
    if len(params) != 2:
        return None
    calls = []
    for power in [node for node in default.pre_order() if node.type == syms.power]:
        children = power.children
        if children[0].type != token.NAME or children[0].value != base.value:
            continue
        if len(children) != 3 or str(children[1]).strip() != ".default" or \
                len(children[2].children) != 3:
            return None
        args = children[2].children[1]
        items = [child for child in (args.children if args.type == syms.arglist else [args])
                 if child.type != token.COMMA]
        if len(items) != 2 or str(items[0]).strip() != params[0]:
            return None
        calls.append((power, str(items[1]).strip()))
    used = [leaf for leaf in default.leaves()
            if leaf.type == token.NAME and leaf.value == base.value]
    if len(used) != len(calls):
        return None
    return base, calls


def _import_of(leaf):
    from ._util import binding_kinds

    kinds = binding_kinds(leaf)
    kind = next(iter(kinds))
    return kind[1], kind[2]


def _enclosing_class(node):
    parent = node.parent
    while parent is not None:
        if parent.type == syms.classdef:
            return parent
        if parent.type == syms.funcdef:
            return None
        parent = parent.parent
    return None


def _inside(node, ancestor):
    while node is not None:
        if node is ancestor:
            return True
        node = node.parent
    return False
