# -*- coding: utf-8 -*-
"""One app on a mixed fleet: Python 2.7 hosts and Python 3 hosts behind one
load balancer, over one sqlite file and one SECRET_KEY.

``fleet_app.py`` is the app. This interpreter runs it in-process; the other
one (3.13, or the newest Python 3 found, when this is 2.7; 2.7 otherwise) runs
it as a subprocess, so every run of the suite crosses the two. Users and
cookies made on either host are used on both, and so are a session cookie and
password hashes written by the real Flask 0.10.1 / Werkzeug 0.9.6
(fixtures/flask010/, made once; its README says how).

The other interpreter comes from the sibling tox environment when there is
one (``.tox/py27`` next to ``.tox/py313``), else from the pyenv commands
``python2.7`` / ``python3.13`` with the checkout's dependencies pip-installed
once per test session into a temporary folder. Not finding it is a failure:
every machine that runs this suite has both.
"""
import ast
import base64
import binascii
import io
import json
import os
import subprocess
import sys
from datetime import datetime
from datetime import timedelta

import pytest

import fleet_app

TESTS = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(TESTS)
FIXTURE_FILE = os.path.join(TESTS, "fixtures", "flask010", "flask010.json")

with io.open(FIXTURE_FILE, encoding="utf-8") as _stream:
    OLD = json.loads(_stream.read())

PYTHON3_COMMANDS = ["python3.%d" % minor for minor in range(13, 5, -1)] + ["python3"]


def find_command(name):
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        path = os.path.join(folder, name)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


def probe(python, pythonpath, code):
    """``(ok, output)`` of running ``code`` with ``python``."""
    env = dict(os.environ)
    env.pop("PYTHONHOME", None)
    env["PYTHONPATH"] = os.pathsep.join(pythonpath)
    try:
        process = subprocess.Popen(
            [python, "-c", code], cwd=REPO, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )
    except OSError as exc:
        return False, str(exc)
    output = process.communicate()[0].decode("utf-8", "replace")
    return process.returncode == 0, output


def install_requires():
    """The checkout's own dependency list, read from setup.py."""
    # bytes: Python 2 refuses to parse text that carries a coding line
    with open(os.path.join(REPO, "setup.py"), "rb") as stream:
        tree = ast.parse(stream.read())
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "install_requires":
            return ast.literal_eval(node.value)
    raise AssertionError("setup.py has no install_requires")


IMPORTS = "import six, werkzeug, jinja2, itsdangerous, click, markupsafe, flaskcompat"


