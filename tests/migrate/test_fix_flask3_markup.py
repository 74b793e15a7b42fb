# migrate-tests: tool-only
"""flask3_markup (target flask3): Markup and escape come from markupsafe."""
from afterkit import after_tests
from casekit import Case
from flask3kit import flask3_tests

RUNS_ON_FLASK3 = True

CASES = [
    Case(
        """
        from flask import Flask, Markup, escape, render_template_string
        app = Flask(__name__)
        with app.app_context():
            print(render_template_string('{{ m }} {{ e }}', m=Markup('<b>'), e=escape('<i>')))
        """,
        """
        from flask import Flask, render_template_string
        from markupsafe import Markup, escape
        app = Flask(__name__)
        with app.app_context():
            print(render_template_string('{{ m }} {{ e }}', m=Markup('<b>'), e=escape('<i>')))
        """,
        output="<b> &lt;i&gt;\n",
        id="from flask import Markup, escape",
    ),
    Case(
        """
        from flaskcompat import Markup as M
        print(M('<a>%s</a>') % '<x>')
        """,
        """
        from markupsafe import Markup as M
        print(M('<a>%s</a>') % '<x>')
        """,
        output="<a>&lt;x&gt;</a>\n",
        id="the only name, with an alias",
    ),
    Case(
        """
        import flask
        print(flask.Markup.escape('&'), flask.escape('"'))
        """,
        """
        import markupsafe
        import flask
        print(markupsafe.Markup.escape('&'), markupsafe.escape('"'))
        """,
        output="&amp; &#34;\n",
        id="attribute of flask",
    ),
    Case(
        """
        from jinja2 import Markup, Template
        print(Template('{{ v }}', autoescape=True).render(v=Markup('<br>')))
        """,
        """
        from jinja2 import Template
        from markupsafe import Markup
        print(Template('{{ v }}', autoescape=True).render(v=Markup('<br>')))
        """,
        id="Jinja's re-export too",
    ),
    Case(
        """
        from html import escape
        print(escape('<'))
        """,
        """
        from html import escape
        print(escape('<'))
        """,
        output="&lt;\n",
        id="another escape stays",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_markup", CASES)
# Jinja 3.1 (every Python 3 the tool serves) has no jinja2.Markup left to run
# the original with; the result runs on the Jinja each interpreter installs.
test_after_runs = after_tests(CASES, [("Jinja's re-export too", "", "<br>\n")])
