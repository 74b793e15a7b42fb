"""Generated-request checks of the WSGI application.

``families`` holds the application under test, the request generators
(one per route family) and the property every answer must keep;
``run`` drives a large fixed-seed run of all families from the command
line (``tox -e fuzz``); ``tests/test_fuzz_properties.py`` runs the same
families with a small example count in the default suite.
"""
