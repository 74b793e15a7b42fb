# -*- coding: utf-8 -*-
"""A request through the test client leaves no objects behind once it is
done: the contexts, the session and the template machinery are freed."""
import gc
import io
import sys

import flaskcompat


def _live_objects():
    gc.collect()
    return len(gc.get_objects())


def test_repeated_requests_leave_nothing_behind(app):
    @app.route("/")
    def index():
        flaskcompat.session["visits"] = flaskcompat.session.get("visits", 0) + 1
        flaskcompat.g.user = "someone"
        return flaskcompat.render_template_string("<p>{{ n }} {{ g.user }}</p>", n=42)

    def visit():
        with app.test_client() as client:
            rv = client.get("/")
            assert rv.status_code == 200
            assert rv.data == b"<p>42 someone</p>"

    for _ in range(5):  # fill the caches: templates, URL adapter, dispatch tables
        visit()
    gc.disable()
    try:
        before = _live_objects()
        for _ in range(60):
            visit()
        after = _live_objects()
    finally:
        gc.enable()
    # Anything kept per request would add at least 60 objects; the margin
    # allows for a cache entry or two made late.
    assert after - before < 30


def _garbage_of(site, path, method="GET"):
    """The status of a WSGI request to ``path`` and the type names of the
    objects it left that only the cycle collector could free."""
    environ = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "HTTP_HOST": "localhost",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.__stderr__,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        statuses = []
        body = site.wsgi_app(environ, lambda status, headers, *_: statuses.append(status))
        b"".join(body)
        getattr(body, "close", lambda: None)()
        del body, environ
        gc.collect()
        return statuses[0], sorted(set(type(found).__name__ for found in gc.garbage))
    finally:
        gc.set_debug(0)
        del gc.garbage[:]
        gc.enable()


# What a request's own cycles would hold: its objects and the frames that
# handled it. (Werkzeug 2.2+'s URL matcher leaves a small cycle of its own,
# a nested function that calls itself, whenever it runs.)
REQUEST_LEVEL = set(
    ["Request", "RequestContext", "AppContext", "Response", "frame", "traceback"]
)


def test_routing_errors_leave_no_cycles(app):
    # A cyclic collection costs every request of a busy server its share;
    # an unknown URL or a wrong method is among the commonest answers.
    @app.route("/only-post", methods=["POST"])
    def only_post():
        return u"posted"

    @app.route("/page")
    def page():
        return u"page"

    for path, method in (("/missing", "GET"), ("/only-post", "GET"), ("/page", "GET")):
        _garbage_of(app, path, method)  # the first time fills the caches
    assert _garbage_of(app, "/missing") == ("404 NOT FOUND", [])
    assert _garbage_of(app, "/page") == ("200 OK", [])
    status, left = _garbage_of(app, "/only-post")
    assert status == "405 METHOD NOT ALLOWED"
    assert REQUEST_LEVEL.isdisjoint(left)


def test_an_app_nobody_holds_is_freed_at_once():
    # Flask 3.1: no reference cycle keeps a new application alive, so it
    # goes as soon as the last name for it does, collector or not.
    import weakref

    gc.disable()
    try:
        site = flaskcompat.Flask("freed_at_once", static_folder="static")
        site.add_url_rule("/", "index", lambda: u"index")
        alive = weakref.ref(site)
        del site
        assert alive() is None
    finally:
        gc.enable()


def test_the_static_view_serves_through_the_app(tmp_path):
    (tmp_path / "hello.txt").write_bytes(b"static hello")
    site = flaskcompat.Flask(
        "static_view", static_folder=str(tmp_path), static_url_path="/static"
    )
    answer = site.test_client().get("/static/hello.txt")
    assert (answer.status_code, answer.data) == (200, b"static hello")
    answer.close()
