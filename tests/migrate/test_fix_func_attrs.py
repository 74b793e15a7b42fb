"""func_attrs: func_name/func_code/im_func/im_self... -> dunder names."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        "class Job(object):\n    func_name = 'job'\nprint(Job().func_name)\n",
        "class Job(object):\n    func_name = 'job'\nprint(Job().func_name)\n",
        output="job\n",
        review="also defines an attribute",
        id="module's own attribute",
    ),
    Case(
        "func_name = 'f'\nprint(func_name)\n", "func_name = 'f'\nprint(func_name)\n",
        output="f\n", id="plain name",
    ),
    Case(
        """
        def greet(name='x'):
            "Says hi."
            return name
        print(greet.func_name)
        print(greet.func_defaults)
        print(greet.func_doc)
        print(greet.func_code.co_argcount)
        print(greet.func_globals is globals())
        print(greet.func_closure)
        greet.func_dict['tag'] = 1
        print(greet.tag)
        """,
        """
        def greet(name='x'):
            "Says hi."
            return name
        print(greet.__name__)
        print(greet.__defaults__)
        print(greet.__doc__)
        print(greet.__code__.co_argcount)
        print(greet.__globals__ is globals())
        print(greet.__closure__)
        greet.__dict__['tag'] = 1
        print(greet.tag)
        """,
        output="greet\n('x',)\nSays hi.\n1\nTrue\nNone\n1\n",
        id="function attributes",
    ),
    Case(
        """
        class A(object):
            def m(self):
                return 'm'
        a = A()
        bound = a.m
        print(bound.im_func(a))
        print(bound.im_self is a)
        """,
        """
        class A(object):
            def m(self):
                return 'm'
        a = A()
        bound = a.m
        print(bound.__func__(a))
        print(bound.__self__ is a)
        """,
        output="m\nTrue\n",
        id="method attributes",
    ),
    Case(
        "print(a.m.im_class)\n", "print(a.m.im_class)\n",
        review="no im_class on Python 3", id="im_class reviewed",
    ),
]

test_rewrite = rewrite_tests("func_attrs", CASES)
test_runtime = runtime_tests(CASES)
