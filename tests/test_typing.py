# -*- coding: utf-8 -*-
"""``flaskcompat.typing``: Flask 3.1's annotation names, importable on every
interpreter (today's extensions import them at module level, e.g.
Flask-Admin's ``from flask.typing import ResponseReturnValue``)."""
import typing

import flaskcompat.typing as ft
from flaskcompat import Flask
from flaskcompat import Response

FLASK_31_NAMES = [
    "ResponseValue", "StatusCode", "HeaderName", "HeaderValue", "HeadersValue",
    "ResponseReturnValue", "ResponseClass", "AppOrBlueprintKey",
    "AfterRequestCallable", "BeforeFirstRequestCallable", "BeforeRequestCallable",
    "ShellContextProcessorCallable", "TeardownCallable",
    "TemplateContextProcessorCallable", "TemplateFilterCallable",
    "TemplateGlobalCallable", "TemplateTestCallable", "URLDefaultCallable",
    "URLValuePreprocessorCallable", "ErrorHandlerCallable", "RouteCallable",
]


def test_every_flask_31_name_is_there():
    assert sorted(ft.__all__) == sorted(FLASK_31_NAMES)
    missing = [name for name in FLASK_31_NAMES if not hasattr(ft, name)]
    assert missing == []


def test_the_names_combine_as_typing_constructs():
    # the test environments have typing (standard library, or the 2.7 backport)
    optional = typing.Optional[ft.ResponseReturnValue]
    assert type(None) in optional.__args__
    assert Response in ft.ResponseValue.__args__
    assert ft.ResponseClass.__bound__ is Response
    assert ft.StatusCode is int


def test_annotated_views_and_callbacks_run():
    app = Flask(__name__)

    def index():
        # type: () -> ft.ResponseReturnValue
        return "annotated", 201

    def before():
        # type: () -> typing.Optional[ft.ResponseReturnValue]
        return None

    index.__annotations__ = {"return": ft.ResponseReturnValue}
    before.__annotations__ = {"return": typing.Optional[ft.ResponseReturnValue]}
    app.add_url_rule("/annotated", view_func=index)
    app.before_request(before)
    got = app.test_client().get("/annotated")
    assert (got.status_code, got.data) == (201, b"annotated")
