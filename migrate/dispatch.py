"""Running one fixer over a tree without walking the whole tree each time.

lib2to3-style tools walk every node of the tree for every fixer. Here the
tree is indexed once (nodes by type, leaves by value, pre- and post-order
positions) and each fixer only visits the nodes its pattern can match at the
root, in the same order a full walk would visit them. A fixer whose pattern
needs a literal (``'has_key'``, ``'<>'``) that appears nowhere in the tree is
skipped outright (its ``start_tree``/``finish_tree`` still run). The index is
rebuilt only after a pass that changed the tree.

Visiting rules (the same as a full walk): pre-order fixers see a node before
its children, and after a rewrite they go on into the children of the
replacement; post-order fixers see the children first and never revisit a
replacement. A node that a transform detached from the tree is not visited.
"""

from fissix import pytree
from fissix.fixer_base import BaseFix

_LeafPattern = pytree.LeafPattern
_NodePattern = pytree.NodePattern
_WildcardPattern = pytree.WildcardPattern


class FixerPlan(object):
    """What the index needs to know about one fixer instance.

    ``branches`` is a list of ``(heads, literal_sets)``, one per top-level
    alternative of the fixer's pattern: *heads* are the ``(type, value)``
    pairs a matching node can have (``None``: any node; value ``None``: any
    value), *literal_sets* a list of sets of leaf values of which at least
    one set must be fully present in the tree for the branch to match
    anywhere (an empty set: no requirement). ``branches`` is None when any
    node may match. ``required`` and ``required_types`` hold the fixer's
    ``required_values`` and ``required_types``: a tree with none of the
    values, or none of the types, gives the fixer nothing to visit.
    """

    __slots__ = ("branches", "pre_order", "required", "required_types")

    def __init__(self, fixer):
        self.pre_order = getattr(fixer, "order", "post") == "pre"
        # leaf values the fixer says it needs at least one of
        self.required = tuple(getattr(fixer, "required_values", None) or ())
        self.required_types = tuple(getattr(fixer, "required_types", None) or ())
        # A custom match() may accept what its PATTERN would not: only the
        # node type it declares (lib2to3's _accept_type) can be trusted.
        custom_match = type(fixer).match is not BaseFix.match
        accept = getattr(fixer, "_accept_type", None)
        pattern = getattr(fixer, "pattern", None)
        if accept is not None and (custom_match or pattern is None):
            self.branches = [(frozenset([(accept, None)]), [frozenset()], None)]
        elif custom_match or pattern is None:
            self.branches = None
        else:
            self.branches = pattern_branches(pattern)

    def active_heads(self, index):
        """The heads worth visiting in the tree of *index*: a set, or None
        for every node."""
        if self.required and not _holds_any(index.by_value, self.required):
            return frozenset()
        if self.required_types and not _holds_any(index.by_type, self.required_types):
            return frozenset()
        if self.branches is None:
            return None
        heads = set()
        by_value = index.by_value
        for branch_heads, literal_sets, _ in self.branches:
            # any(index.has_literals(literals) for literals in literal_sets),
            # spelled out: this runs for every fixer on every file
            for literals in literal_sets:
                for literal in literals:
                    if literal not in by_value:
                        break
                else:
                    break
            else:
                continue
            if branch_heads is None:
                return None
            heads |= branch_heads
        return heads

    def candidates(self, index, heads):
        """The nodes to try, in visiting order (*heads* from
        :meth:`active_heads`)."""
        if heads is None:
            return index.candidates(None, self.pre_order)
        chosen = {}
        for branch_heads, literal_sets, anchor in self.branches:
            if not any(index.has_literals(literals) for literals in literal_sets):
                continue
            by_heads = index.head_count(branch_heads)
            found = _evaluate_anchor(anchor, index.by_value) if anchor is not None else None
            if found is not None and found[0] < by_heads:
                # Fewer nodes to try when starting from a rare literal the
                # pattern needs at a known depth below the matched node.
                for literal, depth in found[1]:
                    for leaf in index.by_value.get(literal, ()):
                        node = leaf
                        for _ in range(depth):
                            node = node.parent
                            if node is None:
                                break
                        if node is not None and _head_match(node, branch_heads):
                            chosen[id(node)] = node
            else:
                found = index.candidates(branch_heads, self.pre_order)
                if not chosen and len(self.branches) == 1:
                    # in visiting order already, each node once
                    return found
                for node in found:
                    chosen[id(node)] = node
        return index.ordered(list(chosen.values()), self.pre_order)


