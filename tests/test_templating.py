# -*- coding: utf-8 -*-
"""Jinja integration: autoescaping, template lookup, the default context,
context processors, filters/tests/globals, Markup, and rendering that must
not differ between interpreters."""
from __future__ import unicode_literals

import jinja2
import pytest

import flaskcompat
from flaskcompat import Markup
from flaskcompat import render_template
from flaskcompat import render_template_string

RAW = "<i>hi & bye</i>"
SAFE = "&lt;i&gt;hi &amp; bye&lt;/i&gt;"


def outcome(func, *args, **kwargs):
    """The rendered text, or the name of the exception it raised."""
    try:
        rendered = func(*args, **kwargs)
    except Exception as exc:
        rendered = type(exc).__name__
    return rendered


# -- autoescaping ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "expected"),
    [
        ("html", [SAFE, RAW, RAW, SAFE]),
        ("htm", [SAFE, RAW, RAW, SAFE]),
        ("xml", [SAFE, RAW, RAW, SAFE]),
        ("xhtml", [SAFE, RAW, RAW, SAFE]),
        ("txt", [RAW, RAW, RAW, SAFE]),
    ],
)
def test_autoescape_follows_the_file_suffix(app_ctx, suffix, expected):
    # Each escape.* file prints: value, Markup value, value with escaping
    # forced off, value with escaping forced on.
    out = render_template("escape." + suffix, text=RAW, html=Markup(RAW))
    assert out.split("|") == expected


def test_string_templates_autoescape(app_ctx):
    out = render_template_string(
        "{{ a }}/{{ a|safe }}/{{ b }}", a=RAW, b=Markup("<u>kept</u>")
    )
    assert out == SAFE + "/" + RAW + "/<u>kept</u>"


@pytest.mark.parametrize(
    ("filename", "escaped"),
    [
        ("page.html", True),
        ("page.htm", True),
        ("feed.xml", True),
        ("doc.xhtml", True),
        (None, True),
        ("mail.txt", False),
        ("script.js", False),
        ("style.css", False),
    ],
)
def test_select_jinja_autoescape(app, filename, escaped):
    assert bool(app.select_jinja_autoescape(filename)) is escaped


# -- finding and rendering templates -------------------------------------------------------


def test_view_returning_a_rendered_template(app, client):
    app.add_url_rule("/", "page", lambda: render_template("nested/page.html", value="ŭ>"))
    resp = client.get("/")
    assert (resp.data, resp.mimetype) == ("nested ŭ&gt;".encode("utf-8"), "text/html")


def test_template_file_with_non_ascii_text(app_ctx):
    assert render_template("greeting.txt", name="Ĥoŝe") == "Grüße, Ĥoŝe — ünïcode"


def test_child_template_fills_a_parent_block(app_ctx):
    assert render_template("child.html", value="two") == "<title>child two</title>"


def test_first_existing_template_of_a_list_is_used(app_ctx):
    assert render_template(["absent.html", "nested/page.html"], value=0) == "nested 0"
    assert outcome(render_template, ["absent.html", "gone.html"]) == "TemplatesNotFound"
    assert outcome(render_template, "absent.html") == "TemplateNotFound"


def test_not_found_errors_share_a_base(app_ctx):
    with pytest.raises(jinja2.TemplateNotFound):
        render_template(["absent.html", "gone.html"])


def test_native_bytes_names_and_sources(app_ctx):
    # Python 2 callers pass native (bytes) strings: UTF-8 text.
    by_name = render_template(b"nested/page.html", value=5)
    by_source = render_template_string("ĝi {{ n }}".encode("utf-8"), n=6)
    assert (by_name, by_source) == ("nested 5", "ĝi 6")


@pytest.mark.parametrize(
    ("func", "arg"),
    [(render_template, "nested/page.html"), (render_template_string, "plain")],
)
def test_rendering_needs_an_app_context(func, arg):
    pytest.raises(RuntimeError, func, arg)


