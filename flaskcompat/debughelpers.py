# -*- coding: utf-8 -*-
"""Errors and log messages that explain common mistakes in debug mode."""
import os
import warnings

from ._compat import implements_to_string
from ._compat import integer_types
from ._compat import string_types
from ._compat import text_type
from ._compat import to_native
from .globals import _request_ctx_stack

# Loader attributes shown by explain_template_loading_attempts.
_SCALARS = string_types + integer_types + (float, bool)
_SEQUENCES = (list, tuple)


class UnexpectedUnicodeError(AssertionError, UnicodeError):
    """Text or bytes turned up where the other was expected."""


@implements_to_string
class DebugFilesKeyError(KeyError, AssertionError):
    """``request.files[key]`` failed because the form was not sent as
    ``multipart/form-data``: the browser sent only the file name."""

    def __init__(self, request, key):
        KeyError.__init__(self, key)
        parts = [
            u'You tried to access the file "%s" in the request.files'
            u" dictionary, but the request has no such file: its mimetype is"
            u' "%s", not "multipart/form-data", so no file contents were'
            u" transmitted. Add enctype=\"multipart/form-data\" to the"
            u" HTML form." % (key, request.mimetype)
        ]
        names = request.form.getlist(key)
        if names:
            quoted = u", ".join(u'"%s"' % name for name in names)
            parts.append(
                u"\n\nThe browser sent the file name(s) as a form field"
                u" instead. This was submitted: %s" % quoted
            )
        self.msg = u"".join(parts)

    def __str__(self):
        return self.msg


class FormDataRoutingRedirect(AssertionError):
    """The router answered a request carrying form data (not GET, HEAD or
    OPTIONS) with a redirect, which clients follow without the data."""

    def __init__(self, request):
        target = request.routing_exception.new_url
        text = (
            u"A %s request to %s was redirected by the routing system to"
            u' "%s".' % (request.method, request.url, target)
        )
        if target.partition(u"?")[0] == request.base_url + u"/":
            text += (
                u"  The URL was defined with a trailing slash, so the"
                u" application redirects requests for the URL without it."
            )
        text += (
            u"  Make sure to directly send your %s-request to this URL,"
            u" because browsers and HTTP clients cannot be relied on to"
            u" repeat form data when following a redirect."
            u"\n\nThis check only runs in debug mode." % request.method
        )
        # Exception messages are native strings (UTF-8 bytes on Python 2).
        AssertionError.__init__(self, to_native(text))


def attach_enctype_error_multidict(request):
    """Make a missing ``request.files`` key that the form has as a plain
    field raise :exc:`DebugFilesKeyError` instead of a bare KeyError."""
    original = type(request.files)

    def __getitem__(self, key):
        try:
            return original.__getitem__(self, key)
        except KeyError:
            if key in request.form:
                raise DebugFilesKeyError(request=request, key=key)
            raise

    # Same name and module, so the object still looks like what it is.
    explaining = type(
        original.__name__,
        (original,),
        {"__getitem__": __getitem__, "__module__": original.__module__},
    )
    request.files.__class__ = explaining


def _describe_loader(loader):
    """Lines describing a loader's class and simple public attributes."""
    cls = type(loader)
    yield u"class: %s.%s" % (cls.__module__, cls.__name__)
    for name in sorted(vars(loader)):
        if name.startswith("_"):
            continue
        value = vars(loader)[name]
        if isinstance(value, _SEQUENCES):
            if all(isinstance(item, string_types) for item in value):
                yield u"%s:" % name
                for item in value:
                    yield u"  - %s" % item
        elif isinstance(value, _SCALARS):
            yield u"%s: %r" % (name, value)


def _describe_source(source):
    # Imported late: both modules import this one.
    from .app import Flask
    from .blueprints import Blueprint

    if isinstance(source, Flask):
        return u'application "%s"' % source.import_name
    if isinstance(source, Blueprint):
        return u'blueprint "%s" (%s)' % (source.name, source.import_name)
    return text_type(repr(source))


def explain_template_loading_attempts(app, template, attempts):
    """Log at INFO level which loaders were asked for ``template`` and what
    each returned. ``attempts`` holds ``(loader, app or blueprint, result of
    get_source or None)`` triples."""
    lines = [u'Locating template "%s":' % template]
    found = 0
    for number, (loader, source, result) in enumerate(attempts, 1):
        lines.append(u"%5d: trying loader of %s" % (number, _describe_source(source)))
        lines.extend(u"       " + line for line in _describe_loader(loader))
        if result is None:
            outcome = u"no match"
        else:
            found += 1
            outcome = u"found (%r)" % (result[1] or "<string>")
        lines.append(u"       -> " + outcome)

    if found == 1:
        problem = None
    elif found:
        problem = u"Warning: multiple loaders returned a match for the template."
    else:
        problem = u"Error: the template could not be found."
    if problem is not None:
        lines.append(problem)
        ctx = _request_ctx_stack.top
        blueprint = ctx.request.blueprint if ctx is not None else None
        if blueprint:
            lines.append(
                u"  The template was looked up from an endpoint that belongs"
                u' to the blueprint "%s".' % blueprint
            )
            lines.append(u"  Is the template in that blueprint's template folder?")
            lines.append(u"  See http://flask.pocoo.org/docs/blueprints/#templates")

    app.logger.info(u"\n".join(lines))


def explain_ignored_app_run():
    """Warn that ``app.run()`` does nothing when the command line runner
    serves the application (except in the reloader's child process)."""
    in_reloader_child = os.environ.get("WERKZEUG_RUN_MAIN") == "true"
    if in_reloader_child:
        return
    warnings.warn(
        Warning(
            "Silently ignoring app.run() because the application is run by"
            " the flaskcompat command line. Put app.run() under"
            ' if __name__ == "__main__": to avoid this warning.'
        ),
        stacklevel=3,
    )
