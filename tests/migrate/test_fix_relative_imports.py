"""The relative_imports fixer: implicit relative imports need a package on
disk, so this module builds one instead of using a plain table."""
import io
import os
import shutil
import subprocess
import sys
import tempfile

import pytest

from casekit import TOOL_PYTHON, engine, migrate

PY2 = sys.version_info[0] == 2

SIBLINGS = {
    "__init__.py": "",
    "helpers.py": "NAME = 'helpers'\ndef shout(text):\n    return text.upper()\n",
    "json.py": "NAME = 'sibling json'\n",
    "sub/__init__.py": "",
    "sub/tools.py": "VALUE = 42\n",
}

# (before, after, output): the module pkg/main.py, run as ``import pkg.main``.
CASES = [
    (
        "import helpers\nprint(helpers.shout('hi'))\n",
        "from . import helpers\nprint(helpers.shout('hi'))\n",
        "HI\n",
    ),
    (
        "import os, helpers as h\nprint(h.NAME + str(bool(os.sep)))\n",
        "import os\nfrom . import helpers as h\nprint(h.NAME + str(bool(os.sep)))\n",
        "helpersTrue\n",
    ),
    (
        "from helpers import shout\nfrom sub.tools import VALUE\nprint(shout('a') + str(VALUE))\n",
        "from .helpers import shout\nfrom .sub.tools import VALUE\nprint(shout('a') + str(VALUE))\n",
        "A42\n",
    ),
    (
        "import json\nprint(json.NAME)\n",
        "from . import json\nprint(json.NAME)\n",
        "sibling json\n",
    ),
    (
        "import helpers  # the sibling\nimport os, helpers as h  # both\nprint(helpers.NAME + h.NAME)\n",
        "from . import helpers  # the sibling\nimport os\nfrom . import helpers as h  # both\n"
        "print(helpers.NAME + h.NAME)\n",
        "helpershelpers\n",
    ),
    (
        "def f():\n    import helpers\n    return helpers.NAME\nprint(f())\n",
        "def f():\n    from . import helpers\n    return helpers.NAME\nprint(f())\n",
        "helpers\n",
    ),
    (
        "import sys\nfrom . import helpers\nprint(helpers.NAME)\n",
        "import sys\nfrom . import helpers\nprint(helpers.NAME)\n",
        "helpers\n",
    ),
    (
        "from __future__ import absolute_import\nimport json\nprint(json.dumps(1))\n",
        "from __future__ import absolute_import\nimport json\nprint(json.dumps(1))\n",
        "1\n",
    ),
]


def _write(path, text):
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        os.makedirs(folder)
    with io.open(path, "w", encoding="utf-8") as handle:
        handle.write(text if not isinstance(text, bytes) else text.decode("utf-8"))


@pytest.fixture
def package():
    root = tempfile.mkdtemp(prefix="relimport")
    for name, text in SIBLINGS.items():
        _write(os.path.join(root, "pkg", *name.split("/")), text)
    yield root
    shutil.rmtree(root)


def _run(root, source):
    _write(os.path.join(root, "pkg", "main.py"), source)
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-c", "import pkg.main"], cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    stdout, stderr = process.communicate()
    assert process.returncode == 0, stderr.decode("utf-8", "replace")
    return stdout.decode("utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize("before, after, output", CASES)
def test_runtime(package, before, after, output):
    if PY2:
        assert _run(package, before) == output
    assert _run(package, after) == output


if TOOL_PYTHON:

    @pytest.mark.parametrize("before, after, output", CASES)
    def test_rewrite(package, before, after, output):
        filename = os.path.join(package, "pkg", "main.py")
        result = migrate(before, "relative_imports", filename=filename)
        assert result.source == after
        assert result.changed == (before != after)
        assert not migrate(result.source, "relative_imports", filename=filename).changed

    def test_outside_a_package_nothing_changes(package):
        # a script folder: Python 3 finds the sibling through sys.path[0] too
        filename = os.path.join(package, "script.py")
        _write(os.path.join(package, "helpers.py"), "")
        assert not migrate("import helpers\n", "relative_imports", filename=filename).changed

    def test_without_a_file_name_nothing_changes():
        assert not migrate("import helpers\n", "relative_imports").changed

    def test_inserted_six_import_of_a_vendored_six(package):
        # a package that vendors six: the import other fixers add is the
        # sibling on 2.7, and stays explicit and single on later runs
        _write(os.path.join(package, "pkg", "six.py"), "")
        filename = os.path.join(package, "pkg", "main.py")
        result = engine().migrate_source("x = unicode(1)\n", select=["unicode", "relative_imports"], filename=filename)
        assert result.source == "from . import six\nx = six.text_type(1)\n"
        again = engine().migrate_source(result.source, select=["unicode", "relative_imports"], filename=filename)
        assert not again.changed

    def test_submodule_of_sibling_package_is_reviewed(package):
        filename = os.path.join(package, "pkg", "main.py")
        result = migrate("import sub.tools\n", "relative_imports", filename=filename)
        assert result.source == "import sub.tools\n"
        assert any("sub.tools" in review.message for review in result.reviews)
