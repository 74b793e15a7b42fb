# -*- coding: utf-8 -*-
"""Templates: autoescaping by extension, filters/tests/globals, context
processors, the default context, render_template with a list."""
from __future__ import unicode_literals

import jinja2
import pytest

import flaskcompat
from flaskcompat import render_template
from flaskcompat import render_template_string

TEXT = "<p>Hello World!"
ESCAPED = "&lt;p&gt;Hello World!"


@pytest.mark.parametrize("extension", ["html", "htm", "xml", "xhtml"])
def test_autoescape_on_for_markup_templates(app, extension):
    with app.app_context():
        rv = render_template(
            "escape." + extension, text=TEXT, html=flaskcompat.Markup(TEXT)
        )
    assert rv == "|".join([ESCAPED, TEXT, TEXT, ESCAPED])


def test_autoescape_off_for_txt(app):
    with app.app_context():
        rv = render_template("escape.txt", text=TEXT, html=flaskcompat.Markup(TEXT))
    assert rv == "|".join([TEXT, TEXT, TEXT, ESCAPED])


def test_autoescape_on_for_template_strings(app):
    with app.app_context():
        rv = render_template_string(
            "{{ text }}|{{ text|safe }}|{{ html }}",
            text=TEXT,
            html=flaskcompat.Markup("<b>ok</b>"),
        )
    assert rv == ESCAPED + "|" + TEXT + "|<b>ok</b>"


def test_select_jinja_autoescape(app):
    assert app.select_jinja_autoescape("page.html")
    assert app.select_jinja_autoescape("feed.xml")
    assert app.select_jinja_autoescape(None)
    assert not app.select_jinja_autoescape("mail.txt")
    assert not app.select_jinja_autoescape("script.js")


def test_render_template_in_view(app, client):
    @app.route("/")
    def index():
        return render_template("nested/page.html", value="ü<")

    rv = client.get("/")
    assert rv.data == "nested ü&lt;".encode("utf-8")
    assert rv.mimetype == "text/html"


def test_non_ascii_template_file(app):
    with app.app_context():
        rv = render_template("greeting.txt", name="Jürgen")
    assert rv == "Grüße, Jürgen — ünïcode"


def test_template_inheritance(app):
    with app.app_context():
        assert render_template("child.html", value=1) == "<title>child 1</title>"


def test_render_template_with_list(app):
    with app.app_context():
        rv = render_template(["missing.html", "nested/page.html"], value="x")
        assert rv == "nested x"
        with pytest.raises(jinja2.TemplateNotFound):
            render_template(["missing.html", "also_missing.html"])
        with pytest.raises(jinja2.TemplateNotFound):
            render_template("missing.html")


def test_bytes_template_names_and_sources(app):
    # Python 2 code passes native strings (bytes); they are UTF-8 text.
    with app.app_context():
        assert render_template(b"nested/page.html", value=1) == "nested 1"
        assert render_template_string("hï {{ x }}".encode("utf-8"), x=1) == "hï 1"


def test_render_outside_app_context_is_an_error():
    with pytest.raises(RuntimeError):
        render_template("nested/page.html")
    with pytest.raises(RuntimeError):
        render_template_string("x")


def test_default_context(app, client):
    app.config["SECRET_KEY"] = "s3cr3t"

    @app.route("/")
    def index():
        flaskcompat.g.answer = 42
        flaskcompat.session["user"] = "ann"
        flaskcompat.flash("first")
        flaskcompat.flash("second")
        return render_template("context.html")

    rv = client.get("/")
    assert rv.data == (
        b"/|ann|42|s3cr3t|http://localhost/|first,second"
    )


def test_default_context_string_template(app):
    app.config["SECRET_KEY"] = "k"
    with app.test_request_context("/p?x=1"):
        flaskcompat.g.v = "gv"
        rv = render_template_string(
            "{{ request.args.x }} {{ g.v }} {{ config.SECRET_KEY }}"
            " {{ session.get('missing', 'none') }}"
        )
    assert rv == "1 gv k none"


def test_imported_macro_sees_request_proxy(app):
    with app.test_request_context("/imported"):
        assert render_template("import_macro.html") == "/imported"


def test_import_with_context(app):
    with app.app_context():
        assert render_template("import_with_context.html", name="<x>") == (
            "Hello &lt;x&gt;!"
        )


def test_get_template_attribute(app):
    with app.app_context():
        hello = flaskcompat.get_template_attribute("_macros.html", "hello")
        assert hello("World") == "Hello World!"
        assert flaskcompat.get_template_attribute("_macros.html", "answer") == 42


def test_context_processor(app):
    @app.context_processor
    def inject():
        return {"injected": "yes", "value": "from processor"}

    with app.app_context():
        rv = render_template_string("{{ injected }} {{ value }}")
        assert rv == "yes from processor"
        # Values passed explicitly win over context processors.
        rv = render_template_string("{{ injected }} {{ value }}", value="explicit")
        assert rv == "yes explicit"


def test_context_processor_callable(app):
    @app.context_processor
    def utilities():
        def money(amount):
            return "%.2f €" % amount

        return {"money": money}

    with app.app_context():
        assert render_template_string("{{ money(3) }}") == "3.00 €"


# ---------------------------------------------------------------------------
# Filters, tests and globals
# ---------------------------------------------------------------------------


