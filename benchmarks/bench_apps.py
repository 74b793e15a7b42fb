# -*- coding: utf-8 -*-
"""One small application written for each framework the benchmarks compare.

Every app answers the same requests with the same status and body, so that a
benchmark compares the cost of the framework and nothing else:

``hello``     ``GET /``: a short text body.
``route``     ``GET /users/42/posts/hello-world?page=3``: the URL rule
              ``/users/<int:uid>/posts/<slug>`` among 50 other rules (25
              static, 25 with an ``int`` converter); the view reads a query
              argument.
``json``      ``GET /json``: a small dict with non-ASCII text, sorted,
              compact, ASCII-escaped, ending with a newline (``jsonify``'s
              output).
``form``      ``POST /form``: an urlencoded body with UTF-8 text.
``template``  ``GET /template``: a template file that loops over 20 items,
              each with characters that must be escaped.
``session``   ``GET /session``: reads a counter from the signed session cookie
              and writes it back incremented.
``404``       ``GET /no/such/page``: an error handler's own 404 body.

The apps: flaskcompat and Flask share one definition (``flask_like_app``);
Bottle uses its own router, forms, signed cookies and SimpleTemplate; bare
Werkzeug wires ``Request``, ``Response`` and a ``Map`` by hand, with Jinja2
and itsdangerous; the raw WSGI callable uses the standard library (and Jinja2
for the template), the floor that no framework can go under.
"""
from __future__ import print_function

import base64
import hashlib
import hmac
import io
import json
import os
import re
import sys

try:  # the standard library moved these between Python 2 and 3
    from urllib.parse import parse_qs, unquote_to_bytes
except ImportError:  # Python 2
    from urllib import unquote as unquote_to_bytes
    from urlparse import parse_qs

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = os.path.join(HERE, "templates")
SECRET_KEY = "benchmark secret key, not a real one"
TEXT_TYPE = "text/html; charset=utf-8"
JSON_TYPE = "application/json"

ITEMS = [u"item %d <b> & co" % i for i in range(20)]
RECORD = {
    u"id": 7,
    u"name": u"Zoë Ångström",
    u"city": u"Kraków",
    u"tags": [u"café", u"naïve", u"smörgåsbord"],
}
FORM_BODY = u"name=Zo%C3%AB&qty=3&note=fresh+bread".encode("ascii")
FORM_TYPE = "application/x-www-form-urlencoded"
NOT_FOUND = u"no such page"
OTHER_RULES = 25  # of each kind: 25 static and 25 dynamic rules

# name -> (method, path, query, body, content type)
SCENARIOS = [
    ("hello", ("GET", "/", "", b"", None)),
    ("route", ("GET", "/users/42/posts/hello-world", "page=3", b"", None)),
    ("json", ("GET", "/json", "", b"", None)),
    ("form", ("POST", "/form", "", FORM_BODY, FORM_TYPE)),
    ("template", ("GET", "/template", "", b"", None)),
    ("session", ("GET", "/session", "", b"", None)),
    ("404", ("GET", "/no/such/page", "", b"", None)),
]
SCENARIO_NAMES = [name for name, _ in SCENARIOS]


def dump_record():
    return json.dumps(RECORD, sort_keys=True, separators=(",", ":")) + "\n"


def post_text(uid, slug, page):
    return u"user %d post %s page %s" % (uid, slug, page)


def form_text(name, qty, note):
    return u"%s x %s: %s" % (name, qty, note)


def form_text_of(encoded):
    """One urlencoded name or value (bytes) as text."""
    return unquote_to_bytes(encoded.replace(b"+", b" ")).decode("utf-8")


def visits_text(count):
    return u"visits %d" % count


# --- flaskcompat and Flask -------------------------------------------------


