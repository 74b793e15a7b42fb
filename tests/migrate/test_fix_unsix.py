# migrate-tests: tool-only
"""unsix (target 3): what pyupgrade leaves of six."""
from casekit import Case, migrate
from target3kit import target3_tests

CASES = [
    # -- unsix: no change ------------------------------------------------------------
    Case("import os\nprint(os.sep == os.sep)\n", "import os\nprint(os.sep == os.sep)\n",
         output="True\n", id="no six"),
    # -- unsix: rewrites -------------------------------------------------------------
    Case(
        """
        import six
        from six.moves import range
        for i in range(2):
            print(six.text_type(i))
        """,
        """
        for i in range(2):
            print(str(i))
        """,
        output="0\n1\n",
        id="moves builtin and unused import six",
    ),
    Case(
        """
        from six.moves import html_entities, http_client
        print(html_entities.name2codepoint['amp'], http_client.OK == 200)
        """,
        """
        from html import entities as html_entities
        from http import client as http_client
        print(html_entities.name2codepoint['amp'], http_client.OK == 200)
        """,
        output="38 True\n",
        id="moved modules keep their local names",
    ),
    Case(
        """
        import six
        print(six.moves.urllib.parse.quote('a b'))
        print(six.moves.cPickle.loads(six.moves.cPickle.dumps([1])))
        """,
        """
        import urllib.parse
        import pickle
        print(urllib.parse.quote('a b'))
        print(pickle.loads(pickle.dumps([1])))
        """,
        output="a%20b\n[1]\n",
        id="six.moves attribute paths",
    ),
    Case(
        """
        from six.moves import urllib
        print(urllib.parse.unquote('a%20b'))
        """,
        """
        import urllib.parse
        print(urllib.parse.unquote('a%20b'))
        """,
        output="a b\n",
        id="from six.moves import urllib",
    ),
    Case(
        """
        import six
        def show(value):
            text = six.ensure_text(value)
            data = six.ensure_binary(value, 'latin-1')
            return text, data
        print(show(b'caf\\xc3\\xa9'))
        print(show('abc'))
        print(six.ensure_str(b'x'))
        """,
        """
        def show(value):
            text = (value.decode('utf-8') if isinstance(value, bytes) else value)
            data = (value.encode('latin-1') if isinstance(value, str) else value)
            return text, data
        print(show(b'caf\\xc3\\xa9'))
        print(show('abc'))
        print(b'x'.decode('utf-8'))
        """,
        output="('caf\u00e9', b'caf\\xc3\\xa9')\n('abc', b'abc')\nx\n",
        id="ensure_text / ensure_binary / ensure_str",
    ),
    Case(
        """
        import six
        buf = six.StringIO()
        buf.write(u'hi')
        print(buf.getvalue(), six.PY2, six.PY3)
        """,
        """
        import io
        buf = io.StringIO()
        buf.write('hi')
        print(buf.getvalue(), False, True)
        """,
        output="hi False True\n",
        id="StringIO and PY2/PY3",
    ),
    Case(
        """
        import six
        @six.python_2_unicode_compatible
        class Tag(object):
            def __str__(self):
                return u'tag'
        print(str(Tag()))
        """,
        """
        class Tag:
            def __str__(self):
                return 'tag'
        print(str(Tag()))
        """,
        output="tag\n",
        id="python_2_unicode_compatible",
    ),
    Case(
        """
        import six
        from six import string_types, iteritems, ensure_text
        d = {'a': 1}
        for key, value in iteritems(d):
            print(isinstance(key, string_types), ensure_text(key))
        """,
        """
        d = {'a': 1}
        for key, value in d.items():
            print(isinstance(key, str), (key.decode('utf-8') if isinstance(key, bytes) else key))
        """,
        output="True a\n",
        id="names imported from six",
    ),
    Case(
        """
        import six
        def twice(f):
            return six.ensure_text(f())
        print(six.reraise)
        """,
        """
        import six
        def twice(f):
            return six.ensure_text(f())
        print(six.reraise)
        """,
        review="six.ensure_text(...) of an expression",
        id="unknown uses reviewed, import kept",
    ),
]

