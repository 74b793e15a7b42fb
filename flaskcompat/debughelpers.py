# -*- coding: utf-8 -*-
"""
    flaskcompat.debughelpers
    ~~~~~~~~~~~~~~~~~~~~~~~~

    Errors and log messages that explain common mistakes during development.
"""
import os
from warnings import warn

from ._compat import implements_to_string
from ._compat import integer_types
from ._compat import string_types
from ._compat import text_type
from ._compat import to_native
from .globals import _request_ctx_stack


class UnexpectedUnicodeError(AssertionError, UnicodeError):
    """Raised in places where we want some better error reporting for
    unexpected unicode or binary data.
    """


@implements_to_string
class DebugFilesKeyError(KeyError, AssertionError):
    """Raised from request.files during debugging. The idea is that it can
    provide a better error message than just a generic KeyError/BadRequest.
    """

    def __init__(self, request, key):
        form_matches = request.form.getlist(key)
        buf = [
            u'You tried to access the file "%s" in the request.files'
            u" dictionary but it does not exist. The mimetype for the request"
            u' is "%s" instead of "multipart/form-data" which means that no'
            u" file contents were transmitted. To fix this error you should"
            u' provide enctype="multipart/form-data" in your form.'
            % (key, request.mimetype)
        ]
        if form_matches:
            buf.append(
                u"\n\nThe browser instead transmitted some file names. "
                u"This was submitted: %s"
                % u", ".join(u'"%s"' % x for x in form_matches)
            )
        self.msg = u"".join(buf)

    def __str__(self):
        return self.msg


class FormDataRoutingRedirect(AssertionError):
    """This exception is raised in debug mode if the routing system issues
    a redirect for a request whose method is not GET, HEAD or OPTIONS: the
    client would drop the form data while following it.
    """

    def __init__(self, request):
        exc = request.routing_exception
        buf = [
            u"A request was sent to this URL (%s) but a redirect was"
            u' issued automatically by the routing system to "%s".'
            % (request.url, exc.new_url)
        ]

        # The most common case: the rule ends with a slash and the URL did
        # not.
        if request.base_url + u"/" == exc.new_url.split(u"?")[0]:
            buf.append(
                u"  The URL was defined with a trailing slash so"
                u" the application will automatically redirect to the URL"
                u" with the trailing slash if it was accessed"
                u" without one."
            )

        buf.append(
            u"  Make sure to directly send your %s-request to this URL"
            u" since we can't make browsers or HTTP clients redirect"
            u" with form data reliably or without user interaction."
            % request.method
        )
        buf.append(u"\n\nNote: this exception is only raised in debug mode")
        # The native string type: readable text on every interpreter (UTF-8
        # bytes on Python 2, where exception messages are byte strings).
        AssertionError.__init__(self, to_native(u"".join(buf)))


def attach_enctype_error_multidict(request):
    """Patch ``request.files`` so that looking up a file that was sent as a
    plain form field (the form lacked ``enctype="multipart/form-data"``)
    raises :exc:`DebugFilesKeyError` with an explanation instead of a bare
    :exc:`KeyError`. Used in debug mode.
    """
    oldcls = request.files.__class__

    class newcls(oldcls):
        def __getitem__(self, key):
            try:
                return oldcls.__getitem__(self, key)
            except KeyError:
                if key not in request.form:
                    raise

                raise DebugFilesKeyError(request, key)

    newcls.__name__ = oldcls.__name__
    newcls.__module__ = oldcls.__module__
    request.files.__class__ = newcls


def _dump_loader_info(loader):
    yield u"class: %s.%s" % (type(loader).__module__, type(loader).__name__)
    for key, value in sorted(loader.__dict__.items()):
        if key.startswith("_"):
            continue
        if isinstance(value, (tuple, list)):
            if not all(isinstance(x, string_types) for x in value):
                continue
            yield u"%s:" % key
            for item in value:
                yield u"  - %s" % item
            continue
        elif not isinstance(value, string_types + integer_types + (float, bool)):
            continue
        yield u"%s: %r" % (key, value)


def explain_template_loading_attempts(app, template, attempts):
    """Log, at INFO level on the application's logger, which loaders were
    asked for ``template`` and what each answered (``attempts`` is a list of
    ``(loader, source object, get_source result or None)``), with hints when
    no loader or more than one found it.
    """
    # Imported here: the application module imports this one.
    from .app import Flask
    from .blueprints import Blueprint

    info = [u'Locating template "%s":' % template]
    total_found = 0
    blueprint = None
    reqctx = _request_ctx_stack.top
    if reqctx is not None and reqctx.request.blueprint is not None:
        blueprint = reqctx.request.blueprint

    for idx, (loader, srcobj, triple) in enumerate(attempts):
        if isinstance(srcobj, Flask):
            src_info = u'application "%s"' % srcobj.import_name
        elif isinstance(srcobj, Blueprint):
            src_info = u'blueprint "%s" (%s)' % (srcobj.name, srcobj.import_name)
        else:
            src_info = text_type(repr(srcobj))

        info.append(u"% 5d: trying loader of %s" % (idx + 1, src_info))

        for line in _dump_loader_info(loader):
            info.append(u"       %s" % line)

        if triple is None:
            detail = u"no match"
        else:
            detail = u"found (%r)" % (triple[1] or "<string>")
            total_found += 1
        info.append(u"       -> %s" % detail)

    seems_fishy = False
    if total_found == 0:
        info.append(u"Error: the template could not be found.")
        seems_fishy = True
    elif total_found > 1:
        info.append(u"Warning: multiple loaders returned a match for the template.")
        seems_fishy = True

    if blueprint is not None and seems_fishy:
        info.append(
            u"  The template was looked up from an endpoint that"
            u' belongs to the blueprint "%s".' % blueprint
        )
        info.append(u"  Maybe you did not place a template in the right folder?")
        info.append(u"  See https://flask.palletsprojects.com/en/1.1.x/blueprints/#templates")

    app.logger.info(u"\n".join(info))


def explain_ignored_app_run():
    """Warn that ``app.run()`` is ignored when the application is served by
    the command line runner (outside the reloader's child process)."""
    if os.environ.get("WERKZEUG_RUN_MAIN") != "true":
        warn(
            Warning(
                "Silently ignoring app.run() because the"
                " application is run from the flaskcompat command line"
                " executable. Consider putting app.run() behind an"
                ' if __name__ == "__main__" guard to silence this'
                " warning."
            ),
            stacklevel=3,
        )