def flask_like_app(module):
    """The app on any package with Flask's API (flaskcompat, Flask, or an
    older checkout of flaskcompat)."""
    app = module.Flask("bench", template_folder=TEMPLATES)
    app.secret_key = SECRET_KEY
    request = module.request
    session = module.session

    @app.route("/")
    def greeting():
        return u"Hello, World!"

    def static_page():
        return u"static"

    def numbered_item(item_id):
        return u"item %d" % item_id

    for number in range(OTHER_RULES):
        app.add_url_rule("/pages/page%d" % number, "page%d" % number, static_page)
        app.add_url_rule(
            "/items%d/<int:item_id>" % number, "item%d" % number, numbered_item
        )

    @app.route("/users/<int:uid>/posts/<slug>")
    def post(uid, slug):
        return post_text(uid, slug, request.args.get("page", u"1"))

    @app.route("/json")
    def as_json():
        return module.jsonify(RECORD)

    @app.route("/form", methods=["POST"])
    def form():
        data = request.form
        return form_text(data["name"], data["qty"], data["note"])

    @app.route("/template")
    def template():
        return module.render_template("items.html", items=ITEMS)

    @app.route("/session")
    def visits():
        count = session.get("visits", 0) + 1
        session["visits"] = count
        return visits_text(count)

    @app.errorhandler(404)
    def no_such_page(error):
        return NOT_FOUND, 404

    return app


# --- Bottle ----------------------------------------------------------------


def bottle_app(bottle):
    app = bottle.Bottle()
    request = bottle.request
    response = bottle.response
    bottle.TEMPLATE_PATH[:] = [TEMPLATES]

    @app.route("/")
    def greeting():
        return u"Hello, World!"

    def static_page():
        return u"static"

    def numbered_item(item_id):
        return u"item %d" % item_id

    for number in range(OTHER_RULES):
        app.route("/pages/page%d" % number, callback=static_page)
        app.route("/items%d/<item_id:int>" % number, callback=numbered_item)

    @app.route("/users/<uid:int>/posts/<slug>")
    def post(uid, slug):
        return post_text(uid, slug, request.query.getunicode("page", u"1"))

    @app.route("/json")
    def as_json():
        response.content_type = JSON_TYPE
        return dump_record()

    @app.route("/form", method="POST")
    def form():
        data = request.forms
        return form_text(
            data.getunicode("name"), data.getunicode("qty"), data.getunicode("note")
        )

    @app.route("/template")
    def template():
        return bottle.template("items_bottle", items=ITEMS)

    @app.route("/session")
    def visits():
        count = int(request.get_cookie("session", "0", secret=SECRET_KEY)) + 1
        response.set_cookie("session", str(count), secret=SECRET_KEY, httponly=True)
        return visits_text(count)

    @app.error(404)
    def no_such_page(error):
        return NOT_FOUND

    return app


# --- Werkzeug, wired by hand ------------------------------------------------