CASES.append(Case(
    "import six\nfrom six.moves import socketserver\nfrom six.moves import BaseHTTPServer\nfrom six.moves import SimpleHTTPServer\nfrom six.moves import CGIHTTPServer\nfrom six.moves import http_cookies\nfrom six.moves import http_cookiejar\nfrom six.moves import html_parser\nfrom six.moves import xmlrpc_client\nfrom six.moves import xmlrpc_server\nfrom six.moves import copyreg\nfrom six.moves import urllib_robotparser\nfrom six.moves import _dummy_thread\nnames = [socketserver.TCPServer, BaseHTTPServer.HTTPServer,\n         SimpleHTTPServer.SimpleHTTPRequestHandler, CGIHTTPServer.CGIHTTPRequestHandler,\n         http_cookies.SimpleCookie, http_cookiejar.CookieJar, html_parser.HTMLParser,\n         xmlrpc_client.ServerProxy, xmlrpc_server.SimpleXMLRPCServer,\n         urllib_robotparser.RobotFileParser, six.moves.UserList, six.moves.UserString]\nprint(' '.join(name.__name__ for name in names))\nprint(copyreg.dispatch_table is not None and _dummy_thread.get_ident() is not None)\n",
    "import collections\nimport socketserver\nfrom http import server as BaseHTTPServer\nfrom http import server as SimpleHTTPServer\nfrom http import server as CGIHTTPServer\nfrom http import cookies as http_cookies\nfrom http import cookiejar as http_cookiejar\nfrom html import parser as html_parser\nfrom xmlrpc import client as xmlrpc_client\nfrom xmlrpc import server as xmlrpc_server\nimport copyreg\nfrom urllib import robotparser as urllib_robotparser\nimport _thread as _dummy_thread\nnames = [socketserver.TCPServer, BaseHTTPServer.HTTPServer,\n         SimpleHTTPServer.SimpleHTTPRequestHandler, CGIHTTPServer.CGIHTTPRequestHandler,\n         http_cookies.SimpleCookie, http_cookiejar.CookieJar, html_parser.HTMLParser,\n         xmlrpc_client.ServerProxy, xmlrpc_server.SimpleXMLRPCServer,\n         urllib_robotparser.RobotFileParser, collections.UserList, collections.UserString]\nprint(' '.join(name.__name__ for name in names))\nprint(copyreg.dispatch_table is not None and _dummy_thread.get_ident() is not None)\n",
    output="TCPServer HTTPServer SimpleHTTPRequestHandler CGIHTTPRequestHandler SimpleCookie "
    "CookieJar HTMLParser ServerProxy SimpleXMLRPCServer RobotFileParser UserList UserString\n"
    "True\n",
    id="six.moves modules and attributes",
))

CASES.append(Case(
    "import six; from six.moves import html_entities; print(six.text_type(1))\n"
    "print(html_entities.name2codepoint['lt'])\n",
    "from html import entities as html_entities; print(str(1))\n"
    "print(html_entities.name2codepoint['lt'])\n",
    output="1\n60\n",
    id="imports sharing a line",
))

CASES.append(Case(
    """
    import six
    iteritems = six.iteritems
    to_string = six.python_2_unicode_compatible
    print(sorted(iteritems({'a': 1})), list(map(six.iterkeys, [{'k': 0}])) != [])
    @to_string
    class A(object):
        def __str__(self):
            return 'a'
    print(str(A()))
    """,
    """
    iteritems = lambda d, **kw: iter(d.items(**kw))
    to_string = lambda klass: klass
    print(sorted(iteritems({'a': 1})), list(map(lambda d, **kw: iter(d.keys(**kw)), [{'k': 0}])) != [])
    @to_string
    class A:
        def __str__(self):
            return 'a'
    print(str(A()))
    """,
    output="[('a', 1)] True\na\n",
    id="six functions used as values",
))

CASES.append(Case(
    """
    import sys
    import six
    reraise = six.reraise
    def fail():
        raise KeyError('k')
    try:
        try:
            fail()
        except KeyError:
            tp, value, tb = sys.exc_info()
            reraise(ValueError, ValueError('v'), tb)
    except ValueError as exc:
        import traceback
        print(repr(exc), traceback.extract_tb(exc.__traceback__)[-1][2])
    try:
        reraise(TypeError, None)
    except TypeError as exc:
        print(type(exc).__name__)
    """,
    """
    import sys
    def reraise(tp, value, tb=None):
        if value is None:
            value = tp()
        if value.__traceback__ is not tb:
            raise value.with_traceback(tb)
        raise value
    def fail():
        raise KeyError('k')
    try:
        try:
            fail()
        except KeyError:
            tp, value, tb = sys.exc_info()
            reraise(ValueError, ValueError('v'), tb)
    except ValueError as exc:
        import traceback
        print(repr(exc), traceback.extract_tb(exc.__traceback__)[-1][2])
    try:
        reraise(TypeError, None)
    except TypeError as exc:
        print(type(exc).__name__)
    """,
    output="ValueError('v') fail\nTypeError\n",
    id="reraise bound to a name becomes a def",
))

test_rewrite, test_runtime = target3_tests("unsix", CASES)


def test_unsix_is_target_3_only():
    assert migrate("import six\nprint(six.PY3)\n", "unsix").source == "import six\nprint(six.PY3)\n"
