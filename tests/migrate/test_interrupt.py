# migrate-tests: tool-only
"""A parallel run (``-j 2``) stops cleanly whatever a worker is doing when
the run is interrupted, and a worker that ends abruptly costs its own files,
never the run: each case below puts a worker in one such state on purpose
(through a stand-in for ``Worker.process`` in a small driver script) and
checks the outcome."""
import os
import shutil
import signal
import subprocess
import sys

import pytest

from migrate.cli import EXIT_INTERNAL
from test_data_safety import REPO, TEMP_NAME, make_tree, snapshot_tree
from test_safety import cache_dir, run  # noqa: F401 - cache_dir is an autouse fixture

# Runs the tool with Worker.process replaced: on the file named TARGET the
# worker does ACTION, then (if it is still alive) migrates the file as usual.
# STOP_GRACE is raised so that only a worker that stops by itself ends the
# run: it is never killed for being late.
DRIVER = r"""
import os, signal, sys, time
import migrate.runner
from migrate.cli import main

action, target = sys.argv[1], sys.argv[2]
migrate.runner.STOP_GRACE = 3600.0
migrate_file = migrate.runner.Worker.process


class SignalsFromAFinalizer(object):
    def __del__(self):
        os.kill(os.getppid(), signal.SIGTERM)
        # SIGTERM for this worker lands here, where an exception is lost.
        time.sleep(600)


def process(self, path):
    if os.path.basename(path) == target:
        if action == "die":
            os.kill(os.getpid(), signal.SIGKILL)
        elif action in ("SIGTERM", "SIGINT"):
            os.kill(os.getppid(), getattr(signal, action))
        elif action == "stuck":
            os.kill(os.getppid(), signal.SIGTERM)
            time.sleep(600)
        elif action == "finalizer":
            SignalsFromAFinalizer()
    return migrate_file(self, path)


migrate.runner.Worker.process = process
sys.exit(main(sys.argv[3:]))
"""

FILES = 12
TARGET = "mod005.py"


@pytest.fixture
def trees(tmp_path):
    """The tree to migrate, its files as they are, and as a finished run
    leaves them."""
    tree = tmp_path / "tree"
    make_tree(tree, FILES, seed=21)
    originals = snapshot_tree(tree)
    finished = tmp_path / "finished"
    shutil.copytree(str(tree), str(finished))
    assert run("--write", "--no-cache", "-j", "1", str(finished))[0] == 0
    expected = snapshot_tree(finished)
    assert all(expected[name] != originals[name] for name in originals)
    return tree, originals, expected


def drive(tree, action, what):
    """Run the tool over *tree* through the driver; return (code, stderr)."""
    process = subprocess.Popen(
        [sys.executable, "-c", DRIVER, action, TARGET, "--write", "--no-cache", "-j", "2", str(tree)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        _, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail("the run did not end within 60 s of %s" % what)
    return process.returncode, err.decode("utf-8")


def whole(tree, originals, expected):
    """Every file is as it was or as a finished run leaves it, and nothing
    else is left in the tree; return the names of the rewritten files."""
    after = snapshot_tree(tree)
    leftovers = [name for name in after if TEMP_NAME.match(os.path.basename(name))]
    assert not leftovers
    assert sorted(after) == sorted(originals)
    for name in originals:
        assert after[name] in (originals[name], expected[name]), name
    return [name for name in originals if after[name] == expected[name]]


@pytest.mark.parametrize(
    "action, signum",
    [
        # the main process is signalled while results stream back
        ("SIGTERM", signal.SIGTERM),
        ("SIGINT", signal.SIGINT),
        # a worker is in a long wait when the run is stopped
        ("stuck", signal.SIGTERM),
        # the worker's SIGTERM arrives in a finalizer, where the exception
        # that should end it is lost
        ("finalizer", signal.SIGTERM),
    ],
)
def test_interrupted_run_ends_with_every_file_whole(trees, action, signum):
    tree, originals, expected = trees
    code, err = drive(tree, action, signal.Signals(signum).name)
    assert code == 128 + signum, err
    assert err.splitlines()[-1] == (
        "flaskcompat-migrate: interrupted (%s); every file is either as it was or "
        "completely rewritten, run again to finish" % signal.Signals(signum).name
    )
    whole(tree, originals, expected)
    # Run again to finish: the tree is then as a finished run leaves it.
    assert run("--write", "--no-cache", "-j", "2", str(tree))[0] == 0
    assert snapshot_tree(tree) == expected


def test_a_worker_killed_outright_fails_its_file_and_the_run_goes_on(trees):
    tree, originals, expected = trees
    code, err = drive(tree, "die", "the worker's death")
    assert code == EXIT_INTERNAL, err
    failed = [line.strip() for line in err.splitlines() if "internal error" in line]
    assert failed == [
        "%s:0: internal error: the worker process ended (killed by signal %d) before it "
        "reported on this file, which is either as it was or completely rewritten; please report it"
        % (os.path.join(str(tree), "pkg5", TARGET), signal.SIGKILL)
    ]
    rewritten = whole(tree, originals, expected)
    # Killed before it wrote: every other file is migrated.
    assert sorted(rewritten) == sorted(name for name in originals if os.path.basename(name) != TARGET)
