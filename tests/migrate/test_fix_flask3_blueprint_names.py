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

        site = Flask(__name__)
        site.register_blueprint(pages)
        site.register_blueprint(pages, url_prefix='/more/v1')
        browser = site.test_client()
        print(browser.get('/hi').data, browser.get('/more/v1/hi').data)
        """,
        """
        from flask import Flask, Blueprint
        pages = Blueprint('pages', __name__)

        @pages.route('/hi')
        def hi():
            return 'hi'

        site = Flask(__name__)
        site.register_blueprint(pages)
        site.register_blueprint(pages, url_prefix='/more/v1', name='pages_more_v1')
        browser = site.test_client()
        print(browser.get('/hi').data, browser.get('/more/v1/hi').data)
        """,
        output="b'hi' b'hi'\n",
        review="now named 'pages_more_v1'",
        id="second registration under a prefix",
    ),
    Case(
        """
        from flask import Flask, Blueprint, url_for
        shop = Blueprint('shop', __name__)
        shop.add_url_rule('/x', 'x', lambda: 'x')

        def make(prefix):
            site = Flask(__name__)
            site.register_blueprint(shop)
            site.register_blueprint(shop,
                                   url_prefix=prefix)
            return site

        site = make('/again')
        with site.test_request_context():
            print(url_for('shop.x'))
        print(site.test_client().get('/again/x').data)
        """,
        """
        from flask import Flask, Blueprint, url_for
        shop = Blueprint('shop', __name__)
        shop.add_url_rule('/x', 'x', lambda: 'x')

        def make(prefix):
            site = Flask(__name__)
            site.register_blueprint(shop)
            site.register_blueprint(shop,
                                   url_prefix=prefix, name='shop_2')
            return site

        site = make('/again')
        with site.test_request_context():
            print(url_for('shop.x'))
        print(site.test_client().get('/again/x').data)
        """,
        output="/x\nb'x'\n",
        review="url_for of the first registration's endpoints",
        id="in a factory, a prefix that is not a literal",
    ),
    Case(
        """
        from flask import Flask, Blueprint
        shop = Blueprint('shop', __name__)
        shop.add_url_rule('/x', 'x', lambda: 'x')

        def first():
            site = Flask(__name__)
            site.register_blueprint(shop)
            return site

        def second():
            site = Flask(__name__)
            site.register_blueprint(shop)
            return site

        print(first().test_client().get('/x').data, second().test_client().get('/x').data)
        """,
        """
        from flask import Flask, Blueprint
        shop = Blueprint('shop', __name__)
        shop.add_url_rule('/x', 'x', lambda: 'x')

        def first():
            site = Flask(__name__)
            site.register_blueprint(shop)
            return site

        def second():
            site = Flask(__name__)
            site.register_blueprint(shop)
            return site

        print(first().test_client().get('/x').data, second().test_client().get('/x').data)
        """,
        output="b'x' b'x'\n",
        id="once per site in two functions stays",
    ),
    Case(
        """
        from flask import Flask, Blueprint
        shop = Blueprint('shop', __name__)
        shop.add_url_rule('/x', 'x', lambda: 'x')
        site = Flask(__name__)
        site.register_blueprint(shop)
        site.register_blueprint(shop, url_prefix='/two', name='two')
        print(site.test_client().get('/two/x').data)
        """,
        """
        from flask import Flask, Blueprint
        shop = Blueprint('shop', __name__)
        shop.add_url_rule('/x', 'x', lambda: 'x')
        site = Flask(__name__)
        site.register_blueprint(shop)
        site.register_blueprint(shop, url_prefix='/two', name='two')
        print(site.test_client().get('/two/x').data)
        """,
        output="b'x'\n",
        id="a name already given stays",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_blueprint_names", CASES)


def test_three_registrations_get_three_names():
    source = (
        "site.register_blueprint(shop)\n"
        "site.register_blueprint(shop, url_prefix='/a')\n"
        "site.register_blueprint(shop, url_prefix='/a')\n"
    )
    result = migrate_flask3(source, "flask3_blueprint_names")
    assert result.source == (
        "site.register_blueprint(shop)\n"
        "site.register_blueprint(shop, url_prefix='/a', name='shop_a')\n"
        "site.register_blueprint(shop, url_prefix='/a', name='shop_a_3')\n"
    )
    assert [review.line for review in result.reviews] == [2, 3]


def test_a_comment_above_the_call_is_not_part_of_the_receiver():
    source = (
        "site.register_blueprint(shop)\n"
        "# and again, under /v2\n"
        "site.register_blueprint(shop, url_prefix='/v2')\n"
    )
    result = migrate_flask3(source, "flask3_blueprint_names")
    assert result.source == (
        "site.register_blueprint(shop)\n"
        "# and again, under /v2\n"
        "site.register_blueprint(shop, url_prefix='/v2', name='shop_v2')\n"
    )
    assert [review.line for review in result.reviews] == [3]
