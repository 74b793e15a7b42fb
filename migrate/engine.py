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

import ast
import codecs
import collections
import io
import re
import warnings

from fissix import pygram, pytree
from fissix.pgen2 import parse as pgen_parse
from fissix.pgen2 import token as pgen_token
from fissix.pgen2 import tokenize as pgen_tokenize
from fissix.refactor import _detect_future_features

from . import dispatch, fastparse, linemap, newlines, treewalk

treewalk.install()

__all__ = [
    "MigrateError",
    "MigrateResult",
    "Review",
    "RewriteError",
    "migrate_source",
    "parse_source",
]

TARGETS = ("2and3", "3", "flask3")
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


class RewriteError(MigrateError):
    """The tool's own rewrite of a file does not verify: a fixer bug, never the
    user's. Raised before anything is written, so the file stays as it was.

    *line* is the line of the original file nearest the failure, *fixers*
    the names of the fixers that produce it.
    """

    def __init__(self, filename, line, reason, fixers):
        MigrateError.__init__(self, filename, line, reason)
        self.fixers = tuple(fixers)


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

def _parse_with(grammar, text, filename, created=None):
    try:
        return fastparse.parse_string(grammar, text, created)
    except pgen_parse.ParseError as exc:
        line = exc.context[1][0] if exc.context else 0
        raise MigrateError(filename, line, "cannot parse: unexpected %s" % _describe(exc))
    except pgen_tokenize.TokenError as exc:
        message, position = exc.args
        line = _unclosed_bracket_line(text) or position[0]
        raise MigrateError(filename, line, "cannot parse: %s" % message)
    except IndentationError as exc:
        raise MigrateError(filename, exc.lineno or 0, "cannot parse: %s" % exc.msg)
    except ValueError:
        # Never hand back text the parser could not reproduce.
        raise MigrateError(filename, 0, "the parser does not reproduce this file exactly")
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


def parse_source(text, filename="<string>", created=None, python3=False):
    """Parse *text* (LF line endings, ending in a newline) into a fissix tree.

    Python 2 grammar first; a module that imports ``print_function`` from
    ``__future__``, or any module when *python3* is true, is parsed without
    the print statement. Code that only parses as Python 3
    (``print(x, end="")``) is accepted on a second try.
    Raises :class:`MigrateError` with the line of the first error. When
    *created* is a list, it receives every node of the tree in post-order.
    """
    features = _detect_future_features(text)
    if python3:
        features = features | frozenset(["print_function"])
    grammars = _GRAMMARS[1:] if "print_function" in features else _GRAMMARS
    first_error = None
    for grammar in grammars:
        if created is not None:
            del created[:]
        try:
            tree = _parse_with(grammar, text, filename, created)
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
        fixer._migrate_plan = dispatch.FixerPlan(fixer)
    fixer.options = options
    del fixer.log[:]
    return fixer


def run_fixers(tree, fixer_classes, filename="<string>", options=None):
    """Run *fixer_classes* over *tree* one after the other, each over the
    whole tree; return ``(fix_counts, reviews)``.

    ``tree.migrate_generation`` (an int, absent until the first change) is
    increased after every fixer that changed the tree, so a fixer may keep
    what it computed about the tree for as long as the number stays the same.

    A fixer whose pattern cannot match anywhere in the tree, because a literal
    it needs (``'has_key'``, ``'<>'``) occurs nowhere, is not run on it at
    all: ``start_tree``, the walk and ``finish_tree`` are skipped and its
    ``change_count`` and ``review_items`` are reset. ``finish_tree`` must
    therefore only act on what the fixer's transforms found.
    """
    fix_counts, reviews, _ = _run_fixers(tree, fixer_classes, filename, options)
    return fix_counts, reviews


