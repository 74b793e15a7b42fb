"""The decimal_int fixer: an integral Decimal handed to datetime's classes."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        "from datetime import time\nfrom decimal import Decimal\n"
        "micro = Decimal('0.25') * 1000000\nprint(time(1, 2, 3, micro.to_integral()))\n",
        "from datetime import time\nfrom decimal import Decimal\n"
        "micro = Decimal('0.25') * 1000000\nprint(time(1, 2, 3, int(micro.to_integral())))\n",
        output="01:02:03.250000\n",
    ),
    Case(
        "import datetime\nfrom decimal import Decimal\n"
        "print(datetime.datetime(2012, 1, 2, microsecond=(Decimal('7.4')).to_integral_value()))\n",
        "import datetime\nfrom decimal import Decimal\n"
        "print(datetime.datetime(2012, 1, 2, microsecond=int((Decimal('7.4')).to_integral_value())))\n",
        output="2012-01-02 00:00:00.000007\n",
        id="module attribute, keyword argument",
    ),
    Case("from decimal import Decimal\ndef time(*args):\n    return args\n"
         "print(time(Decimal('2.5').to_integral()))\n",
         "from decimal import Decimal\ndef time(*args):\n    return args\n"
         "print(time(Decimal('2.5').to_integral()))\n",
         output="(Decimal('2'),)\n", id="another function called time stays"),
    Case("from datetime import date\nd = date(2012, 1, n)\n", "from datetime import date\nd = date(2012, 1, n)\n",
         id="other arguments stay"),
    Case("from datetime import time\nint = float\nt = time(1, x.to_integral())\n",
         "from datetime import time\nint = float\nt = time(1, x.to_integral())\n",
         review="int is rebound", id="int rebound"),
]

test_rewrite = rewrite_tests("decimal_int", CASES)
test_runtime = runtime_tests(CASES)
