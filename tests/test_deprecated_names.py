# -*- coding: utf-8 -*-
"""Names Flask 1.1 kept only for old code warn when used."""
import warnings

import pytest

import flaskcompat


@pytest.mark.parametrize(
    "use",
    [
        lambda flag: bool(flag),
        lambda flag: flag == True,  # noqa: E712 - old code compares it
        lambda flag: flag != False,  # noqa: E712
    ],
    ids=["truth", "equal", "not-equal"],
)
def test_json_available_is_true_and_warns(use):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert use(flaskcompat.json_available) is True
    assert [w.category for w in caught] == [DeprecationWarning]
    assert "json_available" in str(caught[0].message)


def test_json_available_shows_its_value_without_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert repr(flaskcompat.json_available) == "True"
