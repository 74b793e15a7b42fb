# migrate-tests: tool-only
"""unfuture (target 3): __future__ imports of features mandatory in Python 3."""
from casekit import Case
from target3kit import target3_tests

CASES = [
    Case(
        '"""Doc."""\nfrom __future__ import annotations\nprint(1)\n',
        '"""Doc."""\nfrom __future__ import annotations\nprint(1)\n',
        output="1\n", id="annotations stays"),
    Case(
        """
        #!/usr/bin/env python
        # -*- coding: utf-8 -*-
        from __future__ import absolute_import, division, print_function, unicode_literals

        print(1 / 2)
        """,
        """
        #!/usr/bin/env python

        print(1 / 2)
        """,
        output="0.5\n",
        id="mandatory features go, shebang stays (pyupgrade drops the utf-8 cookie)",
    ),
    Case(
        "from __future__ import division, annotations\nprint(3 / 2)\n",
        "from __future__ import annotations\nprint(3 / 2)\n",
        output="1.5\n",
        id="mixed list keeps the rest",
    ),
]


test_rewrite, test_runtime = target3_tests("unfuture", CASES)
