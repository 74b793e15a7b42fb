"""Iterative versions of fissix's tree walks.

``Node.pre_order()``, ``post_order()`` and ``leaves()`` are recursive
generators in fissix: every node a walk yields is passed up through one
generator frame per level above it, so a walk costs the node count times the
depth. The fixers walk whole modules often (scope checks, import scans),
which made these walks a fifth of a run. :func:`install` replaces the three
methods of ``fissix.pytree.Node`` by loops over an explicit stack that yield
the same nodes in the same order, at the same moments: each node's children
list is looked up when the walk reaches that node, as the recursive version
does, so a tree changed during a walk is walked the same way too.
"""

from fissix import pytree

_originals = {}


def pre_order(self):
    """Pre-order iterator over the node and its descendants."""
    yield self
    stack = [iter(self.children)]
    while stack:
        for child in stack[-1]:
            yield child
            if child.children:
                stack.append(iter(child.children))
                break
        else:
            stack.pop()


def post_order(self):
    """Post-order iterator over the node and its descendants."""
    stack = [(self, iter(self.children))]
    while stack:
        node, children = stack[-1]
        for child in children:
            if child.children:
                stack.append((child, iter(child.children)))
                break
            yield child
        else:
            stack.pop()
            yield node


def leaves(self):
    """The leaves under the node, left to right."""
    stack = [iter(self.children)]
    while stack:
        for child in stack[-1]:
            if type(child) is pytree.Leaf or not isinstance(child, pytree.Node):
                yield child
            elif child.children:
                stack.append(iter(child.children))
                break
        else:
            stack.pop()


def install():
    """Use the iterative walks for every ``fissix.pytree.Node``."""
    if _originals:
        return
    for name, function in (("pre_order", pre_order), ("post_order", post_order), ("leaves", leaves)):
        # None: Node inherits fissix's version from Base.
        _originals[name] = pytree.Node.__dict__.get(name)
        setattr(pytree.Node, name, function)


def uninstall():
    """Put fissix's own walks back."""
    for name, function in _originals.items():
        if function is None:
            delattr(pytree.Node, name)
        else:
            setattr(pytree.Node, name, function)
    _originals.clear()
