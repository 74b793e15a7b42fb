# -*- coding: utf-8 -*-
"""The compatibility layer, and the rule that it is the only module that
looks at the interpreter or at a dependency's version."""
from __future__ import unicode_literals

import ast
import io
import os
import threading

import pytest

import flaskcompat
from flaskcompat import _compat

PACKAGE_DIR = os.path.dirname(os.path.abspath(flaskcompat.__file__))

VERSION_NAMES = frozenset(["PY2", "PY3", "PY34", "PY36", "PYPY"])
VERSION_ATTRIBUTES = frozenset(
    ["version_info", "hexversion", "PY2", "PY3", "PY34", "__version__"]
)


def version_checks(source, filename="<string>"):
    """Line numbers where ``source`` looks at the interpreter or a
    dependency version: ``sys.version_info``/``sys.version``/``hexversion``,
    ``six.PY2``/``PY3`` (or the bare names), a ``__version__`` anywhere,
    ``importlib.metadata.version()``/``pkg_resources.get_distribution()``."""
    tree = ast.parse(source, filename)
    hits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            if node.attr in VERSION_ATTRIBUTES:
                hits.append(node.lineno)
            elif node.attr == "version" and isinstance(node.value, ast.Name):
                if node.value.id == "sys":
                    hits.append(node.lineno)
            elif node.attr in ("get_distribution", "require"):
                hits.append(node.lineno)
        elif isinstance(node, ast.Name) and node.id in VERSION_NAMES:
            hits.append(node.lineno)
        elif isinstance(node, ast.ImportFrom):
            names = set(alias.name for alias in node.names)
            if names & (VERSION_NAMES | set(["version_info"])):
                hits.append(node.lineno)
            # a dependency's version; the package's own (a relative import)
            # is only reported, never compared
            if "__version__" in names and not node.level:
                hits.append(node.lineno)
            if node.module in ("importlib.metadata", "importlib_metadata"):
                if "version" in names:
                    hits.append(node.lineno)
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in ("LooseVersion", "StrictVersion", "parse_version"):
                hits.append(node.lineno)
        elif isinstance(node, ast.Try if hasattr(ast, "Try") else ast.TryExcept):
            if import_fallback(node):
                hits.append(node.lineno)
        if moves_import(node):
            hits.append(node.lineno)
    return sorted(set(hits))


IMPORT_ERRORS = frozenset(["ImportError", "ModuleNotFoundError"])


def _caught_names(handler):
    """The exception class names an ``except`` clause names."""
    kinds = handler.type
    if kinds is None:
        return set()
    if isinstance(kinds, ast.Tuple):
        kinds = kinds.elts
    else:
        kinds = [kinds]
    return set(k.id for k in kinds if isinstance(k, ast.Name))


def import_fallback(node):
    """True for ``try: import a / from b import c`` whose handler catches
    ImportError: a choice between two versions of a dependency, or between
    having it and not, which belongs in the compat layer."""
    body_imports_only = all(
        isinstance(stmt, (ast.Import, ast.ImportFrom)) for stmt in node.body
    )
    return body_imports_only and any(
        _caught_names(handler) & IMPORT_ERRORS for handler in node.handlers
    )


def moves_import(node):
    """True for ``from six.moves import ...``, ``import six.moves...`` and
    ``six.moves`` attribute access: renamed stdlib modules are reached
    through the compat layer."""
    if isinstance(node, ast.ImportFrom):
        return (node.module or "").startswith("six.moves")
    if isinstance(node, ast.Import):
        return any(alias.name.startswith("six.moves") for alias in node.names)
    if isinstance(node, ast.Attribute) and node.attr == "moves":
        return isinstance(node.value, ast.Name) and node.value.id == "six"
    return False


def framework_modules():
    for folder, _dirs, files in os.walk(PACKAGE_DIR):
        for name in sorted(files):
            if name.endswith(".py"):
                yield os.path.join(folder, name)


def test_checker_finds_every_kind_of_version_check():
    source = "\n".join(
        [
            "import sys, six, werkzeug",
            "if sys.version_info[0] == 2: pass",
            "if six.PY2: pass",
            "if PY3: pass",
            "from six import PY2",
            "if werkzeug.__version__ < '2': pass",
            "from importlib.metadata import version",
            "if sys.version.startswith('2'): pass",
            "x = LooseVersion('1.0')",
            "from werkzeug import __version__",
            "ok = six.text_type",
            "from . import __version__",
            "try:\n    from importlib.machinery import ModuleSpec\nexcept ImportError:\n    ModuleSpec = None",
            "try:\n    import asgiref\nexcept (ValueError, ModuleNotFoundError):\n    asgiref = None",
            "from six.moves.urllib.parse import urlsplit",
            "q = six.moves.urllib.parse.quote",
            "try:\n    app = load(name)\nexcept ImportError:\n    app = None",
        ]
    )
    assert version_checks(source) == [2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 17, 21, 22]


def test_only_compat_checks_versions():
    offenders = {}
    for path in framework_modules():
        if os.path.basename(path) == "_compat.py" and os.path.dirname(path) == PACKAGE_DIR:
            continue
        with io.open(path, "rb") as f:
            source = f.read()
        lines = version_checks(source, path)
        if lines:
            offenders[os.path.relpath(path, PACKAGE_DIR)] = lines
    assert offenders == {}


def test_compat_itself_is_where_the_checks_are():
    with io.open(os.path.join(PACKAGE_DIR, "_compat.py"), "rb") as f:
        assert version_checks(f.read())


