"""Where Werkzeug's names live, on Werkzeug 1.0.1 (Python 2.7) and 3.1 (Python 3.9+).

Plain data with no import of the tool, so the test suite can check every
entry against the Werkzeug each interpreter installs, 2.7 included.
"""

def _names(module, text):
    return dict((name, module) for name in text.split())


#: Name once re-exported by ``werkzeug`` -> module holding it on 1.0.1 and 3.1
#: (or flaskcompat's module of the same names).
TOP_LEVEL = {}
TOP_LEVEL.update(_names(
    "werkzeug.datastructures",
    "Accept Authorization CallbackDict CharsetAccept CombinedMultiDict EnvironHeaders ETags "
    "FileMultiDict FileStorage Headers HeaderSet ImmutableDict ImmutableList "
    "ImmutableMultiDict ImmutableOrderedMultiDict ImmutableTypeConversionDict LanguageAccept "
    "MIMEAccept MultiDict OrderedMultiDict RequestCacheControl ResponseCacheControl "
    "TypeConversionDict WWWAuthenticate"))
TOP_LEVEL.update(_names("werkzeug.debug", "DebuggedApplication"))
TOP_LEVEL.update(_names("werkzeug.exceptions", "abort Aborter"))
TOP_LEVEL.update(_names("werkzeug.formparser", "parse_form_data"))
TOP_LEVEL.update(_names(
    "werkzeug.http",
    "dump_cookie dump_header dump_options_header generate_etag http_date HTTP_STATUS_CODES "
    "is_entity_header is_hop_by_hop_header is_resource_modified parse_accept_header "
    "parse_cache_control_header parse_cookie parse_date parse_dict_header parse_etags "
    "parse_list_header parse_options_header parse_set_header quote_etag quote_header_value "
    "remove_entity_headers remove_hop_by_hop_headers unquote_etag unquote_header_value"))
TOP_LEVEL.update(_names("werkzeug.local", "Local LocalManager LocalProxy LocalStack release_local"))
TOP_LEVEL.update(_names("werkzeug.middleware.dispatcher", "DispatcherMiddleware"))
TOP_LEVEL.update(_names("werkzeug.middleware.shared_data", "SharedDataMiddleware"))
# Password hashing goes to flaskcompat.security (same names): Werkzeug 1.0.1
# and 3.1 write hash formats the other cannot read, flaskcompat's one format
# is read by every interpreter, as is every older Werkzeug format.
TOP_LEVEL.update(_names("flaskcompat.security", "check_password_hash generate_password_hash"))
TOP_LEVEL.update(_names("werkzeug.test", "create_environ EnvironBuilder run_wsgi_app"))
TOP_LEVEL.update(_names("werkzeug.testapp", "test_app"))
TOP_LEVEL.update(_names("werkzeug.urls", "iri_to_uri uri_to_iri"))
TOP_LEVEL.update(_names(
    "werkzeug.utils",
    "append_slash_redirect cached_property environ_property find_modules header_property "
    "import_string redirect secure_filename"))
TOP_LEVEL.update(_names(
    "werkzeug.wsgi",
    "ClosingIterator FileWrapper get_current_url get_host LimitedStream responder wrap_file"))

#: Valid on both releases but deprecated in the newest one.
DEPRECATED = {
    "OrderedMultiDict": "deprecated in Werkzeug 3.1, removed in 3.2: use MultiDict",
    "ImmutableOrderedMultiDict": "deprecated in Werkzeug 3.1, removed in 3.2: use "
    "ImmutableMultiDict",
}

#: Public submodules on 1.0.1 and 3.1 (``werkzeug.<name>`` needs an import).
SUBMODULES = frozenset(
    "datastructures debug exceptions formparser http local middleware routing security "
    "serving test testapp urls utils wrappers wsgi".split()
)

#: Still importable from ``werkzeug`` itself on 1.0.1 and 3.1.
STILL_TOP_LEVEL = frozenset("run_simple Client Request Response exceptions routing".split())

_URLS = "gone in Werkzeug 2.3/3.0: use six.moves.urllib.parse (quote, quote_plus, unquote, " \
    "unquote_plus, urlencode, parse_qsl, urlsplit)"
_MIXINS = "the mixins are gone in Werkzeug 2.1: werkzeug.wrappers.Request/Response have " \
    "their features"

