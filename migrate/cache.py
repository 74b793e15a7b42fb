"""A content-hash cache of per-file results, so that a re-run over an
unchanged tree skips parsing.

An entry is keyed by a hash of the tool's own code, the interpreter version,
pyupgrade's version (target 3), every option that changes the output, and the
bytes of the file. Anything else changing gives another key; stale entries are
never read, only left behind (delete the folder to reclaim the space).
"""

import base64
import hashlib
import json
import os
import sys
import tempfile

from . import __version__

_FORMAT = 2
#: Entry items that are bytes (stored as base64): the new file content and
#: the hunks of its diff (the diff without the two header lines, which name
#: the file and so are not part of a content-keyed entry).
_BYTES_ITEMS = ("new", "diff_hunks")


def default_dir():
    """``$FLASKCOMPAT_MIGRATE_CACHE_DIR``, else the user's cache folder
    (``$XDG_CACHE_HOME`` or ``~/.cache``) ``/flaskcompat-migrate``."""
    explicit = os.environ.get("FLASKCOMPAT_MIGRATE_CACHE_DIR")
    if explicit:
        return explicit
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return os.path.join(base, "flaskcompat-migrate")


_code_hash = None


def code_fingerprint():
    """A hash of every module of the tool (engine and fixers): a changed
    fixer must not be answered from results of its previous version."""
    global _code_hash
    if _code_hash is None:
        digest = hashlib.sha256(__version__.encode("ascii"))
        root = os.path.dirname(os.path.abspath(__file__))
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    digest.update(os.path.relpath(path, root).encode("utf-8"))
                    with open(path, "rb") as stream:
                        digest.update(hashlib.sha256(stream.read()).digest())
        _code_hash = digest.hexdigest()
    return _code_hash


def settings_fingerprint(settings):
    """Hash of the options (a JSON-serialisable dict) plus the environment
    that shapes results."""
    parts = {
        "format": _FORMAT,
        "code": code_fingerprint(),
        "python": list(sys.version_info[:2]),
        "settings": settings,
    }
    if settings.get("target") in ("3", "flask3"):
        try:
            from importlib.metadata import version

            parts["pyupgrade"] = version("pyupgrade")
        except Exception:  # noqa: BLE001 - any failure just means "unknown"
            parts["pyupgrade"] = None
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


class Cache(object):
    """Results stored as small JSON files under *folder*, named by key."""

    def __init__(self, folder, fingerprint):
        self.folder = folder
        self.fingerprint = fingerprint

    def key(self, data):
        """The key of a file whose content is *data* (bytes)."""
        digest = hashlib.sha256(self.fingerprint.encode("ascii"))
        digest.update(data)
        return digest.hexdigest()

    def _path(self, key):
        return os.path.join(self.folder, key[:2], key[2:] + ".json")

    def get(self, key):
        """The stored entry (a dict) for *key*, or None."""
        try:
            with open(self._path(key), "rb") as stream:
                entry = json.loads(stream.read().decode("utf-8"))
            if entry.get("format") != _FORMAT:
                return None
            for item in _BYTES_ITEMS:
                if entry.get(item) is not None:
                    entry[item] = base64.b64decode(entry[item], validate=True)
        except (OSError, ValueError, TypeError, AttributeError):
            # Missing, unreadable or damaged: as good as no entry.
            return None
        # The new content goes into the user's file: an entry damaged on
        # disk must never be written there.
        if entry.get("new") is not None and hashlib.sha256(entry["new"]).hexdigest() != entry.get("new_sha256"):
            return None
        return entry

    def put(self, key, entry):
        """Store *entry* (a dict; its ``new`` and ``diff_hunks`` items may be
        bytes). A cache that cannot be written only costs speed, so errors are
        ignored."""
        entry = dict(entry, format=_FORMAT)
        if entry.get("new") is not None:
            entry["new_sha256"] = hashlib.sha256(entry["new"]).hexdigest()
        for item in _BYTES_ITEMS:
            if entry.get(item) is not None:
                entry[item] = base64.b64encode(entry[item]).decode("ascii")
        path = self._path(key)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(json.dumps(entry).encode("utf-8"))
            os.replace(temp, path)
        except BaseException as exc:
            try:
                os.unlink(temp)
            except OSError:
                pass
            if not isinstance(exc, OSError):
                raise
