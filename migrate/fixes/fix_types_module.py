"""``types.IntType`` & co. -> the builtin types they name."""
from ._base import ModuleAttributeFix

REPLACEMENTS = {
    "BooleanType": "bool",
    "ComplexType": "complex",
    "DictType": "dict",
    "DictionaryType": "dict",
    "FloatType": "float",
    "FrozenSetType": "frozenset",
    "IntType": "int",
    "ListType": "list",
    "NoneType": "type(None)",
    "NotImplementedType": "type(NotImplemented)",
    "EllipsisType": "type(Ellipsis)",
    "ObjectType": "object",
    "SliceType": "slice",
    "TupleType": "tuple",
    "TypeType": "type",
    "UnicodeType": "six.text_type",
    "StringTypes": "six.string_types",
    # No single meaning on both: str was bytes on 2.7; long, old-style
    # classes, buffer, file and xrange are gone.
    "StringType": None,
    "LongType": None,
    "ClassType": None,
    "InstanceType": None,
    "BufferType": None,
    "FileType": None,
    "XRangeType": None,
    "UnboundMethodType": None,
    "DictProxyType": None,
}


def _builtin_alias(name):
    """True for a name whose replacement needs no import (``ListType``)."""
    replacement = REPLACEMENTS.get(name)
    return replacement is not None and not replacement.startswith("six.")


class FixTypesModule(ModuleAttributeFix):
    """Replace the ``types`` aliases of builtin types that Python 3 dropped.

    ``types.IntType`` is ``int`` on 2.7, so the rewrite is exact there;
    ``types.StringType`` (bytes on 2.7, text was meant as often as not),
    ``LongType``, ``ClassType`` and the other types without a Python 3
    counterpart are reported.
    """

    name = "types_module"
    python3_safe = True
    summary = "types.IntType -> int, types.StringTypes -> six.string_types...; StringType & co. reported"
    module = "types"
    replacements = REPLACEMENTS
    imports = ("six",)
    python3_kept = frozenset(["NoneType", "NotImplementedType", "EllipsisType"])

    def transform(self, node, results):
        """Rewrite; with ``--target 3`` LongType is plainly ``int``."""
        attr = results.get("attr")
        if isinstance(attr, list):
            attr = attr[0]
        if (
            attr is not None
            and attr.value == "LongType"
            and (self.options or {}).get("target") == "3"
        ):
            self.replacements = dict(REPLACEMENTS, LongType="int")
            try:
                return super(FixTypesModule, self).transform(node, results)
            finally:
                self.replacements = REPLACEMENTS
        if attr is not None and attr.value == "StringTypes":
            return self._string_types(node, results)
        return super(FixTypesModule, self).transform(node, results)

    def _string_types(self, node, results):
        """six.string_types is ``(basestring,)`` on 2.7: the same test as
        StringTypes only in isinstance/issubclass; elsewhere (``type(x) in
        types.StringTypes``) the tuple of both classes."""
        from ._util import is_module_use, isinstance_types_of, name_is_builtin_at

        if isinstance_types_of(node) is not None or not is_module_use(results["mod"], "types"):
            return super(FixTypesModule, self).transform(node, results)
        if not name_is_builtin_at(node, "str"):
            self.review(node, "types.StringTypes: str is rebound here; rewrite by hand")
            return None
        self.replacements = dict(REPLACEMENTS, StringTypes="(str, six.text_type)")
        try:
            replaced = super(FixTypesModule, self).transform(node, results)
        finally:
            self.replacements = REPLACEMENTS
        self._needs_imports = True
        return replaced

    def from_import(self, node, names):
        """``from types import ListType`` -> ``ListType = list`` when every
        imported name is a builtin's alias; otherwise report."""
        from fissix.pygram import python_symbols as syms

        from ._m3util import from_import_parts, replace_statement

        pairs = from_import_parts(node)[1]
        if pairs and all(self.keeps(name) for name, _alias in pairs):
            return  # Python 3.10's own names, in a module read as Python 3
        stmt = node.parent
        simple = (
            pairs
            and stmt is not None
            and stmt.type == syms.simple_stmt
            and len(stmt.children) == 2
            and all(_builtin_alias(name) for name, _alias in pairs)
        )
        if not simple:
            super(FixTypesModule, self).from_import(node, names)
            return
        text = "".join("%s = %s\n" % (alias or name, REPLACEMENTS[name]) for name, alias in pairs)
        replace_statement(stmt, text)
        self.changed(node)

    def review_attribute(self, node, attr):
        """Explain why the attribute was left alone."""
        if attr == "StringType":
            message = "types.StringType is str (bytes) on 2.7: use six.binary_type or six.text_type as meant"
        elif attr == "LongType":
            message = "types.LongType: use six.integer_types in type checks"
        else:
            message = "types.%s has no equivalent on Python 3" % attr
        self.review(node, message)