@pytest.mark.parametrize(
    "name",
    ["../conftest.py", "/etc/passwd", "nested\\page.html", "nested/../nested/page.html"],
)
def test_names_cannot_escape_the_template_folder(app_ctx, name):
    pytest.raises(jinja2.TemplateNotFound, render_template, name, value=1)


def test_undefined_and_syntax_errors(app_ctx):
    results = [
        outcome(render_template_string, "[{{ nothing }}]"),
        outcome(render_template_string, "{{ nothing.deeper }}"),
        outcome(render_template_string, "{% if %}"),
    ]
    assert results == ["[]", "UndefinedError", "TemplateSyntaxError"]


# -- the default context ------------------------------------------------------------------------


def test_file_template_sees_the_request_globals(app, client):
    app.secret_key = "hush"

    @app.route("/")
    def index():
        flaskcompat.g.answer = 7
        flaskcompat.session["user"] = "lu"
        for word in ("one", "two"):
            flaskcompat.flash(word)
        return render_template("context.html")

    assert client.get("/").data == b"/|lu|7|hush|http://localhost/|one,two"


def test_string_template_sees_the_request_globals(app):
    app.secret_key = "hush"
    with app.test_request_context("/where?k=v"):
        flaskcompat.g.thing = "gee"
        out = render_template_string(
            "{{ request.args.k }} {{ g.thing }} {{ config.SECRET_KEY }}"
            " {{ session.get('absent', '-') }} {{ url_for('static', filename='a') }}"
        )
    assert out == "v gee hush - /static/a"


def test_imported_macro_can_use_the_request(app):
    with app.test_request_context("/from/import"):
        assert render_template("import_macro.html") == "/from/import"


def test_import_with_context_passes_variables(app_ctx):
    assert render_template("import_with_context.html", name="<b>") == "Hello &lt;b&gt;!"


def test_get_template_attribute_reads_macros_and_variables(app_ctx):
    greet = flaskcompat.get_template_attribute("_macros.html", "hello")
    assert greet("there") == "Hello there!"
    assert flaskcompat.get_template_attribute("_macros.html", "answer") == 42


def test_context_processor_values_yield_to_explicit_ones(app_ctx, app):
    app.context_processor(lambda: {"extra": "added", "shared": "processor"})
    src = "{{ extra }}/{{ shared }}"
    assert render_template_string(src) == "added/processor"
    assert render_template_string(src, shared="caller") == "added/caller"


def test_context_processor_can_provide_functions(app_ctx, app):
    @app.context_processor
    def helpers():
        return {"price": lambda cents: "%d.%02d €" % divmod(cents, 100)}

    assert render_template_string("{{ price(1234) }}") == "12.34 €"


# -- filters, tests and globals -------------------------------------------------------------------


def test_filters_by_decorator_and_by_call(app_ctx, app):
    @app.template_filter()
    def backwards(s):
        return s[::-1]

    @app.template_filter("yell")
    def louder(s):
        return s.upper() + "!"

    def triple(v):
        return v * 3

    app.add_template_filter(triple)
    app.add_template_filter(triple, "thrice")
    registered = app.jinja_env.filters
    assert (registered["backwards"], registered["yell"], registered["thrice"]) == (
        backwards,
        louder,
        triple,
    )
    out = render_template_string(
        "{{ 'xyz'|backwards }} {{ 'ok'|yell }} {{ 2|triple }} {{ 'a'|thrice }}"
    )
    assert out == "zyx OK! 6 aaa"


def test_filter_output_is_escaped_unless_markup(app_ctx, app):
    app.add_template_filter(lambda s: "[" + s + "<", "plain_wrap")
    app.add_template_filter(lambda s: Markup("<em>") + s + Markup("</em>"), "markup_wrap")
    out = render_template_string("{{ 'a'|plain_wrap }} {{ '&'|markup_wrap }}")
    assert out == "[a&lt; <em>&amp;</em>"