def _holds_any(mapping, keys):
    """True when one of *keys* is in *mapping*."""
    for key in keys:
        if key in mapping:
            return True
    return False


def pattern_anchor(pattern, depth=0):
    """Where every match of *pattern* has a literal leaf: a small tree of
    ``("leaf", value, depth)``, ``("choose", [anchors])`` (any one of them
    holds) and ``("union", [anchors])`` (one of the alternatives holds, so
    each must be looked for). None when no literal is certain."""
    if isinstance(pattern, _LeafPattern):
        if pattern.content is None:
            return None
        return ("leaf", pattern.content, depth)
    if isinstance(pattern, _NodePattern):
        options = []
        for item in pattern.content or ():
            anchor = pattern_anchor(item, depth + 1)
            if anchor is not None:
                options.append(anchor)
        return ("choose", options) if options else None
    if isinstance(pattern, _WildcardPattern):
        if not pattern.content or pattern.min == 0:
            return None
        alternatives = []
        for alternative in pattern.content:
            options = []
            for item in alternative:
                anchor = pattern_anchor(item, depth)
                if anchor is not None:
                    options.append(anchor)
            if not options:
                return None
            alternatives.append(("choose", options))
        return ("union", alternatives)
    return None


def _evaluate_anchor(anchor, by_value):
    """``(cost, [(value, depth), ...])`` for the cheapest way to find every
    match starting from literal leaves, or None."""
    kind = anchor[0]
    if kind == "leaf":
        return len(by_value.get(anchor[1], ())), [(anchor[1], anchor[2])]
    if kind == "choose":
        best = None
        for option in anchor[1]:
            found = _evaluate_anchor(option, by_value)
            if found is not None and (best is None or found[0] < best[0]):
                best = found
        return best
    total = 0
    pairs = []
    for option in anchor[1]:
        found = _evaluate_anchor(option, by_value)
        if found is None:
            return None
        total += found[0]
        pairs.extend(found[1])
    return total, pairs


_MAX_SETS = 32


def pattern_branches(pattern):
    """Split *pattern* into its top-level alternatives (see
    :class:`FixerPlan`); None when some alternative can match any node."""
    alternatives = [pattern]
    if (
        isinstance(pattern, _WildcardPattern)
        and pattern.content
        and pattern.min == 1
        and pattern.max == 1
        and all(len(alternative) == 1 for alternative in pattern.content)
    ):
        alternatives = [alternative[0] for alternative in pattern.content]
    branches = []
    for alternative in alternatives:
        heads = pattern_heads(alternative)
        if heads is None:
            return None
        branches.append((heads, literal_sets(alternative), pattern_anchor(alternative)))
    return branches


def pattern_heads(pattern):
    """The ``(type, value)`` pairs the root of a match can have, or None
    when any node can match."""
    if isinstance(pattern, _LeafPattern):
        if pattern.type is None:
            return None
        return frozenset([(pattern.type, pattern.content)])
    if isinstance(pattern, _NodePattern):
        if pattern.type is None:
            return None
        return frozenset([(pattern.type, None)])
    if isinstance(pattern, _WildcardPattern):
        if not pattern.content or pattern.min == 0:
            return None
        heads = set()
        for alternative in pattern.content:
            if len(alternative) != 1:
                return None
            sub = pattern_heads(alternative[0])
            if sub is None:
                return None
            heads |= sub
        return frozenset(heads)
    return None


def _product(left, right):
    combined = []
    for a in left:
        for b in right:
            combined.append(a | b)
    return _simplify(combined)


def _simplify(sets):
    # Keep the weakest requirements: a set that contains another is implied.
    unique = sorted(set(sets), key=len)
    kept = []
    for candidate in unique:
        if not any(other <= candidate for other in kept):
            kept.append(candidate)
    if len(kept) > _MAX_SETS:
        # Too many ways to match: keep only what all of them need.
        common = frozenset.intersection(*kept)
        return [common]
    return kept


