# migrate-tests: tool-only
"""flask3_blueprint_names (target flask3): a blueprint registered twice."""
from casekit import Case
from flask3kit import flask3_tests, migrate_flask3

RUNS_ON_FLASK3 = True

CASES = [
    Case(
        """
        from flask import Flask, Blueprint
        pages = Blueprint('pages', __name__)

        @pages.route('/hi')
        def hi():
            return 'hi'

        app = Flask(__name__)
        app.register_blueprint(pages)
        app.register_blueprint(pages, url_prefix='/more/v1')
        client = app.test_client()
        print(client.get('/hi').data, client.get('/more/v1/hi').data)
        """,
        """
        from flask import Flask, Blueprint
        pages = Blueprint('pages', __name__)

        @pages.route('/hi')
        def hi():
            return 'hi'

        app = Flask(__name__)
        app.register_blueprint(pages)
        app.register_blueprint(pages, url_prefix='/more/v1', name='pages_more_v1')
        client = app.test_client()
        print(client.get('/hi').data, client.get('/more/v1/hi').data)
        """,
        output="b'hi' b'hi'\n",
        review="now named 'pages_more_v1'",
        id="second registration under a prefix",
    ),
    Case(
        """
        from flask import Flask, Blueprint, url_for
        bp = Blueprint('bp', __name__)
        bp.add_url_rule('/x', 'x', lambda: 'x')

        def make(prefix):
            app = Flask(__name__)
            app.register_blueprint(bp)
            app.register_blueprint(bp,
                                   url_prefix=prefix)
            return app

        app = make('/again')
        with app.test_request_context():
            print(url_for('bp.x'))
        print(app.test_client().get('/again/x').data)
        """,
        """
        from flask import Flask, Blueprint, url_for
        bp = Blueprint('bp', __name__)
        bp.add_url_rule('/x', 'x', lambda: 'x')

        def make(prefix):
            app = Flask(__name__)
            app.register_blueprint(bp)
            app.register_blueprint(bp,
                                   url_prefix=prefix, name='bp_2')
            return app

        app = make('/again')
        with app.test_request_context():
            print(url_for('bp.x'))
        print(app.test_client().get('/again/x').data)
        """,
        output="/x\nb'x'\n",
        review="url_for of the first registration's endpoints",
        id="in a factory, a prefix that is not a literal",
    ),
    Case(
        """
        from flask import Flask, Blueprint
        bp = Blueprint('bp', __name__)
        bp.add_url_rule('/x', 'x', lambda: 'x')

        def first():
            app = Flask(__name__)
            app.register_blueprint(bp)
            return app

        def second():
            app = Flask(__name__)
            app.register_blueprint(bp)
            return app

        print(first().test_client().get('/x').data, second().test_client().get('/x').data)
        """,
        """
        from flask import Flask, Blueprint
        bp = Blueprint('bp', __name__)
        bp.add_url_rule('/x', 'x', lambda: 'x')

        def first():
            app = Flask(__name__)
            app.register_blueprint(bp)
            return app

        def second():
            app = Flask(__name__)
            app.register_blueprint(bp)
            return app

        print(first().test_client().get('/x').data, second().test_client().get('/x').data)
        """,
        output="b'x' b'x'\n",
        id="once per app in two functions stays",
    ),
    Case(
        """
        from flask import Flask, Blueprint
        bp = Blueprint('bp', __name__)
        bp.add_url_rule('/x', 'x', lambda: 'x')
        app = Flask(__name__)
        app.register_blueprint(bp)
        app.register_blueprint(bp, url_prefix='/two', name='two')
        print(app.test_client().get('/two/x').data)
        """,
        """
        from flask import Flask, Blueprint
        bp = Blueprint('bp', __name__)
        bp.add_url_rule('/x', 'x', lambda: 'x')
        app = Flask(__name__)
        app.register_blueprint(bp)
        app.register_blueprint(bp, url_prefix='/two', name='two')
        print(app.test_client().get('/two/x').data)
        """,
        output="b'x'\n",
        id="a name already given stays",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_blueprint_names", CASES)


def test_three_registrations_get_three_names():
    source = (
        "app.register_blueprint(bp)\n"
        "app.register_blueprint(bp, url_prefix='/a')\n"
        "app.register_blueprint(bp, url_prefix='/a')\n"
    )
    result = migrate_flask3(source, "flask3_blueprint_names")
    assert result.source == (
        "app.register_blueprint(bp)\n"
        "app.register_blueprint(bp, url_prefix='/a', name='bp_a')\n"
        "app.register_blueprint(bp, url_prefix='/a', name='bp_a_3')\n"
    )
    assert [review.line for review in result.reviews] == [2, 3]
