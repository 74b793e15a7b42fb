"""``file(...)`` -> ``open(...)``."""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import is_builtin_use, is_call_of, name_is_builtin_at, replace_name


class FixFile(MigrateFix):
    """Replace calls of the builtin ``file`` by ``open``.

    On 2.7 ``open`` is exactly the ``file`` constructor, so the call keeps its
    meaning there; on 3.x it is the io open that replaced it. ``file`` as a
    type (isinstance, subclassing) has no equivalent and is reported, and so
    is a file opened in text mode in a function that hands what it reads to
    ``struct.unpack`` (Python 3 decodes text mode; struct wants bytes).
    """

    name = "file"
    summary = "file(path, mode) -> open(path, mode)"
    PATTERN = """
        name='file'
        | expr_stmt< target=NAME '=' power< opener='open' trailer< '(' args=any ')' > > >
    """

    def transform(self, node, results):
        if "opener" in results:
            self._text_mode_struct(node, results)
            return None
        name = results["name"]
        if not is_builtin_use(name):
            return None
        if not is_call_of(name):
            self.review(
                name,
                "the file type does not exist on Python 3: use io.IOBase for "
                "checks, or a class wrapping an open file",
            )
            return None
        if not name_is_builtin_at(name, "open"):
            self.review(name, "file(...): open is rebound here (io.open?); the builtin file is not")
            return None
        replace_name(name, "open")
        self.changed(name)
        return None

    def _text_mode_struct(self, node, results):
        if not is_builtin_use(results["opener"]):
            return
        args = results["args"]
        if args.type == syms.arglist:
            items = [child for child in args.children if child.type != token.COMMA]
            if len(items) < 2:
                return
            mode = items[1]
            if mode.type != token.STRING or "b" in mode.value.strip("'\"").lower():
                return
        elif args.type == syms.argument:
            return
        function = node.parent
        while function is not None and function.type != syms.funcdef:
            function = function.parent
        if function is None:
            return
        reading = "%s.read(" % results["target"].value
        for sub in function.pre_order():
            if sub.type == syms.power and str(sub).strip().startswith(("struct.unpack(", "unpack(")) \
                    and reading in str(sub):
                self.review(node, "a file opened in text mode is read into struct.unpack: "
                            "Python 3 decodes text mode; open it with 'rb' if it is binary")
                return
