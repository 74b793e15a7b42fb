# -*- coding: utf-8 -*-
"""Requests per second of flaskcompat, Flask and Bottle, side by side in one
process on one interpreter, so the figures that matter are the ratios.

Each framework serves the same three routes; every request is a full WSGI
call (environ in, body joined, iterator closed). Rounds are interleaved so
that a busy machine slows every framework alike, and the best round of each
is reported.

Run it with ``tox -e bench`` (Python 3.13, current Flask and Bottle) or with
any interpreter that has the three installed::

    python benchmarks/request_bench.py [--requests N] [--rounds N] [--baseline PATH]

``--baseline PATH`` adds another checkout's flaskcompat (``PATH/flaskcompat``,
e.g. a ``git worktree`` of the previous release) to the same interleaved
rounds, loaded under the name ``flaskcompat_baseline``: its column shows
whether a change made flaskcompat faster or slower, measured in one run.
"""
from __future__ import print_function

import argparse
import io
import os
import shutil
import sys
import tempfile
import time


def make_environ(path, query=""):
    return {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "HTTP_HOST": "localhost",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }


SCENARIOS = [
    ("text", "/", ""),
    ("url argument", "/hello/world", ""),
    ("query + json", "/api/item/42", "verbose=1"),
]


def flask_like_app(module):
    app = module.Flask("bench")

    @app.route("/")
    def index():
        return "Hello, World!"

    @app.route("/hello/<name>")
    def hello(name):
        return "Hello, %s!" % name

    @app.route("/api/item/<int:item_id>")
    def item(item_id):
        return module.jsonify(id=item_id, verbose=module.request.args.get("verbose"))

    return app


def bottle_app(bottle):
    app = bottle.Bottle()

    @app.route("/")
    def index():
        return "Hello, World!"

    @app.route("/hello/<name>")
    def hello(name):
        return "Hello, %s!" % name

    @app.route("/api/item/<item_id:int>")
    def item(item_id):
        return {"id": item_id, "verbose": bottle.request.query.get("verbose")}

    return app


def distribution_version(name):
    try:
        from importlib.metadata import version
    except ImportError:  # Python < 3.8
        import pkg_resources

        return pkg_resources.get_distribution(name).version
    return version(name)


def start_response(status, headers, exc_info=None):
    return None


def run(app, path, query, count):
    started = time.time()
    for _ in range(count):
        body = app(make_environ(path, query), start_response)
        try:
            b"".join(body)
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
    return count / (time.time() - started)


def check(apps):
    """Every framework answers every scenario with a body before timing."""
    for name, app in apps:
        for _label, path, query in SCENARIOS:
            captured = []
            body = b"".join(
                app(make_environ(path, query), lambda s, h, e=None: captured.append(s))
            )
            if not captured or not captured[0].startswith("200") or not body:
                raise SystemExit("%s does not answer %s: %r" % (name, path, captured))


def load_baseline(checkout):
    """Import ``checkout``'s flaskcompat package as ``flaskcompat_baseline``
    (a copy under that name in a temporary folder; its modules import each
    other relatively, so both versions live side by side)."""
    source = os.path.join(checkout, "flaskcompat")
    if not os.path.isfile(os.path.join(source, "__init__.py")):
        raise SystemExit("%s has no flaskcompat package" % checkout)
    folder = tempfile.mkdtemp(prefix="bench-baseline-")
    shutil.copytree(source, os.path.join(folder, "flaskcompat_baseline"))
    sys.path.insert(0, folder)
    import flaskcompat_baseline

    return flaskcompat_baseline


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--baseline", metavar="PATH", help="another checkout to compare with")
    args = parser.parse_args(argv)

    import flaskcompat

    apps = [("flaskcompat", flask_like_app(flaskcompat))]
    if args.baseline:
        apps.append(("baseline", flask_like_app(load_baseline(args.baseline))))
    try:
        import flask

        apps.append(("Flask %s" % distribution_version("flask"), flask_like_app(flask)))
    except ImportError:
        print("Flask is not installed: no comparison", file=sys.stderr)
    try:
        import bottle

        apps.append(("Bottle %s" % distribution_version("bottle"), bottle_app(bottle)))
    except ImportError:
        print("Bottle is not installed: no comparison", file=sys.stderr)

    check(apps)
    for _name, app in apps:  # warm up: first-request work, caches
        for _label, path, query in SCENARIOS:
            run(app, path, query, 200)
    print("Python %s, %d requests x %d rounds, best round" % (
        sys.version.split()[0], args.requests, args.rounds))
    header = "%-16s" % "scenario" + "".join("%16s" % name for name, _ in apps)
    if len(apps) > 1:
        header += "".join("%16s" % ("vs " + name.split()[0]) for name, _ in apps[1:])
    print(header)
    for label, path, query in SCENARIOS:
        best = dict((name, 0.0) for name, _ in apps)
        for _ in range(args.rounds):
            for name, app in apps:
                best[name] = max(best[name], run(app, path, query, args.requests))
        line = "%-16s" % label + "".join("%14.0f/s" % best[name] for name, _ in apps)
        ours = best["flaskcompat"]
        line += "".join("%15.2fx" % (ours / best[name]) for name, _ in apps[1:])
        print(line)


if __name__ == "__main__":
    main()