def _run_fixers(tree, fixer_classes, filename, options, post_order=None, touched=None):
    options = dict(options or {})
    options.setdefault("print_function", "print_function" in getattr(tree, "future_features", ()))
    fix_counts = {}
    reviews = []
    index = None
    changed = False
    for cls in fixer_classes:
        fixer = _fixer(cls, options)
        if index is None:
            if post_order is not None and not tree.was_changed and not changed:
                index = dispatch.TreeIndex(tree, post_order)
            else:
                index = dispatch.TreeIndex(tree)
            post_order = None
        elif tree.was_changed:
            index.refresh()
        heads = fixer._migrate_plan.active_heads(index)
        if heads is not None and not heads:
            # Its pattern needs a name or operator that occurs nowhere in the
            # file: the fixer has nothing to do here, start to finish.
            fixer.change_count = 0
            fixer.review_items = []
            continue
        statements = list(tree.children)
        fixer.start_tree(tree, filename)
        if tree.was_changed:
            index.refresh()
        stale = dispatch.run_pass(fixer, fixer._migrate_plan, index)
        fixer.finish_tree(tree, filename)
        name = getattr(cls, "name", cls.__name__)
        count = getattr(fixer, "change_count", 0)
        if count:
            # The imports a fixer adds for its rewrites (``import six``, a
            # ``__future__`` import) are places of the diff too.
            count += _imports_added(statements, tree.children)
        if stale or count or tree.was_changed:
            changed = True
            # Fixers that cache facts about the tree (scope bindings) can key
            # them on this number: it changes whenever a pass changed the tree.
            tree.migrate_generation = getattr(tree, "migrate_generation", 0) + 1
            if tree.was_changed:
                index.refresh()
            else:
                # A change that left no mark on the tree (a leaf value set
                # in place): only a new index is sure to see it.
                index = None
        if not count and (stale or tree.was_changed):
            # A change the fixer did not count is still its change: the
            # summary must account for every line the diff shows.
            count = 1
        if count:
            fix_counts[name] = fix_counts.get(name, 0) + count
        if touched is not None and (stale or count) and name not in touched:
            touched.append(name)
        for line, message in getattr(fixer, "review_items", ()):
            reviews.append(Review(filename, line, name, message))
    return fix_counts, reviews, changed


def _imports_added(before, after):
    """How many top-level import statements of *after* are not in *before*
    (both lists of a module's top-level nodes)."""
    if len(after) <= len(before) and all(a is b for a, b in zip(before, after)):
        return 0
    old = set(id(node) for node in before)
    added = 0
    for node in after:
        if id(node) not in old and node.type == pygram.python_symbols.simple_stmt and all(
            child.type in _IMPORT_PARTS for child in node.children
        ):
            added += 1
    return added


_IMPORT_PARTS = frozenset(
    [
        pygram.python_symbols.import_name,
        pygram.python_symbols.import_from,
        pgen_token.SEMI,
        pgen_token.NEWLINE,
    ]
)


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
    if target == "flask3":
        from .fixes._flask3 import BRIDGE_FIXERS

        main = [cls for cls in main if cls.name not in BRIDGE_FIXERS]
    cleanup = [
        cls
        for cls in fixers_for("3", select=select, exclude=exclude)
        if "2and3" not in getattr(cls, "targets", ("2and3",))
    ]
    if target == "flask3":
        cleanup += [
            cls
            for cls in fixers_for("flask3", select=select, exclude=exclude)
            if not set(("2and3", "3")) & set(cls.targets)
        ]
    return main, cleanup


def prepare(target="2and3", select=None, exclude=()):
    """Load and instantiate the fixers a run will use (compiling their
    patterns), so that worker processes forked afterwards inherit them."""
    for grammar in _GRAMMARS:
        fastparse.prepare(grammar)
    main, cleanup = _select_fixers(target, select, exclude)
    for cls in list(main) + list(cleanup):
        _fixer(cls, {})


# --------------------------------------------------------------------------
# The whole text pipeline


def _render(tree):
    """``str(tree)`` without a recursive call and a join per node: the
    prefix and value of every leaf, left to right (a walk of its own, with
    no generator to resume per leaf)."""
    parts = []
    add = parts.append
    stack = [tree]
    push = stack.extend
    pop = stack.pop
    while stack:
        node = pop()
        if type(node) is _Leaf:
            add(node._prefix)
            value = node.value
            add(value if type(value) is str else str(value))
        elif node.children:
            push(reversed(node.children))
        elif not isinstance(node, _Node):
            # a leaf of another class: its own prefix property
            add(node.prefix)
            add(str(node.value))
    return "".join(parts)


_Leaf = pytree.Leaf
_Node = pytree.Node


