"""``file(...)`` -> ``open(...)``."""
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._base import MigrateFix
from ._util import ensure_import, expression, has_future, is_builtin_use, is_call_of, name_is_builtin_at, replace_name
from .fix_str_escapes import _UNICODE_ESCAPE


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
        expr_stmt< target=NAME '=' power< opener=('open' | 'file') trailer< '(' args=any ')' > > >
        | name='file'
    """

    def transform(self, node, results):
        if "opener" in results:
            opener = results["opener"]
            opener = results["opener"] = opener[0] if isinstance(opener, list) else opener
            if opener.value == "open":
                self._text_mode_struct(node, results)
            self._bytes_written(node, results, opener)
            return None
        name = results["name"]
        if not is_builtin_use(name):
            return None
        if not is_call_of(name) and self._newlines_probe(name):
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

    def _newlines_probe(self, name):
        """``hasattr(file, 'newlines')`` -> ``six.PY2``.

        The probe asked whether open() knows the universal-newline mode
        'U'; Python 3 reads text with universal newlines in every mode and
        3.11 refuses 'U', so the answer there is no (and on 2.7 it is yes,
        as six.PY2 says).
        """
        arglist = name.parent
        call = arglist.parent if arglist is not None else None
        power = call.parent if call is not None else None
        if (arglist.type != syms.arglist or len(arglist.children) != 3 or arglist.children[0] is not name
                or str(arglist.children[2]).strip() not in ("'newlines'", '"newlines"')
                or power is None or power.type != syms.power or len(power.children) != 2
                or str(power.children[0]).strip() != "hasattr" or not is_builtin_use(power.children[0])):
            return False
        power.replace(expression("six.PY2", prefix=power.prefix))
        self._needs_six = True
        self.changed(power)
        self.review(power, "hasattr(file, 'newlines') probed the universal-newline mode 'U': "
                    "six.PY2 (Python 3 reads text with universal newlines and 3.11 refuses 'U')")
        return True

    def start_tree(self, tree, filename):
        """Reset the per-file state."""
        super(FixFile, self).start_tree(tree, filename)
        self._needs_six = False
        self._text_literals = None

    def finish_tree(self, tree, filename):
        """Import six where a probe became six.PY2."""
        if self._needs_six:
            ensure_import(tree, "six")

    def _bytes_written(self, node, results, opener):
        """``f = open(p, 'wb')`` ... ``f.write('text')`` -> ``f.write(b'text')``.

        A plain str literal is bytes on 2.7, which is what a file opened in
        binary mode takes on 3.x as well; ASCII literals only, in the same
        function (or module) as the open.
        """
        if not is_builtin_use(opener) or results["args"].type != syms.arglist:
            return
        items = [child for child in results["args"].children if child.type != token.COMMA]
        mode = items[1] if len(items) > 1 else None
        if mode is None or mode.type != token.STRING or mode.value[:1] not in "'\"" \
                or "b" not in mode.value.lower() or not set("wa+") & set(mode.value):
            return
        scope = node.parent
        while scope.parent is not None and scope.type != syms.funcdef:
            scope = scope.parent
        if self._text_literals is None:
            self._text_literals = has_future(self._tree, "unicode_literals")
        if self._text_literals:
            return
        writing = results["target"].value + ".write"
        for sub in scope.pre_order():
            if sub.type != syms.power or len(sub.children) != 3 or str(sub.children[0]).strip() + \
                    str(sub.children[1]).strip() != writing:
                continue
            literal = sub.children[2].children[1] if len(sub.children[2].children) == 3 else None
            if literal is None or literal.type != token.STRING or literal.value[:1] not in "'\"":
                continue
            try:
                literal.value.encode("ascii")
            except UnicodeError:
                continue
            if _UNICODE_ESCAPE.search(literal.value):
                continue
            literal.value = "b" + literal.value
            literal.changed()
            self.changed(literal)

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