def literal_sets(pattern):
    """Sets of leaf values such that every match of *pattern* contains all
    the values of at least one set."""
    if isinstance(pattern, _LeafPattern):
        if pattern.content is not None:
            return [frozenset([pattern.content])]
        return [frozenset()]
    if isinstance(pattern, _NodePattern):
        sets = [frozenset()]
        for item in pattern.content or ():
            sets = _product(sets, literal_sets(item))
        return sets
    if isinstance(pattern, _WildcardPattern):
        if not pattern.content or pattern.min == 0:
            return [frozenset()]
        sets = []
        for alternative in pattern.content:
            branch = [frozenset()]
            for item in alternative:
                branch = _product(branch, literal_sets(item))
            sets.extend(branch)
        return _simplify(sets)
    return [frozenset()]


class TreeIndex(object):
    """Nodes of a tree by type and leaves by value, with their positions in
    a post-order walk (from which the pre-order is derived).

    *post_order* is the list of every node in post-order when the parser
    already made it; otherwise the tree is walked.
    """

    def __init__(self, tree, post_order=None):
        self.tree = tree
        if post_order is None:
            post_order = _post_order(tree)
        by_type = {}
        by_value = {}
        # position in post-order by node id, built in C
        post = dict(zip(map(id, post_order), range(len(post_order))))
        for node in post_order:
            kind = node.type
            nodes = by_type.get(kind)
            if nodes is None:
                by_type[kind] = [node]
            else:
                nodes.append(node)
            if kind < 256:
                leaves = by_value.get(node.value)
                if leaves is None:
                    by_value[node.value] = [node]
                else:
                    leaves.append(node)
        self.by_type = by_type
        self.by_value = by_value
        self.post = post
        # True once refresh() ran: the lists may hold detached nodes.
        self.stale = False

    def has_literals(self, literals):
        """True when every value in *literals* occurs as a leaf."""
        by_value = self.by_value
        for literal in literals:
            if literal not in by_value:
                return False
        return True

    def _post_key(self, node):
        key = self.post[id(node)]
        # Nodes added by refresh() have tuple keys (see there).
        return key if type(key) is tuple else (key,)

    def _pre_order_key(self, node):
        # Pre-order = by first leaf; of the nodes that start with the same
        # leaf, the outermost first.
        first = node
        height = 0
        while first.type >= 256 and first.children:
            first = first.children[0]
            height += 1
        return (self._post_key(first), -height)

    def refresh(self):
        """Bring the index up to date after a pass changed the tree: follow
        the paths that ``changed()`` marked from the root and add the nodes
        that are new there. Removed nodes stay listed (callers check that a
        candidate is still attached); moved nodes keep their old position.

        A new node gets a position just after the node before it in
        post-order: that node's key extended by a counter, e.g. ``(5, 1)``,
        which sorts between ``(5,)`` and ``(6,)``.
        """
        self.stale = True
        tree = self.tree
        post = self.post
        counter = [0]
        stack = [tree]
        while stack:
            node = stack.pop()
            node.was_changed = False
            previous = None
            for child in node.children:
                key = post.get(id(child))
                if key is None:
                    if previous is None:
                        previous = self._key_before(node)
                    previous = self._add_subtree(child, previous, counter)
                else:
                    if child.was_changed:
                        if child.type < 256:
                            # A leaf changed in place (value or prefix) and
                            # said so with changed(): list it under its value.
                            child.was_changed = False
                            self._add_value(child)
                        else:
                            stack.append(child)
                    previous = key if type(key) is tuple else (key,)

    def _add_value(self, leaf):
        leaves = self.by_value.setdefault(leaf.value, [])
        for listed in leaves:
            if listed is leaf:
                return
        leaves.append(leaf)

    def _key_before(self, node):
        # The key of the last node before node's subtree in post-order: the
        # previous sibling of node or of its nearest ancestor that has one.
        while node is not None:
            sibling = node.prev_sibling
            if sibling is not None:
                key = self.post.get(id(sibling))
                if key is not None:
                    return key if type(key) is tuple else (key,)
            node = node.parent
        return (-1,)

    def _add_subtree(self, root, lower, counter):
        post = self.post
        by_type = self.by_type
        by_value = self.by_value
        key = lower
        for node in _post_order(root):
            counter[0] += 1
            key = lower + (counter[0],)
            post[id(node)] = key
            by_type.setdefault(node.type, []).append(node)
            if node.type < 256:
                by_value.setdefault(node.value, []).append(node)
        return key

    def candidates(self, heads, pre_order):
        """The nodes whose ``(type, value)`` is in *heads* (None: all
        nodes), in the order of a pre-order or post-order walk."""
        if heads is None:
            nodes = list(self._all_nodes())
        else:
            nodes = []
            kinds = set()
            for kind, value in heads:
                if value is None:
                    kinds.add(kind)
            for kind in kinds:
                nodes.extend(self.by_type.get(kind, ()))
            for kind, value in heads:
                if value is not None and kind not in kinds:
                    nodes.extend(leaf for leaf in self.by_value.get(value, ()) if leaf.type == kind)
            if len(kinds) == len(heads) == 1 and not pre_order and not self.stale:
                # One list of the index as it was built: in post-order already.
                return nodes
        return self.ordered(nodes, pre_order)

    def head_count(self, heads):
        """How many nodes :meth:`candidates` would return for *heads*."""
        total = 0
        for kind, value in heads:
            if value is None:
                total += len(self.by_type.get(kind, ()))
            else:
                total += len(self.by_value.get(value, ()))
        return total

    def ordered(self, nodes, pre_order):
        """*nodes* sorted in pre-order or post-order."""
        if pre_order:
            nodes.sort(key=self._pre_order_key)
        elif self.stale:
            nodes.sort(key=self._post_key)
        else:
            post = self.post
            nodes.sort(key=lambda node: post[id(node)])
        return nodes

    def _all_nodes(self):
        for group in self.by_type.values():
            for node in group:
                yield node