def test_template_filter_decorator(app):
    @app.template_filter()
    def reverse(s):
        return s[::-1]

    @app.template_filter("shout")
    def make_loud(s):
        return s.upper() + "!"

    assert app.jinja_env.filters["reverse"] is reverse
    assert app.jinja_env.filters["shout"] is make_loud
    with app.app_context():
        assert render_template_string("{{ 'abc'|reverse }} {{ 'hi'|shout }}") == (
            "cba HI!"
        )


def test_add_template_filter(app):
    def double(value):
        return value * 2

    app.add_template_filter(double)
    app.add_template_filter(double, "twice")
    with app.app_context():
        assert render_template_string("{{ 2|double }} {{ 'a'|twice }}") == "4 aa"


def test_template_filter_output_is_escaped(app):
    @app.template_filter()
    def tag(s):
        return "<" + s + ">"

    @app.template_filter()
    def safe_tag(s):
        return flaskcompat.Markup("<b>") + s + flaskcompat.Markup("</b>")

    with app.app_context():
        assert render_template_string("{{ 'x'|tag }}") == "&lt;x&gt;"
        assert render_template_string("{{ '<'|safe_tag }}") == "<b>&lt;</b>"


def test_template_test(app):
    @app.template_test()
    def boolean(value):
        return isinstance(value, bool)

    @app.template_test("even_number")
    def is_even(n):
        return n % 2 == 0

    def positive(n):
        return n > 0

    app.add_template_test(positive)
    assert app.jinja_env.tests["boolean"] is boolean
    with app.app_context():
        rv = render_template_string(
            "{{ False is boolean }} {{ 0 is boolean }} {{ 4 is even_number }}"
            " {{ -1 is positive }}"
        )
    assert rv == "True False True False"


def test_template_global(app):
    @app.template_global()
    def get_stuff():
        return 42

    @app.template_global("named")
    def unnamed():
        return "named"

    def added():
        return "added"

    app.add_template_global(added)
    assert app.jinja_env.globals["get_stuff"] is get_stuff
    with app.app_context():
        rv = render_template_string("{{ get_stuff() }} {{ named() }} {{ added() }}")
    assert rv == "42 named added"


def test_tojson_filter_is_html_safe(app):
    with app.app_context():
        rv = render_template_string(
            "<script>var d = {{ data|tojson }};</script>",
            data={"x": "</script><b>&'"},
        )
    assert "</script><b>" not in rv[:-9]
    assert rv.startswith("<script>var d = {")
    assert "\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u0027" in rv


def test_templates_auto_reload_config(app):
    assert app.templates_auto_reload is False
    app.config["TEMPLATES_AUTO_RELOAD"] = True
    assert app.templates_auto_reload is True
    assert app.jinja_env.auto_reload is True


def test_template_rendered_signal(app, client):
    recorded = []

    def record(sender, template, context):
        recorded.append((template.name, context["value"]))

    @app.route("/")
    def index():
        return render_template("nested/page.html", value=3)

    flaskcompat.template_rendered.connect(record, app)
    try:
        client.get("/")
    finally:
        flaskcompat.template_rendered.disconnect(record, app)
    assert recorded == [("nested/page.html", 3)]


@pytest.mark.parametrize(
    "name",
    [
        "../conftest.py",
        "/etc/passwd",
        "nested\\page.html",
        "nested/../nested/page.html",
    ],
)
def test_template_names_cannot_leave_the_folder(app, name):
    with app.app_context():
        with pytest.raises(jinja2.TemplateNotFound):
            render_template(name, value=1)


def test_template_errors(app):
    with app.app_context():
        assert render_template_string("{{ missing }}|") == "|"
        with pytest.raises(jinja2.UndefinedError):
            render_template_string("{{ missing.attr }}")
        with pytest.raises(jinja2.TemplateSyntaxError):
            render_template_string("{% for %}")


def test_markup_and_escape():
    escape = flaskcompat.escape
    Markup = flaskcompat.Markup
    assert escape("\"'&<>ü") == "&#34;&#39;&amp;&lt;&gt;ü"
    assert isinstance(escape("x"), Markup)
    assert escape(Markup("<b>")) == "<b>"
    assert escape(5) == "5"
    assert Markup("<b>%s</b>") % "<" == "<b>&lt;</b>"
    assert Markup("<b>{0}</b>").format("<&>") == "<b>&lt;&amp;&gt;</b>"
    assert Markup("a") + "<" == "a&lt;"
    assert Markup("<em>x</em> y").striptags() == "x y"
    assert Markup("&lt;x&gt; &amp;").unescape() == "<x> &"


def test_floats_render_the_same_on_every_interpreter(app):
    # Python 2's str() keeps 12 significant digits; a page must not change
    # when the site moves to Python 3.
    with app.app_context():
        rv = render_template_string(
            "{{ x }} {{ y }} {{ x|round(2) }}", x=123456789.12345679, y=0.1 + 0.2
        )
    assert rv == "123456789.12345679 0.30000000000000004 123456789.12"


def test_bytes_values_render_as_utf8_text(app):
    # Values from Python 2 code are often native strings (bytes).
    with app.app_context():
        rv = render_template_string(
            "{{ a }}|{{ b }}|{{ c }}",
            a=b"plain",
            b="café".encode("utf-8"),
            c=b"<tag>",
        )
    assert rv == "plain|café|&lt;tag&gt;"
