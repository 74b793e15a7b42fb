# -*- coding: utf-8 -*-
"""pytest plugin for running a Flask extension's own test suite.

Loaded with ``-p flask_alias_plugin`` by ``run_suite.py``, so it is imported
before any conftest or test module. ``FLASKCOMPAT_EXT_FLASK`` chooses what
``import flask`` gives the suite:

``flaskcompat``
    :func:`flaskcompat.install_as_flask` runs right here, and the end of the
    session checks that no module of a real Flask was loaded after all.
``flask``
    The real Flask (the baseline); the plugin refuses to run if it is not
    installed or if ``flask`` turns out to be flaskcompat.

At the end the counts of the run, and the ids of the tests that failed or
errored, are written as JSON to ``FLASKCOMPAT_EXT_RESULTS``.
"""
import io
import json
import os
import sys

MODE = os.environ.get("FLASKCOMPAT_EXT_FLASK", "flaskcompat")
CATEGORIES = ("passed", "failed", "error", "skipped", "xfailed", "xpassed")

if MODE == "flaskcompat":
    import flaskcompat

    flaskcompat.install_as_flask()
elif MODE == "flask":
    import flask

    if hasattr(flask, "install_as_flask"):
        raise RuntimeError("the baseline run found flaskcompat installed as flask")
else:
    raise RuntimeError(
        "FLASKCOMPAT_EXT_FLASK must be 'flaskcompat' or 'flask', not %r" % (MODE,)
    )


def _real_flask_modules():
    """Modules named ``flask``/``flask.*`` that are not flaskcompat's."""
    import flaskcompat

    package_dir = os.path.dirname(os.path.abspath(flaskcompat.__file__))
    strays = []
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "flask" or name.startswith("flask.")):
            continue
        filename = getattr(module, "__file__", None)
        if filename and not os.path.abspath(filename).startswith(package_dir):
            strays.append(name)
    return sorted(strays)


def pytest_report_header(config):
    import flask

    if MODE == "flaskcompat":
        import flaskcompat

        return "flask: flaskcompat %s as Flask %s (install_as_flask)" % (
            flaskcompat.__version__,
            flask.__version__,
        )
    # Not flask.__version__: Flask 3.1 deprecates it, and suites that turn
    # warnings into errors would stop here.
    from run_suite import installed_version

    return "flask: Flask %s from %s" % (
        installed_version("flask"),
        os.path.dirname(flask.__file__),
    )


def pytest_terminal_summary(terminalreporter):
    stats = terminalreporter.stats
    counts = dict((name, len(stats.get(name, ()))) for name in CATEGORIES)
    broken = []
    for name in ("failed", "error"):
        for report in stats.get(name, ()):
            broken.append(getattr(report, "nodeid", "") or repr(report))
    result = {"mode": MODE, "counts": counts, "failed_tests": sorted(set(broken))}
    if MODE == "flaskcompat":
        result["real_flask_modules"] = _real_flask_modules()
        if result["real_flask_modules"]:
            terminalreporter.write_line(
                "ERROR: real Flask modules were imported: %s"
                % ", ".join(result["real_flask_modules"]),
                red=True,
            )
    path = os.environ.get("FLASKCOMPAT_EXT_RESULTS")
    if path:
        text = json.dumps(result, sort_keys=True, indent=1)
        if isinstance(text, bytes):  # Python 2's json.dumps gives str
            text = text.decode("ascii")
        with io.open(path, "w", encoding="utf-8") as f:
            f.write(text)
