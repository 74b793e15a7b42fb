# migrate-tests: tool-only
"""flask3_imports (target flask3): flaskcompat imports name Flask's packages."""
from afterkit import after_tests
from casekit import Case
from flask3kit import flask3_tests

RUNS_ON_FLASK3 = True

CASES = [
    Case(
        """
        from flaskcompat import Flask, jsonify
        site = Flask(__name__)
        with site.app_context():
            print(jsonify(a=1).get_json())
        """,
        """
        from flask import Flask, jsonify
        site = Flask(__name__)
        with site.app_context():
            print(jsonify(a=1).get_json())
        """,
        output="{'a': 1}\n",
        id="from flaskcompat import",
    ),
    Case(
        """
        import flaskcompat as flask
        site = flask.Flask(__name__)
        print(site.name, flask.json.loads('[1]'))
        """,
        """
        import flask
        site = flask.Flask(__name__)
        print(site.name, flask.json.loads('[1]'))
        """,
        output="case [1]\n",
        id="import flaskcompat as flask",
    ),
    Case(
        """
        import flaskcompat
        flaskcompat.install_as_flask()
        site = flaskcompat.Flask(__name__)
        print(site.name)
        """,
        """
        import flask
        site = flask.Flask(__name__)
        print(site.name)
        """,
        output="case\n",
        id="import flaskcompat and the alias call",
    ),
    Case(
        """
        from flaskcompat import (
            Flask,  # the site
            install_as_flask,
        )
        install_as_flask()
        print(Flask.__name__)
        """,
        """
        from flask import (
            Flask,  # the site
        )
        print(Flask.__name__)
        """,
        output="Flask\n",
        id="install_as_flask imported by name",
    ),
    Case(
        """
        from flaskcompat import (
            Flask,  # the site
            url_for,
        )
        print(Flask.__name__, url_for.__name__)
        """,
        """
        from flask import (
            Flask,  # the site
            url_for,
        )
        print(Flask.__name__, url_for.__name__)
        """,
        output="Flask url_for\n",
        id="layout and comments kept",
    ),
    Case(
        """
        from flaskcompat.json import dumps
        from flaskcompat.json.tag import TaggedJSONSerializer
        print(dumps({'b': 1}), TaggedJSONSerializer().dumps(b'x'))
        """,
        """
        from flask.json import dumps
        from flask.json.tag import TaggedJSONSerializer
        print(dumps({'b': 1}), TaggedJSONSerializer().dumps(b'x'))
        """,
        output='{"b": 1} {" b":"eA=="}\n',
        id="submodules",
    ),
    Case(
        """
        from flaskcompat.security import check_password_hash, generate_password_hash
        stored = generate_password_hash('secret')
        print(check_password_hash(stored, 'secret'), check_password_hash(stored, 'guess'))
        """,
        """
        from werkzeug.security import check_password_hash, generate_password_hash
        stored = generate_password_hash('secret')
        print(check_password_hash(stored, 'secret'), check_password_hash(stored, 'guess'))
        """,
        output="True False\n",
        review="raises ValueError for a hash stored with a plain method",
        id="flaskcompat.security is werkzeug.security",
    ),
    Case(
        """
        from flaskcompat import security, Flask
        print(security.check_password_hash(security.generate_password_hash('pw'), 'pw'))
        """,
        """
        from flask import Flask
        from werkzeug import security
        print(security.check_password_hash(security.generate_password_hash('pw'), 'pw'))
        """,
        output="True\n",
        review="rehash such passwords at sign-in",
        id="security module by name",
    ),
    Case(
        """
        import flask
        print(flask.Flask.__name__)
        """,
        """
        import flask
        print(flask.Flask.__name__)
        """,
        output="Flask\n",
        id="flask itself is left alone",
    ),
    Case(
        """
        def install_as_flask():
            return 'mine'
        install_as_flask()
        print(install_as_flask())
        """,
        """
        def install_as_flask():
            return 'mine'
        install_as_flask()
        print(install_as_flask())
        """,
        output="mine\n",
        id="a function of the same name stays",
    ),
]

# Code from before Flask 1.0 / Werkzeug 1.0 run straight through --target
# flask3: no interpreter the tool serves has those releases for the original.
OLD_CASES = [
    Case(
        """
        from flask.ext.greeting import Greeting
        from flaskext import greeting
        """,
        """
        from flask_greeting import Greeting
        import flask_greeting as greeting
        """,
        id="flask.ext and flaskext",
    ),
    Case(
        """
        from werkzeug import secure_filename, check_password_hash, Response
        """,
        """
        from werkzeug import Response
        from werkzeug.utils import secure_filename
        from werkzeug.security import check_password_hash
        """,
        id="Werkzeug 0.x top-level names",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_imports", CASES)
test_old_rewrite, _unused = flask3_tests("flask3_imports", OLD_CASES)
test_after_runs = after_tests(OLD_CASES, [
    ("flask.ext and flaskext", "print(Greeting().hello(), greeting.__name__)\n",
     "hello flask_greeting\n",
     {"flask_greeting.py": "class Greeting(object):\n    def hello(self):\n"
                           "        return 'hello'\n"}),
    ("Werkzeug 0.x top-level names",
     "print(secure_filename('a b.txt'), check_password_hash('x', 'y'), Response.__name__)\n",
     "a_b.txt False Response\n"),
])
