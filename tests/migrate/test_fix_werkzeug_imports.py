"""werkzeug_imports: Werkzeug 0.x top-level re-exports -> their real modules.

The "before" side needs Werkzeug 0.x, which no test environment installs, so
the table is rewrite-only; ``test_new_homes_import`` proves on every
interpreter that each name is importable from the module the fixer picks,
with the Werkzeug release pip installs there (1.0.1 on 2.7 ... 3.1 on 3.9+).
"""
import importlib
import os
import warnings

import pytest

from afterkit import after_tests
from casekit import TOOL_PYTHON, Case, migrate, rewrite_tests

CASES = [
    Case("from werkzeug.utils import secure_filename\n",
         "from werkzeug.utils import secure_filename\n", id="already a module"),
    Case("from werkzeug import run_simple, Request\n",
         "from werkzeug import run_simple, Request\n", id="still top level"),
    Case("obj.werkzeug.secure_filename('x')\n", "obj.werkzeug.secure_filename('x')\n",
         id="attribute"),
    Case(
        "from werkzeug import secure_filename, check_password_hash, Headers\n",
        "from werkzeug.utils import secure_filename\n"
        "from flaskcompat.security import check_password_hash\n"
        "from werkzeug.datastructures import Headers\n",
        id="split by module",
    ),
    Case(
        "from werkzeug import cached_property as cp, generate_password_hash\n",
        "from werkzeug.utils import cached_property as cp\n"
        "from flaskcompat.security import generate_password_hash\n",
        id="alias kept",
    ),
    Case(
        "if True:\n    from werkzeug import MultiDict, run_simple  # forms\n",
        "if True:\n    from werkzeug import run_simple\n"
        "    from werkzeug.datastructures import MultiDict  # forms\n",
        id="indented, comment kept, top-level name stays",
    ),
    Case(
        "from werkzeug import url_quote, Headers\n",
        "from werkzeug import url_quote\nfrom werkzeug.datastructures import Headers\n",
        review="werkzeug.url_quote: gone in Werkzeug 2.3/3.0",
        id="no common home reviewed",
    ),
    Case(
        "import werkzeug\nname = werkzeug.secure_filename(u'a b.txt')\n",
        "import werkzeug.utils\nimport werkzeug\nname = werkzeug.utils.secure_filename(u'a b.txt')\n",
        id="module attribute",
    ),
    Case(
        "from werkzeug.contrib.cache import SimpleCache\n",
        "from werkzeug.contrib.cache import SimpleCache\n",
        review="cachelib",
        id="contrib reviewed",
    ),
    Case(
        "from werkzeug.contrib.fixers import ProxyFix\n",
        "from werkzeug.contrib.fixers import ProxyFix\n",
        review="werkzeug.middleware.proxy_fix.ProxyFix",
        id="ProxyFix reviewed",
    ),
    Case(
        "from werkzeug.wsgi import SharedDataMiddleware\n",
        "from werkzeug.middleware.shared_data import SharedDataMiddleware\n",
        id="middleware moved out of wsgi",
    ),
    Case(
        "from werkzeug.security import safe_str_cmp\n",
        "from flaskcompat.security import safe_str_cmp\n",
        id="safe_str_cmp to flaskcompat",
    ),
    Case(
        "from werkzeug.security import generate_password_hash, check_password_hash\n",
        "from flaskcompat.security import generate_password_hash, check_password_hash\n",
        id="password functions to flaskcompat",
    ),
    Case(
        "from werkzeug.security import gen_salt, check_password_hash as check, safe_join\n",
        "from werkzeug.security import gen_salt, safe_join\n"
        "from flaskcompat.security import check_password_hash as check\n",
        id="password function among others",
    ),
    Case(
        "import werkzeug\nstored = werkzeug.generate_password_hash(u'pw', 'pbkdf2:sha256:10')\n",
        "import flaskcompat.security\nimport werkzeug\n"
        "stored = flaskcompat.security.generate_password_hash(u'pw', 'pbkdf2:sha256:10')\n",
        id="top-level password attribute",
    ),
    Case(
        "import werkzeug.security\n"
        "ok = werkzeug.security.check_password_hash(u'plain$$pw', u'pw')\n"
        "salt = werkzeug.security.gen_salt(4)\n",
        "import flaskcompat.security\nimport werkzeug.security\n"
        "ok = flaskcompat.security.check_password_hash(u'plain$$pw', u'pw')\n"
        "salt = werkzeug.security.gen_salt(4)\n",
        id="submodule password attribute",
    ),
    Case(
        "from werkzeug import OrderedMultiDict\n",
        "from werkzeug.datastructures import OrderedMultiDict\n",
        review="deprecated in Werkzeug 3.1",
        id="deprecated in 3.1 reviewed",
    ),
]

