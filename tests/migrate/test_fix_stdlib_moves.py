"""stdlib_moves: renamed and split standard library modules -> six.moves."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    # -- no change ---------------------------------------------------------
    Case("import os\nprint(os.sep == os.sep)\n", "import os\nprint(os.sep == os.sep)\n",
         output="True\n", id="unrelated module"),
    Case("obj.urllib2 = 1\nQueue = 3\n", "obj.urllib2 = 1\nQueue = 3\n", id="names, not imports"),
    Case(
        """
        try:
            import cPickle as pickle
        except ImportError:
            import pickle
        print(pickle.loads(pickle.dumps(3)))
        """,
        """
        try:
            import cPickle as pickle
        except ImportError:
            import pickle
        print(pickle.loads(pickle.dumps(3)))
        """,
        output="3\n",
        id="already guarded import",
    ),
    Case(
        """
        try:
            from urlparse import parse_qsl
        except ImportError:
            # an older Python 2 had it in cgi
            from cgi import parse_qsl
        print(parse_qsl('k=v&w=x'))
        """,
        """
        try:
            from urlparse import parse_qsl
        except ImportError:
            # an older Python 2 had it in cgi
            from six.moves.urllib.parse import parse_qsl
        print(parse_qsl('k=v&w=x'))
        """,
        output="[('k', 'v'), ('w', 'x')]\n",
        id="a fallback between two Python 2 modules still moves",
    ),
    Case("from urllib import *\n", "from urllib import *\n", review="from urllib import *",
         id="star import reviewed"),
    Case("import dbm\n", "import dbm\n", review="ndbm", id="dbm reviewed"),
    Case(
        "import urllib\nprint(urllib.basejoin('http://a/b', 'c'))\n",
        "import urllib\nprint(urllib.basejoin('http://a/b', 'c'))\n",
        review="urllib.basejoin has no six.moves counterpart",
        id="unknown attribute keeps the import",
    ),
    # -- rewrites ------------------------------------------------------------
    Case(
        "import Queue\nq = Queue.Queue()\nq.put(1)\nprint(q.get())\n",
        "from six.moves import queue\nq = queue.Queue()\nq.put(1)\nprint(q.get())\n",
        output="1\n",
        id="import renamed, uses follow",
    ),
    Case(
        "import Queue\nqueue = Queue.Queue()\nqueue.put(2)\nprint(queue.get())\n",
        "from six.moves import queue as Queue\nqueue = Queue.Queue()\nqueue.put(2)\n"
        "print(queue.get())\n",
        output="2\n",
        id="new name taken: alias keeps the old one",
    ),
    Case(
        "import cPickle as pickle\nprint(pickle.loads(pickle.dumps([1, 2])))\n",
        "from six.moves import cPickle as pickle\nprint(pickle.loads(pickle.dumps([1, 2])))\n",
        output="[1, 2]\n",
        id="import as",
    ),
    Case(
        """
        import urllib, urlparse
        print(urllib.quote('a b/c'))
        print(urllib.urlencode([('q', 'x y')]))
        print(urlparse.urlparse('http://h/p?q=1').query)
        """,
        """
        import six
        from six.moves.urllib import parse as urlparse
        print(six.moves.urllib.parse.quote('a b/c'))
        print(six.moves.urllib.parse.urlencode([('q', 'x y')]))
        print(urlparse.urlparse('http://h/p?q=1').query)
        """,
        output="a%20b/c\nq=x+y\nq=1\n",
        id="urllib split, urlparse kept as a name",
    ),
    Case(
        """
        from urllib2 import Request, HTTPError, URLError
        print(Request('http://example.com/x').get_full_url())
        print(issubclass(HTTPError, URLError))
        """,
        """
        from six.moves.urllib.request import Request
        from six.moves.urllib.error import HTTPError, URLError
        print(Request('http://example.com/x').get_full_url())
        print(issubclass(HTTPError, URLError))
        """,
        output="http://example.com/x\nTrue\n",
        id="from-import split over two modules",
    ),
    Case(
        """
        def quoted(text):
            import urllib  # quoting only
            return urllib.quote_plus(text)
        print(quoted('a b'))
        """,
        """
        import six
        def quoted(text):
            return six.moves.urllib.parse.quote_plus(text)
        print(quoted('a b'))
        """,
        output="a+b\n",
        id="import inside a function",
    ),
    Case(
        """
        from ConfigParser import RawConfigParser
        import htmlentitydefs, httplib
        parser = RawConfigParser()
        parser.add_section('s')
        print(parser.sections())
        print(htmlentitydefs.name2codepoint['amp'])
        print(httplib.NOT_FOUND == 404)
        """,
        """
        from six.moves.configparser import RawConfigParser
        from six.moves import html_entities
        from six.moves import http_client
        parser = RawConfigParser()
        parser.add_section('s')
        print(parser.sections())
        print(html_entities.name2codepoint['amp'])
        print(http_client.NOT_FOUND == 404)
        """,
        output="['s']\n38\nTrue\n",
        review="HTTPStatus.NAME",
        id="several moved modules",
    ),
    Case(
        """
        import __builtin__
        print(__builtin__.len('abc'))
        """,
        """
        from six.moves import builtins
        print(builtins.len('abc'))
        """,
        output="3\n",
        id="__builtin__",
    ),
    Case(
        """
        import StringIO
        buf = StringIO.StringIO()
        buf.write('hello')
        print(buf.getvalue())
        """,
        """
        import six
        buf = six.StringIO()
        buf.write('hello')
        print(buf.getvalue())
        """,
        output="hello\n",
        review="text vs bytes unknown",
        id="StringIO without a literal: reviewed",
    ),
    Case(
        """
        import cStringIO
        print(cStringIO.StringIO(b'abc').read() == b'abc')
        """,
        """
        import io
        print(io.BytesIO(b'abc').read() == b'abc')
        """,
        output="True\n",
        id="cStringIO with bytes literal",
    ),
    Case(
        """
        import cStringIO
        import pkgutil
        stream = cStringIO.StringIO(pkgutil.get_data('json', '__init__.py'))
        print(type(stream.read()) is str)
        """,
        """
        import six
        import pkgutil
        stream = six.moves.cStringIO(six.ensure_str(pkgutil.get_data('json', '__init__.py')))
        print(type(stream.read()) is str)
        """,
        output="True\n",
        review="native str stream",
        id="cStringIO of a loader's bytes: a native str stream",
    ),
    Case(
        """
        from UserDict import UserDict
        d = UserDict()
        d['a'] = 1
        print(list(d.keys()))
        """,
        """
        from six.moves import UserDict
        d = UserDict()
        d['a'] = 1
        print(list(d.keys()))
        """,
        output="['a']\n",
        id="UserDict",
    ),
    Case(
        """
        import commands
        print(commands.getoutput('echo hi'))
        """,
        """
        try:
            import commands
        except ImportError:  # Python 3
            import subprocess as commands
        print(commands.getoutput('echo hi'))
        """,
        output="hi\n",
        id="commands guarded",
    ),
    Case(
        """
        from commands import getoutput, getstatusoutput
        print(getstatusoutput('true'))
        print(getstatusoutput('echo out; exit 3'))
        print(getoutput('echo hi'))
        """,
        """
        try:
            from commands import getoutput, getstatusoutput
        except ImportError:  # Python 3
            from subprocess import getoutput
            from subprocess import getstatusoutput as _exit_code_and_output

            def getstatusoutput(cmd):
                # commands gave the raw wait status: exit code * 256, or the signal
                code, output = _exit_code_and_output(cmd)
                return (code * 256 if code >= 0 else -code), output
        print(getstatusoutput('true'))
        print(getstatusoutput('echo out; exit 3'))
        print(getoutput('echo hi'))
        """,
        output="(0, '')\n(768, 'out')\nhi\n",
        id="getstatusoutput keeps Python 2's status",
    ),
    Case(
        "import commands\nprint(commands.getstatusoutput('true')[0])\n",
        "try:\n    import commands\nexcept ImportError:  # Python 3\n    import subprocess as commands\n"
        "print(commands.getstatusoutput('true')[0])\n",
        output="0\n",
        review="raw wait status",
        id="module getstatusoutput reviewed",
    ),
    Case(
        "import urllib2\r\nif True:\r\n    print(urllib2.URLError.__name__)\r\n",
        "import six\r\nif True:\r\n    print(six.moves.urllib.error.URLError.__name__)\r\n",
        output="URLError\n",
        id="CRLF kept",
    ),
    Case(
        """
        import os; import thread; print(thread.get_ident() > 0)
        """,
        """
        import os
        from six.moves import _thread
        print(_thread.get_ident() > 0)
        """,
        output="True\n",
        id="semicolons",
    ),
    Case(
        """
        import ConfigParser
        parser = ConfigParser.SafeConfigParser()
        """,
        """
        from six.moves import configparser
        parser = configparser.SafeConfigParser()
        """,
        review="SafeConfigParser is gone in Python 3.12",
        id="SafeConfigParser reviewed",
    ),
]

CASES += [
    Case(
        """
        from email.MIMEText import MIMEText
        import email.Utils as eutils
        print(MIMEText('hi')['Content-Type'])
        print(eutils.quote('a"b'))
        """,
        """
        from email.mime.text import MIMEText
        import email.utils as eutils
        print(MIMEText('hi')['Content-Type'])
        print(eutils.quote('a"b'))
        """,
        output='text/plain; charset="us-ascii"\na\\"b\n',
        id="email modules",
    ),
    Case("import email.Utils\n", "import email.Utils\n", review="Python 3 has email.utils only",
         id="dotted email import reviewed"),
]

CASES.append(Case(
    "import SocketServer, BaseHTTPServer, SimpleHTTPServer, CGIHTTPServer\nimport Cookie, cookielib, HTMLParser, xmlrpclib, SimpleXMLRPCServer\nimport copy_reg, robotparser, dummy_thread, UserList, UserString\nnames = [SocketServer.TCPServer, BaseHTTPServer.HTTPServer,\n         SimpleHTTPServer.SimpleHTTPRequestHandler, CGIHTTPServer.CGIHTTPRequestHandler,\n         Cookie.SimpleCookie, cookielib.CookieJar, HTMLParser.HTMLParser,\n         xmlrpclib.ServerProxy, SimpleXMLRPCServer.SimpleXMLRPCServer,\n         robotparser.RobotFileParser, UserList.UserList, UserString.UserString]\nprint(' '.join(name.__name__ for name in names))\nprint('%s %s' % (copy_reg.dispatch_table is not None, dummy_thread.get_ident() is not None))\n",
    "import six\nfrom six.moves import socketserver\nfrom six.moves import BaseHTTPServer\nfrom six.moves import SimpleHTTPServer\nfrom six.moves import CGIHTTPServer\nfrom six.moves import http_cookies\nfrom six.moves import http_cookiejar\nfrom six.moves import html_parser\nfrom six.moves import xmlrpc_client\nfrom six.moves import xmlrpc_server\nfrom six.moves import copyreg\nfrom six.moves import urllib_robotparser\nfrom six.moves import _dummy_thread\nnames = [socketserver.TCPServer, BaseHTTPServer.HTTPServer,\n         SimpleHTTPServer.SimpleHTTPRequestHandler, CGIHTTPServer.CGIHTTPRequestHandler,\n         http_cookies.SimpleCookie, http_cookiejar.CookieJar, html_parser.HTMLParser,\n         xmlrpc_client.ServerProxy, xmlrpc_server.SimpleXMLRPCServer,\n         urllib_robotparser.RobotFileParser, six.moves.UserList, six.moves.UserString]\nprint(' '.join(name.__name__ for name in names))\nprint('%s %s' % (copyreg.dispatch_table is not None, _dummy_thread.get_ident() is not None))\n",
    output="TCPServer HTTPServer SimpleHTTPRequestHandler CGIHTTPRequestHandler SimpleCookie "
    "CookieJar HTMLParser ServerProxy SimpleXMLRPCServer RobotFileParser UserList UserString\n"
    "True True\n",
    id="the other moved modules",
))

CASES += [
    Case(
        """
        import Queue; import thread
        from urllib import quote; from urllib2 import URLError
        if True: import urllib2; import os
        print(Queue.Queue.__name__ + ' ' + quote('a b') + ' ' + URLError.__name__)
        print(thread.get_ident() > 0 and urllib2.HTTPError.__name__)
        """,
        """
        import six
        from six.moves import queue
        from six.moves import _thread
        from six.moves.urllib.parse import quote; from six.moves.urllib.error import URLError
        if True: import os
        print(queue.Queue.__name__ + ' ' + quote('a b') + ' ' + URLError.__name__)
        print(_thread.get_ident() > 0 and six.moves.urllib.error.HTTPError.__name__)
        """,
        output="Queue a%20b URLError\nHTTPError\n",
        id="several imports on one line",
    ),
    Case(
        "if True: import commands\n", "if True: import commands\n",
        review="body of a one-line statement", id="guarded import cannot go inline",
    ),
]

CASES.append(Case(
    """
    import sys
    if sys.version_info[0] == 2:
        from urllib import quote
    else:
        from urllib.parse import quote
    print(quote('a b'))
    """,
    """
    import sys
    if sys.version_info[0] == 2:
        from urllib import quote
    else:
        from urllib.parse import quote
    print(quote('a b'))
    """,
    output="a%20b\n",
    id="imports under a version test are left alone",
))

CASES += [
    Case(
        """
        import md5
        import sha
        print(md5.new(b'a').hexdigest())
        print(sha.sha(b'a').hexdigest()[:8])
        """,
        """
        import hashlib
        print(hashlib.md5(b'a').hexdigest())
        print(hashlib.sha1(b'a').hexdigest()[:8])
        """,
        output="0cc175b9c0f1b6a831c399e269772661\n86f7e437\n",
        id="md5 and sha -> hashlib",
    ),
    Case(
        "from md5 import new as md5_new\ndigest = md5_new(name).hexdigest()\n",
        "from hashlib import md5 as md5_new\ndigest = md5_new(name).hexdigest()\n",
        review="hashlib needs bytes",
        id="from md5 import new",
    ),
    Case(
        "import md5\nprint(md5.new(email).hexdigest())\n",
        "import hashlib\nprint(hashlib.md5(email).hexdigest())\n",
        review="encode text arguments",
        id="text argument reviewed",
    ),
]

# Modules Python 3 removed with no six.moves name: the import stays and says
# since when (BeautifulSoup 3 imports sgmllib, python-gflags cgi).
CASES += [
    Case("from sgmllib import SGMLParser\n", "from sgmllib import SGMLParser\n",
         review="sgmllib was removed in Python 3.0", id="sgmllib reviewed"),
    Case("import cgi\n", "import cgi\n", review="cgi was removed in Python 3.13", id="cgi reviewed"),
    Case("import asyncore, os\n", "import asyncore, os\n",
         review="asyncore was removed in Python 3.12", id="asyncore reviewed"),
    # cgi.parse_qs and parse_qsl are urlparse's functions under older names
    # (oauth2 1.5 imports them from cgi)
    Case("from cgi import parse_qs, parse_qsl\nprint(parse_qs('a=1'))\nprint(parse_qsl('b=2'))\n",
         "from six.moves.urllib.parse import parse_qs, parse_qsl\nprint(parse_qs('a=1'))\n"
         "print(parse_qsl('b=2'))\n",
         output="{'a': ['1']}\n[('b', '2')]\n", id="cgi.parse_qs"),
    Case("from cgi import parse_qs, FieldStorage\n", "from cgi import parse_qs, FieldStorage\n",
         review="cgi was removed in Python 3.13", id="cgi.parse_qs with other names"),
    # cgi.escape (gone in 3.8) is xml.sax.saxutils.escape, which 2.7 has too,
    # with the double quote as an extra entity for quote=True (WTForms 1.0
    # imports it from cgi, python-gflags 2.0 calls cgi.escape).
    Case(
        "from cgi import escape\nprint(escape('<a href=\"x\">&'))\nprint(escape('\"q\"', quote=True))\n"
        "print(escape('\"q\"', False))\n",
        "from xml.sax.saxutils import escape\nprint(escape('<a href=\"x\">&'))\n"
        "print(escape('\"q\"', {'\"': '&quot;'}))\nprint(escape('\"q\"'))\n",
        output='&lt;a href="x"&gt;&amp;\n&quot;q&quot;\n"q"\n',
        id="from cgi import escape",
    ),
    Case(
        "import cgi\ndef show(text, quote):\n    return cgi.escape(text, quote)\n"
        "print(show('<\">', 1) + cgi.escape('&', True))\nprint(cgi.parse_qs('a=1'))\n",
        "import six\nfrom xml.sax import saxutils\n"
        "def show(text, quote):\n    return saxutils.escape(text, {'\"': '&quot;'} if quote else {})\n"
        "print(show('<\">', 1) + saxutils.escape('&', {'\"': '&quot;'}))\n"
        "print(six.moves.urllib.parse.parse_qs('a=1'))\n",
        output="&lt;&quot;&gt;&amp;\n{'a': ['1']}\n",
        id="cgi.escape and cgi.parse_qs",
    ),
    Case("from cgi import escape\nquoting = escape\n", "from cgi import escape\nquoting = escape\n",
         review="cgi.escape used as a value", id="cgi.escape passed on"),
    Case("import cgi\nprint(cgi.escape('a', *flags))\n", "import cgi\nprint(cgi.escape('a', *flags))\n",
         review="cgi.escape(...) with arguments", id="cgi.escape with star arguments"),
    Case("import cgi\nform = cgi.FieldStorage()\nprint(cgi.escape('a'))\n",
         "import cgi\nform = cgi.FieldStorage()\nprint(cgi.escape('a'))\n",
         review="cgi was removed in Python 3.13", id="cgi with other uses"),
    Case("saxutils = None\nimport cgi\nprint(cgi.escape('a'))\n",
         "saxutils = None\nimport cgi\nprint(cgi.escape('a'))\n",
         review="saxutils", id="cgi.escape, saxutils taken"),
    # The uses that have a six.moves name move even so (oauth2 1.5 calls
    # urllib.quote beside urllib.splittype): only the reviewed ones fail on 3.x
    Case(
        "import urllib\nprint(urllib.quote('a b'))\nprint(urllib.basejoin('http://a/b', 'c'))\n",
        "import six\nimport urllib\nprint(six.moves.urllib.parse.quote('a b'))\n"
        "print(urllib.basejoin('http://a/b', 'c'))\n",
        review="urllib.basejoin has no six.moves counterpart",
        id="known attributes move beside an unknown one",
    ),
    Case("try:\n    import cgi\nexcept ImportError:\n    cgi = None\n",
         "try:\n    import cgi\nexcept ImportError:\n    cgi = None\n", id="guarded removed module"),
]


test_rewrite = rewrite_tests("stdlib_moves", CASES)
test_runtime = runtime_tests(CASES)
