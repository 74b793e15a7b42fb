"""The rewrite engine: Python 2 source text in, rewritten text out.

:func:`migrate_source` parses with fissix's Python 2 grammar (a concrete
syntax tree that keeps every comment, blank and layout detail), runs the
selected fixers one after the other over the whole tree, renders the tree and
puts the original line endings back. With ``target="3"`` the result then goes
through pyupgrade and the fixers that remove six and ``__future__``.

Files, encodings, caching and the command line live elsewhere
(:mod:`.sourcefile`, :mod:`.runner`, :mod:`.cli`); this module only knows
text.
"""

import collections
import io

from fissix import pygram, pytree
from fissix.pgen2 import driver as pgen_driver
from fissix.pgen2 import parse as pgen_parse
from fissix.pgen2 import token as pgen_token
from fissix.pgen2 import tokenize as pgen_tokenize
from fissix.refactor import _detect_future_features

from . import newlines

__all__ = ["MigrateError", "MigrateResult", "Review", "migrate_source", "parse_source"]

TARGETS = ("2and3", "3")
DEFAULT_MIN_VERSION = (3, 6)


class MigrateError(Exception):
    """Source that the tool cannot read or parse; the file is left alone.

    *line* is the 1-based line of the problem (0 when it concerns the whole
    file), *reason* says what is wrong in words meant for the user.
    """

    def __init__(self, filename, line, reason):
        Exception.__init__(self, filename, line, reason)
        self.filename = filename
        self.line = line
        self.reason = reason

    def __str__(self):
        return "%s:%d: %s" % (self.filename, self.line, self.reason)


Review = collections.namedtuple("Review", "filename line fixer message")
Review.__doc__ = """Code a fixer left unchanged because it could not prove a
rewrite safe: *filename*:*line*, the *fixer* name and a *message* saying why."""


class MigrateResult(object):
    """The outcome of :func:`migrate_source`.

    ``source`` is the new text (identical to the input when nothing changed),
    ``changed`` tells whether it differs, ``fix_counts`` maps fixer name to the
    number of rewrites it made, ``reviews`` lists :class:`Review` items.
    """

    __slots__ = ("source", "changed", "fix_counts", "reviews")

    def __init__(self, source, changed, fix_counts, reviews):
        self.source = source
        self.changed = changed
        self.fix_counts = fix_counts
        self.reviews = reviews

    def __repr__(self):
        return "<MigrateResult changed=%r fix_counts=%r reviews=%d>" % (
            self.changed,
            self.fix_counts,
            len(self.reviews),
        )


# --------------------------------------------------------------------------
# Parsing

_GRAMMARS = (
    # Python 2 as written: print and exec are statements.
    pygram.python_grammar,
    # A module with ``from __future__ import print_function``, or code already
    # written for Python 3 (``print(x, end="")`` is not a print statement).
    pygram.python_grammar_no_print_statement,
    # Python 3 code that passes keyword arguments or uses exec as a name.
    pygram.python_grammar_no_print_and_exec_statement,
)

_drivers = {}


def _driver(grammar):
    driver = _drivers.get(id(grammar))
    if driver is None:
        driver = _drivers[id(grammar)] = pgen_driver.Driver(grammar, convert=pytree.convert)
    return driver


def _parse_with(grammar, text, filename):
    try:
        return _driver(grammar).parse_string(text, True)
    except pgen_parse.ParseError as exc:
        line = exc.context[1][0] if exc.context else 0
        raise MigrateError(filename, line, "cannot parse: unexpected %s" % _describe(exc))
    except pgen_tokenize.TokenError as exc:
        message, position = exc.args
        line = _unclosed_bracket_line(text) or position[0]
        raise MigrateError(filename, line, "cannot parse: %s" % message)
    except IndentationError as exc:
        raise MigrateError(filename, exc.lineno or 0, "cannot parse: %s" % exc.msg)
    except SyntaxError as exc:  # pragma: no cover - fissix raises the above
        raise MigrateError(filename, exc.lineno or 0, "cannot parse: %s" % exc.msg)


_TOKEN_WORDS = {
    pgen_token.INDENT: "indent",
    pgen_token.DEDENT: "dedent",
    pgen_token.NEWLINE: "end of line",
    pgen_token.ENDMARKER: "end of file",
}


