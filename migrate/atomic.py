"""Atomic file replacement: a reader sees either the old file or the new one,
never half of it, and a crash leaves the old file in place."""

import errno
import os
import stat


class FileChangedError(OSError):
    """The file changed on disk after the tool read it."""


class ReadOnlyError(PermissionError):
    """The file, or the folder holding it, is read-only."""


_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH

#: How many random names a write tries for its temporary file.
_TEMP_NAME_TRIES = 100


def _temp_path(folder, name):
    """A hidden name next to *name*: ``.NAME.XXXXXXXX.migrate-tmp``."""
    return os.path.join(folder, ".%s.%s.migrate-tmp" % (name, os.urandom(4).hex()))


def _private(path, flags):
    # Readable by the owner alone until it gets the original's mode.
    return os.open(path, flags, 0o600)


def snapshot(path):
    """What identifies the content of *path* on disk right now."""
    info = os.stat(path)
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def atomic_write(path, data, expect=None):
    """Replace the file at *path* by *data* (bytes).

    The bytes go to a temporary file in the same folder, are flushed and
    fsync'ed, get the original's permission bits (and owner, where allowed),
    and the temporary file is renamed over the original. A symlink is
    followed: its target is replaced and the link kept. When *expect* (a
    :func:`snapshot`) is given and the file no longer matches it, nothing is
    written and :class:`FileChangedError` is raised; a read-only file or
    folder raises :class:`ReadOnlyError` and is not written either.
    """
    target = os.path.realpath(path)
    info = os.stat(target)
    if expect is not None and (info.st_size, info.st_mtime_ns, info.st_ino) != tuple(expect):
        raise FileChangedError("%s changed on disk while it was being migrated" % path)
    folder, name = os.path.split(target)
    # Read-only means no write permission bit, or none for this user: a file
    # or folder someone made read-only is not replaced, even by root.
    if not (info.st_mode & _WRITE_BITS and os.access(target, os.W_OK)):
        raise ReadOnlyError(
            errno.EACCES, "the file is read-only (mode %04o)" % stat.S_IMODE(info.st_mode), path
        )
    folder_mode = os.stat(folder).st_mode
    if not (folder_mode & _WRITE_BITS and os.access(folder, os.W_OK | os.X_OK)):
        raise ReadOnlyError(
            errno.EACCES,
            "its folder is read-only (mode %04o), so it cannot be replaced" % stat.S_IMODE(folder_mode),
            path,
        )
    # The temporary file's name is chosen before the file is made, so that
    # an interruption (SIGTERM raises in a worker, SIGINT with -j 1) landing
    # right after the file appears, even inside the call that made it, still
    # finds and removes it. (tempfile.mkstemp names it only on its return.)
    temp = stream = None
    try:
        for _attempt in range(_TEMP_NAME_TRIES):
            temp = _temp_path(folder, name)
            try:
                stream = open(temp, "xb", opener=_private)
            except FileExistsError:
                temp = None  # another file's name: never removed here
                continue
            break
        else:
            raise FileExistsError(errno.EEXIST, "no free name for a temporary file", folder)
        with stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, stat.S_IMODE(info.st_mode))
        if hasattr(os, "chown"):
            try:
                os.chown(temp, info.st_uid, info.st_gid)
            except OSError:
                # Only root may give a file away; the mode is what matters.
                pass
        os.replace(temp, target)
    except BaseException:
        if stream is not None:
            try:
                stream.close()  # an open file cannot be removed everywhere
            except OSError:
                pass  # a failed flush: the file is removed all the same
        if temp is not None:
            try:
                os.unlink(temp)
            except OSError:
                pass
        raise
    _fsync_folder(folder)


def _fsync_folder(folder):
    # Make the rename itself durable; not every platform can open a folder.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