CASES.append(Case(
    "from werkzeug import secure_filename; from werkzeug import Headers; x = 1\n",
    "from werkzeug.utils import secure_filename; from werkzeug.datastructures import Headers; "
    "x = 1\n",
    id="two imports on one line",
))

CASES.append(Case(
    """
    try:
        from werkzeug.wrappers import Response as Base
    except ImportError:
        from werkzeug.wrappers import BaseResponse as Base
    """,
    """
    try:
        from werkzeug.wrappers import Response as Base
    except ImportError:
        from werkzeug.wrappers import BaseResponse as Base
    """,
    id="feature detection: no review",
))

CASES.append(Case(
    "import werkzeug\nrules = werkzeug.routing.Map([werkzeug.routing.Rule('/', endpoint='i')])\n",
    "import werkzeug.routing\nimport werkzeug\n"
    "rules = werkzeug.routing.Map([werkzeug.routing.Rule('/', endpoint='i')])\n",
    id="submodule through the package",
))

test_rewrite = rewrite_tests("werkzeug_imports", CASES)


if TOOL_PYTHON:

    def test_feature_detection_is_not_reviewed():
        result = migrate(CASES[-1].before, "werkzeug_imports")
        assert result.reviews == []
        outside = migrate("from werkzeug.wrappers import BaseResponse\n", "werkzeug_imports")
        assert [review.line for review in outside.reviews] == [1]
test_after_runs = after_tests(CASES, [
    ("split by module",
     "print(secure_filename(u'a b/../c.txt'))\n"
     "print(check_password_hash(u'x', u'y'))\n"
     "print(Headers([('A', 'b')])['a'])\n",
     "a_b_.._c.txt\nFalse\nb\n"),
    ("alias kept", "print(cp.__name__ + ' ' + str(callable(generate_password_hash)))\n",
     "cached_property True\n"),
    ("module attribute", "print(name)\n", "a_b.txt\n"),
    ("middleware moved out of wsgi", "print(SharedDataMiddleware.__name__)\n",
     "SharedDataMiddleware\n"),
    ("submodule through the package", "print(rules.bind('h').match('/'))\n",
     "('i', {})\n"),
    ("safe_str_cmp to flaskcompat", "print(safe_str_cmp(u'a\u00e9', u'a\u00e9'.encode('utf-8')))\n",
     "True\n"),
    # sqlite hands back text: a Werkzeug 0.x sha1 hash read as text verifies
    ("password functions to flaskcompat",
     "stored = generate_password_hash(u'pw', 'pbkdf2:sha256:10')\n"
     "legacy = u'sha1$ab$' + __import__('hmac').new(b'ab', b'pw', __import__('hashlib').sha1)"
     ".hexdigest()\n"
     "print('%s %s' % (check_password_hash(stored, u'pw'), check_password_hash(legacy, b'pw')))\n",
     "True True\n"),
    ("password function among others",
     "print('%s %d' % (check(u'plain$$pw', u'pw'), len(gen_salt(3))))\n",
     "True 3\n"),
    ("top-level password attribute",
     "print(flaskcompat.security.check_password_hash(stored, b'pw'))\n", "True\n"),
    ("submodule password attribute", "print('%s %d' % (ok, len(salt)))\n", "True 4\n"),
])


def _load_names():
    # The tables are plain data; load the file itself so that this check runs
    # where the tool (and its parser) cannot be imported, Python 2.7 included.
    path = os.path.join(
        os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
        "migrate", "fixes", "_werkzeug_names.py",
    )
    namespace = {}
    with open(path) as handle:
        exec(compile(handle.read(), path, "exec"), namespace)
    return namespace


NAMES = _load_names()
HOMES = sorted(NAMES["TOP_LEVEL"].items()) + sorted(
    (key[1], value) for key, value in NAMES["SUBMODULE_MOVES"].items()
)


@pytest.mark.parametrize("name, module", HOMES, ids=["%s-%s" % item for item in HOMES])
def test_new_homes_import(name, module):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = getattr(importlib.import_module(module), name)
    assert value is not None
    deprecations = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]
    # a deprecation is allowed only where the fixer says so in its review
    assert not deprecations or name in NAMES["DEPRECATED"], deprecations


@pytest.mark.parametrize("name", sorted(NAMES["SUBMODULES"]))
def test_submodules_import(name):
    assert importlib.import_module("werkzeug." + name) is not None


def test_still_top_level():
    werkzeug = importlib.import_module("werkzeug")
    for name in NAMES["STILL_TOP_LEVEL"]:
        if name in ("exceptions", "routing"):
            importlib.import_module("werkzeug." + name)
        else:
            assert getattr(werkzeug, name) is not None, name
