# migrate-tests: tool-only
"""flask3_werkzeug_urls (target flask3): urllib.parse instead of werkzeug.urls.

Werkzeug 3.0 removed these functions, so the interpreters the tool serves
cannot run the originals; the results run here, and each expected line is
what the original printed on Werkzeug 1.0.1.
"""
from afterkit import after_tests
from casekit import Case
from flask3kit import flask3_tests

CASES = [
    Case(
        """
        from werkzeug.urls import url_quote, url_quote_plus, url_unquote, iri_to_uri
        print(url_quote('a b/c:d@e'), url_quote_plus('a b&c'), url_unquote('%C3%A9'))
        print(iri_to_uri('/x'))
        """,
        """
        import urllib.parse
        from werkzeug.urls import iri_to_uri
        print(urllib.parse.quote('a b/c:d@e', safe='/:'), urllib.parse.quote_plus('a b&c'), urllib.parse.unquote('%C3%A9'))
        print(iri_to_uri('/x'))
        """,
        id="quoting; iri_to_uri stays",
    ),
    Case(
        """
        from werkzeug.urls import url_quote, url_unquote_plus
        print(url_quote('\\xe9 x', charset='latin-1', safe=''), url_unquote_plus('a+%2B'))
        """,
        """
        import urllib.parse
        print(urllib.parse.quote('\\xe9 x', encoding='latin-1', safe=''), urllib.parse.unquote_plus('a+%2B'))
        """,
        id="charset is encoding",
    ),
    Case(
        """
        from werkzeug import urls
        query = urls.url_encode([('q', 'a b'), ('page', '2')])
        print(query, urls.url_decode(query + '&flag').getlist('flag'))
        print(urls.url_join('http://h/a/b', 'c'))
        """,
        """
        import urllib.parse
        import werkzeug.datastructures
        from werkzeug import urls
        query = urllib.parse.urlencode([('q', 'a b'), ('page', '2')])
        print(query, werkzeug.datastructures.MultiDict(urllib.parse.parse_qsl(query + '&flag', keep_blank_values=True)).getlist('flag'))
        print(urllib.parse.urljoin('http://h/a/b', 'c'))
        """,
        id="encode, decode, join",
    ),
    Case(
        """
        from werkzeug.urls import url_encode
        def link(params):
            return '/search?' + url_encode(params)
        """,
        """
        from werkzeug.urls import url_encode
        def link(params):
            return '/search?' + url_encode(params)
        """,
        review="skips no None value",
        id="url_encode of a variable: review",
    ),
    Case(
        """
        from werkzeug.urls import url_parse
        host = url_parse('http://example.com:80/').host
        """,
        """
        from werkzeug.urls import url_parse
        host = url_parse('http://example.com:80/').host
        """,
        review="use urllib.parse.urlsplit",
        id="url_parse: review",
    ),
    Case(
        """
        from werkzeug.urls import url_quote
        quoters = [url_quote]
        """,
        """
        from werkzeug.urls import url_quote
        quoters = [url_quote]
        """,
        review="used without a call",
        id="not called: review",
    ),
]

test_rewrite, test_runtime = flask3_tests("flask3_werkzeug_urls", CASES)
test_after_runs = after_tests(CASES, [
    ("quoting; iri_to_uri stays", "", "a%20b/c:d%40e a+b%26c \xe9\n/x\n"),
    ("charset is encoding", "", "%E9%20x a +\n"),
    ("encode, decode, join", "", "q=a+b&page=2 ['']\nhttp://h/a/c\n"),
])
