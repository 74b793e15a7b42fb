"""The public names and modules of Flask 1.1, which flaskcompat mirrors.

Plain data with no import of the tool, so the test suite can check on every
interpreter that flaskcompat really has each of them.
"""

#: Public modules of Flask 1.1, all mirrored by flaskcompat.
FLASK_MODULES = frozenset(
    "app blueprints cli config ctx debughelpers globals helpers json json.tag logging "
    "sessions signals templating testing views wrappers".split()
)

#: Names ``flask/__init__.py`` exports in Flask 1.1 (but ``json_available``,
#: see REMOVED_NAMES).
FLASK_NAMES = frozenset(
    """escape Markup abort redirect json Flask Request Response Blueprint
    Config after_this_request copy_current_request_context has_app_context
    has_request_context _app_ctx_stack _request_ctx_stack current_app g request session
    flash get_flashed_messages get_template_attribute make_response safe_join send_file
    send_from_directory stream_with_context url_for jsonify appcontext_popped
    appcontext_pushed appcontext_tearing_down before_render_template got_request_exception
    message_flashed request_finished request_started request_tearing_down
    signals_available template_rendered render_template render_template_string
    __version__""".split()
)

#: Names Flask 0.x exported that are gone, and what replaced them.
REMOVED_NAMES = {
    "Module": "Flask 0.7 replaced modules with blueprints (flaskcompat.Blueprint)",
    "_tojson_filter": "use the tojson filter of the Jinja environment",
    "json_available": "always True since Flask 0.10 and gone from flaskcompat: use True",
}