def _fix_text(text, classes, filename, options, touched=None):
    """Parse LF-normalized *text*, run *classes*, render; the text comes
    back unchanged (not re-rendered) when no fixer touched the tree. The
    names of the fixers that changed something are added to *touched*.

    The rendering is checked before it is returned (see
    :func:`_check_rendering`); :class:`_Unverified` says it failed.
    """
    needs_newline = not text.endswith("\n")
    parse_text = text + "\n" if needs_newline else text
    post_order = []
    tree = parse_source(parse_text, filename, post_order, options.get("python3_input", False))
    statements = list(tree.children)
    fix_counts, reviews, changed = _run_fixers(
        tree, classes, filename, options, post_order, touched
    )
    if not changed:
        return text, fix_counts, reviews
    rendered = _check_rendering(tree, parse_text, statements, filename)
    if needs_newline and rendered.endswith("\n"):
        rendered = rendered[:-1]
    return rendered, fix_counts, reviews


#: At most this many pyupgrade + clean-up rounds for ``--target 3``; real
#: code settles in two.
_TARGET3_ROUNDS = 5


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
    project_methods=(),
    source_python=2,
):
    """Rewrite the Python 2 module *source* (text) and return a
    :class:`MigrateResult`.

    *target* is ``"2and3"`` (code for Python 2.7 and 3.x, with six) or ``"3"``
    (then pyupgrade for *min_version* and the six/``__future__`` clean-up),
    or ``"flask3"`` (all that, then one pass of the ``flask3_*`` fixers).
    *select* limits the run to the named fixers, *exclude* leaves some out.
    *source_python* says how ``"3"`` and ``"flask3"`` read a module that
    compiles on Python 3 and prints only with calls but shows no syntax of
    Python 3 alone: ``2`` (the default) gives it Python 2's meaning, ``3``
    takes it as Python 3 already (only the ``python3_safe`` fixers, of
    names Python 3 lacks, pyupgrade and the clean-up run), as when the tool
    goes over its own ``"3"`` output again.
    Line endings (CRLF, LF, CR, mixed) and every byte outside the rewritten
    spans come back unchanged; a leading BOM character is kept. Raises
    :class:`MigrateError` for source that cannot be parsed.
    """
    if target not in TARGETS:
        raise ValueError("target must be one of %s, not %r" % (", ".join(TARGETS), target))
    if source_python not in (2, 3):
        raise ValueError("source_python must be 2 or 3, not %r" % (source_python,))
    if source_python == 3 and target == "2and3":
        raise ValueError("source_python=3 needs target '3' or 'flask3'")
    min_version = tuple(min_version)
    bom = ""
    body = source
    if body.startswith("\ufeff"):
        bom, body = "\ufeff", body[1:]
    if "\r" in body:
        text, lines = newlines.normalize(body)
    else:
        # every line ends in LF already (or is the last): nothing to put back
        text, lines = body, None
    main_fixers, cleanup_fixers = _select_fixers(target, select, exclude)
    options = {"target": target, "min_version": min_version}
    if target != "2and3" and _reads_as_python3(text, filename):
        # Already Python 3 (a second run over the tool's own --target 3
        # output, say, which no longer imports print_function): its
        # print(...) calls are calls, never print statements of a tuple.
        options["python3_input"] = True
        if source_python == 3 or _python3_only(text):
            # Python 3 beyond doubt, or by the caller's word: the Python 2
            # pass would read its "\u" escapes, input() and dict views with
            # Python 2's meaning. Only the fixers that start from names
            # Python 3 lacks (xrange, basestring, sys.maxint...) run, then
            # pyupgrade and the six/__future__ clean-up.
            main_fixers = [
                cls
                for cls in main_fixers
                if "2and3" not in getattr(cls, "targets", ()) or getattr(cls, "python3_safe", False)
            ]
            # Unlike python3_input (set for every file that compiles on
            # Python 3), this says the file means what Python 3 makes of
            # it: ModuleAttributeFix keeps the attributes Python 3 still has.
            options["python3_meaning"] = True
    if project_methods:
        options["project_methods"] = frozenset(project_methods)

    touched = []
    try:
        new_text, fix_counts, reviews = _migrate_text(
            text, target, main_fixers, cleanup_fixers, filename, options, min_version, touched
        )
    except _Unverified as exc:
        line, reason, rendered = exc.args
        raise _rewrite_error(
            text, rendered, filename, target, main_fixers, options, touched, (line, reason)
        )
    if target == "2and3":
        # The result must also run on Python 3: a construct no fixer
        # rewrites (or the file as it came) is a line to review, not a
        # silent pass. The file is still written: it parses on 2.7.
        problem = _compile_problem(new_text, filename)
        if problem is not None:
            line = problem[0]
            if new_text != text:
                line = _original_line(text, new_text, line)
            if not any(review.line == line for review in reviews):
                reviews.append(
                    Review(filename, line, "python3", problem[1] + "; no fixer rewrites this")
                )
    if new_text == text:
        return MigrateResult(source, False, fix_counts, reviews)
    if target != "2and3":
        problem = _compile_problem(new_text, filename)
        if problem is not None:
            raise _rewrite_error(
                text, new_text, filename, target, main_fixers, options, touched, problem
            )
    result = bom + (newlines.restore(new_text, lines) if lines is not None else new_text)
    return MigrateResult(result, result != source, fix_counts, reviews)


