# -*- coding: utf-8 -*-
"""The pages flaskcompat answers with when an HTTP error is not handled by
the app, and the page of a routing redirect.

Werkzeug's releases each write their own page (an HTML 3.2 doctype up to
2.0, an HTML5 one from 2.1 on), so the same app would look different on
every interpreter. Here the page is written once, in the form current
Werkzeug releases use, from the exception's public attributes: code, name,
description and headers. An exception class of the app's own that brings
its own ``get_response``, ``get_body``, ``get_description`` or
``get_headers`` keeps it.
"""
from markupsafe import escape
from werkzeug.exceptions import MethodNotAllowed
from werkzeug.routing import RequestRedirect

from ._compat import text_type

_HTML = u"text/html; charset=utf-8"

_PAGE = u"<!doctype html>\n<html lang=en>\n<title>%s</title>\n<h1>%s</h1>\n%s\n"

_REDIRECT_TEXT = (
    u"<p>You should be redirected automatically to the target URL: "
    u'<a href="%s">%s</a>. If not, click the link.'
)


def _own_method(error, name):
    """Whether ``error``'s class takes ``name`` from a class of the app's
    (or an extension's) rather than from Werkzeug."""
    for klass in type(error).__mro__:
        if name in vars(klass):
            return not klass.__module__.startswith("werkzeug")
    return False


def page(title, heading, content):
    """An HTML page in the error pages' form; ``title`` and ``heading`` are
    escaped, ``content`` is HTML already."""
    return _PAGE % (escape(title), escape(heading), content)


def description_html(text):
    """A description as one paragraph: escaped, line breaks kept."""
    if text is None:
        text = u""
    lines = [text_type(escape(line)) for line in text_type(text).split(u"\n")]
    return u"<p>%s</p>" % u"<br>".join(lines)


def redirect_page(location):
    """The body of a redirect response to ``location``."""
    shown = escape(location)
    return page(u"Redirecting...", u"Redirecting...", _REDIRECT_TEXT % (shown, shown))


def _error_headers(error, environ):
    if _own_method(error, "get_headers"):
        return list(error.get_headers(environ))
    headers = list(error.get_headers(environ))
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        # the allowed methods come from a set: list them in one order
        allowed = u", ".join(sorted(error.valid_methods))
        headers = [h for h in headers if h[0].lower() != "allow"]
        headers.append(("Allow", allowed))
    return headers


def error_body(error, environ=None):
    """The HTML page of ``error``, an :class:`~werkzeug.exceptions.HTTPException`."""
    if _own_method(error, "get_body"):
        return error.get_body(environ)
    if _own_method(error, "get_description"):
        content = error.get_description(environ)
    else:
        content = description_html(error.description)
    name = error.name
    return page(u"%s %s" % (error.code, name), name, content)


def error_response(error, environ, response_class):
    """The :attr:`~flaskcompat.Flask.response_class` answer to an HTTP
    error that reached the client unhandled."""
    if isinstance(error, RequestRedirect) and not _own_method(error, "get_response"):
        response = response_class(
            redirect_page(error.new_url), error.code, mimetype="text/html"
        )
        response.headers["Location"] = error.new_url
        return response
    if error.response is not None:
        return response_class.force_type(error.response, environ)
    if _own_method(error, "get_response"):
        return response_class.force_type(error.get_response(environ), environ)
    body = error_body(error, environ)
    return response_class(body, error.code, _error_headers(error, environ))