def _post_order(tree):
    """Every node of *tree* in post-order; clears the ``was_changed`` marks
    so that the next change shows on the root again."""
    order = []
    stack = [(tree, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            order.append(node)
            continue
        if node.was_changed:
            node.was_changed = False
        if node.type < 256:
            order.append(node)
        else:
            stack.append((node, True))
            children = node.children
            for index in range(len(children) - 1, -1, -1):
                stack.append((children[index], False))
    return order


def _attached(node, root):
    # A transform may remove nodes still queued for a visit (a statement it
    # dropped, a sibling it merged); only nodes still under the root count.
    while node is not root:
        node = node.parent
        if node is None:
            return False
    return True


def _head_match(node, heads):
    if heads is None:
        return True
    kind = node.type
    for head_kind, head_value in heads:
        if kind == head_kind and (head_value is None or node.value == head_value):
            return True
    return False


def _subtree_pre_order(fixer, heads, node, visited):
    """Pre-order visit of the children of *node* (just rewritten)."""
    stack = list(reversed(node.children))
    while stack:
        current = stack.pop()
        visited.add(id(current))
        if current.parent is None:
            continue
        if _head_match(current, heads):
            new = apply_fixer(fixer, current)
            if new is not None:
                current = new
                visited.add(id(current))
        children = current.children
        if children:
            stack.extend(reversed(children))


def apply_fixer(fixer, node):
    """Match and transform one node; the replacement node, or None."""
    results = fixer.match(node)
    if not results:
        return None
    new = fixer.transform(node, results)
    if new is not None and new is not node:
        node.replace(new)
        return new
    return None


def run_pass(fixer, plan, index):
    """Run *fixer* over the tree of *index*; True when the tree changed (the
    index is then stale)."""
    tree = index.tree
    heads = plan.active_heads(index)
    if heads is not None and not heads:
        return False
    count_before = count = getattr(fixer, "change_count", 0)
    dirty = False
    visited = set() if plan.pre_order else None
    for node in plan.candidates(index, heads):
        if dirty or index.stale:
            if visited is not None and id(node) in visited:
                continue
            if not _attached(node, tree):
                continue
        new = apply_fixer(fixer, node)
        now = getattr(fixer, "change_count", 0)
        rewritten = new is not None or now != count
        count = now
        if rewritten or tree.was_changed:
            dirty = True
        if visited is not None and rewritten:
            # Go on into what the rewrite produced, as a full walk would.
            target = new if new is not None else node
            visited.add(id(target))
            if target.children:
                _subtree_pre_order(fixer, heads, target, visited)
    return dirty or count != count_before