def _unclosed_bracket_line(text):
    """The line of the outermost bracket still open at the end of *text*:
    where a statement that runs into the end of the file starts."""
    open_lines = []
    try:
        for kind, value, start, _, _ in pgen_tokenize.generate_tokens(io.StringIO(text).readline):
            if kind == pgen_token.OP:
                if value in "([{":
                    open_lines.append(start[0])
                elif value in ")]}" and open_lines:
                    open_lines.pop()
    except (pgen_tokenize.TokenError, IndentationError):
        pass
    return open_lines[0] if open_lines else None


def _describe(exc):
    if exc.type in _TOKEN_WORDS:
        return _TOKEN_WORDS[exc.type]
    if exc.value:
        return "%r" % exc.value
    return pgen_token.tok_name.get(exc.type, "token")


def parse_source(text, filename="<string>"):
    """Parse *text* (LF line endings, ending in a newline) into a fissix tree.

    Python 2 grammar first; a module that imports ``print_function`` from
    ``__future__`` is parsed without the print statement. Code that only
    parses as Python 3 (``print(x, end="")``) is accepted on a second try.
    Raises :class:`MigrateError` with the line of the first error.
    """
    features = _detect_future_features(text)
    grammars = _GRAMMARS[1:] if "print_function" in features else _GRAMMARS
    first_error = None
    for grammar in grammars:
        try:
            tree = _parse_with(grammar, text, filename)
        except MigrateError as exc:
            if first_error is None:
                first_error = exc
            continue
        tree.future_features = features
        return tree
    raise first_error


# --------------------------------------------------------------------------
# Running the fixers

_instances = {}


def _fixer(cls, options):
    """One instance per fixer class and process: compiling a fixer's pattern
    costs more than running it over a typical file. Per-file state is reset by
    ``start_tree``."""
    fixer = _instances.get(cls)
    if fixer is None:
        fixer = _instances[cls] = cls(options, [])
        fixer._head_types = _head_types(fixer)
    fixer.options = options
    del fixer.log[:]
    return fixer


def _head_types(fixer):
    """The node types a fixer's pattern can match at its root, or None when
    it may match anything (no pattern, or a pattern that starts with a
    wildcard)."""
    accept = getattr(fixer, "_accept_type", None)
    if accept is not None:
        return frozenset([accept])
    pattern = getattr(fixer, "pattern", None)
    if pattern is None:
        return None
    return _pattern_heads(pattern)


def _pattern_heads(pattern):
    if isinstance(pattern, (pytree.NodePattern, pytree.LeafPattern)):
        if pattern.type is None:
            return None
        return frozenset([pattern.type])
    if isinstance(pattern, pytree.NegatedPattern):
        return None
    if isinstance(pattern, pytree.WildcardPattern):
        if not pattern.content or pattern.min == 0:
            return None
        heads = set()
        for alternative in pattern.content:
            if not alternative:
                return None
            sub = _pattern_heads(alternative[0])
            if sub is None:
                return None
            heads |= sub
        return frozenset(heads)
    return None


def _attached(node, root):
    # A fixer may remove nodes that are still queued for a visit (a sibling it
    # merged, a statement it dropped); those are no longer part of the tree.
    return node is root or node.parent is not None


def _apply(fixer, node):
    results = fixer.match(node)
    if not results:
        return None
    new = fixer.transform(node, results)
    if new is not None and new is not node:
        node.replace(new)
        return new
    return None


def _walk_pre_order(fixer, tree):
    heads = fixer._head_types
    stack = [tree]
    while stack:
        node = stack.pop()
        if not _attached(node, tree):
            continue
        if heads is None or node.type in heads:
            new = _apply(fixer, node)
            if new is not None:
                node = new
        children = node.children
        if children:
            stack.extend(reversed(children))


def _walk_post_order(fixer, tree):
    heads = fixer._head_types
    stack = [(tree, False)]
    while stack:
        node, children_done = stack.pop()
        if children_done:
            if (heads is None or node.type in heads) and _attached(node, tree):
                _apply(fixer, node)
            continue
        stack.append((node, True))
        children = node.children
        if children:
            stack.extend((child, False) for child in reversed(children))


