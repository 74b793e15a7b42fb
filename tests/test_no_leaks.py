# -*- coding: utf-8 -*-
"""A request through the test client leaves no objects behind once it is
done: the contexts, the session and the template machinery are freed."""
import gc

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
