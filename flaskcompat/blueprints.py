# -*- coding: utf-8 -*-
"""Blueprints: a group of routes, hooks and handlers recorded once and
replayed onto an application each time the blueprint is registered.

A blueprint registers in its own scope exactly as an app does (see
:mod:`flaskcompat.scaffold`). On its first registration under a name, those
registries are copied into the app under that name; everything aimed at the
whole app (``app_*`` hooks, routes, template helpers) is deferred until then
and runs through :class:`BlueprintSetupState`. Nested blueprints register
with the app under dotted names (``parent.child``) with joined URL prefixes.
"""
from functools import update_wrapper
from warnings import warn

from ._compat import iteritems
from .helpers import _endpoint_from_view_func
from .scaffold import HOOK_REGISTRIES
from .scaffold import Scaffold
from .scaffold import setupmethod
from .scaffold import template_helper_adder
from .scaffold import template_helper_decorator

#: Tells "argument not given" apart from ``None`` (``cli_group=None`` merges
#: the blueprint's commands into the app's group).
_sentinel = object()


def _join_paths(outer, inner):
    """``outer`` and ``inner`` joined by exactly one slash; either may be
    ``None`` (absent) and an empty ``inner`` leaves ``outer`` as it is."""
    if outer is None:
        return inner
    if not inner:
        return outer
    return "%s/%s" % (outer.rstrip("/"), inner.lstrip("/"))


def _given(value, fallback):
    return fallback if value is None else value


class BlueprintSetupState(object):
    """One registration of a blueprint on an app: what deferred functions
    receive, with the options resolved against the blueprint's own."""

    def __init__(self, blueprint, app, options, first_registration):
        self.app, self.blueprint, self.options = app, blueprint, options
        #: False when the blueprint was registered under this name before.
        self.first_registration = bool(first_registration)
        self.name_prefix = options.get("name_prefix") or ""
        own_name = options.get("name") or blueprint.name
        self.name = (
            "%s.%s" % (self.name_prefix, own_name) if self.name_prefix else own_name
        )
        self.subdomain = _given(options.get("subdomain"), blueprint.subdomain)
        self.url_prefix = _given(options.get("url_prefix"), blueprint.url_prefix)
        self.url_defaults = dict(blueprint.url_values_defaults)
        self.url_defaults.update(options.get("url_defaults") or {})

    def add_url_rule(self, rule, endpoint=None, view_func=None, **options):
        """Add ``rule`` to the app under this registration's prefix,
        subdomain, URL defaults and endpoint name."""
        defaults = dict(self.url_defaults)
        defaults.update(options.pop("defaults", None) or {})
        if "subdomain" not in options:
            options["subdomain"] = self.subdomain
        own_endpoint = endpoint or _endpoint_from_view_func(view_func)
        self.app.add_url_rule(
            _join_paths(self.url_prefix, rule),
            self.name + "." + own_endpoint,
            view_func,
            defaults=defaults,
            **options
        )


