# -*- coding: utf-8 -*-
"""Jinja2 integration: the application's environment, the loader that
searches the application and then each blueprint, and the render functions.
"""
from functools import partial

from jinja2 import BaseLoader
from jinja2 import Environment as _JinjaEnvironment
from jinja2 import Template as _JinjaTemplate
from jinja2 import TemplateNotFound
from jinja2.runtime import new_context as _new_context

from ._compat import LocalProxy
from ._compat import binary_type
from ._compat import flat_template_globals
from .ctx import _notify
from .globals import _app_ctx_stack
from .globals import _request_ctx_stack
from .signals import before_render_template
from .signals import template_rendered

_APP_LOADER = object()


def _default_template_ctx_processor():
    """Put ``g``, ``request`` and ``session`` into every template context
    (those of the contexts that are active).

    ``session`` is a proxy for this request's session: it behaves as the
    session does (after the request too), and the cookie is read only when
    something uses it.
    """
    values = {}
    app_ctx = _app_ctx_stack.peek()
    if app_ctx is not None:
        values["g"] = app_ctx.g
    request_ctx = _request_ctx_stack.peek()
    if request_ctx is not None:
        values.update(request=request_ctx.request, session=_session_of(request_ctx))
    return values


def _session_of(request_ctx):
    # Bound to this request context, not to whichever is active when the
    # proxy is used.
    return LocalProxy(partial(getattr, request_ctx, "session"))


def _put_default_values(context):
    # What _default_template_ctx_processor adds, without the intermediate
    # dict; the caller's own values win.
    app_ctx = _app_ctx_stack.peek()
    if app_ctx is not None and "g" not in context:
        context["g"] = app_ctx.g
    request_ctx = _request_ctx_stack.peek()
    if request_ctx is not None:
        if "request" not in context:
            context["request"] = request_ctx.request
        if "session" not in context:
            context["session"] = _session_of(request_ctx)


# Application class -> whether it keeps the framework's own
# update_template_context (a subclass may override it).
_PLAIN_CONTEXT_UPDATE = {}


def _keeps_own_update(app_class):
    try:
        return _PLAIN_CONTEXT_UPDATE[app_class]
    except KeyError:
        from .app import Flask

        def function_of(cls):
            method = cls.update_template_context
            return getattr(method, "__func__", method)

        plain = function_of(app_class) is function_of(Flask)
        _PLAIN_CONTEXT_UPDATE[app_class] = plain
        return plain


def _fill_context(app, context):
    """``app.update_template_context(context)``; when the only context
    processor is the default one, its values are put in directly."""
    processors = app.template_context_processors
    if len(processors) == 1:
        plain = _PLAIN_CONTEXT_UPDATE.get(type(app))
        if plain is None:
            plain = _keeps_own_update(type(app))
        only = processors.get(None)
        if plain and only and len(only) == 1 and only[0] is _default_template_ctx_processor:
            _put_default_values(context)
            return
    app.update_template_context(context)


class Template(_JinjaTemplate):
    """The templates of :class:`Environment`: Jinja's, with each new context
    filled from the template's globals flattened into one dict first (see
    :func:`~flaskcompat._compat.flat_template_globals`), the same names and
    values Jinja would read from them one by one."""

    def new_context(self, vars=None, shared=False, locals=None):
        found = flat_template_globals(self.globals)
        return _new_context(
            self.environment, self.name, self.blocks, vars, shared, found, locals
        )


class Environment(_JinjaEnvironment):
    """A Jinja2 environment that knows its application (``self.app``) and
    loads templates through the application's global loader by default."""

    template_class = Template

    def __init__(self, app, **options):
        # An explicit loader (even None) wins over the app's global one.
        loader = options.pop("loader", _APP_LOADER)
        if loader is _APP_LOADER:
            loader = app.create_global_jinja_loader()
        _JinjaEnvironment.__init__(self, loader=loader, **options)
        self.app = app