def werkzeug_app():
    import jinja2
    import itsdangerous
    from werkzeug import exceptions, routing, wrappers

    Request, Response = wrappers.Request, wrappers.Response
    Map, Rule = routing.Map, routing.Rule

    class HTMLResponse(Response):
        default_mimetype = "text/html"

    # auto_reload off, as in Flask and flaskcompat outside debug mode: no
    # file system check of the template on every request
    templates = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, auto_reload=False
    )
    signer = itsdangerous.URLSafeTimedSerializer(SECRET_KEY, salt="cookie-session")

    def greeting(request):
        return HTMLResponse(u"Hello, World!")

    def static_page(request):
        return HTMLResponse(u"static")

    def numbered_item(request, item_id):
        return HTMLResponse(u"item %d" % item_id)

    def post(request, uid, slug):
        return HTMLResponse(post_text(uid, slug, request.args.get("page", u"1")))

    def as_json(request):
        return Response(dump_record(), mimetype=JSON_TYPE)

    def form(request):
        data = request.form
        return HTMLResponse(form_text(data["name"], data["qty"], data["note"]))

    def template(request):
        page = templates.get_template("items.html").render(items=ITEMS)
        return HTMLResponse(page)

    def visits(request):
        try:
            stored = signer.loads(request.cookies.get("session", ""))
        except itsdangerous.BadSignature:
            stored = {}
        count = stored.get("visits", 0) + 1
        response = HTMLResponse(visits_text(count))
        response.set_cookie(
            "session", signer.dumps({"visits": count}), httponly=True
        )
        return response

    rules = [Rule("/", endpoint=greeting)]
    for number in range(OTHER_RULES):
        rules.append(Rule("/pages/page%d" % number, endpoint=static_page))
        rules.append(Rule("/items%d/<int:item_id>" % number, endpoint=numbered_item))
    rules += [
        Rule("/users/<int:uid>/posts/<slug>", endpoint=post),
        Rule("/json", endpoint=as_json),
        Rule("/form", endpoint=form, methods=["POST"]),
        Rule("/template", endpoint=template),
        Rule("/session", endpoint=visits),
    ]
    url_map = Map(rules)

    def application(environ, start_response):
        request = Request(environ)
        urls = url_map.bind_to_environ(environ)
        try:
            view, values = urls.match()
            answer = view(request, **values)
        except exceptions.NotFound:
            answer = HTMLResponse(NOT_FOUND, status=404)
        except exceptions.HTTPException as refusal:
            answer = refusal
        return answer(environ, start_response)

    return application


# --- a raw WSGI callable ----------------------------------------------------


def raw_wsgi_app():
    import jinja2

    # auto_reload off, as in Flask and flaskcompat outside debug mode: no
    # file system check of the template on every request
    templates = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, auto_reload=False
    )
    key = SECRET_KEY.encode("ascii")

    def text(start_response, body, status="200 OK", content_type=TEXT_TYPE, extra=()):
        data = body.encode("utf-8")
        headers = [("Content-Type", content_type), ("Content-Length", str(len(data)))]
        start_response(status, headers + list(extra))
        return [data]

    def first(query, name, default):
        values = parse_qs(query).get(name)
        return values[0] if values else default

    def sign(value):
        data = base64.urlsafe_b64encode(json.dumps(value).encode("utf-8"))
        mac = hmac.new(key, data, hashlib.sha256).hexdigest().encode("ascii")
        return (data + b"." + mac).decode("ascii")

    def unsign(cookie_header):
        for part in cookie_header.split(";"):
            name, _, value = part.strip().partition("=")
            if name == "session":
                data, _, mac = value.encode("ascii").rpartition(b".")
                expected = hmac.new(key, data, hashlib.sha256).hexdigest()
                if hmac.compare_digest(expected.encode("ascii"), mac):
                    return json.loads(base64.urlsafe_b64decode(data).decode("utf-8"))
        return {}

    def greeting(environ, start_response):
        return text(start_response, u"Hello, World!")

    def static_page(environ, start_response):
        return text(start_response, u"static")

    def numbered_item(environ, start_response, item_id):
        return text(start_response, u"item %d" % int(item_id))

    def post(environ, start_response, uid, slug):
        page = first(environ.get("QUERY_STRING", ""), "page", "1")
        return text(start_response, post_text(int(uid), slug, page))

    def as_json(environ, start_response):
        return text(start_response, dump_record(), content_type=JSON_TYPE)

    def form(environ, start_response):
        length = int(environ.get("CONTENT_LENGTH") or 0)
        fields = {}
        for pair in environ["wsgi.input"].read(length).split(b"&"):
            name, _, value = pair.partition(b"=")
            fields[form_text_of(name)] = form_text_of(value)
        return text(
            start_response, form_text(fields[u"name"], fields[u"qty"], fields[u"note"])
        )

    def template(environ, start_response):
        page = templates.get_template("items.html").render(items=ITEMS)
        return text(start_response, page)

    def visits(environ, start_response):
        count = unsign(environ.get("HTTP_COOKIE", "")).get("visits", 0) + 1
        cookie = ("Set-Cookie", "session=%s; HttpOnly; Path=/" % sign({"visits": count}))
        return text(start_response, visits_text(count), extra=[cookie])

    static = {
        ("GET", "/"): greeting,
        ("GET", "/json"): as_json,
        ("POST", "/form"): form,
        ("GET", "/template"): template,
        ("GET", "/session"): visits,
    }
    for number in range(OTHER_RULES):
        static[("GET", "/pages/page%d" % number)] = static_page
    dynamic = [
        (re.compile(r"^/items%d/(?P<item_id>\d+)$" % number), numbered_item)
        for number in range(OTHER_RULES)
    ]
    dynamic.append(
        (re.compile(r"^/users/(?P<uid>\d+)/posts/(?P<slug>[^/]+)$"), post)
    )

    def application(environ, start_response):
        method = environ["REQUEST_METHOD"]
        path = environ.get("PATH_INFO", "/")
        view = static.get((method, path))
        if view is not None:
            return view(environ, start_response)
        if method == "GET":
            for pattern, view in dynamic:
                found = pattern.match(path)
                if found is not None:
                    return view(environ, start_response, **found.groupdict())
        return text(start_response, NOT_FOUND, status="404 NOT FOUND")

    return application