def _migrate_text(text, target, main_fixers, cleanup_fixers, filename, options, min_version, touched):
    """The rewrite of LF-normalized *text*: ``(new text, counts, reviews)``.

    Every review names a line of *text*: the clean-up passes of target 3
    see the text as the earlier passes left it, and their lines are carried
    back to the original (see :mod:`.linemap`).
    """
    new_text, fix_counts, reviews = _fix_text(text, main_fixers, filename, options, touched)
    # --target flask3: its fixers run once, over the settled Python 3 text
    last = [cls for cls in cleanup_fixers if "3" not in getattr(cls, "targets", ("3",))]
    cleanup_fixers = [cls for cls in cleanup_fixers if cls not in last]
    if target != "2and3":
        from . import pyupgrade_pass

        # pyupgrade and the clean-up feed each other (a .format() call
        # becomes an f-string only on pyupgrade's next pass, removing six can
        # expose more): repeat both until the text settles, so that a second
        # run of the tool changes nothing.
        for _round in range(_TARGET3_ROUNDS):
            before_round = new_text
            upgraded, upgrade_review = pyupgrade_pass.upgrade(new_text, min_version)
            if upgrade_review is not None:
                line = _line_back(text, new_text, upgrade_review[0])
                reviews.append(Review(filename, line, "pyupgrade", upgrade_review[1]))
                break
            upgraded = _keep_cookie(new_text, upgraded)
            if upgraded != new_text:
                # one rewrite per line pyupgrade changed, as a fixer counts
                # one per place
                fix_counts["pyupgrade"] = fix_counts.get("pyupgrade", 0) + _changed_lines(
                    new_text, upgraded
                )
                if "pyupgrade" not in touched:
                    touched.append("pyupgrade")
                new_text = upgraded
            if cleanup_fixers:
                seen_text = new_text
                new_text, counts, more_reviews = _fix_text(
                    new_text, cleanup_fixers, filename, options, touched
                )
                _merge_counts(fix_counts, counts)
                if more_reviews:
                    back = linemap.line_mapper(seen_text, text)
                    more_reviews = [
                        review._replace(line=back(review.line, review.message)) for review in more_reviews
                    ]
                # a review found again in a later round is the same review
                for review in more_reviews:
                    if review not in reviews:
                        reviews.append(review)
            if new_text == before_round:
                break
    if last:
        new_text, counts, more_reviews = _fix_text(new_text, last, filename, options, touched)
        _merge_counts(fix_counts, counts)
        reviews.extend(more_reviews)
    return new_text, fix_counts, reviews


# --------------------------------------------------------------------------
# Verifying a rewrite before anything is written


class _Unverified(Exception):
    """A rendering that does not parse: ``(line in it, reason, rendering)``."""


def _statement_texts(text, statements):
    """``{id(statement): its text}`` for the top-level *statements* as
    parsed from *text*: each starts where the text before its first token
    does (the parser keeps every token's line and column)."""
    line_starts = [0]
    line_starts.extend(match.end() for match in _NEWLINE.finditer(text))
    starts = []
    for node in statements:
        first = node
        while not isinstance(first, pytree.Leaf):
            first = first.children[0]
        starts.append(line_starts[first.lineno - 1] + first.column - len(first.prefix))
    starts.append(len(text))
    return dict(
        (id(node), text[starts[index]:starts[index + 1]])
        for index, node in enumerate(statements)
    )


_NEWLINE = re.compile("\n")


