"""``request.get_json()`` / ``request.json`` on a body that is not JSON:
listed for review.

Flask 1.x answered ``None`` when the request's ``Content-Type`` was not JSON.
Since Werkzeug 2.1 the same call fails the request (400, and 415
Unsupported Media Type since Werkzeug 2.3). Code that relied on ``None``
(``data = request.get_json() or {}``, a form fallback) now answers an error
instead; ``get_json(silent=True)`` gives ``None`` back, but it also hides a
malformed JSON body, which answered 400 before. Which one the code meant is
not in the code, so each plain call is listed; calls that pass ``force=`` or
``silent=`` are left alone.
"""
from ._flask3 import Flask3Fix, imported_path, keyword_arguments


class FixFlask3GetJson(Flask3Fix):
    """List ``request.get_json()`` and ``request.json`` for review: a
    non-JSON body is a 415 error now, not ``None``."""

    name = "flask3_get_json"
    summary = "request.get_json() / request.json: review (a non-JSON body is 415, not None)"
    PATTERN = (
        "power< head=NAME trailer< '.' 'get_json' > call=trailer< '(' [any] ')' > any* >"
        " | power< head=NAME trailer< '.' 'json' > any* >"
    )

    def transform(self, node, results):
        found = imported_path(results["head"])
        if found is None or found[1] not in ("request", "globals.request"):
            return None
        call = results.get("call")
        if call is not None:
            keywords = keyword_arguments(call)
            if "force" in keywords or "silent" in keywords or len(call.children) == 3:
                return None
            what = "get_json()"
        else:
            what = "json"
        self.review_since(
            node, "request.%s fails with 415 Unsupported Media Type when the body is not "
            "JSON, where it gave None: pass silent=True if None is what the code expects"
            % what, "Werkzeug 2.1 made it an error, Werkzeug 2.3 a 415")
        return None
