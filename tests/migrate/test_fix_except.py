"""The except fixer: except E, e -> except E as e."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        "try:\n    int('x')\nexcept ValueError, e:\n    print(type(e).__name__)\n",
        "try:\n    int('x')\nexcept ValueError as e:\n    print(type(e).__name__)\n",
        output="ValueError\n",
    ),
    Case(
        "try:\n    {}['k']\nexcept (KeyError, IndexError), err:  # note\n    print(repr(err.args[0]))\n",
        "try:\n    {}['k']\nexcept (KeyError, IndexError) as err:  # note\n    print(repr(err.args[0]))\n",
        output="'k'\n",
        id="tuple of classes",
    ),
    Case(
        "try:\n    pass\nexcept ValueError,e:\n    pass\n",
        "try:\n    pass\nexcept ValueError as e:\n    pass\n",
        output="",
        id="no space after comma",
    ),
    Case(
        "try:\n    1 / 0\nexcept ZeroDivisionError:\n    print('zero')\nexcept Exception as e:\n    pass\n",
        "try:\n    1 / 0\nexcept ZeroDivisionError:\n    print('zero')\nexcept Exception as e:\n    pass\n",
        output="zero\n",
        id="already fine",
    ),
    # Python 2 exceptions could be indexed: e[0] was e.args[0]
    Case(
        "try:\n    raise ValueError('bad', 2)\nexcept ValueError, e:\n    print('%s %s' % (e[0], e[1:]))\n",
        "try:\n    raise ValueError('bad', 2)\nexcept ValueError as e:\n"
        "    print('%s %s' % (e.args[0], e.args[1:]))\n",
        output="bad (2,)\n",
        id="indexed exception",
    ),
    Case(
        "try:\n    raise KeyError('k')\nexcept KeyError as err:\n    def show():\n        return err[0]\n"
        "    print(show())\n",
        "try:\n    raise KeyError('k')\nexcept KeyError as err:\n    def show():\n        return err.args[0]\n"
        "    print(show())\n",
        output="k\n",
        id="indexed exception, as form",
    ),
    Case(
        "try:\n    raise ValueError('bad')\nexcept ValueError, e:\n    e = ['other']\n    print(e[0])\n",
        "try:\n    raise ValueError('bad')\nexcept ValueError as e:\n    e = ['other']\n    print(e[0])\n",
        output="other\n",
        id="name bound again in the handler",
    ),
    Case(
        "try:\n    raise ValueError('bad')\nexcept ValueError as e:\n    print(obj.e[0] if 0 else e.args[0])\n",
        "try:\n    raise ValueError('bad')\nexcept ValueError as e:\n    print(obj.e[0] if 0 else e.args[0])\n",
        output="bad\n",
        id="attribute of the same name and args stay",
    ),
    Case(
        "try:\n    raise EnvironmentError(2, 'gone')\nexcept EnvironmentError, (code, message):\n"
        "    # unpacked\n    print('%s %s' % (code, message))\n",
        "try:\n    raise EnvironmentError(2, 'gone')\nexcept EnvironmentError as exc:\n"
        "    # unpacked\n    (code, message) = exc.args\n    print('%s %s' % (code, message))\n",
        output="2 gone\n",
        id="tuple target unpacks args",
    ),
    Case(
        "class Keep(object):\n    pass\nkeep = Keep()\nexc = 'taken'\n"
        "try:\n    [][1]\nexcept IndexError, keep.error: print(type(keep.error).__name__ + exc)\n",
        "class Keep(object):\n    pass\nkeep = Keep()\nexc = 'taken'\n"
        "try:\n    [][1]\nexcept IndexError as exc_1: keep.error = exc_1; print(type(keep.error).__name__ + exc)\n",
        output="IndexErrortaken\n",
        id="attribute target on one line, fresh name",
    ),
]

test_rewrite = rewrite_tests("except", CASES)
test_runtime = runtime_tests(CASES)
