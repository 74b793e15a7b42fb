# -*- coding: utf-8 -*-
"""The hypothesis settings of the property tests: a fixed number of
examples, drawn the same way on every run (derandomized, no example
database), with no deadline, since a loaded CI machine makes any one
example slow."""
from hypothesis import HealthCheck
from hypothesis import settings


def bounded(max_examples, filtering=False):
    """Settings for a property test of ``max_examples`` examples;
    ``filtering`` for a test whose strategies discard many draws."""
    checks = [HealthCheck.too_slow]
    if filtering:
        checks.append(HealthCheck.filter_too_much)
    return settings(
        max_examples=max_examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=checks,
    )