@pytest.fixture(scope="session")
def other_host(tmp_path_factory):
    """``(python, pythonpath)`` that run fleet_app.py on the other interpreter."""
    on_python2 = sys.version_info[0] == 2
    tox_env = "py313" if on_python2 else "py27"
    commands = PYTHON3_COMMANDS if on_python2 else ["python2.7"]
    wanted = "a Python 3 (python3.13 or newer-first python3.x)" if on_python2 else "Python 2.7"
    version_check = "import sys; assert sys.version_info[0] == %d" % (3 if on_python2 else 2)
    tried = []

    tox_dir = os.path.dirname(sys.prefix)
    if os.path.basename(tox_dir) == ".tox":
        sibling = os.path.join(tox_dir, tox_env, "bin", "python")
        if os.path.exists(sibling):
            ok, output = probe(sibling, [REPO], version_check + "; " + IMPORTS)
            if ok:
                return sibling, [REPO]
            tried.append("%s: %s" % (sibling, output.strip()[-300:]))

    for command in commands:
        path = find_command(command)
        if path is None:
            tried.append("%s: not on PATH" % command)
            continue
        ok, output = probe(path, [], version_check)
        if not ok:
            tried.append("%s: %s" % (command, output.strip()[-300:]))
            continue
        target = str(tmp_path_factory.mktemp("fleet-deps"))
        pip = [path, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-compile",
               "--target", target] + install_requires()
        process = subprocess.Popen(pip, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        output = process.communicate()[0].decode("utf-8", "replace")
        if process.returncode != 0:
            tried.append("%s: pip install failed: %s" % (command, output.strip()[-500:]))
            continue
        ok, output = probe(path, [REPO, target], IMPORTS)
        if ok:
            return path, [REPO, target]
        tried.append("%s: %s" % (command, output.strip()[-300:]))

    pytest.fail(
        "The mixed-fleet test runs the app on %s as well, and found none that works.\n"
        "Install it with pyenv (and list it in .python-version) or build the tox env %r.\n"
        "Tried:\n  %s" % (wanted, tox_env, "\n  ".join(tried or ["nothing"])),
        pytrace=False,
    )


def run_elsewhere(host, database, operations):
    python, pythonpath = host
    env = dict(os.environ)
    env.pop("PYTHONHOME", None)
    env["PYTHONPATH"] = os.pathsep.join(pythonpath)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    process = subprocess.Popen(
        [python, "-W", "error", os.path.join(TESTS, "fleet_app.py"), database, METHOD],
        cwd=REPO, env=env,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    out, err = process.communicate(json.dumps(operations).encode("utf-8"))
    assert process.returncode == 0, err.decode("utf-8", "replace")
    return json.loads(out.decode("utf-8"))


def labelled(operations):
    """Runs on the list of ``(label, operation)`` pairs: the operations alone,
    and a function mapping their results back to the labels."""
    ops = [op for _label, op in operations]

    def by_label(results):
        assert len(results) == len(ops)
        return dict((label, result) for (label, _op), result in zip(operations, results))

    return ops, by_label


PASSWORD = u"correct horse ✓"
# What the app writes: pbkdf2:sha256 as by default, with fewer rounds to keep
# the test fast (a Python 2.7 built without OpenSSL's pbkdf2 takes seconds for
# the default's 600000). tests/test_security.py crosses the default itself.
METHOD = "pbkdf2:sha256:5000"
LEGACY = [user["name"] for user in OLD["users"]]


def logins(prefix, names, password):
    return [("%s %s" % (prefix, name), {"op": "login", "name": name, "password": password})
            for name in names]


@pytest.fixture(scope="module")
def fleet(other_host, tmp_path_factory):
    """Both hosts at work over one database: here, then there, then here."""
    database = str(tmp_path_factory.mktemp("fleet-db").joinpath("app.sqlite"))

    first_ops, first = labelled(
        [("seed", {"op": "seed", "users": [[u["name"], u["hash"]] for u in OLD["users"]]}),
         ("register ann", {"op": "register", "name": u"ann", "password": PASSWORD})]
        + logins("login", [u"ann"], PASSWORD)
        + logins("wrong", [u"ann", LEGACY[0]], u"not it")
        + logins("login", LEGACY, OLD["password"])
        + [("upgrade", {"op": "login", "name": LEGACY[2], "password": OLD["password"],
                        "upgrade": u"1"}),
           ("hash ann", {"op": "hash", "name": u"ann"}),
           ("hash upgraded", {"op": "hash", "name": LEGACY[2]}),
           ("fill", {"op": "fill"})]
    )
    here = first(fleet_app.run(database, METHOD, first_ops))
    cookie_here = here["fill"]

    there_ops, there_labels = labelled(
        [("register bob", {"op": "register", "name": u"bob", "password": PASSWORD})]
        + logins("login", [u"bob", u"ann"], PASSWORD)
        + logins("login", LEGACY, OLD["password"])
        + logins("wrong", [u"bob", LEGACY[0]], u"not it")
        + [("upgrade", {"op": "login", "name": LEGACY[3], "password": OLD["password"],
                        "upgrade": u"1"}),
           ("hash bob", {"op": "hash", "name": u"bob"}),
           ("hash upgraded", {"op": "hash", "name": LEGACY[3]}),
           ("hash upgraded elsewhere", {"op": "hash", "name": LEGACY[2]}),
           ("show", {"op": "show", "cookie": cookie_here}),
           ("old cookie", {"op": "show", "cookie": OLD["cookie"], "century": True}),
           ("old cookie, default lifetime", {"op": "show", "cookie": OLD["cookie"]}),
           ("fill", {"op": "fill"})]
    )
    there = there_labels(run_elsewhere(other_host, database, there_ops))

    second_ops, second = labelled(
        logins("login", [u"bob", u"ann"], PASSWORD)
        + logins("login", LEGACY, OLD["password"])
        + [("hash upgraded elsewhere", {"op": "hash", "name": LEGACY[3]}),
           ("show", {"op": "show", "cookie": there["fill"]}),
           ("show own", {"op": "show", "cookie": cookie_here}),
           ("old cookie", {"op": "show", "cookie": OLD["cookie"], "century": True}),
           ("old cookie, default lifetime", {"op": "show", "cookie": OLD["cookie"]})]
    )
    here.update(second(fleet_app.run(database, METHOD, second_ops)))
    return here, there


def logged_in(result, name, upgraded=False):
    return result[0] == 200 and json.loads(result[1]) == {"upgraded": upgraded, "user": name}


def test_users_registered_on_either_host_log_in_on_both(fleet):
    here, there = fleet
    assert here["register ann"] == [200, u"registered"]
    assert there["register bob"] == [200, u"registered"]
    for host in (here, there):
        for name in (u"ann", u"bob"):
            assert logged_in(host["login " + name], name), (name, host["login " + name])
    for result in (here["wrong ann"], here["wrong " + LEGACY[0]],
                   there["wrong bob"], there["wrong " + LEGACY[0]]):
        assert result[0] == 401


def test_both_hosts_write_one_hash_format(fleet):
    here, there = fleet
    method_here = here["hash ann"]["hash"].split("$", 1)[0]
    method_there = there["hash bob"]["hash"].split("$", 1)[0]
    assert method_here == method_there == METHOD
    assert here["hash ann"]["needs_rehash"] is False
    assert there["hash bob"]["needs_rehash"] is False


def test_werkzeug_09_hashes_log_in_on_both_hosts(fleet):
    here, there = fleet
    assert sorted(user["method"] for user in OLD["users"]) == sorted(
        ["pbkdf2:sha1", "pbkdf2:sha256", "sha1", "md5", "plain"]
    )
    for host in (here, there):
        for name in LEGACY:
            assert logged_in(host["login " + name], name), (name, host["login " + name])


def test_a_hash_upgraded_at_login_on_one_host_verifies_on_the_other(fleet):
    here, there = fleet
    # here upgraded LEGACY[2] (sha1$...) before the other host logged it in;
    # the other host upgraded LEGACY[3] (md5$...) before here logged it in.
    assert logged_in(here["upgrade"], LEGACY[2], upgraded=True)
    assert logged_in(there["upgrade"], LEGACY[3], upgraded=True)
    # Neither host wants to upgrade again what the other upgraded.
    for host in (here, there):
        for upgraded in (host["hash upgraded"], host["hash upgraded elsewhere"]):
            assert upgraded["needs_rehash"] is False
            assert upgraded["hash"].split("$", 1)[0] == METHOD
    assert logged_in(there["login " + LEGACY[2]], LEGACY[2])
    assert logged_in(here["login " + LEGACY[3]], LEGACY[3])


def expected_show(values, flashes):
    return {"session": fleet_app.describe(values), "flashes": fleet_app.describe(flashes)}


def test_a_session_cookie_from_either_host_reads_the_same_on_both(fleet):
    here, there = fleet
    expected = expected_show(fleet_app.FILL, [fleet_app.FLASH])
    assert there["show"] == expected  # set here, read there
    assert here["show"] == expected  # set there, read here
    assert here["show own"] == expected


def test_a_flask_010_session_cookie_reads_on_both_hosts(fleet):
    here, there = fleet
    values = dict(fleet_app.FILL)
    del values[u"numbers"]
    # Flask 0.10 on Python 2 tagged native strings as bytes: the category
    # "info" was one.
    expected = expected_show(values, [(b"info", fleet_app.FLASH[1])])
    assert here["old cookie"] == expected
    assert there["old cookie"] == expected


def test_a_flask_010_session_cookie_is_dropped_with_the_default_lifetime(fleet):
    # itsdangerous before 1.0 counted timestamps from 2011 rather than 1970,
    # so its cookies look 41 years older than they are to itsdangerous 1.0+.
    here, there = fleet
    payload_and_time = OLD["cookie"].lstrip(".").split(".")[:2]
    stamp = base64.urlsafe_b64decode(str(payload_and_time[1] + "=" * (-len(payload_and_time[1]) % 4)))
    seconds = int(binascii.hexlify(stamp), 16)
    as_unix_time = datetime(1970, 1, 1) + timedelta(seconds=seconds)
    made_on = datetime.strptime(OLD["made_on"], "%Y-%m-%d")
    assert made_on.year - as_unix_time.year == 41
    empty = expected_show({}, [])
    assert here["old cookie, default lifetime"] == empty
    assert there["old cookie, default lifetime"] == empty