def _check_rendering(tree, parsed_text, statements, filename):
    """Render *tree* (parsed from *parsed_text* into the top-level
    *statements*, then rewritten) and return the text, or raise
    :class:`_Unverified` when it would not parse again.

    Most rewritten modules are valid Python 3, which the running
    interpreter's own parser confirms in a fraction of the time the tool's
    grammar takes. A module that still holds Python 2 syntax (left for
    review, or for a later pass) is checked with the tool's grammars:
    each top-level statement whose text differs from what was parsed is
    parsed on its own and must end its line; the statements nobody changed
    parsed already. That proves the whole file, but for two cases. When the
    fixers import ``print_function`` from ``__future__``, the statements that
    mention ``print`` are parsed again with the grammar that has no print
    statement. When the ``__future__`` imports changed otherwise, or a
    statement fails alone (it may need the rest of the file), the whole
    rendering is parsed again, and that parse decides.
    """
    texts = [_render(node) for node in tree.children]
    rendered = "".join(texts)
    if _compile_problem(rendered, filename) is None:
        return rendered
    parsed = _statement_texts(parsed_text, statements)
    features = getattr(tree, "future_features", frozenset())
    new_features = _detect_future_features(rendered)
    whole = False
    printing = False
    if new_features != features:
        if new_features - features == frozenset(["print_function"]) and features <= new_features:
            printing = True
        else:
            whole = True
    if not whole:
        grammars = _GRAMMARS[1:] if printing or "print_function" in features else _GRAMMARS
        for node, text in zip(tree.children, texts):
            if node.type == pgen_token.ENDMARKER:
                continue  # comments and blank lines at the end only
            if parsed.get(id(node)) == text and not (printing and "print" in text):
                continue
            if not text.endswith("\n") or not _parses(grammars, text):
                whole = True
                break
    if whole:
        try:
            parse_source(rendered, filename)
        except MigrateError as exc:
            raise _Unverified(exc.line, exc.reason, rendered)
    return rendered


def _parses(grammars, text):
    for grammar in grammars:
        try:
            fastparse.parse_string(grammar, text)
        except (pgen_parse.ParseError, pgen_tokenize.TokenError, SyntaxError, ValueError):
            continue
        return True
    return False


def _reads_as_python3(text, filename):
    """True when *text* is Python 3 as it stands: the running Python 3
    compiles it and every ``print`` in it is called. (``print >>f, x`` and a
    bare ``print`` compile on Python 3 too, as expressions that print
    nothing: such a module is Python 2.)"""
    if _compile_problem(text, filename) is not None:
        return False
    import tokenize

    tokens = [
        token
        for token in tokenize.generate_tokens(io.StringIO(text).readline)
        if token.type not in (tokenize.NL, tokenize.COMMENT)
    ]
    for index, token in enumerate(tokens):
        if token.type != tokenize.NAME or token.string != "print":
            continue
        before = tokens[index - 1].string if index else ""
        after = tokens[index + 1].string if index + 1 < len(tokens) else ""
        if before != "." and after != "(":
            return False
    return True


#: Modules only Python 3 has under these names (or a backport of
#: Python 3's module for 2.7): importing one is code written for Python 3.
_PYTHON3_MODULES = frozenset(
    [
        "_thread", "builtins", "configparser", "copyreg", "html", "html.entities",
        "html.parser", "http", "http.client", "http.cookiejar", "http.cookies",
        "http.server", "queue", "reprlib", "socketserver", "tkinter", "urllib.error",
        "urllib.parse", "urllib.request", "urllib.response", "urllib.robotparser",
        "winreg", "xmlrpc", "xmlrpc.client", "xmlrpc.server",
    ]
)
_URLLIB_SUBMODULES = frozenset(["error", "parse", "request", "response", "robotparser"])
_PYTHON3_NODES = (
    ast.JoinedStr,
    ast.YieldFrom,
    ast.Nonlocal,
    ast.AsyncFunctionDef,
    ast.AsyncFor,
    ast.AsyncWith,
    ast.Await,
)


