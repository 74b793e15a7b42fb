# -*- coding: utf-8 -*-
"""The application the generated requests are sent to: one small view per
route family, written as an application author would write it (values from
the request go back into headers, cookies, redirects and the session)."""
from __future__ import unicode_literals

import os

import flaskcompat
from flaskcompat import request
from flaskcompat import session
from flaskcompat import url_for
from werkzeug.utils import secure_filename

TESTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET_KEY = "fuzzing key"


def make_app():
    app = flaskcompat.Flask(
        "fuzz_app", root_path=TESTS_DIR, static_folder=os.path.join(TESTS_DIR, "static")
    )
    app.secret_key = SECRET_KEY
    # Exceptions escape wsgi_app instead of becoming a 500, so the run
    # reports where they come from.
    app.config["TESTING"] = True

    # -- query arguments ------------------------------------------------------
    @app.route("/args", methods=["GET", "POST"])
    def args():
        response = flaskcompat.jsonify(
            args=request.args.to_dict(flat=False),
            full_path=request.full_path,
            url=request.url,
        )
        response.headers["X-Query-Length"] = str(len(request.query_string))
        return response

    @app.route("/go")
    def go():
        # the "next" parameter of a login page
        return flaskcompat.redirect(request.args.get("next", "/args"))

    @app.route("/search")
    def search():
        return flaskcompat.redirect(url_for("args", q=request.args.getlist("q")))

    # -- forms ------------------------------------------------------------------
    @app.route("/form", methods=["POST", "PUT"])
    def form():
        return {
            "form": request.form.to_dict(flat=False),
            "values": sorted(request.values),
            "files": sorted(request.files),
        }

    # -- JSON -------------------------------------------------------------------
    @app.route("/json", methods=["POST", "PUT", "PATCH"])
    def json_view():
        data = request.get_json()
        return flaskcompat.jsonify(type=type(data).__name__, echo=data)

    @app.route("/json/silent", methods=["POST"])
    def json_silent():
        data = request.get_json(force=True, silent=True)
        return {"type": type(data).__name__}

    # -- converters -------------------------------------------------------------
    @app.route("/item/<int:number>")
    def item(number):
        return {"number": number, "next": url_for("item", number=number + 1)}

    @app.route("/files/<path:name>")
    def files(name):
        return {"name": name, "url": url_for("files", name=name)}

    @app.route("/user/<name>/")
    def user(name):
        return {"name": name, "url": url_for("user", name=name, _external=True)}

    @app.route("/dir/")
    def directory():
        return "listing"

    # -- session and flash ------------------------------------------------------
    @app.route("/session", methods=["GET", "POST"])
    def session_view():
        before = sorted(session)
        session["seen"] = request.args.get("v", "")
        count = session.get("count")
        session["count"] = count + 1 if isinstance(count, int) else 1
        if request.args.get("p"):
            session.permanent = True
        flaskcompat.flash(request.args.get("m", "hello"), request.args.get("c", "message"))
        return {"before": before}

    @app.route("/flashes")
    def flashes():
        return {"messages": flaskcompat.get_flashed_messages(with_categories=True)}

    # -- file upload ------------------------------------------------------------
    @app.route("/upload", methods=["POST", "PUT"])
    def upload():
        saved = {}
        for field, storage in request.files.items(multi=True):
            content = storage.read()
            saved.setdefault(field, []).append(
                [secure_filename(storage.filename or ""), storage.mimetype, len(content)]
            )
        return {"files": saved, "form": sorted(request.form)}

    # -- cookies ----------------------------------------------------------------
    @app.route("/cookies", methods=["GET", "POST"])
    def cookies():
        response = flaskcompat.jsonify(request.cookies.to_dict())
        response.set_cookie("echo", request.args.get("c", ""))
        response.set_cookie("seen", "1", path=request.path)
        return response

    return app
