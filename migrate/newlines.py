"""Line endings: split a text into lines with their own ending, and put the
original endings back on a rewritten text.

The parser and the fixers work on text whose lines all end in ``"\\n"``. A
file can use CRLF, LF or a lone CR, even a different one per line; every line
that the fixers did not touch must come back with the ending it had, and a
line they added takes the ending of its neighbourhood.
"""

import difflib
import re

# Only these three are line breaks for Python source. str.splitlines() would
# also split on form feeds, NEL, U+2028 ... which are legal inside a line.
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")

CRLF = "\r\n"
LF = "\n"
CR = "\r"


def split_lines(text):
    """Split *text* into ``(content, ending)`` pairs.

    *ending* is ``"\\r\\n"``, ``"\\n"``, ``"\\r"`` or ``""`` (a last line
    without a line break). Joining ``content + ending`` gives back *text*.
    """
    lines = []
    for match in _LINE_RE.finditer(text):
        line = match.group()
        if line.endswith(CRLF):
            lines.append((line[:-2], CRLF))
        elif line.endswith(LF) or line.endswith(CR):
            lines.append((line[:-1], line[-1]))
        else:
            lines.append((line, ""))
    return lines


def normalize(text):
    """Return *text* with every line ending turned into ``"\\n"``, and its
    ``(content, ending)`` lines as :func:`split_lines` gives them."""
    lines = split_lines(text)
    if all(ending in (LF, "") for _, ending in lines):
        return text, lines
    return "".join(content + (LF if ending else "") for content, ending in lines), lines


def dominant_ending(lines):
    """The most frequent line ending of *lines* (LF for a text without one);
    a tie goes to the ending seen first."""
    counts = {}
    order = []
    for _, ending in lines:
        if ending:
            if ending not in counts:
                order.append(ending)
                counts[ending] = 0
            counts[ending] += 1
    if not counts:
        return LF
    return max(order, key=lambda ending: (counts[ending], -order.index(ending)))


def restore(new_text, original_lines):
    """Give each line of *new_text* (LF endings) the ending of the original
    line it corresponds to.

    Lines that are equal in the original and the new text are matched by a
    diff of their contents; a replaced line takes the ending of the line it
    replaces, an inserted line the ending of the original line just before it
    (or just after it at the top of the file). A text that ended without a
    line break keeps ending without one unless the last line was rewritten.
    """
    fallback = dominant_ending(original_lines)
    if fallback == LF and all(ending in (LF, "") for _, ending in original_lines):
        return new_text
    new_lines = split_lines(new_text)
    old_contents = [content for content, _ in original_lines]
    new_contents = [content for content, _ in new_lines]
    out = []
    for tag, i1, i2, j1, j2 in _realigned(_opcodes(old_contents, new_contents), old_contents, new_contents):
        for offset, j in enumerate(range(j1, j2)):
            content, new_ending = new_lines[j]
            if not new_ending:
                out.append(content)
                continue
            if tag == "equal" or (tag == "replace" and i1 + offset < i2):
                ending = original_lines[i1 + offset][1]
            elif tag == "replace":
                ending = original_lines[i2 - 1][1]
            elif i1 > 0:
                ending = original_lines[i1 - 1][1]
            elif i2 < len(original_lines):
                ending = original_lines[i2][1]
            else:
                ending = fallback
            out.append(content + (ending or fallback))
    return "".join(out)


# A replaced block bigger than this is not realigned (the realignment is
# quadratic at worst, like any diff).
_REALIGN_LIMIT = 2000
_NOT_WORD_RE = re.compile(r"\W+")


def _realigned(opcodes, old, new):
    """*opcodes* with each ``replace`` block split further by matching lines
    on their words alone: ``print 'a'`` and ``print('a')`` pair up, so that a
    line inserted in the same block (an added import) does not push every
    rewritten line onto its neighbour's ending."""
    for tag, i1, i2, j1, j2 in opcodes:
        if tag != "replace" or i2 - i1 < 2 and j2 - j1 < 2 or i2 - i1 + j2 - j1 > _REALIGN_LIMIT:
            yield tag, i1, i2, j1, j2
            continue
        matcher = difflib.SequenceMatcher(
            None,
            [_NOT_WORD_RE.sub("", line) for line in old[i1:i2]],
            [_NOT_WORD_RE.sub("", line) for line in new[j1:j2]],
            autojunk=False,
        )
        for sub_tag, k1, k2, l1, l2 in matcher.get_opcodes():
            yield sub_tag, i1 + k1, i1 + k2, j1 + l1, j1 + l2


def _opcodes(old, new):
    """difflib opcodes for two lists of lines; the common head and tail are
    matched directly, so that only the changed middle goes through the
    (quadratic at worst) sequence matcher."""
    limit = min(len(old), len(new))
    head = 0
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    if head:
        yield "equal", 0, head, 0, head
    matcher = difflib.SequenceMatcher(
        None, old[head:len(old) - tail], new[head:len(new) - tail], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        yield tag, i1 + head, i2 + head, j1 + head, j2 + head
    if tail:
        yield "equal", len(old) - tail, len(old), len(new) - tail, len(new)