def _python3_only(text):
    """True when *text* (which compiles on this Python 3) holds syntax no
    Python 2 has (an f-string, ``yield from``, ``nonlocal``, a keyword-only
    or annotated parameter, ``raise ... from``, ``async``/``await``) or
    imports a module by its Python 3 name."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return False
    for node in ast.walk(tree):
        if isinstance(node, _PYTHON3_NODES):
            return True
        if isinstance(node, ast.Raise) and node.cause is not None:
            return True
        if isinstance(node, (ast.FunctionDef, ast.Lambda)):
            arguments = node.args
            if arguments.kwonlyargs or getattr(node, "returns", None) is not None:
                return True
            if any(argument.annotation is not None for argument in arguments.args):
                return True
        if isinstance(node, ast.Import):
            if any(alias.name in _PYTHON3_MODULES for alias in node.names):
                return True
        if isinstance(node, ast.ImportFrom) and not node.level:
            if node.module in _PYTHON3_MODULES:
                return True
            if node.module == "urllib" and any(alias.name in _URLLIB_SUBMODULES for alias in node.names):
                return True
    return False


#: The last few answers of :func:`_compile_problem`, newest last: a
#: rewrite is checked when it is rendered and again as the result of the
#: pass, and compiling is a tenth of a run.
_compiled = []
_COMPILED_KEPT = 2


def _compile_problem(rewritten, filename):
    """Why the running Python 3 cannot compile *rewritten*, or None."""
    for text, name, problem in _compiled:
        if name == filename and text == rewritten:
            return problem
    problem = _compile_now(rewritten, filename)
    _compiled.append((rewritten, filename, problem))
    if len(_compiled) > _COMPILED_KEPT:
        del _compiled[0]
    return problem


def _compile_now(rewritten, filename):
    try:
        with warnings.catch_warnings():
            # compiling is a check here: its warnings are the module's own
            warnings.simplefilter("ignore")
            compile(rewritten, filename, "exec", dont_inherit=True)
    except SyntaxError as exc:
        return exc.lineno or 0, "Python 3 cannot compile it: %s" % exc.msg
    except ValueError as exc:  # NUL bytes in the source
        return 0, "Python 3 cannot compile it: %s" % exc
    return None


_COOKIE = re.compile(r"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")


def _keep_cookie(before, after):
    """*after* (pyupgrade's output for *before*) with the encoding cookie
    of *before* put back when it names anything but UTF-8: pyupgrade drops
    every cookie, but the file is written in its own encoding, which Python
    3 would then read as UTF-8."""
    lines = before.split("\n", 2)[:2]
    for index, line in enumerate(lines):
        match = _COOKIE.match(line)
        if match is None:
            continue
        try:
            name = codecs.lookup(match.group(1)).name
        except LookupError:
            return after
        if name == "utf-8" or any(_COOKIE.match(kept) for kept in after.split("\n", 2)[:2]):
            return after
        if index == 1 and after.startswith(lines[0] + "\n"):
            return lines[0] + "\n" + line + "\n" + after[len(lines[0]) + 1:]
        return line + "\n" + after
    return after


def _line_back(original, rewritten, line):
    """Line *line* of *rewritten* as a line of *original* (see :mod:`.linemap`)."""
    return linemap.line_mapper(rewritten, original)(line)


def _changed_lines(before, after):
    """How many lines differ between *before* and *after*: those removed or
    rewritten, plus those added beyond them."""
    import difflib

    old, new = before.splitlines(), after.splitlines()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return sum(
        max(end_old - first_old, end_new - first_new)
        for tag, first_old, end_old, first_new, end_new in matcher.get_opcodes()
        if tag != "equal"
    )


def _original_line(original, rewritten, line):
    """The line of *original* that line *line* of *rewritten* came from (the
    nearest one when it is new)."""
    import difflib

    if line <= 0:
        return 0
    old, new = original.splitlines(), rewritten.splitlines()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if j1 <= line - 1 < j2 or (j1 == j2 == line - 1):
            if tag == "equal":
                return i1 + (line - 1 - j1) + 1
            return min(i1 + (line - 1 - j1), max(i2 - 1, i1)) + 1
    return len(old)


def _fails_alone(cls, original, filename, target, options):
    """True when fixer *cls* alone turns *original* into text that does not
    verify."""
    try:
        alone = _fix_text(original, [cls], filename, options)[0]
    except _Unverified:
        return True
    except MigrateError:
        return False
    return target != "2and3" and alone != original and _compile_problem(alone, filename) is not None


def _rewrite_error(original, rewritten, filename, target, main_fixers, options, touched, problem):
    """The :class:`RewriteError` for a rewrite that failed with *problem*
    (``(line in rewritten, reason)``), naming the fixers that fail on their
    own, or every fixer that changed the file when none does alone."""
    line, message = problem
    culprits = [
        getattr(cls, "name", cls.__name__)
        for cls in main_fixers
        if getattr(cls, "name", cls.__name__) in touched
        and _fails_alone(cls, original, filename, target, options)
    ]
    fixers = culprits or list(touched)
    where = _original_line(original, rewritten, line)
    return RewriteError(
        filename,
        where,
        "internal error: the rewrite by %s does not verify (%s, line %d of the "
        "rewritten text); the file was left unchanged, please report it"
        % (", ".join(fixers) or "the tool", message, line),
        fixers,
    )
