# -*- coding: utf-8 -*-
"""Each render reads the template's globals flattened into one dict. What a
template sees must stay what Jinja's own templates see: variables over the
template's own globals over the environment's, and the environment's
globals as they are when the template renders, not when it was loaded."""
from __future__ import unicode_literals

import jinja2
from hypothesis import given
from hypothesis import strategies as st

import flaskcompat
from flaskcompat.templating import Template
from bounded import bounded

NAMES = ["a", "b", "c", "d"]
SOURCE = "|".join(
    "{%% if %s is defined %%}{{ %s }}{%% else %%}-{%% endif %%}" % (name, name)
    for name in NAMES
)
LAYER = st.dictionaries(st.sampled_from(NAMES), st.integers(0, 9), max_size=4)


def render_both(shared, own, later, values):
    """The page from the application's environment and from a plain Jinja
    one, given the same globals: ``shared`` (the environment's), ``own``
    (the template's), ``later`` (added to the environment's after the
    template was loaded) and ``values`` (the render's variables)."""
    app = flaskcompat.Flask(__name__)
    pages = []
    for env in (app.jinja_env, jinja2.Environment()):
        env.globals.update(shared)
        template = env.from_string(SOURCE, globals=dict(own))
        env.globals.update(later)
        pages.append(template.render(values))
    return pages


@bounded(120)
@given(shared=LAYER, own=LAYER, later=LAYER, values=LAYER)
def test_a_template_sees_the_globals_a_jinja_template_sees(shared, own, later, values):
    ours, jinjas = render_both(shared, own, later, values)
    assert ours == jinjas


def test_the_application_loads_its_templates_with_flattening_renders():
    app = flaskcompat.Flask(__name__)
    template = app.jinja_env.from_string("{{ greeting }}, {{ name }}")
    assert type(template) is Template
    app.jinja_env.globals["greeting"] = "Hello"
    assert template.render(name="World") == "Hello, World"
    app.jinja_env.globals["greeting"] = "Bye"
    assert template.render(name="World") == "Bye, World"


def test_included_and_imported_templates_see_the_same_globals():
    app = flaskcompat.Flask(__name__)
    app.jinja_env.loader = jinja2.DictLoader(
        {
            "macros.html": "{% macro shout() %}{{ word }}!{% endmacro %}",
            "part.html": "[{{ word }}]",
            "page.html": (
                '{% import "macros.html" as m %}{% include "part.html" %}'
                "{{ m.shout() }}"
            ),
        }
    )
    app.jinja_env.globals["word"] = "hey"
    with app.app_context():
        assert flaskcompat.render_template("page.html") == "[hey]hey!"