class Blueprint(Scaffold):
    """A reusable part of an application, registered with
    :meth:`Flask.register_blueprint <flaskcompat.Flask.register_blueprint>`."""

    #: Warn when something is recorded after the first registration (it
    #: would not reach the apps the blueprint is already registered on).
    warn_on_modifications = _got_registered_once = False

    #: JSON classes for this blueprint's views; ``None`` uses the app's.
    json_encoder = None
    json_decoder = None

    def __init__(
        self,
        name,
        import_name,
        static_folder=None,
        static_url_path=None,
        template_folder=None,
        url_prefix=None,
        subdomain=None,
        url_defaults=None,
        root_path=None,
        cli_group=_sentinel,
    ):
        Scaffold.__init__(
            self,
            import_name,
            static_folder,
            static_url_path,
            template_folder,
            root_path,
        )
        self.name, self.url_prefix, self.subdomain = name, url_prefix, subdomain
        #: ``cli_group``: ``flask <group> <command>`` for this blueprint's
        #: commands; ``None`` adds them to the app's own group.
        self.url_values_defaults, self.cli_group = (
            {} if url_defaults is None else url_defaults,
            cli_group,
        )
        #: ``func(state)`` callables run on registration, in recording order,
        #: and the ``(blueprint, options)`` pairs nested in this one.
        self.deferred_functions, self._blueprints = [], []

    def __repr__(self):
        return "<%s %r>" % (type(self).__name__, self.name)

    # Deferred setup ---------------------------------------------------------

    def _check_setup_finished(self, method_name):
        if self.warn_on_modifications and self._got_registered_once:
            warn(
                Warning(
                    "This blueprint is already registered: what %s records"
                    " now does not reach the applications it is registered"
                    " on." % method_name
                )
            )

    def record(self, func):
        """Call ``func(state)`` on every registration of this blueprint."""
        self._check_setup_finished("record")
        self.deferred_functions += [func]



    def record_once(self, func):
        """Like :meth:`record`, but only on the first registration under a
        name."""

        def on_first(state):
            if not state.first_registration:
                return
            func(state)

        return self.record(update_wrapper(on_first, func))

    def _on_app(self, action):
        self.record_once(lambda state: action(state.app))

    def make_setup_state(self, app, options, first_registration=False):
        return BlueprintSetupState(
            self, app, options, first_registration=first_registration
        )

    @setupmethod
    def register_blueprint(self, blueprint, **options):
        """Nest ``blueprint`` in this one; it is registered with the app
        when this one is, as ``<this name>.<its name>``."""
        if blueprint is self:
            raise ValueError("A blueprint cannot be nested in itself.")
        self._blueprints += [(blueprint, options)]

    def register(self, app, options, first_registration=False):
        """Called by the app to register this blueprint on it."""
        state = self.make_setup_state(
            app, options, first_registration=first_registration
        )
        self._got_registered_once = True
        if first_registration:
            self._merge_registries(app, state.name)
        if self.has_static_folder:
            static_rule = "%s/<path:filename>" % self.static_url_path
            state.add_url_rule(static_rule, "static", self.send_static_file)
        for record in list(self.deferred_functions):
            record(state)
        self._register_children(app, state)
        self._register_commands(app, options)

    def _merge_registries(self, app, name):
        """Copy this blueprint's own scope into ``app`` under ``name``."""

        def scope(key):
            return name if key is None else name + "." + key

        for attribute in HOOK_REGISTRIES:
            target = getattr(app, attribute)
            for key, funcs in iteritems(getattr(self, attribute)):
                if funcs:
                    target.setdefault(scope(key), []).extend(funcs)
        for key, by_code in iteritems(self.error_handler_spec):
            target = app.error_handler_spec.setdefault(scope(key), {})
            for code, handlers in iteritems(by_code):
                target.setdefault(code, {}).update(handlers)

    def _register_children(self, app, state):
        for child, child_options in self._blueprints:
            child_options = dict(child_options)
            child_options["url_prefix"] = _join_paths(
                state.url_prefix,
                _given(child_options.get("url_prefix"), child.url_prefix),
            )
            # Flask 2.3+: a nested blueprint's subdomain sits under its
            # parent's ("v1" inside "api" is "v1.api"); either alone stays.
            child_subdomain = _given(child_options.get("subdomain"), child.subdomain)
            if state.subdomain is not None:
                child_options["subdomain"] = (
                    state.subdomain
                    if child_subdomain is None
                    else "%s.%s" % (child_subdomain, state.subdomain)
                )
            child_options["name_prefix"] = state.name
            app.register_blueprint(child, **child_options)

    def _register_commands(self, app, options):
        commands = self.cli.commands
        if commands:
            group = options.get("cli_group", self.cli_group)
            if group is None:
                app.cli.commands.update(commands)
            else:
                self.cli.name = self.name if group is _sentinel else group
                app.cli.add_command(self.cli, self.cli.name)

    # Routes -------------------------------------------------------------------

    def add_url_rule(self, rule, endpoint=None, view_func=None, **options):
        """Record a URL rule; it is added to the app, under the blueprint's
        prefix and name, when the blueprint is registered."""
        if endpoint:
            assert "." not in endpoint, "Blueprint endpoints may not contain dots"
        func_name = getattr(view_func, "__name__", "")
        assert "." not in func_name, "Blueprint view function names may not contain dots"
        self.record(
            lambda state: state.add_url_rule(rule, endpoint, view_func, **options)
        )

    # Hooks and handlers for the whole application ------------------------------

    def before_app_request(self, f):
        """:meth:`before_request` for every request of the app."""
        return self._app_hook("before_request_funcs", f)

    def before_app_first_request(self, f):
        """:meth:`Flask.before_first_request` from a blueprint."""
        self._on_app(lambda app: app.before_first_request_funcs.append(f))
        return f

    def after_app_request(self, f):
        """:meth:`after_request` for every request of the app."""
        return self._app_hook("after_request_funcs", f)

    def teardown_app_request(self, f):
        """:meth:`teardown_request` for every request of the app."""
        return self._app_hook("teardown_request_funcs", f)

    def app_context_processor(self, f):
        """:meth:`context_processor` for every template of the app."""
        return self._app_hook("template_context_processors", f)

    def app_url_value_preprocessor(self, f):
        """:meth:`url_value_preprocessor` for every request of the app."""
        return self._app_hook("url_value_preprocessors", f)

    def app_url_defaults(self, f):
        """:meth:`url_defaults` for every URL the app builds."""
        return self._app_hook("url_default_functions", f)

    def app_errorhandler(self, code):
        """:meth:`errorhandler` for errors anywhere in the app."""

        def decorate(f):
            self._on_app(lambda app: app.register_error_handler(code, f))
            return f

        return decorate

    add_app_template_filter = template_helper_adder(
        "filters", "add_app_template_filter"
    )
    add_app_template_test = template_helper_adder("tests", "add_app_template_test")
    add_app_template_global = template_helper_adder(
        "globals", "add_app_template_global"
    )
    app_template_filter = template_helper_decorator(
        "add_app_template_filter", "app_template_filter"
    )
    app_template_test = template_helper_decorator(
        "add_app_template_test", "app_template_test"
    )
    app_template_global = template_helper_decorator(
        "add_app_template_global", "app_template_global"
    )
