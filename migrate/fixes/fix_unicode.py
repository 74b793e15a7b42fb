"""``unicode`` -> ``six.text_type``."""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import RenameBuiltinFix
from ._util import is_builtin_use, isinstance_types_of


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
    body = block.children[index + 2]
    for leaf in body.leaves():
        if leaf.type == token.NAME and leaf.value == "encode" and leaf.prev_sibling is not None \
                and leaf.prev_sibling.type == token.DOT:
            trailer = leaf.parent
            owner = trailer.parent
            position = owner.children.index(trailer)
            if "".join(str(child) for child in owner.children[:position]).strip() == checked:
                return True
    return False


class FixUnicode(RenameBuiltinFix):
    """Replace the builtin type ``unicode`` by its alias ``six.text_type``.

    ``six.text_type`` is ``unicode`` on 2.7 and ``str`` on 3.x, so calls,
    type checks and subclassing keep their meaning; ``obj.unicode``, a
    ``unicode`` parameter or a module that binds the name are left alone.
    """

    name = "unicode"
    summary = "unicode -> six.text_type"
    builtin = "unicode"
    replacement = "six.text_type"
    imports = ("six",)

    def transform(self, node, results):
        name = results["name"]
        if is_builtin_use(name) and _encoded_after_check(name):
            self.review(name, "isinstance(..., unicode) then .encode(): a native str on 2.7, "
                        "bytes on 3.x; if a native str is meant, use six.ensure_str")
        return super(FixUnicode, self).transform(node, results)
