"""``send_file``/``send_from_directory`` keywords Flask 2.0 renamed.

Flask 2.0 renamed ``attachment_filename`` to ``download_name``,
``cache_timeout`` to ``max_age``, ``add_etags`` to ``etag`` and
``filename_or_fp`` to ``path_or_file`` in ``send_file``, and the
``filename`` of ``send_from_directory`` to ``path``; Flask 2.2 removed the
old names. The values keep their meaning, so only the keyword changes.
"""
from ._flask3 import Flask3Fix, called_path, keyword_arguments

_RENAMES = {
    "send_file": {
        "attachment_filename": "download_name",
        "cache_timeout": "max_age",
        "add_etags": "etag",
        "filename_or_fp": "path_or_file",
    },
    "send_from_directory": {
        "filename": "path",
        "attachment_filename": "download_name",
        "cache_timeout": "max_age",
        "add_etags": "etag",
    },
}

_CHANGELOG = "Flask 2.0 renamed it, Flask 2.2 removed the old name"


class FixFlask3SendFile(Flask3Fix):
    """Rename the Flask 1.x keywords of ``send_file`` and
    ``send_from_directory`` to their Flask 2.0 names."""

    name = "flask3_send_file"
    summary = "send_file(attachment_filename=, cache_timeout=, add_etags=) -> download_name=, max_age=, etag="
    PATTERN = "power< any+ trailer< '(' arglist< any* argument< ('attachment_filename' | 'cache_timeout' | 'add_etags' | 'filename_or_fp' | 'filename') '=' any > any* > ')' > any* > | power< any+ trailer< '(' argument< ('attachment_filename' | 'cache_timeout' | 'add_etags' | 'filename_or_fp' | 'filename') '=' any > ')' > any* >"

    def transform(self, node, results):
        found = called_path(node)
        if found is None:
            return None
        path, index = found
        function = path.split(".")[-1]
        if path not in (function, "helpers." + function) or function not in _RENAMES:
            return None
        if index >= len(node.children):
            return None
        trailer = node.children[index]
        if trailer.children[0].value != "(":
            return None
        renames = _RENAMES[function]
        keywords = keyword_arguments(trailer)
        for old, new in sorted(renames.items()):
            argument = keywords.get(old)
            if argument is None:
                continue
            if new in keywords:
                self.review_since(node, "%s() has both %s= and %s=: keep one"
                                  % (function, old, new), _CHANGELOG)
                continue
            argument.children[0].value = new
            self.changed(argument)
        return None
