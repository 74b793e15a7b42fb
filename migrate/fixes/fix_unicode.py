"""``unicode`` -> ``six.text_type``."""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import RenameBuiltinFix
from ._util import expression, is_builtin_use, isinstance_types_of, reads_attribute_of


def _encoded_after_check(name):
    """For ``unicode`` in ``if isinstance(v, unicode):``, True when that
    block calls ``v.encode(...)``: a native str on 2.7, bytes on 3.x."""
    types = isinstance_types_of(name)
    if types is None:
        return False
    arglist = types.parent
    checked = str(arglist.children[0]).strip()
    call = arglist.parent.parent
    test = call
    while test.parent is not None and test.parent.type in (syms.not_test, syms.and_test):
        test = test.parent
    block = test.parent
    if block is None or block.type != syms.if_stmt:
        return False
    index = block.children.index(test)
    if index + 2 >= len(block.children):
        return False
    return reads_attribute_of(block.children[index + 2], checked, "encode")


def _native_encode(name):
    """The ``v.encode(args)`` of ``if isinstance(v, unicode): v = v.encode(args)``.

    Only that exact shape: the check is the whole test or a plain term of an
    ``and`` (never negated), ``unicode`` is the only type checked, and the
    block is the one assignment of the encoded value back to the name that
    was checked, with the encoding given. Returns (power node, checked text,
    argument text) or None. (A module that imports ctypes keeps the bytes.)
    """
    types = isinstance_types_of(name)
    if types is not name:
        return None
    arglist = types.parent
    checked = arglist.children[0]
    if checked.type != token.NAME:
        return None
    test = arglist.parent.parent
    if test.parent is not None and test.parent.type == syms.and_test:
        test = test.parent
    block = test.parent
    if block is None or block.type != syms.if_stmt or block.children[1] is not test:
        return None
    body = block.children[3]
    if body.type == syms.suite:
        statements = [child for child in body.children if child.type == syms.simple_stmt]
        if len(statements) != 1 or len(body.children) != 4:
            return None
        body = statements[0]
    if body.type != syms.simple_stmt or len(body.children) != 2:
        return None
    assign = body.children[0]
    if assign.type != syms.expr_stmt or len(assign.children) != 3 or assign.children[1].value != "=":
        return None
    target, value = assign.children[0], assign.children[2]
    if target.type != token.NAME or target.value != checked.value or value.type != syms.power:
        return None
    parts = value.children
    if (len(parts) != 3 or parts[0].type != token.NAME or parts[0].value != checked.value
            or str(parts[1]) != ".encode" or parts[2].type != syms.trailer
            or len(parts[2].children) != 3):
        return None
    return value, checked.value, str(parts[2].children[1]).strip()


def _uses_ctypes(node):
    """True when the module imports ctypes (a native str for C is bytes)."""
    root = node
    while root.parent is not None:
        root = root.parent
    for child in root.pre_order():
        if child.type in (syms.import_name, syms.import_from):
            words = str(child).split()
            if len(words) > 1 and words[1].split(".")[0].rstrip(",") == "ctypes":
                return True
    return False


class FixUnicode(RenameBuiltinFix):
    """Replace the builtin type ``unicode`` by its alias ``six.text_type``.

    ``six.text_type`` is ``unicode`` on 2.7 and ``str`` on 3.x, so calls,
    type checks and subclassing keep their meaning; ``obj.unicode``, a
    ``unicode`` parameter or a module that binds the name are left alone.
    """

    name = "unicode"
    python3_safe = True
    summary = "unicode -> six.text_type"
    builtin = "unicode"
    replacement = "six.text_type"
    imports = ("six",)

    def transform(self, node, results):
        name = results["name"]
        native = _native_encode(name) if is_builtin_use(name) else None
        if native is not None and _uses_ctypes(node):
            # C functions take bytes on 3.x: the encoded value stays bytes
            native = None
        if native is not None:
            # the 2.7 code makes a native str of text: six.ensure_str does
            # that on 2.7 (it encodes) and on 3.x (text is left as it is)
            encoded, checked, arguments = native
            encoded.replace(expression("six.ensure_str(%s, %s)" % (checked, arguments),
                                       prefix=encoded.prefix))
            self.changed(encoded)
            self.review(name, "isinstance(..., unicode) then .encode(): taken as making a native "
                        "str (six.ensure_str, text on 3.x); use six.ensure_binary if bytes are meant")
        elif is_builtin_use(name) and _encoded_after_check(name):
            self.review(name, "isinstance(..., unicode) then .encode(): a native str on 2.7, "
                        "bytes on 3.x; if a native str is meant, use six.ensure_str")
        return super(FixUnicode, self).transform(node, results)
