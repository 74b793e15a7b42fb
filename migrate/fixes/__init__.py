"""The fixer registry.

Every module ``fix_<name>.py`` in this package holds exactly one fixer class
``Fix<CamelName>`` (the lib2to3 convention). The registry discovers them with
:mod:`pkgutil`, so adding a fixer means adding a file, nothing else.
"""
import importlib
import pkgutil

from ._base import TARGETS, MigrateFix

__all__ = ["MigrateFix", "TARGETS", "UnknownFixerError", "all_fixers", "fixers_for"]

_REGISTRY = None


class UnknownFixerError(ValueError):
    """A fixer name given to :func:`fixers_for` is not registered."""


def _class_name(module_name):
    return "Fix" + "".join(part.title() for part in module_name[len("fix_"):].split("_"))


def all_fixers():
    """Return ``{name: class}`` for every fixer module in this package."""
    global _REGISTRY
    if _REGISTRY is None:
        registry = {}
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda item: item[1]):
            module_name = info[1]
            if not module_name.startswith("fix_"):
                continue
            module = importlib.import_module("." + module_name, __name__)
            fixer = getattr(module, _class_name(module_name), None)
            if fixer is None or not issubclass(fixer, MigrateFix):
                raise TypeError(
                    "%s.%s must define a MigrateFix subclass %s"
                    % (__name__, module_name, _class_name(module_name))
                )
            expected = module_name[len("fix_"):]
            if fixer.name != expected:
                raise TypeError(
                    "%s.name is %r, its module says %r" % (fixer.__name__, fixer.name, expected)
                )
            registry[expected] = fixer
        _REGISTRY = registry
    return dict(_REGISTRY)


def fixers_for(target, select=None, exclude=()):
    """Return the fixer classes to run for ``target``, in run order.

    ``select`` (names) keeps only those fixers, ``exclude`` drops some; an
    unknown name in either raises :class:`UnknownFixerError`. The order is by
    ``run_order``, then by name, so that it never depends on the file system.
    """
    if target not in TARGETS:
        raise ValueError("unknown target %r (choose from %s)" % (target, ", ".join(sorted(TARGETS))))
    registry = all_fixers()
    wanted = set(registry) if select is None else set(select)
    unknown = (wanted | set(exclude)) - set(registry)
    if unknown:
        raise UnknownFixerError(
            "unknown fixer name(s): %s (see --list-fixes)" % ", ".join(sorted(unknown))
        )
    chosen = [
        registry[name]
        for name in wanted - set(exclude)
        if target in registry[name].targets
    ]
    return sorted(chosen, key=lambda fixer: (fixer.run_order, fixer.name))