def test_to_bytes_and_to_text_name_the_encoding():
    assert _compat.to_bytes("é") == b"\xc3\xa9"
    assert _compat.to_bytes("é", "latin-1") == b"\xe9"
    assert _compat.to_bytes(b"\xff") == b"\xff"
    assert _compat.to_bytes(bytearray(b"ab")) == b"ab"
    assert _compat.to_text(b"\xc3\xa9") == "é"
    assert _compat.to_text(b"\xff", errors="replace") == "\ufffd"
    assert _compat.to_text("é") == "é"
    assert _compat.to_bytes(None) is None and _compat.to_text(None) is None
    with pytest.raises(UnicodeDecodeError):
        _compat.to_text(b"\xff")
    with pytest.raises(TypeError):
        _compat.to_text(42)
    with pytest.raises(TypeError):
        _compat.to_bytes(42)


def test_to_native_is_the_str_type():
    assert type(_compat.to_native("é")) is str
    assert type(_compat.to_native(b"\xc3\xa9")) is str
    assert _compat.to_text(_compat.to_native("é")) == "é"


def test_wsgi_round_trip_carries_utf8_bytes():
    native = _compat.text_to_wsgi("/caf\xe9")
    assert type(native) is str
    # PEP 3333: the native string holds one code point per byte
    assert _compat.to_bytes(native, "latin-1") == b"/caf\xc3\xa9"
    assert _compat.wsgi_to_text(native) == "/caf\xe9"


def test_wsgi_to_text_replaces_undecodable_bytes():
    native = _compat.to_native(b"/\xff", "latin-1")
    assert _compat.wsgi_to_text(native) == "/\ufffd"


def test_url_quote_encodes_utf8():
    assert _compat.url_quote("a b/é") == "a%20b/%C3%A9"
    assert _compat.url_quote("a/b", safe="") == "a%2Fb"
    assert isinstance(_compat.url_quote("x"), _compat.text_type)


def test_context_stack_push_pop_top():
    stack = _compat.ContextStack("test")
    assert stack.top is None and len(stack) == 0
    assert stack.pop() is None
    stack.push(1)
    stack.push(2)
    assert stack.top == 2 and len(stack) == 2
    assert stack.pop() == 2
    assert stack.pop() == 1
    assert stack.top is None


def test_context_stack_peek_follows_every_push_and_pop():
    stack = _compat.ContextStack("test")
    seen = [stack.peek()]
    for item in ("a", "b", "c"):
        stack.push(item)
        seen.append((stack.peek(), stack.top))
    while len(stack):
        stack.pop()
        seen.append((stack.peek(), stack.top))
    assert seen == [
        None,
        ("a", "a"), ("b", "b"), ("c", "c"),
        ("b", "b"), ("a", "a"), (None, None),
    ]


def test_context_stack_peek_is_local_to_each_thread():
    stack = _compat.ContextStack("test")
    stack.push("main")
    seen = []

    def worker():
        seen.append(stack.peek())
        stack.push("worker")
        seen.append(stack.peek())
        stack.pop()
        seen.append(stack.peek())

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert seen == [None, "worker", None]
    assert stack.peek() == "main"
    stack.pop()


def test_context_stack_takes_none_as_an_entry():
    # a pushed None hides what is under it (a test client shows "no
    # request" that way) until it is popped
    stack = _compat.ContextStack("test")
    seen = []
    for step in (None, "a", None, None):
        stack.push(step)
        seen.append((len(stack), stack.top, stack.peek()))
    while len(stack):
        seen.append(("pop", stack.pop(), len(stack), stack.top))
    seen.append(("pop", stack.pop(), len(stack), stack.top))
    assert seen == [
        (1, None, None),
        (2, "a", "a"),
        (3, None, None),
        (4, None, None),
        ("pop", None, 3, None),
        ("pop", None, 2, "a"),
        ("pop", "a", 1, None),
        ("pop", None, 0, None),
        ("pop", None, 0, None),
    ]


def test_context_stack_nests_and_unwinds():
    stack = _compat.ContextStack("test")
    pushed = [stack.push(item) for item in ("a", "b", "c")]
    assert pushed == [("a",), ("a", "b"), ("a", "b", "c")]
    assert (len(stack), stack.top, stack.peek()) == (3, "c", "c")
    assert [stack.pop() for _ in range(4)] == ["c", "b", "a", None]
    assert (len(stack), stack.top, stack.peek()) == (0, None, None)


def test_context_stack_is_local_to_each_thread():
    stack = _compat.ContextStack("test")
    stack.push("main")
    seen = []

    def worker():
        seen.append(stack.top)
        stack.push("worker")
        seen.append(stack.top)
        stack.pop()

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert seen == [None, "worker"]
    assert stack.top == "main"
    stack.pop()


def test_markup_escape_and_jinja_decorators_exist():
    assert _compat.escape("<a>") == _compat.Markup("&lt;a&gt;")
    assert _compat.soft_str(_compat.Markup("<b>")) == "<b>"

    @_compat.pass_context
    def f(context):
        return context

    assert callable(f)


def test_dataclass_as_dict_without_a_dataclass():
    assert _compat.dataclass_as_dict(object()) is None
    assert _compat.dataclass_as_dict({"a": 1}) is None


def test_getargspec():
    def factory(a, b=1, *args, **kwargs):
        pass

    names, defaults = _compat.getargspec(factory)
    assert list(names) == ["a", "b"] and tuple(defaults) == (1,)
    assert _compat.getargspec(lambda: None)[1] is None
    assert _compat.getargspec(object()) == ([], None)


def test_reraise_keeps_the_traceback():
    import sys

    def fail():
        raise ValueError("boom")

    try:
        try:
            fail()
        except ValueError:
            tp, value, tb = sys.exc_info()
            _compat.reraise(tp, value, tb)
    except ValueError as e:
        assert str(e) == "boom"
        frames = []
        tb = sys.exc_info()[2]
        while tb is not None:
            frames.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        assert frames[-1] == "fail"
