"""The raise fixer: every Python 2 raise form."""
from casekit import Case, rewrite_tests, runtime_tests

# Runs the snippet's ``go()`` and prints what it raised.
SHOW = (
    "try:\n"
    "    go()\n"
    "except Exception as caught:\n"
    "    print('%s %r' % (type(caught).__name__, caught.args))\n"
)
# The innermost frame of the traceback proves the original one was kept.
TB_SHOW = (
    "import sys, traceback\n"
    "try:\n"
    "    go()\n"
    "except Exception as caught:\n"
    "    frames = traceback.extract_tb(sys.exc_info()[2])\n"
    "    print('%s %r %s' % (type(caught).__name__, caught.args, frames[-1][2]))\n"
)
FAIL = "def fail():\n    raise KeyError('original')\n"

CASES = [
    Case(
        "def go():\n    raise ValueError, 'bad value'\n" + SHOW,
        "def go():\n    raise ValueError('bad value')\n" + SHOW,
        output="ValueError ('bad value',)\n",
    ),
    Case(
        "def go():\n    raise KeyError, ('a', 2)\n" + SHOW,
        "def go():\n    raise KeyError('a', 2)\n" + SHOW,
        output="KeyError ('a', 2)\n",
        id="tuple value unpacks",
    ),
    Case(
        "def go():\n    raise RuntimeError, None\n" + SHOW,
        "def go():\n    raise RuntimeError()\n" + SHOW,
        output="RuntimeError ()\n",
        id="None value",
    ),
    Case(
        "def go():\n    msg = 'x=%d' % 3\n    raise ValueError, msg\n" + SHOW,
        "def go():\n    msg = 'x=%d' % 3\n    raise ValueError(msg)\n" + SHOW,
        output="ValueError ('x=3',)\n",
        id="message variable",
    ),
    Case(
        "import os\ndef go():\n    raise os.error, 'no'\n" + SHOW,
        "import os\ndef go():\n    raise os.error('no')\n" + SHOW,
        output="OSError ('no',)\n",
        id="dotted class",
    ),
    Case(
        "import sys\n" + FAIL + "def go():\n    try:\n        fail()\n    except KeyError:\n"
        "        t, v, tb = sys.exc_info()\n        raise t, v, tb\n" + TB_SHOW,
        "import six\nimport sys\n" + FAIL + "def go():\n    try:\n        fail()\n    except KeyError:\n"
        "        t, v, tb = sys.exc_info()\n        six.reraise(t, v, tb)\n" + TB_SHOW,
        output="KeyError ('original',) fail\n",
        id="three arguments keep the traceback",
    ),
    Case(
        "import sys\n" + FAIL + "def go():\n    try:\n        fail()\n    except KeyError:\n"
        "        raise ValueError, 'wrapped', sys.exc_info()[2]\n" + TB_SHOW,
        "import six\nimport sys\n" + FAIL + "def go():\n    try:\n        fail()\n    except KeyError:\n"
        "        six.reraise(ValueError, ValueError('wrapped'), sys.exc_info()[2])\n" + TB_SHOW,
        output="ValueError ('wrapped',) fail\n",
        id="message with traceback",
    ),
    Case(
        "import sys\n" + FAIL + "def go():\n    try:\n        fail()\n    except KeyError:\n"
        "        msg = 'again'\n        raise ValueError, msg, sys.exc_info()[2]\n" + TB_SHOW,
        "import six\nimport sys\n" + FAIL + "def go():\n    try:\n        fail()\n    except KeyError:\n"
        "        msg = 'again'\n        six.reraise(ValueError, ValueError(msg), sys.exc_info()[2])\n" + TB_SHOW,
        output="ValueError ('again',) fail\n",
        id="message variable with traceback",
    ),
    Case(
        "import sys\n" + FAIL + "def go():\n    try:\n        fail()\n    except KeyError:\n"
        "        raise ValueError, ValueError('own'), sys.exc_info()[2]\n" + TB_SHOW,
        "import six\nimport sys\n" + FAIL + "def go():\n    try:\n        fail()\n    except KeyError:\n"
        "        six.reraise(ValueError, ValueError('own'), sys.exc_info()[2])\n" + TB_SHOW,
        output="ValueError ('own',) fail\n",
        id="own instance with traceback",
    ),
    Case(
        "def go():\n    raise KeyError, (2, 'gone'), None\n" + SHOW,
        "def go():\n    raise KeyError(2, 'gone')\n" + SHOW,
        output="KeyError (2, 'gone')\n",
        id="None traceback",
    ),
    Case(
        "import sys\ndef go():\n    try:\n        {}[1]\n    except KeyError:\n        t, v = sys.exc_info()[:2]\n"
        "        raise t, v\n" + SHOW,
        "import six\nimport sys\ndef go():\n    try:\n        {}[1]\n    except KeyError:\n        t, v = sys.exc_info()[:2]\n"
        "        six.reraise(t, v)\n" + SHOW,
        output="KeyError (1,)\n",
        review="assumed v is an exception instance",
        id="two variables",
    ),
    Case(
        "def go():\n    raise ValueError, ValueError('made', 1)\n" + SHOW,
        "def go():\n    raise ValueError('made', 1)\n" + SHOW,
        output="ValueError ('made', 1)\n",
        id="instance of the class itself",
    ),
    Case(
        "class error_reply(Exception):\n    pass\ndef go():\n    resp = '500 no'\n    raise error_reply, resp\n" + SHOW,
        "class error_reply(Exception):\n    pass\ndef go():\n    resp = '500 no'\n    raise error_reply(resp)\n" + SHOW,
        output="error_reply ('500 no',)\n",
        id="lower-case class of the module",
    ),
    Case("def go():\n    raise\n", "def go():\n    raise\n", id="bare raise"),
    Case(
        "def go():\n    raise ValueError('fine')\n" + SHOW,
        "def go():\n    raise ValueError('fine')\n" + SHOW,
        output="ValueError ('fine',)\n",
        id="already a call",
    ),
    Case("raise 'old', 1\n", "raise 'old', 1\n", review="string exceptions", id="string exception"),
]

