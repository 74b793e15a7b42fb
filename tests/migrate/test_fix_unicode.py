"""The unicode fixer: unicode -> six.text_type."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        "print(unicode(42) == u'42')\n",
        "import six\nprint(six.text_type(42) == u'42')\n",
        output="True\n",
    ),
    Case(
        "data = b'caf\\xc3\\xa9'\nprint(len(unicode(data, 'utf-8')))\n",
        "import six\ndata = b'caf\\xc3\\xa9'\nprint(len(six.text_type(data, 'utf-8')))\n",
        output="4\n",
        id="decode bytes",
    ),
    Case(
        "print([isinstance(v, unicode) for v in (u'a', 1)])\n",
        "import six\nprint([isinstance(v, six.text_type) for v in (u'a', 1)])\n",
        output="[True, False]\n",
        id="type check",
    ),
    Case(
        "class Name(unicode):\n    pass\nprint(Name(u'x').upper())\n",
        "import six\nclass Name(six.text_type):\n    pass\nprint(Name(u'x').upper())\n",
        output="X\n",
        id="base class",
    ),
    Case("x = obj.unicode\n", "x = obj.unicode\n", id="attribute stays"),
    Case("def f(unicode):\n    return unicode\n", "def f(unicode):\n    return unicode\n", id="parameter stays"),
    Case("unicode = str\nprint(unicode(1))\n", "unicode = str\nprint(unicode(1))\n", output="1\n",
         id="module binding stays"),
    Case("try:\n    unicode\nexcept NameError:\n    unicode = str\n",
         "try:\n    unicode\nexcept NameError:\n    unicode = str\n", id="compat shim stays"),
    Case("def setup():\n    global unicode\n    unicode = str\nx = unicode(1)\n",
         "def setup():\n    global unicode\n    unicode = str\nx = unicode(1)\n", id="global binding stays"),
    Case("class C(object):\n    unicode = 1\n    def m(self):\n        return unicode(2)\nprint(C().m())\n",
         "import six\nclass C(object):\n    unicode = 1\n    def m(self):\n        return six.text_type(2)\n"
         "print(C().m())\n", output="2\n",
         id="class attribute does not shadow inside methods"),
    Case("f(unicode=True)\n", "f(unicode=True)\n", id="keyword argument stays"),
    # ``if isinstance(v, unicode): v = v.encode(...)`` made a native str on
    # 2.7 (ZConfig 2.9's identifiers): six.ensure_str makes one on 2.7 and
    # 3.x alike, and the assumption is listed
    Case("def native(value):\n    if isinstance(value, unicode):\n        value = value.encode('ascii')\n"
         "    return value\n"
         "print([native(v) == 'ab' and type(native(v)) is str for v in (u'ab', 'ab')])\n",
         "import six\ndef native(value):\n    if isinstance(value, six.text_type):\n"
         "        value = six.ensure_str(value, 'ascii')\n    return value\n"
         "print([native(v) == 'ab' and type(native(v)) is str for v in (u'ab', 'ab')])\n",
         output="[True, True]\n", review="native str", id="text made a native str after a unicode check"),
    Case("def native(value, ok=True):\n    if ok and isinstance(value, unicode): value = value.encode("
         "'utf-8', errors='strict')\n    return value\n"
         "print(native(u'caf\\xe9') == u'caf\\xe9'.encode('utf-8') or native(u'caf\\xe9') == u'caf\\xe9')\n",
         "import six\ndef native(value, ok=True):\n    if ok and isinstance(value, six.text_type): value = "
         "six.ensure_str(value, 'utf-8', errors='strict')\n    return value\n"
         "print(native(u'caf\\xe9') == u'caf\\xe9'.encode('utf-8') or native(u'caf\\xe9') == u'caf\\xe9')\n",
         output="True\n", review="native str", id="native str after a check joined by and"),
    Case("from ctypes import c_char_p\ndef native(value):\n    if isinstance(value, unicode):\n"
         "        value = value.encode('ascii')\n    return c_char_p(value)\n",
         "import six\nfrom ctypes import c_char_p\ndef native(value):\n    if isinstance(value, six.text_type):\n"
         "        value = value.encode('ascii')\n    return c_char_p(value)\n",
         review="native str", id="bytes for ctypes stay bytes"),
    # other shapes keep .encode() and are listed
    Case("def f(value):\n    if isinstance(value, unicode):\n        value = value.encode('ascii')\n"
         "        log(value)\n    return value\n",
         "import six\ndef f(value):\n    if isinstance(value, six.text_type):\n"
         "        value = value.encode('ascii')\n        log(value)\n    return value\n",
         review="native str", id="more than the assignment in the block"),
    Case("def f(value):\n    if not isinstance(value, unicode):\n        value = value.encode('ascii')\n"
         "    return value\n",
         "import six\ndef f(value):\n    if not isinstance(value, six.text_type):\n"
         "        value = value.encode('ascii')\n    return value\n",
         review="native str", id="negated check"),
    Case("def f(value):\n    if isinstance(value, (str, unicode)):\n        value = value.encode('ascii')\n"
         "    return value\n",
         "import six\ndef f(value):\n    if isinstance(value, (str, six.text_type)):\n"
         "        value = value.encode('ascii')\n    return value\n",
         review="native str", id="str checked too"),
    Case("def f(value):\n    if isinstance(value, unicode):\n        value = value.encode()\n"
         "    return value\n",
         "import six\ndef f(value):\n    if isinstance(value, six.text_type):\n"
         "        value = value.encode()\n    return value\n",
         review="native str", id="default encoding"),
]

test_rewrite = rewrite_tests("unicode", CASES)
test_runtime = runtime_tests(CASES)
