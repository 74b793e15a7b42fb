# migrate-tests: tool-only
"""The quick tokenizer gives the parser exactly the tokens fissix's tokenizer
gives it (types, strings, prefixes, positions), or declines the text; it
never gives other tokens, and never accepts a text fissix's tokenizer
refuses."""
import glob
import os

import pytest
from fissix import pygram
from fissix.pgen2 import grammar as pgen_grammar
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migrate import fastparse, quicktokens
from test_stdlib_slice import python27, slice_files

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def fissix_tokens(text):
    """The parser's tokens through fissix's tokenizer, or the exception it
    raises."""
    try:
        return list(fastparse._fissix_tokens(text, pgen_grammar.opmap))
    except Exception as exc:  # noqa: BLE001 - any refusal counts
        return exc


def agrees(text):
    """True when the quick tokenizer declines *text*, or gives fissix's
    tokens; False when it took the text."""
    quick = quicktokens.scan(text)
    expected = fissix_tokens(text)
    if quick is None:
        return None
    assert not isinstance(expected, Exception), (text, expected)
    assert quick == expected, text
    return True


def read_text(path):
    with open(path, "rb") as stream:
        text = stream.read().decode("latin-1").replace("\r\n", "\n").replace("\r", "\n")
    return text if text.endswith("\n") else text + "\n"


def test_a_token_longer_than_its_text_is_caught_by_the_parser(monkeypatch):
    real = quicktokens.scan

    def lengthening(text):
        # stands in for a tokenizer bug that would duplicate text
        return [token[:1] + ("xx",) + token[2:] if token[1] == "x" else token for token in real(text)]

    monkeypatch.setattr(quicktokens, "scan", lengthening)
    source = "x = 1  # comment\n"
    assert pytest.raises(ValueError, fastparse.parse_string, pygram.python_grammar, source)


def test_the_python27_library_and_this_repository():
    _, library = python27()
    paths = [os.path.join(library, name) for name in slice_files(library)]
    paths += glob.glob(os.path.join(REPO, "migrate", "**", "*.py"), recursive=True)
    paths += glob.glob(os.path.join(HERE, "fixtures", "**", "*.py"), recursive=True)
    taken = 0
    for path in paths:
        if agrees(read_text(path)):
            taken += 1
    # The quick path must be the common one, or it is no use.
    assert len(paths) > 300
    assert taken > 0.9 * len(paths)


@pytest.mark.parametrize(
    "text",
    [
        "x = 1\n",
        "if x:\n    y = 2\n\n    # c\n  # d\n    z\nw\n",
        "class A:\n  def f(self):\n    pass\n  # c\n\n# e\n",
        "a = [\n\n  # c\n  1,\t2]  # hi\nb\n",
        "x = 1 + \\\n    2 + (3 +\\\n 4)\n",
        "s = '''ab\ncd''' + u\"x\" + ur'y' + b'z' + Rb'w' + f'v' + rf'u' + bR'''t\n'''\n",
        "x ... `y` @ -> := <> != **= //= >>= <<= @= ~x ^ y\n",
        "n = 1L, 0777, 0x1fL, 1e5, 1.5j, .5, 1., 0o17, 0b1, 1.e3, 1E-3J, 0XFF, 00, 1j\n",
        "print >>sys.stderr, 'x'\nexec 'y' in d\n",
        "x = 'a\\'b' \"c\\\"d\"\n",
        "x = 1   \n   \n",
        "def f(a, (b, c)):\n    return a\n\n\n",
        "\n\n# only comments\n",
        "x = {'a': [1, (2,\n 3)]}\n",
    ],
)
def test_ordinary_code_is_taken_and_tokenized_as_fissix_does(text):
    assert agrees(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "x = 1",  # no line break at the end
        "if x:\n\ty = 1\n",  # a tab in an indentation
        "x = 1\n\x0c\ny\n",  # a form feed
        "x = 'open\n",  # a string left open
        "x = '''open\n",
        "x = 'a\\\nb'\n",  # a one-quote string continued with a backslash
        "x = (1,\n",  # a bracket left open
        "x = 1)\n",  # a bracket closed that was not opened
        "x = 1 + \\\n",  # a backslash at the end
        "x = 1 + \\\n\ny\n",  # a backslash before an empty line
        "if x:\n  y\n\\\n  z\n",  # a backslash before a statement
        "if x:\n    y\n  z\n",  # a dedent to a column no block began at
        "async def f(): await x\n",
        "caf\xe9 = 1\n",  # a name outside ASCII
        "x = 1_000\n",
        "x = 09\n",
        "x = 1if y else 2\n",
        "x = xr'a'\n",
        "x = $\n",
        "x = 1\r\n",
        "x = 1  # a\x00b\n",
    ],
)
def test_unusual_text_is_left_to_fissix(text):
    assert quicktokens.scan(text) is None
    agrees(text)


PIECES = [
    "a", "u", "r", "b", "rb", "Ur", "bu", "xr", "if", "print", "async", "caf\xe9",
    "1", "09", "0x", "0x1F", "1L", "1.", ".5", "1e5", "1e", "1_0", "1j", "0777", "1..",
    "'s'", '"d"', "'''t\nt'''", '"""q"""', "''''", "'\\''", "'open", '"\\\n"',
    "(", ")", "[", "]", "{", "}", ".", "...", "**=", "<>", "->", ":=", "!", "!=", "$",
    "`", ":", ",", ";", "=", "==", "@", "%", "//", "<<=",
    " ", "  ", "\t", "\x0c", "#c", "# c ", "\\\n", "\n", "\n\n", "\r", "\x00", "\x0b",
    "\x85", "\u2028", "#\xe9",
]


# Pieces of ordinary code: most texts made of them are taken.
PLAIN = [
    "a", "bb", "u", "r", "if", "else", "print", "1", "2L", "0.5", "1e3", "0x1F",
    "'s'", '"d"', "u'x'", "b'y'", "'''t\nt'''", '"""q"""', "'\\''",
    "(", ")", "[", "]", "{", "}", ".", ",", ":", "=", "+", "**", "<>", "`",
    " ", " ", "  ", "#c", "\\\n", "\n",
]


@st.composite
def fragments(draw, pieces=PIECES):
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        indent = draw(st.sampled_from(["", "", "  ", "    ", "\t", " \t"]))
        body = "".join(draw(st.lists(st.sampled_from(pieces), max_size=8)))
        lines.append(indent + body + "\n")
    return "".join(lines)


FUZZ = settings(
    max_examples=300,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@FUZZ
@given(fragments())
def test_generated_fragments(text):
    agrees(text)


@FUZZ
@given(fragments(PLAIN))
def test_generated_fragments_of_plain_code(text):
    agrees(text)


@pytest.mark.parametrize("number", "0b1L 0o7L 0x1FL 1jL 1e5L 0L 00L 1.j 09.5 0_1 1E+5 1e-5j 1..2".split())
def test_numbers_end_where_fissix_ends_them(number):
    for context in ("x = %s\n", "f(%s)\n", "%s+1\n"):
        agrees(context % number)


# Soups of the characters numbers, strings and operators are made of.
SOUPS = ["0123456789.xXoObBeEjJlL_+-aAfF", "'\"\\urbfURBF \nx#", "=<>!*/+-%&|^~@:.,;()[]{}` x1"]


@FUZZ
@given(st.sampled_from(SOUPS).flatmap(lambda soup: st.text(soup, min_size=1, max_size=10)),
       st.sampled_from(["x = %s\n", "%s\n", "if x:\n    %s\n", "f(%s)\n"]))
def test_character_soups(soup, context):
    agrees(context % soup)
