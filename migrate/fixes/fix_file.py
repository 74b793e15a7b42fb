"""``file(...)`` -> ``open(...)``."""
from ._base import MigrateFix
from ._util import is_builtin_use, is_call_of, name_is_builtin_at, replace_name


class FixFile(MigrateFix):
    """Replace calls of the builtin ``file`` by ``open``.

    On 2.7 ``open`` is exactly the ``file`` constructor, so the call keeps its
    meaning there; on 3.x it is the io open that replaced it. ``file`` as a
    type (isinstance, subclassing) has no equivalent and is reported.
    """

    name = "file"
    summary = "file(path, mode) -> open(path, mode)"
    PATTERN = "name='file'"

    def transform(self, node, results):
        name = results["name"]
        if not is_builtin_use(name):
            return None
        if not is_call_of(name):
            self.review(
                name,
                "the file type does not exist on Python 3: use io.IOBase for "
                "checks, or a class wrapping an open file",
            )
            return None
        if not name_is_builtin_at(name, "open"):
            self.review(name, "file(...): open is rebound here (io.open?); the builtin file is not")
            return None
        replace_name(name, "open")
        self.changed(name)
        return None