class DispatchingJinjaLoader(BaseLoader):
    """Asks the application's loader, then each blueprint's, for a
    template; the first that has it wins."""

    def __init__(self, app):
        self.app = app

    def _loaders(self):
        # (owner, loader) pairs in search order; owners without templates
        # have no loader.
        app = self.app
        owners = [app]
        owners.extend(app.iter_blueprints())
        for owner in owners:
            loader = owner.jinja_loader
            if loader is not None:
                yield owner, loader

    def get_source(self, environment, name):
        explain = self.app.config["EXPLAIN_TEMPLATE_LOADING"]
        if explain:
            return self._explained_source(environment, name)
        for _owner, loader in self._loaders():
            found = _ask(loader, environment, name)
            if found is not None:
                return found
        raise TemplateNotFound(name)

    def _explained_source(self, environment, name):
        # Ask every loader (not just until the first match) and log it all.
        from .debughelpers import explain_template_loading_attempts

        attempts = [
            (loader, owner, _ask(loader, environment, name))
            for owner, loader in self._loaders()
        ]
        explain_template_loading_attempts(self.app, name, attempts)
        for _loader, _owner, found in attempts:
            if found is not None:
                return found
        raise TemplateNotFound(name)

    def list_templates(self):
        names = set()
        for _owner, loader in self._loaders():
            names.update(loader.list_templates())
        return list(names)


def _ask(loader, environment, name):
    # The loader's (source, filename, uptodate), or None if it lacks name.
    try:
        return loader.get_source(environment, name)
    except TemplateNotFound:
        return None


def _app_for(function_name):
    ctx = _app_ctx_stack.peek()
    if ctx is None:
        raise RuntimeError(
            "%s() needs an application context: call it while handling a"
            " request or inside 'with app.app_context():'." % function_name
        )
    return ctx.app


def _as_text(value):
    # A native str on Python 2 is bytes: a template name, not a list of them.
    if isinstance(value, binary_type):
        return value.decode("utf-8")
    return value


def _prepare(app, context, load):
    # Context processors first, then the template (its loading may fail).
    _fill_context(app, context)
    template = load(app.jinja_env)
    _notify(before_render_template, app, template=template, context=context)
    return template


def _render(app, context, load):
    template = _prepare(app, context, load)
    output = template.render(context)
    _notify(template_rendered, app, template=template, context=context)
    return output


def render_template(template_name_or_list, **context):
    """Render the named template (or the first existing one of a list of
    names) with ``context`` plus the application's context processors."""
    # _render's steps written out: this is the call most pages make.
    ctx = _app_ctx_stack.peek()
    app = ctx.app if ctx is not None else _app_for("render_template")
    name = template_name_or_list
    if isinstance(name, binary_type):
        name = _as_text(name)
    _fill_context(app, context)
    template = app.jinja_env.get_or_select_template(name)
    if before_render_template.receivers:
        before_render_template.send(app, context=context, template=template)
    page = template.render(context)
    if template_rendered.receivers:
        template_rendered.send(app, context=context, template=template)
    return page


def render_template_string(source, **context):
    """Render template ``source`` like :func:`render_template`; it is
    autoescaped."""
    app = _app_for("render_template_string")
    text = _as_text(source)
    return _render(app, context, lambda env: env.from_string(text))


def _stream(app, context, load):
    template = _prepare(app, context, load)

    def chunks():
        for chunk in template.generate(context):
            yield chunk
        _notify(template_rendered, app, template=template, context=context)

    if _request_ctx_stack.peek() is None:
        return chunks()
    # The response body is iterated after the view returns: keep the request
    # context (request, session) available until then.
    from .helpers import stream_with_context

    return stream_with_context(chunks())


def stream_template(template_name_or_list, **context):
    """Like :func:`render_template`, but return an iterator of text chunks,
    for a streamed response (Flask 2.2)."""
    app = _app_for("stream_template")
    name = _as_text(template_name_or_list)
    return _stream(app, context, lambda env: env.get_or_select_template(name))


def stream_template_string(source, **context):
    """Like :func:`render_template_string`, streamed (Flask 2.2)."""
    app = _app_for("stream_template_string")
    text = _as_text(source)
    return _stream(app, context, lambda env: env.from_string(text))
