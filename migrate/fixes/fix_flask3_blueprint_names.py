"""A blueprint registered twice gets a ``name=`` for its later registrations.

Flask 1.x let an app register one blueprint object twice (say once at ``/``
and once under ``url_prefix='/pages'``); both registrations served the same
endpoint names. Flask 2.0.1 deprecated that and Flask 2.1 refuses it at
import time ("The name ... is already registered for this blueprint. Use
'name=' to provide a unique name."). So in one function (or at module
level), the second and later ``register_blueprint(bp)`` calls of the same
receiver and blueprint that give no ``name=`` get one, made of the
blueprint's variable and its ``url_prefix`` (``simple_page_pages``) or a
number. ``url_for`` of the first registration's endpoints builds what it
built before; the later registrations' endpoints are now ``<name>.<view>``,
so each rewritten call is also listed for review.
"""
import re

from fissix import pytree
from fissix.pgen2 import token
from fissix.pygram import python_symbols as syms

from ._flask3 import Flask3Fix, keyword_arguments
from ._util import expression


def _scope(node):
    """The function the call is in, or the module."""
    parent = node.parent
    while parent is not None and parent.type not in (syms.funcdef, syms.file_input):
        parent = parent.parent
    return parent


def _first_argument(call):
    """The text of the call's first positional argument, or None."""
    if len(call.children) < 3:
        return None
    args = call.children[1]
    first = args.children[0] if args.type == syms.arglist else args
    if first.type == syms.argument or first.type == token.STAR:
        return None
    return str(first)[len(first.prefix):].strip()


def _string_value(node):
    """The value of a plain string literal node, or None."""
    if node.type != token.STRING:
        return None
    match = re.match(r"^[rR]?(['\"])(.*)\1$", node.value, re.S)
    if match is None or "\\" in match.group(2):
        return None
    return match.group(2)


class FixFlask3BlueprintNames(Flask3Fix):
    """Give a blueprint's second and later registrations a unique name."""

    name = "flask3_blueprint_names"
    summary = "register_blueprint(bp) twice -> the later calls get name='bp_prefix' (listed)"
    PATTERN = "power< any* trailer< '.' 'register_blueprint' > trailer< '(' [any] ')' > any* >"

    def start_tree(self, tree, filename):
        super(FixFlask3BlueprintNames, self).start_tree(tree, filename)
        self._seen = {}
        self._names = set()

    def transform(self, node, results):
        children = node.children
        for index in range(1, len(children) - 1):
            trailer = children[index]
            if trailer.type == syms.trailer and len(trailer.children) == 2 and \
                    trailer.children[1].value == "register_blueprint":
                break
        else:
            return None
        call = children[index + 1]
        blueprint = _first_argument(call)
        if blueprint is None:
            return None
        keywords = keyword_arguments(call)
        if "name" in keywords:
            return None
        # without the first leaf's prefix: a comment above the call is not
        # part of the receiver
        receiver = "".join(str(child) for child in children[:index])[len(node.prefix):].strip()
        key = (id(_scope(node)), receiver, blueprint)
        count = self._seen.get(key, 0) + 1
        self._seen[key] = count
        if count == 1:
            return None
        base = re.sub(r"\W+", "_", blueprint.split(".")[-1]).strip("_") or "blueprint"
        prefix = keywords.get("url_prefix")
        suffix = _string_value(prefix.children[2]) if prefix is not None else None
        suffix = re.sub(r"\W+", "_", suffix or "").strip("_") or str(count)
        new_name = "%s_%s" % (base, suffix)
        if new_name in self._names:
            new_name = "%s_%d" % (new_name, count)
        self._names.add(new_name)
        args = call.children[1]
        arguments = str(args).rstrip()
        layout = str(args)[len(arguments):]
        new_args = expression("f(%s, name=%r%s)" % (arguments.strip(), new_name, layout))
        args.replace(new_args.children[1].children[1].clone())
        self.changed(node)
        self.review_since(
            node,
            "this blueprint is registered above already: this registration is now named %r, "
            "so its endpoints are '%s.<view>' (url_for of the first registration's endpoints "
            "builds what it built before)" % (new_name, new_name),
            "Flask 2.0.1 deprecated registering a blueprint twice under one name, Flask 2.1 "
            "refuses it",
        )
        return None