#: Names with no module valid on both 1.0.1 and 3.1, and what to use instead.
NO_COMMON_HOME = {
    "cookie_date": "gone in Werkzeug 2.1: use werkzeug.http.http_date",
    "parse_authorization_header": "gone in Werkzeug 3.0: use "
    "werkzeug.datastructures.Authorization.from_header (2.3+)",
    "parse_www_authenticate_header": "gone in Werkzeug 3.0: use "
    "werkzeug.datastructures.WWWAuthenticate.from_header (2.3+)",
    "Href": "gone in Werkzeug 2.1, no replacement: build URLs with url_for or urlencode",
    "url_decode": _URLS, "url_encode": _URLS, "url_fix": _URLS, "url_quote": _URLS,
    "url_quote_plus": _URLS, "url_unquote": _URLS, "url_unquote_plus": _URLS,
    "UserAgent": "gone in Werkzeug 2.1: parse request.user_agent.string with a user-agent "
    "library",
    "UserAgentMixin": _MIXINS,
    "ArgumentValidationError": "gone in Werkzeug 2.0: use inspect.signature(...).bind",
    "bind_arguments": "gone in Werkzeug 2.0: use inspect.signature(...).bind",
    "validate_arguments": "gone in Werkzeug 2.0: use inspect.signature(...).bind",
    "format_string": "gone in Werkzeug 2.0: use string.Template",
    "html": "gone in Werkzeug 2.0: use a template",
    "xhtml": "gone in Werkzeug 2.0: use a template",
    "HTMLBuilder": "gone in Werkzeug 2.0: use a template",
    "escape": "werkzeug.utils.escape is gone in Werkzeug 2.1: markupsafe.escape returns Markup "
    "instead of str",
    "unescape": "gone in Werkzeug 2.1: use six.moves.html_parser.HTMLParser().unescape / "
    "html.unescape",
    "AcceptMixin": _MIXINS, "AuthorizationMixin": _MIXINS, "WWWAuthenticateMixin": _MIXINS,
    "CommonRequestDescriptorsMixin": _MIXINS, "CommonResponseDescriptorsMixin": _MIXINS,
    "ETagRequestMixin": _MIXINS, "ETagResponseMixin": _MIXINS, "ResponseStreamMixin": _MIXINS,
    "BaseRequest": "gone in Werkzeug 2.1: use werkzeug.wrappers.Request",
    "BaseResponse": "gone in Werkzeug 2.1: use werkzeug.wrappers.Response",
    "extract_path_info": "gone in Werkzeug 2.3, no replacement",
    "make_line_iter": "gone in Werkzeug 3.0: iterate over the stream's lines",
    "peek_path_info": "gone in Werkzeug 2.3, no replacement",
    "pop_path_info": "gone in Werkzeug 2.3, no replacement",
    "_easteregg": "private; gone in Werkzeug 2.0",
}

#: ``(submodule, name)`` that moved to a module valid on both releases (or
#: to flaskcompat, for the password functions).
SUBMODULE_MOVES = {
    ("werkzeug.wsgi", "SharedDataMiddleware"): "werkzeug.middleware.shared_data",
    ("werkzeug.wsgi", "DispatcherMiddleware"): "werkzeug.middleware.dispatcher",
    ("werkzeug.wsgi", "ProxyMiddleware"): "werkzeug.middleware.http_proxy",
    ("werkzeug.utils", "Headers"): "werkzeug.datastructures",
}
for _name in "check_password_hash generate_password_hash safe_str_cmp".split():
    SUBMODULE_MOVES[("werkzeug.security", _name)] = "flaskcompat.security"

#: ``(submodule, name)`` gone from the submodule in newer releases.
SUBMODULE_GONE = {
    ("werkzeug.wrappers", "BaseRequest"): NO_COMMON_HOME["BaseRequest"],
    ("werkzeug.wrappers", "BaseResponse"): NO_COMMON_HOME["BaseResponse"],
    ("werkzeug.serving", "run_with_reloader"): "gone in Werkzeug 2.1: use run_simple("
    "use_reloader=True)",
}
for _name in ("url_decode url_encode url_fix url_quote url_quote_plus url_unquote "
              "url_unquote_plus Href").split():
    SUBMODULE_GONE[("werkzeug.urls", _name)] = NO_COMMON_HOME[_name]
for _name in "escape unescape html xhtml HTMLBuilder format_string bind_arguments " \
        "validate_arguments ArgumentValidationError".split():
    SUBMODULE_GONE[("werkzeug.utils", _name)] = NO_COMMON_HOME[_name]
for _name in "extract_path_info make_line_iter peek_path_info pop_path_info".split():
    SUBMODULE_GONE[("werkzeug.wsgi", _name)] = NO_COMMON_HOME[_name]
for _name in "cookie_date parse_authorization_header parse_www_authenticate_header".split():
    SUBMODULE_GONE[("werkzeug.http", _name)] = NO_COMMON_HOME[_name]

#: ``werkzeug.contrib`` modules (removed in Werkzeug 1.0) -> their replacement.
CONTRIB = {
    "atom": "no replacement in Werkzeug; use a feed library such as feedgen",
    "cache": "use the cachelib package (same API)",
    "fixers": "ProxyFix is werkzeug.middleware.proxy_fix.ProxyFix (num_proxies became "
    "x_for=...); the other fixers are gone",
    "iterio": "no replacement",
    "jsrouting": "no replacement",
    "limiter": "use Request.max_content_length",
    "lint": "use werkzeug.middleware.lint.LintMiddleware",
    "profiler": "use werkzeug.middleware.profiler.ProfilerMiddleware",
    "securecookie": "use itsdangerous, or the secure-cookie package",
    "sessions": "use the secure-cookie package",
    "testtools": "use Response.get_json() (werkzeug.test)",
    "wrappers": "the contrib mixins are gone; werkzeug.wrappers.Request/Response cover "
    "JSON and most of the rest",
}