# ``raise StopIteration`` ends a generator on 2.7; since Python 3.7 it is a
# RuntimeError there (sqlparse 0.1 stops a token scan so). ``return`` ends
# it on both; where an except clause of the generator could catch the
# StopIteration, or it carries a value, the line is listed instead.
_SCAN = "def scan(items):\n    for item in items:\n        if item > 2:\n            %s\n        yield item\n"
CASES += [
    Case(_SCAN % "raise StopIteration" + "print(list(scan([1, 2, 3, 1])))\n",
         _SCAN % "return" + "print(list(scan([1, 2, 3, 1])))\n",
         output="[1, 2]\n", id="StopIteration in a generator"),
    Case(_SCAN % "raise StopIteration()" + "print(list(scan([3])))\n",
         _SCAN % "return" + "print(list(scan([3])))\n",
         output="[]\n", id="StopIteration() in a generator"),
    Case("class It(object):\n    def next(self):\n        raise StopIteration\n",
         "class It(object):\n    def next(self):\n        raise StopIteration\n",
         id="StopIteration in a plain function"),
    Case("def scan(items):\n    try:\n        raise StopIteration\n    except Exception:\n        pass\n"
         "    yield 1\n",
         "def scan(items):\n    try:\n        raise StopIteration\n    except Exception:\n        pass\n"
         "    yield 1\n",
         review="raise StopIteration in a generator", id="StopIteration in a generator's try"),
    Case(_SCAN % "raise StopIteration('end')", _SCAN % "raise StopIteration('end')",
         review="raise StopIteration in a generator", id="StopIteration with a value"),
]

test_rewrite = rewrite_tests("raise", CASES)
test_runtime = runtime_tests(CASES)
