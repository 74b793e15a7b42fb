"""A faster driver for fissix's LL(1) grammar tables.

fissix's parser looks up every token by scanning the arcs of the current DFA
state and testing first sets, and builds each tree node through a generic
convert callback. Parsing is most of the tool's run time, so this module
precomputes, once per grammar, a dictionary per DFA state from token label to
action (shift / push a nonterminal / pop), and builds the pytree nodes
directly. The trees are the same objects fissix would build (same classes,
same attributes, same prefixes); ``tests/migrate/test_engine_parser.py``
compares both parsers on real code.

Errors are raised as fissix's own ``ParseError`` / ``TokenError`` so callers
cannot tell the difference.
"""

import io

from fissix import pytree
from fissix.pgen2 import grammar as pgen_grammar
from fissix.pgen2 import parse as pgen_parse
from fissix.pgen2 import token
from fissix.pgen2 import tokenize

from . import quicktokens

_SHIFT = 0
_PUSH = 1
_CHAIN = 2

_COMMENT = tokenize.COMMENT
_NL = tokenize.NL
_OP = token.OP
_NAME = token.NAME

_Leaf = pytree.Leaf
_Node = pytree.Node
_new = object.__new__


class _Tables(object):
    """Per-grammar lookup tables."""

    def __init__(self, grammar):
        self.grammar = grammar
        self.keywords = grammar.keywords
        self.tokens = grammar.tokens
        self.opmap = pgen_grammar.opmap
        self.start = grammar.start
        # actions[symbol][state] -> {ilabel: (kind, target_state[, symbol])}
        self.actions = {}
        # accepting[symbol][state]: a pop is allowed here.
        self.accepting = {}
        # accept_only[symbol][state]: nothing but a pop can follow.
        self.accept_only = {}
        labels = grammar.labels
        for symbol, (states, _first) in grammar.dfas.items():
            per_state = []
            accepting = []
            accept_only = []
            for state, arcs in enumerate(states):
                table = {}
                for label, next_state in arcs:
                    kind, _ = labels[label]
                    if label == 0:
                        continue
                    if kind < 256:
                        table.setdefault(label, (_SHIFT, next_state))
                    else:
                        for first_label in grammar.dfas[kind][1]:
                            table.setdefault(first_label, (_PUSH, next_state, kind))
                per_state.append(table)
                accepting.append((0, state) in arcs)
                accept_only.append(arcs == [(0, state)])
            self.actions[symbol] = per_state
            self.accepting[symbol] = accepting
            self.accept_only[symbol] = accept_only
        # (id(levels), top, ilabel) -> level that takes the token (see
        # _pass_through)
        self.block_memo = {}
        # states[symbol][state] -> (actions, pop allowed, nothing but a pop)
        self.states = dict(
            (symbol, [
                (self.actions[symbol][state], self.accepting[symbol][state], self.accept_only[symbol][state])
                for state in range(len(self.actions[symbol]))
            ])
            for symbol in self.actions
        )


_tables = {}


def _tables_for(grammar):
    tables = _tables.get(id(grammar))
    if tables is None or tables.grammar is not grammar:
        tables = _tables[id(grammar)] = _Tables(grammar)
    return tables


def prepare(grammar):
    """Build the lookup tables for *grammar* now rather than on first use."""
    _tables_for(grammar)


def _resolve_chain(actions, symbol, state, ilabel, action):
    """Replace a push by the chain of pushes it leads to, ending in the
    shift of the token: ``(_CHAIN, state_after_push, [(symbol, state),
    ...])`` where the last state is the one after the shift. Memoized in the
    action table."""
    chain = []
    next_state = action[1]
    current = action
    while current[0] == _PUSH:
        chain_symbol = current[2]
        current = actions[chain_symbol][0].get(ilabel)
        if current is None:  # pragma: no cover - first sets guarantee an arc
            return action
        if current[0] == _SHIFT:
            chain.append((chain_symbol, current[1]))
            break
        if current[0] == _CHAIN:
            chain.append((chain_symbol, current[1]))
            chain.extend(current[2])
            break
        chain.append((chain_symbol, current[1]))
    chain = tuple(chain)
    # The outer levels (all but the innermost) go on the stack as one block.
    resolved = (_CHAIN, next_state, chain, chain[:-1], chain[-1])
    actions[symbol][state][ilabel] = resolved
    return resolved


