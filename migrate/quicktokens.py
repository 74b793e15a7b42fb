"""A quicker tokenizer for the common shape of Python source.

fissix's tokenizer reads a module line by line and decides every token with
a chain of tests written in Python; with the work of turning its tokens
into prefixes it was over a third of the parse time. :func:`scan` reads the
whole text with one compiled expression, one match per token, and hands the
parser the tokens it needs directly: ``(type, string, prefix, (line,
column)``, the very tuples :func:`.fastparse._fissix_tokens` makes of
fissix's tokens, for source written the ordinary way: spaces for
indentation, ASCII names, complete strings and brackets.

Anything else -- a tab or form feed in an indentation, a name or character
outside ASCII, a carriage return or NUL, ``async``/``await``, a string left
open or continued with a backslash, a bracket closed that was never opened,
a backslash at the start of a statement or before an empty line, a dedent
to a column no block started at, a text that does not end with a newline --
makes :func:`scan` answer None, and the parser reads the text with fissix's
tokenizer, which then gives its own tokens or its own errors. So the two
can differ only in speed; ``tests/migrate/test_quicktokens.py`` compares
them on real code and on generated fragments.
"""

import re

from fissix.pgen2 import token

__all__ = ["scan"]

_NAME = token.NAME
_NUMBER = token.NUMBER
_STRING = token.STRING
_OP = token.OP
_NEWLINE = token.NEWLINE
_INDENT = token.INDENT
_DEDENT = token.DEDENT
_ENDMARKER = token.ENDMARKER
_COMMENT = token.COMMENT
_NL = token.NL

# The operators fissix reads as one token, longest first so that the
# expression takes ``**=`` before ``**`` and ``*``.
_OPERATORS = sorted(
    """( ) [ ] : , ; + - * / | & < > = . % ` { } @ ~ ^ @= == != <> <= >= << >>
    ** += -= *= /= %= &= |= ^= // -> := <<= >>= **= //=""".split(),
    key=len,
    reverse=True,
)

# A number ends where no letter, digit, underscore or dot follows it;
# when one does (``1_000``, ``09``, ``1if``, ``1..real``) the text is left
# to fissix.
_NUMBER_FORMS = (
    r"0[xX][0-9a-fA-F]+[lL]?",
    r"0[oO][0-7]+[lL]?",
    r"0[bB][01]+",  # no long suffix: fissix ends the number before it
    r"[0-9]+\.[0-9]*(?:[eE][-+]?[0-9]+)?[jJ]?",
    r"\.[0-9]+(?:[eE][-+]?[0-9]+)?[jJ]?",
    r"[0-9]+[eE][-+]?[0-9]+[jJ]?",
    r"[0-9]+[jJ]",
    r"0[0-7]*[lL]?",
    r"[1-9][0-9]*[lL]?",
)

_PREFIX = r"(?:[uU][rR]?|[bB][rR]?|[rR][bBfF]?|[fF][rR]?)?"
_STRING_FORMS = (
    # three quotes: any character (escaped or not) up to three quotes
    r"'''[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''",
    r'"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""',
    # one quote (not three: those open a string that never closed), on
    # one line, no backslash before the line break
    r"(?!''')'[^'\\\n]*(?:\\[^\n][^'\\\n]*)*'",
    r'(?!""")"[^"\\\n]*(?:\\[^\n][^"\\\n]*)*"',
)

# One piece of a line: the blanks before it and a token, a comment, a line
# break or a backslash that continues the line. Every character of the text
# is in exactly one piece; one that fits nowhere is an "other" piece, and the
# text is left to fissix.
_PIECE = re.compile(
    r"[ \t]*(?:"
    r"(?P<name>[A-Za-z_][A-Za-z0-9_]*(?![A-Za-z0-9_'\"]))"
    r"|(?P<op>%s)"
    r"|(?P<string>%s(?:%s))"
    r"|(?P<number>(?:%s)(?![A-Za-z0-9_.]))"
    r"|(?P<newline>\n)"
    r"|(?P<comment>\#[^\n]*)"
    r"|(?P<continued>\\\n)"
    r"|(?P<other>.)"
    r")"
    % (
        # a dot before a digit starts a number
        "|".join(re.escape(op) + (r"(?![0-9])" if op == "." else "") for op in _OPERATORS),
        _PREFIX,
        "|".join(_STRING_FORMS),
        "|".join(_NUMBER_FORMS),
    ),
    re.S,
)

