"""Where a line of one version of a file sits in another version.

A needs-review item names a line. The fixers see the file as it was read;
after ``--write`` the user opens the file as it was written, where imports
added at the top (and statements that grew or shrank) moved every line below
them. :func:`line_mapper` carries line numbers across such a change.
"""

import difflib
import re

from .newlines import split_lines

__all__ = ["line_mapper", "translate"]


def _contents(text):
    return [content for content, _ in split_lines(text)]


def line_mapper(before, after):
    """A function taking a 1-based line of the text *before* to the line of
    the text *after* that holds it.

    Lines that survived the change map exactly. A line that was rewritten
    maps to its counterpart in the rewritten block (the block's last line
    when the block shrank); a deleted line maps to the line that now
    follows the place it had, and 0 (the whole file) stays 0.
    """
    if before == after:
        return lambda line, hint="": line
    old, new = _contents(before), _contents(after)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    blocks = matcher.get_opcodes()

    def mapped(line, hint=""):
        if not line or line < 0:
            return 0
        index = line - 1
        for tag, first_old, end_old, first_new, end_new in blocks:
            if not first_old <= index < end_old:
                continue
            if tag == "equal":
                return first_new + (index - first_old) + 1
            if tag == "replace":
                return _closest(old[index], new, first_new, end_new, index - first_old, hint) + 1
            # deleted: the line that took its place
            return min(first_new + 1, max(len(new), 1))
        # past the end of *before*
        return max(len(new), 1)

    return mapped


#: Names, numbers and single punctuation marks: what lines are compared by.
_TOKEN = re.compile(r"\w+|\S")
_WORD = re.compile(r"[A-Za-z_]\w*")

#: A rewritten block longer than this is matched by position alone.
_COMPARED = 40


def _closest(line, lines, first, end, offset, hint):
    """The index in ``lines[first:end]`` (a block that replaced the one
    holding *line*, at *offset* in it) of the line most like *line*: a
    statement split over several lines, or joined into fewer, keeps most of
    its words on one of them. The names *hint* (what the item says) shares
    with *line* come first: a review of ``urllib.localhost`` goes where
    ``localhost`` went. Equally like lines go to the nearest position."""
    by_position = first + min(offset, end - first - 1)
    if end - first == 1 or end - first > _COMPARED or not line.strip():
        return by_position
    wanted = _TOKEN.findall(line)
    named = set(_WORD.findall(hint or "")) & set(word for word in wanted if _WORD.match(word))
    best, best_key = by_position, None
    for candidate in range(first, end):
        tokens = _TOKEN.findall(lines[candidate])
        ratio = difflib.SequenceMatcher(None, wanted, tokens, autojunk=False).ratio()
        key = (len(named.intersection(tokens)), ratio, -abs(candidate - by_position))
        if best_key is None or key > best_key:
            best, best_key = candidate, key
    return best


def translate(items, before, after):
    """*items* (tuples whose first member is a line of *before* and whose
    last is the text that goes with it) with that line carried over to
    *after*."""
    items = list(items)
    if not items or before == after:
        return items
    mapped = line_mapper(before, after)
    return [(mapped(item[0], item[-1]),) + tuple(item[1:]) for item in items]
