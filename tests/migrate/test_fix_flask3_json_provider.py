# migrate-tests: tool-only
"""flask3_json_provider (target flask3): encoders become JSON providers."""
from casekit import Case
from flask3kit import flask3_tests

RUNS_ON_FLASK3 = True

# appended to a block whose last line holds the indentation already
_USE = """with app.app_context():
            print(jsonify(price=decimal.Decimal('1.50')).get_json())
            try:
                jsonify(thing=object())
            except TypeError:
                print('TypeError')
"""

CASES = [
    Case(
        """
        import decimal
        from flask import Flask, jsonify
        from flask.json import JSONEncoder

        class PriceEncoder(JSONEncoder):
            \"\"\"Decimals as text.\"\"\"
            def default(self, o):
                if isinstance(o, decimal.Decimal):
                    return str(o)
                return JSONEncoder.default(self, o)

        app = Flask(__name__)
        app.json_encoder = PriceEncoder
        """ + _USE,
        """
        import decimal
        from flask import Flask, jsonify
        from flask.json.provider import DefaultJSONProvider

        class PriceEncoder(DefaultJSONProvider):
            \"\"\"Decimals as text.\"\"\"
            def default(self, o):
                if isinstance(o, decimal.Decimal):
                    return str(o)
                return super().default(o)

        app = Flask(__name__)
        app.json = PriceEncoder(app)
        """ + _USE,
        output="{'price': '1.50'}\nTypeError\n",
        id="app.json_encoder = an encoder overriding default",
    ),
    Case(
        """
        import decimal
        from flask import Flask, jsonify, json

        class PriceEncoder(json.JSONEncoder):
            def default(self, o):
                return str(o) if isinstance(o, decimal.Decimal) else super().default(o)

        class ShopApp(Flask):
            json_encoder = PriceEncoder

        app = ShopApp(__name__)
        """ + _USE,
        """
        import decimal
        from flask import Flask, jsonify, json

        class PriceEncoder(json.JSONEncoder):
            def default(self, o):
                return str(o) if isinstance(o, decimal.Decimal) else super().default(o)

        class ShopApp(Flask):
            json_encoder = PriceEncoder

        app = ShopApp(__name__)
        """ + _USE,
        review="subclass flask.json.provider.DefaultJSONProvider",
        id="an encoder named through the module: review",
    ),
    Case(
        """
        from flask import Flask
        from flask.json import JSONEncoder

        class PriceEncoder(JSONEncoder):
            def default(self, o):
                return str(o)

        class ShopApp(Flask):
            json_encoder = PriceEncoder
        """,
        """
        from flask import Flask
        from flask.json.provider import DefaultJSONProvider

        class PriceEncoder(DefaultJSONProvider):
            def default(self, o):
                return str(o)

        class ShopApp(Flask):
            json_provider_class = PriceEncoder
        """,
        output="",
        id="json_encoder of a Flask subclass",
    ),
    Case(
        """
        from flask.json import JSONEncoder
        class Loud(JSONEncoder):
            def encode(self, o):
                return JSONEncoder.encode(self, o).upper()
        app.json_encoder = Loud
        """,
        """
        from flask.json import JSONEncoder
        class Loud(JSONEncoder):
            def encode(self, o):
                return JSONEncoder.encode(self, o).upper()
        app.json_encoder = Loud
        """,
        review="override default(self, o) as in the encoder",
        id="an encoder overriding encode: review",
    ),
    Case(
        "app.json_decoder = MyDecoder\n",
        "app.json_decoder = MyDecoder\n",
        review="override loads(self, s, **kwargs)",
        id="a decoder: review",
    ),
    Case(
        "json_encoder = None\nprint(json_encoder)\n",
        "json_encoder = None\nprint(json_encoder)\n",
        output="None\n",
        id="a variable of that name stays",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_json_provider", CASES)
