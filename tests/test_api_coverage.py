# -*- coding: utf-8 -*-
"""The README's list of Flask 1.1's public modules and names is what the
package offers: each listed name exists, so the list cannot drift."""
import importlib
import io
import os
import re

import pytest

README = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "README.rst")
LINE = re.compile(r"^- ``(?P<module>[\w.]+)``: (?P<names>.+)$")


def listed_api():
    with io.open(README, encoding="utf-8") as f:
        text = f.read()
    block = text.split(".. api-list", 1)[1]
    api = []
    for line in block.splitlines():
        match = LINE.match(line)
        if match:
            names = re.findall(r"``([\w]+)``", match.group("names"))
            api.append((match.group("module"), names))
    return api


def test_readme_lists_every_flask_module():
    modules = set(module for module, _names in listed_api())
    flask_modules = set(
        "flaskcompat." + name
        for name in (
            "app blueprints cli config ctx debughelpers globals helpers json"
            " json.tag logging sessions signals templating testing views wrappers"
        ).split()
    )
    assert flask_modules | set(["flaskcompat"]) <= modules


@pytest.mark.parametrize(
    ("module", "names"), listed_api(), ids=[module for module, _ in listed_api()]
)
def test_listed_names_exist(module, names):
    mod = importlib.import_module(module)
    missing = [name for name in names if not hasattr(mod, name)]
    assert missing == []
    assert names, "an empty list for %s" % module