def test_tests_by_decorator_and_by_call(app_ctx, app):
    @app.template_test()
    def listish(value):
        return type(value) is list

    @app.template_test("multiple_of_three")
    def by_three(n):
        return n % 3 == 0

    app.add_template_test(lambda n: n < 0, "negative")
    assert app.jinja_env.tests["listish"] is listish
    out = render_template_string(
        "{{ [1] is listish }} {{ 1 is listish }} {{ 9 is multiple_of_three }}"
        " {{ 3 is negative }}"
    )
    assert out == "True False True False"


def test_globals_by_decorator_and_by_call(app_ctx, app):
    @app.template_global()
    def seven():
        return 7

    @app.template_global("renamed")
    def original_name():
        return "renamed"

    def plain():
        return "plain"

    def other():
        return "alias"

    app.add_template_global(plain)
    app.add_template_global(other, "alias")
    assert app.jinja_env.globals["seven"] is seven
    out = render_template_string("{{ seven() }} {{ renamed() }} {{ plain() }} {{ alias() }}")
    assert out == "7 renamed plain alias"


def test_tojson_output_is_safe_inside_script(app_ctx):
    out = render_template_string(
        "<script>var v = {{ v|tojson }};</script>", v={"s": "</script><i>&'"}
    )
    body = out[len("<script>var v = "):-len(";</script>")]
    assert "<" not in body
    assert "\\u003c/script\\u003e\\u003ci\\u003e\\u0026\\u0027" in body


@pytest.mark.parametrize(
    ("setting", "debug", "expected"),
    [(None, False, False), (None, True, True), (True, False, True), (False, True, False)],
)
def test_templates_auto_reload(app, setting, debug, expected):
    # The debug setter refreshes the environment from the config.
    app.config["TEMPLATES_AUTO_RELOAD"] = setting
    app.debug = debug
    assert app.templates_auto_reload is expected
    assert app.jinja_env.auto_reload is expected


def test_render_sends_template_rendered(app, client):
    heard = []

    def listen(sender, template, context, **kw):
        heard.append((sender, template.name, context["value"]))

    app.add_url_rule("/", "page", lambda: render_template("nested/page.html", value=8))
    with flaskcompat.template_rendered.connected_to(listen, app):
        client.get("/")
    assert heard == [(app, "nested/page.html", 8)]


# -- Markup and escape ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda: flaskcompat.escape("\"'&<>ü"), "&#34;&#39;&amp;&lt;&gt;ü"),
        (lambda: flaskcompat.escape(Markup("<b>")), "<b>"),
        (lambda: flaskcompat.escape(5), "5"),
        (lambda: Markup("<b>%s</b>") % "<", "<b>&lt;</b>"),
        (lambda: Markup("<b>{0}</b>").format("<&>"), "<b>&lt;&amp;&gt;</b>"),
        (lambda: Markup("a") + "<", "a&lt;"),
        (lambda: Markup("<em>x</em> y").striptags(), "x y"),
        (lambda: Markup("&lt;x&gt; &amp;").unescape(), "<x> &"),
    ],
)
def test_markup_and_escape(make, expected):
    assert make() == expected


def test_escape_returns_markup():
    assert isinstance(flaskcompat.escape("x"), Markup)


# -- output that must not change with the interpreter ---------------------------------------------------


def test_floats_print_with_full_precision(app_ctx):
    # Python 2's str() keeps 12 significant digits; pages must not change
    # when a site moves to Python 3.
    out = render_template_string(
        "{{ big }} {{ sum }} {{ big|round(2) }}", big=123456789.12345679, sum=0.1 + 0.2
    )
    assert out == "123456789.12345679 0.30000000000000004 123456789.12"


def test_bytes_values_print_as_utf8_text(app_ctx):
    # Values from Python 2 code are often native (bytes) strings.
    out = render_template_string(
        "{{ a }}|{{ b }}|{{ c }}", a=b"bare", b="naïve".encode("utf-8"), c=b"<x>"
    )
    assert out == "bare|naïve|&lt;x&gt;"