def parse_string(grammar, text, created=None):
    """Parse *text* with *grammar* into a fissix tree (like
    ``Driver(grammar, convert=pytree.convert).parse_string(text)``).

    When *created* is a list, every Leaf and Node of the tree is appended to
    it in the order they are completed, which is a post-order walk.
    Raises ``ValueError`` if the tree would not reproduce *text* exactly.
    """
    tables = _tables_for(grammar)
    actions = tables.actions
    keywords = tables.keywords
    token_labels = tables.tokens
    opmap = tables.opmap
    start = tables.start
    used_names = set()
    if created is None:
        created = []
    record = created.append
    covered = 0
    new = _new
    Leaf = _Leaf
    Node = _Node

    states = tables.states
    block_memo = tables.block_memo
    stack = [[states[start], 0, [], start]]
    root = None

    kind = value = line = column = None
    for kind, value, prefix, line, column in _tokens(text, opmap):
        # Classify the token.
        ilabel = None
        if kind == _NAME:
            used_names.add(value)
            ilabel = keywords.get(value)
        if ilabel is None:
            ilabel = token_labels.get(kind)
            if ilabel is None:
                raise pgen_parse.ParseError("bad token", kind, value, (prefix, (line, column)))

        # Feed it to the automaton until it is shifted. A stack entry is
        # [states of its symbol, state, children, symbol], or a block
        # [_BLOCK, levels, top] standing for the nonterminals levels[0..top]
        # of a pushed chain, each of which so far has the next as only child.
        done = False
        while True:
            entry = stack[-1]
            table, may_pop, _ = entry[0][entry[1]]
            action = table.get(ilabel)
            if action is None:
                if not may_pop:
                    raise pgen_parse.ParseError("bad input", kind, value, (prefix, (line, column)))
                stack.pop()
                children = entry[2]
                if len(children) == 1:
                    node = children[0]
                else:
                    # what pytree.convert builds for a nonterminal with
                    # several children (made here, so none has a parent yet)
                    node = new(Node)
                    node.type = entry[3]
                    node.children = children
                    node.fixers_applied = None
                    for child in children:
                        child.parent = node
                    record(node)
                if not stack:
                    raise pgen_parse.ParseError("too much input", kind, value, (prefix, (line, column)))
                parent = stack[-1]
                if parent[0] is _BLOCK:
                    parent = _pass_through(stack, parent, node, ilabel, states, block_memo)
                    if parent is None:
                        raise pgen_parse.ParseError("bad input", kind, value, (prefix, (line, column)))
                else:
                    parent[2].append(node)
                continue
            if action[0] == _PUSH:
                action = _resolve_chain(actions, entry[3], entry[1], ilabel, action)
            if action[0] == _CHAIN:
                # A token that starts a nested construct pushes a whole chain
                # of nonterminals (test -> or_test -> ... -> atom) at once.
                entry[1] = action[1]
                if action[3]:
                    stack.append([_BLOCK, action[3], len(action[3]) - 1])
                chain_symbol, chain_state = action[4]
                entry = [states[chain_symbol], chain_state, [], chain_symbol]
                stack.append(entry)
            else:
                entry[1] = action[1]
            # Shift: what pytree.Leaf(kind, value, context=(prefix, (line,
            # column))) would build.
            leaf = new(Leaf)
            leaf._prefix = prefix
            leaf.lineno = line
            leaf.column = column
            leaf.type = kind
            leaf.value = value
            leaf.fixers_applied = []
            record(leaf)
            covered += len(prefix) + len(value)
            entry[2].append(leaf)
            while entry[0][entry[1]][2]:
                stack.pop()
                children = entry[2]
                if len(children) == 1:
                    node = children[0]
                else:
                    # as above; written out twice because a call per node
                    # costs more than the building
                    node = new(Node)
                    node.type = entry[3]
                    node.children = children
                    node.fixers_applied = None
                    for child in children:
                        child.parent = node
                    record(node)
                if not stack:
                    root = node
                    done = True
                    break
                entry = stack[-1]
                if entry[0] is _BLOCK:
                    entry = _unblock(stack, entry, states)
                entry[2].append(node)
            break
        if done:
            break
    else:
        raise pgen_parse.ParseError(
            "incomplete input", kind, value, ("", None if line is None else (line, column))
        )
    if covered != len(text):
        # Every character must be in exactly one prefix or token value.
        raise ValueError("the parse tree covers %d of %d characters" % (covered, len(text)))
    root.used_names = used_names
    return root


