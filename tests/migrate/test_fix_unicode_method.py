"""unicode_method: __unicode__ -> __str__ under @six.python_2_unicode_compatible."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        """
        class A(object):
            def __str__(self):
                return 'a'
        print(str(A()))
        """,
        """
        class A(object):
            def __str__(self):
                return 'a'
        print(str(A()))
        """,
        output="a\n",
        id="no __unicode__",
    ),
    Case(
        """
        def __unicode__(self):
            return u'x'
        print(__unicode__(None))
        """,
        """
        def __unicode__(self):
            return u'x'
        print(__unicode__(None))
        """,
        output="x\n",
        id="module-level function is not a method",
    ),
    Case(
        """
        class A(object):
            def __unicode__(self):
                return u'caf\\xe9'
        print(u'%s' % A() == u'caf\\xe9')
        """,
        """
        import six
        @six.python_2_unicode_compatible
        class A(object):
            def __str__(self):
                return u'caf\\xe9'
        print(u'%s' % A() == u'caf\\xe9')
        """,
        output="True\n",
        id="renamed and decorated",
    ),
    Case(
        """
        class Tag(object):
            \"\"\"A tag.\"\"\"

            def __init__(self, name):
                self.name = name

            def __str__(self):
                return self.__unicode__().encode('utf-8')

            def __unicode__(self):
                return u'<%s>' % self.name
        print(u'%s' % Tag(u'b'))
        """,
        """
        import six
        @six.python_2_unicode_compatible
        class Tag(object):
            \"\"\"A tag.\"\"\"

            def __init__(self, name):
                self.name = name

            def __str__(self):
                return u'<%s>' % self.name
        print(u'%s' % Tag(u'b'))
        """,
        output="<b>\n",
        id="encoding __str__ replaced",
    ),
    Case(
        """
        def make():
            @staticmethod
            def helper():
                pass

            class Inner:
                def __unicode__(self):
                    return u'inner'
            return Inner
        print(u'%s' % make()())
        """,
        """
        import six
        def make():
            @staticmethod
            def helper():
                pass

            @six.python_2_unicode_compatible
            class Inner:
                def __unicode__(self):
                    return u'inner'
            return Inner
        print(u'%s' % make()())
        """.replace("def __unicode__", "def __str__"),
        output="inner\n",
        id="nested class",
    ),
    Case(
        """
        class B(object):
            def __unicode__(self):
                return u'text'
            def __str__(self):
                return 'bytes'
        """,
        """
        class B(object):
            def __unicode__(self):
                return u'text'
            def __str__(self):
                return 'bytes'
        """,
        review="defines both __str__ and __unicode__",
        id="own __str__ reviewed",
    ),
    Case(
        """
        from functools import total_ordering
        @total_ordering
        class C(object):
            def __unicode__(self):
                return u'c'
            def __lt__(self, other):
                return False
        print(u'%s' % C())
        """,
        """
        import six
        from functools import total_ordering
        @six.python_2_unicode_compatible
        @total_ordering
        class C(object):
            def __str__(self):
                return u'c'
            def __lt__(self, other):
                return False
        print(u'%s' % C())
        """,
        output="c\n",
        id="existing decorator kept below",
    ),
]

CASES.append(Case(
    "text = obj.__unicode__()\n", "text = obj.__unicode__()\n",
    review="use six.text_type(obj)", id="explicit __unicode__ call reviewed",
))

CASES.append(Case(
    """
    class Name(object):
        def __init__(self, text):
            self.text = text
        def __unicode__(self):
            return self.text
        __str__ = __unicode__
        __repr__ = __unicode__
    print(u'%s' % Name(u'ann'))
    print(str(Name(u'bob')))
    """,
    """
    import six
    @six.python_2_unicode_compatible
    class Name(object):
        def __init__(self, text):
            self.text = text
        def __str__(self):
            return self.text
        __repr__ = __str__
    print(u'%s' % Name(u'ann'))
    print(str(Name(u'bob')))
    """,
    output="ann\nbob\n",
    id="__str__ = __unicode__ alias",
))

CASES.append(Case(
    "class A(object):\n    __unicode__ = lambda self: u'a'\n",
    "class A(object):\n    __unicode__ = lambda self: u'a'\n",
    review="__unicode__ assigned in a class body",
    id="assigned __unicode__ reviewed",
))

test_rewrite = rewrite_tests("unicode_method", CASES)
test_runtime = runtime_tests(CASES)