def run_fixers(tree, fixer_classes, filename="<string>", options=None):
    """Run *fixer_classes* over *tree* one after the other, each over the
    whole tree; return ``(fix_counts, reviews)``."""
    options = dict(options or {})
    options.setdefault("print_function", "print_function" in getattr(tree, "future_features", ()))
    fix_counts = {}
    reviews = []
    for cls in fixer_classes:
        fixer = _fixer(cls, options)
        fixer.start_tree(tree, filename)
        if getattr(fixer, "order", "post") == "pre":
            _walk_pre_order(fixer, tree)
        else:
            _walk_post_order(fixer, tree)
        fixer.finish_tree(tree, filename)
        name = getattr(cls, "name", cls.__name__)
        count = getattr(fixer, "change_count", 0)
        if count:
            fix_counts[name] = fix_counts.get(name, 0) + count
        for line, message in getattr(fixer, "review_items", ()):
            reviews.append(Review(filename, line, name, message))
    return fix_counts, reviews


def _select_fixers(target, select, exclude):
    try:
        from .fixes import fixers_for
    except ImportError as exc:  # pragma: no cover - only before fixes/ exists
        if getattr(exc, "name", None) not in (__package__ + ".fixes",):
            raise
        return [], []
    main = list(fixers_for("2and3", select=select, exclude=exclude))
    if target == "2and3":
        return main, []
    cleanup = [
        cls
        for cls in fixers_for("3", select=select, exclude=exclude)
        if "2and3" not in getattr(cls, "targets", ("2and3",))
    ]
    return main, cleanup


# --------------------------------------------------------------------------
# The whole text pipeline


def _fix_text(text, classes, filename, options):
    """Parse LF-normalized *text*, run *classes*, render."""
    needs_newline = not text.endswith("\n")
    parse_text = text + "\n" if needs_newline else text
    tree = parse_source(parse_text, filename)
    if str(tree) != parse_text:
        # Never hand back text the parser could not reproduce.
        raise MigrateError(filename, 0, "the parser does not reproduce this file exactly")
    fix_counts, reviews = run_fixers(tree, classes, filename, options)
    rendered = str(tree)
    if needs_newline and rendered.endswith("\n"):
        rendered = rendered[:-1]
    return rendered, fix_counts, reviews


def _merge_counts(into, counts):
    for name, count in counts.items():
        into[name] = into.get(name, 0) + count


def migrate_source(
    source,
    target="2and3",
    select=None,
    exclude=(),
    filename="<string>",
    min_version=DEFAULT_MIN_VERSION,
):
    """Rewrite the Python 2 module *source* (text) and return a
    :class:`MigrateResult`.

    *target* is ``"2and3"`` (code for Python 2.7 and 3.x, with six) or ``"3"``
    (then pyupgrade for *min_version* and the six/``__future__`` clean-up).
    *select* limits the run to the named fixers, *exclude* leaves some out.
    Line endings (CRLF, LF, CR, mixed) and every byte outside the rewritten
    spans come back unchanged; a leading BOM character is kept. Raises
    :class:`MigrateError` for source that cannot be parsed.
    """
    if target not in TARGETS:
        raise ValueError("target must be one of %s, not %r" % (", ".join(TARGETS), target))
    min_version = tuple(min_version)
    bom = ""
    body = source
    if body.startswith("\ufeff"):
        bom, body = "\ufeff", body[1:]
    text, lines = newlines.normalize(body)
    main_fixers, cleanup_fixers = _select_fixers(target, select, exclude)
    options = {"target": target, "min_version": min_version}

    new_text, fix_counts, reviews = _fix_text(text, main_fixers, filename, options)
    if target == "3":
        from . import pyupgrade_pass

        upgraded, upgrade_review = pyupgrade_pass.upgrade(new_text, min_version)
        if upgrade_review is not None:
            reviews.append(Review(filename, upgrade_review[0], "pyupgrade", upgrade_review[1]))
        elif upgraded != new_text:
            fix_counts["pyupgrade"] = fix_counts.get("pyupgrade", 0) + 1
            new_text = upgraded
        if cleanup_fixers:
            new_text, counts, more_reviews = _fix_text(new_text, cleanup_fixers, filename, options)
            _merge_counts(fix_counts, counts)
            reviews.extend(more_reviews)

    if new_text == text:
        return MigrateResult(source, False, fix_counts, reviews)
    result = bom + newlines.restore(new_text, lines)
    return MigrateResult(result, result != source, fix_counts, reviews)