def _tokens(text, opmap):
    """The significant tokens of *text* as ``(type, string, prefix, line,
    column)``, operators with their own type: from :mod:`.quicktokens`
    when it reads the text, else from fissix's tokenizer (lazily, so that a
    syntax error is found before a tokenizer error further on, as fissix's
    driver finds it)."""
    tokens = quicktokens.scan(text)
    if tokens is None:
        tokens = _fissix_tokens(text, opmap)
    return tokens


def _fissix_tokens(text, opmap):
    # COMMENT and NL tokens, the blanks between tokens and the line breaks
    # the tokenizer skips all go into the prefix of the next token.
    reached = (1, 0)
    pending = []
    for kind, value, begin, end, line_text in tokenize.generate_tokens(io.StringIO(text).readline):
        if begin != reached:
            pending.append(_skipped(reached, begin, line_text))
        reached = (end[0] + 1, 0) if value.endswith("\n") else end
        if kind == _COMMENT or kind == _NL:
            pending.append(value)
            continue
        yield (opmap[value] if kind == _OP else kind), value, "".join(pending), begin[0], begin[1]
        pending = []


def _skipped(reached, begin, line_text):
    """What lies between the place *reached* after the last token and the
    *begin* of the next one: a line break per line passed over, then the
    blanks of the token's own line up to it."""
    line, column = reached
    skipped = ""
    if line < begin[0]:
        skipped = "\n" * (begin[0] - line)
        column = 0
    if column < begin[1]:
        skipped += line_text[column:begin[1]]
    return skipped


class Driver(object):
    """A stand-in for fissix's ``Driver(grammar, convert=pytree.convert)``
    where only ``parse_string`` is used (the fixers parse their replacement
    snippets with it): the same trees, built by :func:`parse_string`."""

    def __init__(self, grammar):
        self.grammar = grammar

    def parse_string(self, text, debug=False):
        return parse_string(self.grammar, text)


_BLOCK = object()
_ALL_POPPED = -1
_STUCK = -2


def _unblock(stack, block, states):
    """Turn the innermost level of the *block* on top of *stack* into an
    ordinary entry (empty children) on top; return that entry."""
    levels, top = block[1], block[2]
    symbol, state = levels[top]
    if top == 0:
        stack.pop()
    else:
        block[2] = top - 1
    entry = [states[symbol], state, [], symbol]
    stack.append(entry)
    return entry


def _pass_through(stack, block, node, ilabel, states, memo):
    """*node* completes the level below *block*; pop every level of the
    block that cannot take the token *ilabel* (each has *node* as its only
    child, so it collapses into it) and hand *node* to the first level that
    can, or to the entry below the block. Returns the entry now on top, or
    None when a level can neither take the token nor end (a syntax error).

    Which level takes a token depends only on the block's levels and the
    token, so it is computed once per (levels, top, token).
    """
    levels, top = block[1], block[2]
    key = (id(levels), top, ilabel)
    target = memo.get(key)
    if target is None:
        target = _ALL_POPPED
        for level in range(top, -1, -1):
            symbol, state = levels[level]
            table, may_pop, _ = states[symbol][state]
            if ilabel in table:
                target = level
                break
            if not may_pop:
                target = _STUCK
                break
        memo[key] = target
    if target == _STUCK:
        return None
    if target == _ALL_POPPED:
        stack.pop()
        entry = stack[-1]
        entry[2].append(node)
        return entry
    symbol, state = levels[target]
    if target == 0:
        stack.pop()
    else:
        block[2] = target - 1
    entry = [states[symbol], state, [node], symbol]
    stack.append(entry)
    return entry
