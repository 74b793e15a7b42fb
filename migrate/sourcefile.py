"""Bytes in, bytes out: decoding a Python source file the way its interpreter
would, and encoding the rewritten text back into exactly the same form.

The encoding comes from a PEP 263 cookie in the first two lines or a UTF-8
byte order mark; without either, UTF-8 (Python 3's default, and a superset of
the ASCII that Python 2 assumes). The BOM, the cookie and every line ending
survive the round trip; :func:`encode` refuses text that the file's encoding
cannot represent instead of replacing characters.
"""

import codecs
import re

from .engine import MigrateError

UTF8_BOM = codecs.BOM_UTF8

# PEP 263: the cookie must be in a comment on line 1 or 2, and line 2 counts
# only if line 1 is a comment or blank.
_COOKIE_RE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
_BLANK_OR_COMMENT_RE = re.compile(rb"^[ \t\f]*(?:[#\r\n]|$)")


class SourceInfo(object):
    """How a source file was stored: *encoding* (a codec name), *bom* (True
    when it started with a UTF-8 BOM) and where the encoding came from."""

    __slots__ = ("encoding", "bom", "cookie_line")

    def __init__(self, encoding, bom, cookie_line):
        self.encoding = encoding
        self.bom = bom
        self.cookie_line = cookie_line

    def __repr__(self):
        return "<SourceInfo encoding=%r bom=%r cookie_line=%r>" % (
            self.encoding,
            self.bom,
            self.cookie_line,
        )


def _first_lines(data):
    lines = []
    start = 0
    for _ in range(2):
        if start >= len(data):
            break
        end = len(data)
        for sep in (b"\n", b"\r"):
            found = data.find(sep, start)
            if found != -1 and found < end:
                end = found
        if end < len(data) and data[end:end + 2] == b"\r\n":
            end += 1
        lines.append(data[start:end + 1])
        start = end + 1
    return lines


def detect_encoding(data, filename="<bytes>"):
    """Return the :class:`SourceInfo` of the source *data* (bytes).

    Raises :class:`MigrateError` for an unknown codec in the cookie, or a
    cookie that contradicts a UTF-8 BOM.
    """
    bom = data.startswith(UTF8_BOM)
    if bom:
        data = data[len(UTF8_BOM):]
    for index, line in enumerate(_first_lines(data)):
        match = _COOKIE_RE.match(line)
        if match:
            name = match.group(1).decode("ascii", "replace")
            try:
                codec = codecs.lookup(name)
            except LookupError:
                raise MigrateError(filename, index + 1, "unknown encoding in coding cookie: %s" % name)
            if bom and codec.name != "utf-8":
                raise MigrateError(
                    filename, index + 1, "coding cookie says %s but the file starts with a UTF-8 BOM" % name
                )
            return SourceInfo(codec.name, bom, index + 1)
        if not _BLANK_OR_COMMENT_RE.match(line):
            break
    return SourceInfo("utf-8", bom, None)


def decode(data, filename="<bytes>"):
    """Decode source *data*; return ``(text, info)``. The text has no BOM.

    Raises :class:`MigrateError` (with the line of the first bad byte) for
    bytes that are not valid in the file's encoding, and for a NUL byte.
    """
    if b"\0" in data:
        # No Python compiles a source with a NUL byte; most often the file
        # is not source at all.
        line = data.count(b"\n", 0, data.index(b"\0")) + 1
        raise MigrateError(filename, line, "contains a NUL byte: not Python source (a binary file?)")
    info = detect_encoding(data, filename)
    body = data[len(UTF8_BOM):] if info.bom else data
    try:
        text = body.decode(info.encoding)
    except UnicodeDecodeError as exc:
        line = body.count(b"\n", 0, exc.start) + 1
        raise MigrateError(
            filename,
            line,
            "cannot decode as %s (byte 0x%02x)%s"
            % (
                info.encoding,
                body[exc.start],
                "" if info.cookie_line else "; add a coding cookie naming the file's encoding",
            ),
        )
    return text, info


def encode(text, info, filename="<bytes>"):
    """Encode *text* back as described by *info* (encoding and BOM).

    Raises :class:`MigrateError` when a character cannot be represented.
    """
    try:
        data = text.encode(info.encoding)
    except UnicodeEncodeError as exc:
        line = text.count("\n", 0, exc.start) + 1
        raise MigrateError(
            filename, line, "the rewritten text cannot be encoded as %s" % info.encoding
        )
    return UTF8_BOM + data if info.bom else data