# --- choosing and calling apps ---------------------------------------------


def distribution_version(name):
    try:
        from importlib.metadata import version
    except ImportError:  # Python < 3.8
        import pkg_resources

        return pkg_resources.get_distribution(name).version
    return version(name)


def build_app(framework):
    """The app for one framework name: flaskcompat, flask, bottle,
    werkzeug or raw."""
    if framework == "flaskcompat":
        import flaskcompat

        return flask_like_app(flaskcompat)
    if framework == "flask":
        import flask

        return flask_like_app(flask)
    if framework == "bottle":
        import bottle

        return bottle_app(bottle)
    if framework == "werkzeug":
        return werkzeug_app()
    if framework == "raw":
        return raw_wsgi_app()
    raise ValueError("unknown framework %r" % framework)


def app_from_environment():
    """Entry point for a WSGI server: the framework named by the
    ``BENCH_FRAMEWORK`` environment variable."""
    return build_app(os.environ.get("BENCH_FRAMEWORK", "flaskcompat"))


def base_environ(scenario):
    """The WSGI environ of one scenario, without its input stream."""
    method, path, query, body, content_type = dict(SCENARIOS)[scenario]
    environ = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "HTTP_HOST": "localhost",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    if body:
        environ["CONTENT_LENGTH"] = str(len(body))
    if content_type:
        environ["CONTENT_TYPE"] = content_type
    return environ, body


def call(app, environ, body):
    """One full WSGI call: status, headers and the joined body."""
    environ = dict(environ)
    environ["wsgi.input"] = io.BytesIO(body)
    answer = []

    def start_response(status, headers, exc_info=None):
        answer[:] = [status, headers]

    iterable = app(environ, start_response)
    try:
        data = b"".join(iterable)
    finally:
        close = getattr(iterable, "close", None)
        if close is not None:
            close()
    return answer[0], answer[1], data


def prepared_environ(app, scenario):
    """The scenario's environ and body as ``app`` should receive them: the
    session scenario carries the cookie that the app itself set on a first
    visit, so every timed request reads a session and writes a new one."""
    environ, body = base_environ(scenario)
    if scenario == "session":
        _status, headers, _data = call(app, environ, body)
        cookies = [
            value.split(";", 1)[0]
            for name, value in headers
            if name.lower() == "set-cookie"
        ]
        if not cookies:
            raise SystemExit("the session scenario set no cookie")
        environ["HTTP_COOKIE"] = "; ".join(cookies)
    return environ, body


def answers(app):
    """scenario -> (status code, body) for one app."""
    result = {}
    for scenario in SCENARIO_NAMES:
        environ, body = prepared_environ(app, scenario)
        status, _headers, data = call(app, environ, body)
        result[scenario] = (int(status.split(None, 1)[0]), data)
    return result
