# migrate-tests: tool-only
"""The fast parser builds exactly the tree fissix's own driver builds, and
fails exactly where it fails."""
import glob
import importlib
import os

import pytest
from fissix import pygram, pytree
from fissix.pgen2 import driver, parse, tokenize

from migrate import dispatch, fastparse, quicktokens
from migrate.fixes import all_fixers

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

GRAMMARS = {
    "py2": pygram.python_grammar,
    "no-print": pygram.python_grammar_no_print_statement,
    "no-print-exec": pygram.python_grammar_no_print_and_exec_statement,
}


def signature(node):
    # The attribute names too: the fast parser builds nodes without calling
    # their __init__, so a fissix release that adds an attribute shows here.
    names = tuple(sorted(vars(node)))
    if isinstance(node, pytree.Leaf):
        return (names, node.type, node.value, node.prefix, node.lineno, node.column, tuple(node.fixers_applied))
    return (names, node.type, node.fixers_applied, tuple(signature(child) for child in node.children))


def check_parents(node):
    for child in getattr(node, "children", ()):
        assert child.parent is node
        check_parents(child)


def reference_parse(grammar, text):
    return driver.Driver(grammar, convert=pytree.convert).parse_string(text)


def corpus():
    texts = []
    for pattern in (
        os.path.join(HERE, "fixtures", "legacy_app", "**", "*.py"),
        os.path.join(REPO, "migrate", "**", "*.py"),
    ):
        for path in sorted(glob.glob(pattern, recursive=True)):
            with open(path, encoding="utf-8") as stream:
                texts.append(pytest.param(stream.read(), id=os.path.relpath(path, REPO)))
    for name in sorted(all_fixers()):
        try:
            module = importlib.import_module("test_fix_" + name)
        except ImportError:
            continue
        for number, case in enumerate(getattr(module, "CASES", [])):
            before = case[0] if isinstance(case, tuple) else case.before
            if isinstance(before, bytes):
                before = before.decode("utf-8")
            texts.append(pytest.param(before, id="%s-%d" % (name, number)))
    texts.extend(
        pytest.param(text, id=name)
        for name, text in [
            ("empty", ""),
            ("only-comment", "# nothing\n"),
            ("tabs-formfeed", "if x:\n\tpass\n\f\n\t# c\nelse:\n  \ty = 1\n"),
            ("continuation", "x = 1 + \\\n    2\ny = (3,\n     4)  # end\n"),
            ("py2-syntax", "print >>f, `x`, 0777L, ur'a'\nexec 'x' in d\nif a <> b: raise E, 'v', tb\n"),
            ("decorators-lambda", "@d(1)\ndef f(a, (b, c)=(1, 2), *args, **kw):\n    return lambda x, y=1: x\n"),
            ("bad", "def f(:\n"),
            ("bad-indent", "if x:\n    a\n  b\n"),
            ("eof-in-statement", "x = (1,\n"),
            ("too-much", "x = 1 )\n"),
            ("two-atoms", "x = 1 2\n"),
            ("atoms-in-call", "foo(a b, c)\n"),
            ("operator-after-atom", "x = (a.b[1] + -c ** 2) if y else lambda: z\n"),
            ("keyword-after-atom", "x = a if b\n"),
            ("nested-chains", "x = [[(a, {b: c}) for a in d if a] or e]\nassert not x, `x`\n"),
        ]
    )
    return texts


@pytest.mark.parametrize("grammar_name", sorted(GRAMMARS))
@pytest.mark.parametrize("text", corpus())
def test_same_tree_or_same_error_as_fissix(grammar_name, text):
    grammar = GRAMMARS[grammar_name]
    try:
        expected = reference_parse(grammar, text)
    except (parse.ParseError, tokenize.TokenError, IndentationError) as error:
        with pytest.raises(type(error)) as raised:
            fastparse.parse_string(grammar, text)
        assert raised.value.args == error.args
        return
    created = []
    tree = fastparse.parse_string(grammar, text, created)
    assert signature(tree) == signature(expected)
    assert tree.used_names == expected.used_names
    assert str(tree) == text
    check_parents(tree)
    # The nodes it reports, in post-order, are those of the tree.
    assert [id(node) for node in created] == [id(node) for node in dispatch._post_order(tree)]


def test_reports_lost_text_instead_of_returning_a_wrong_tree(monkeypatch):
    real = tokenize.generate_tokens

    def garbling(readline):
        # A tokenizer that returns a token longer than the source had stands
        # in for a bug that would duplicate text.
        for token in real(readline):
            if token[0] == tokenize.NAME and token[1] == "x":
                token = (token[0], "xx") + tuple(token[2:])
            yield token

    monkeypatch.setattr(tokenize, "generate_tokens", garbling)
    # the text goes to fissix's tokenizer only when the quick one declines it
    monkeypatch.setattr(quicktokens, "scan", lambda text: None)
    with pytest.raises(ValueError):
        fastparse.parse_string(pygram.python_grammar, "x = 1  # comment\n")