_OPENING = frozenset("([{")
_CLOSING = frozenset(")]}")
_DECLINED_NAMES = frozenset(["async", "await"])


def _check_numbers():
    # The token numbers fissix's tokenize gives; a fissix that numbered
    # them otherwise must not get wrong tokens from here.
    from fissix.pgen2 import tokenize

    return (tokenize.COMMENT, tokenize.NL, tokenize.NAME, tokenize.OP) == (_COMMENT, _NL, _NAME, _OP)


_USABLE = _check_numbers()


def scan(text):
    """The significant tokens of *text* for the parser, or None when *text*
    is not of the shape this tokenizer reads (see the module's description).

    Each token is ``(type, string, prefix, line, column)``: an operator
    has its own type (``token.LPAR``, ...), and *prefix* is all the text
    between the previous token and this one -- blanks, comments, empty lines
    and escaped line breaks, which fissix gives as COMMENT and NL tokens.
    """
    if not _USABLE or not text.endswith("\n") or "\r" in text or "\0" in text:
        return None
    tokens = []
    add = tokens.append
    opmap = _opmap
    indents = [0]
    depth = 0
    lineno = 1
    line_start = 0
    # where the prefix of the next token starts
    gap = 0
    at_line_start = True
    kind = None
    for found in _PIECE.finditer(text):
        kind = found.lastgroup
        value = found.group(kind)
        end = found.end()
        begin = end - len(value)
        if kind == "name" or kind == "op" or kind == "string" or kind == "number":
            column = begin - line_start
            if at_line_start:
                at_line_start = False
                if "\t" in text[line_start:begin]:
                    return None
                if column > indents[-1]:
                    indents.append(column)
                    add((_INDENT, text[line_start:begin], text[gap:line_start], lineno, 0))
                    gap = begin
                elif column < indents[-1]:
                    while indents[-1] > column:
                        indents.pop()
                        add((_DEDENT, "", text[gap:begin], lineno, column))
                        gap = begin
                    if column != indents[-1]:
                        return None
            if kind == "name":
                if value in _DECLINED_NAMES:
                    return None
                add((_NAME, value, text[gap:begin], lineno, column))
            elif kind == "op":
                if value in _OPENING:
                    depth += 1
                elif value in _CLOSING:
                    depth -= 1
                    if depth < 0:
                        return None
                add((opmap[value], value, text[gap:begin], lineno, column))
            elif kind == "string":
                add((_STRING, value, text[gap:begin], lineno, column))
                breaks = value.count("\n")
                if breaks:
                    lineno += breaks
                    line_start = begin + value.rfind("\n") + 1
            else:
                add((_NUMBER, value, text[gap:begin], lineno, column))
            gap = end
        elif kind == "newline":
            if not at_line_start and not depth:
                add((_NEWLINE, value, text[gap:begin], lineno, begin - line_start))
                gap = end
                at_line_start = True
            lineno += 1
            line_start = end
        elif kind == "continued":
            if at_line_start or text[end:end + 1] == "\n":
                # a backslash before a statement, or before an empty line
                return None
            lineno += 1
            line_start = end
        elif kind != "comment":
            return None
    if depth or not at_line_start:
        # The text ends inside brackets or after a backslash.
        return None
    rest = text[gap:]
    for _ in indents[1:]:
        add((_DEDENT, "", rest, lineno, 0))
        rest = ""
    add((_ENDMARKER, "", rest, lineno, 0))
    return tokens


def _load_opmap():
    from fissix.pgen2 import grammar

    return grammar.opmap


_opmap = _load_opmap()
