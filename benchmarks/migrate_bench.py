"""Benchmark: flaskcompat-migrate against python-modernize on the same tree.

Takes a large tree of Python 2 code, either real code (``--corpus django``:
the ``django`` package of Django 1.4.22, the last Python 2-only release,
about 1000 files and 119,000 lines, fetched once with ``pip download``) or a
generated one (``--corpus generated``: legacy Flask modules dense with print
statements, ``dict.iteritems``, ``except E, e``, renamed stdlib modules ...).

Same inputs: files that fissix (the parser both tools use) cannot read as
Python 2 are dropped from the input before timing, and both tools must exit
0 on what is left; no exit code is accepted from one tool and not the other.

Same work: every run writes its rewrite (python-modernize 0.8 with ``-w -n``,
flaskcompat-migrate with ``--write``) into a fresh copy of the input. After
each run the benchmark lists the files the tool changed and parses every
output file with this Python 3 (``ast``); it prints both, and the three
flaskcompat-migrate runs (no cache, filling the cache, cache warm) must write
byte-identical trees.

Both tools start from byte-compiled modules, as installed packages do: pip
compiled python-modernize's when it installed it, and the benchmark
byte-compiles this checkout's ``migrate`` package before the first round.

Interleaved rounds: each of ``--repeat`` rounds runs python-modernize and
flaskcompat-migrate (no cache) back to back, alternating which goes first,
then flaskcompat-migrate filling an empty cache and re-running with it warm
(on another fresh copy of the same input). The report gives, per command, the
median wall-clock and CPU seconds (user + system of the tool's processes)
with their range over the rounds, and the ratios of the medians.

    python benchmarks/migrate_bench.py [--corpus django] [--jobs 2] [--repeat 5]

Needs Python 3.9+ with fissix (and pyupgrade) installed, like the tool.
"""

import argparse
import ast
import glob
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
# ---------------------------------------------------------------------------
# The synthetic legacy tree. Each block is a piece of Python 2 code of the
# kind the tool exists for; a file is a header plus a random run of blocks.

HEADER = '''\
# -*- coding: utf-8 -*-
"""Module {name}: generated legacy code."""
import os
import sys
import urllib2
import urlparse
import cPickle
from StringIO import StringIO
from flask import Flask, request, jsonify, render_template
from flask.ext.sqlalchemy import SQLAlchemy
from werkzeug import secure_filename

app = Flask(__name__)
'''

BLOCKS = [
    '''
def report_{n}(items):
    total = 0L
    for key, value in items.iteritems():
        print "%s: %s" % (key, value)
        total += long(value)
    print >>sys.stderr, "total", total
    return total
''',
    '''
class Record{n}(object):
    __metaclass__ = type

    def __init__(self, name, values):
        self.name = name
        self.values = values

    def __unicode__(self):
        return u"Record %s" % self.name

    def __nonzero__(self):
        return bool(self.values)

    def keys_sorted(self):
        keys = self.values.keys()
        keys.sort()
        return keys
''',
    '''
@app.route("/item/{n}/<int:ident>")
def show_item_{n}(ident):
    try:
        data = load_{n}(ident)
    except (IOError, OSError), exc:
        print "cannot load", ident, exc
        raise ValueError, "missing item %d" % ident
    if data.has_key("name") and isinstance(data["name"], basestring):
        name = unicode(data["name"])
    else:
        name = u""
    return jsonify(name=name, size=len(data))
''',
    '''
def load_{n}(ident):
    url = "http://example.invalid/%d" % ident
    parts = urlparse.urlparse(url)
    request = urllib2.Request(url)
    values = map(lambda x: x * 2, range(10))
    odd = filter(lambda x: x % 2, xrange(20))
    pairs = zip(values, odd)
    buffer = StringIO()
    cPickle.dump(pairs, buffer)
    return dict(pairs, name=parts.netloc)
''',
    '''
def compare_{n}(a, b):
    if a <> b:
        return cmp(a, b)
    return `a` == `b`


def sort_people_{n}(people):
    return sorted(people, cmp=lambda x, y: cmp(x.age, y.age))
''',
    '''
def upload_{n}():
    f = request.files["file"]
    filename = secure_filename(f.filename)
    path = os.path.join(os.getcwdu(), filename)
    f.save(path)
    mode = 0644
    os.chmod(path, mode)
    if sys.maxint > 2 ** 32:
        print "64 bit"
    return filename
''',
    '''
class Handler{n}:
    def next(self):
        return self.it.next()

    def __iter__(self):
        return self

    def __div__(self, other):
        return self.value / other

    def func_info(self, f):
        return f.func_name, f.func_defaults
''',
    '''
def tokens_{n}(text):
    import string
    words = string.split(text)
    upper = [string.upper(w) for w in words]
    letters = string.letters
    exec "result = 1" in globals()
    return reduce(lambda a, b: a + b, upper, ""), letters, raw_input
''',
    '''
def test_view_{n}(client):
    rv = client.get("/item/{n}/1")
    assert rv.data == "ok"
    assert "name" in rv.data
    d = {{}}
    for k in d.iterkeys():
        print k
    for v in d.itervalues():
        print v
''',
]


def generate_tree(root, files, seed=1):
    """Write *files* modules (about 150-300 lines each) under *root*; return
    the total number of lines."""
    rng = random.Random(seed)
    total = 0
    for index in range(files):
        package = os.path.join(root, "app%02d" % (index // 25))
        if not os.path.isdir(package):
            os.makedirs(package)
            with open(os.path.join(package, "__init__.py"), "w") as stream:
                stream.write("")
        parts = [HEADER.format(name=index)]
        for number in range(rng.randint(8, 16)):
            parts.append(rng.choice(BLOCKS).format(n=number))
        text = "".join(parts)
        with open(os.path.join(package, "mod%04d.py" % index), "w", newline="") as stream:
            stream.write(text)
        total += text.count("\n")
    return total


# ---------------------------------------------------------------------------


def modernize_command(venv):
    """The python-modernize executable, installing modernize 0.8 into *venv*
    first if needed."""
    exe = os.path.join(venv, "bin", "python-modernize")
    if not os.path.exists(exe):
        subprocess.check_call([sys.executable, "-m", "venv", venv])
        subprocess.check_call(
            [os.path.join(venv, "bin", "python"), "-m", "pip", "install", "-q", "modernize==0.8"]
        )
    return exe


def django_tree(cache_folder):
    """The django/ folder of Django 1.4.22's sdist, downloaded with pip into
    *cache_folder* on first use."""
    import tarfile

    target = os.path.join(cache_folder, "Django-1.4.22", "django")
    if not os.path.isdir(target):
        if not os.path.isdir(cache_folder):
            os.makedirs(cache_folder)
        subprocess.check_call(
            [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary", ":all:",
             "Django==1.4.22", "-d", cache_folder]
        )
        archive = glob.glob(os.path.join(cache_folder, "Django-1.4.22.tar.gz"))[0]
        with tarfile.open(archive) as tar:
            members = [m for m in tar.getmembers() if m.name.startswith("Django-1.4.22/django/")]
            tar.extractall(cache_folder, members=members)  # a known sdist
    return target


def python_files(tree):
    found = []
    for folder, dirs, files in os.walk(tree):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".py"):
                found.append(os.path.relpath(os.path.join(folder, name), tree))
    return found


def count_lines(tree):
    total = 0
    for name in python_files(tree):
        with open(os.path.join(tree, name), "rb") as stream:
            total += stream.read().count(b"\n")
    return total


def fissix_reads(data):
    """Whether fissix parses *data* as Python 2 (with or without the print
    statement), as both tools do before rewriting anything."""
    from fissix import pygram, pytree
    from fissix.pgen2 import driver

    text = data.decode("utf-8", "replace")
    if not text.endswith("\n"):
        text += "\n"
    for grammar in (pygram.python_grammar, pygram.python_grammar_no_print_statement):
        try:
            driver.Driver(grammar, convert=pytree.convert).parse_string(text)
        except Exception:
            continue
        return True
    return False


def prepare_input(source, target):
    """Copy the Python files of *source* that fissix reads into *target*;
    return the relative paths dropped."""
    dropped = []
    for name in python_files(source):
        with open(os.path.join(source, name), "rb") as stream:
            data = stream.read()
        if not fissix_reads(data):
            dropped.append(name)
            continue
        path = os.path.join(target, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as stream:
            stream.write(data)
    return dropped


def snapshot(tree):
    result = {}
    for name in python_files(tree):
        with open(os.path.join(tree, name), "rb") as stream:
            result[name] = stream.read()
    return result


def does_not_parse(files):
    """The files of a snapshot that this Python 3 cannot parse."""
    broken = []
    with warnings.catch_warnings():
        # invalid escapes kept from the input warn; only errors count here
        warnings.simplefilter("ignore")
        for name, data in sorted(files.items()):
            try:
                ast.parse(data, name)
            except (SyntaxError, ValueError):
                broken.append(name)
    return broken


def timed(command, env=None, cwd=None):
    """Run *command* with its output discarded; return wall seconds, CPU
    seconds of the child processes, exit code and stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu, process.returncode, process.stderr.decode("utf-8", "replace")


class Measure(object):
    """One command's runs: times, and what the first run wrote."""

    def __init__(self, label):
        self.label = label
        self.walls = []
        self.cpus = []
        self.written = None

    def run(self, command, input_tree, tree, env=None, cwd=None):
        shutil.rmtree(tree, ignore_errors=True)
        shutil.copytree(input_tree, tree)
        wall, cpu, code, err = timed(command + [tree], env=env, cwd=cwd)
        if code != 0:
            # The same rule for both tools: the input is what both can read.
            raise SystemExit("%s failed (exit %d):\n%s" % (" ".join(command), code, err[-2000:]))
        self.walls.append(wall)
        self.cpus.append(cpu)
        written = snapshot(tree)
        if self.written is None:
            self.written = written
        elif written != self.written:
            raise SystemExit("%s wrote something else in a later round" % self.label)

    @staticmethod
    def spread(values):
        return "%.2f (%.2f-%.2f)" % (statistics.median(values), min(values), max(values))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("django", "generated"), default="django")
    parser.add_argument("--files", type=int, default=600, help="modules to generate (--corpus generated)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="--jobs for both tools")
    parser.add_argument("--repeat", type=int, default=5, help="interleaved rounds; the median counts")
    parser.add_argument(
        "--download-dir",
        default=os.path.join(tempfile.gettempdir(), "flaskcompat-bench-corpus"),
        help="where the Django sdist is kept between runs",
    )
    parser.add_argument(
        "--modernize-venv",
        default=os.path.join(tempfile.gettempdir(), "flaskcompat-bench-modernize"),
        help="virtual environment for python-modernize (created if missing)",
    )
    args = parser.parse_args(argv)

    work = tempfile.mkdtemp(prefix="migrate-bench-")
    try:
        cache = os.path.join(work, "cache")
        if args.corpus == "django":
            source = django_tree(args.download_dir)
        else:
            source = os.path.join(work, "generated")
            generate_tree(source, args.files)
        input_tree = os.path.join(work, "input")
        dropped = prepare_input(source, input_tree)
        original = snapshot(input_tree)
        lines = count_lines(input_tree)
        print(
            "corpus %s: %d files, %d lines of Python 2 (%d files fissix cannot read dropped%s);"
            " --jobs %d; %d interleaved rounds, median (range); %d cores"
            % (args.corpus, len(original), lines, len(dropped),
               (": " + ", ".join(dropped)) if dropped else "", args.jobs, args.repeat,
               os.cpu_count() or 1)
        )

        modernize = [modernize_command(args.modernize_venv), "-w", "-n", "-j", str(args.jobs)]
        # Both tools start from byte-compiled modules, as installed packages
        # do: pip compiled modernize's; this checkout's are compiled here
        # (where PYTHONDONTWRITEBYTECODE is set, every run would compile them
        # from source again, serially, before its workers start).
        subprocess.check_call([sys.executable, "-m", "compileall", "-q", os.path.join(REPO, "migrate")])
        env = dict(os.environ, FLASKCOMPAT_MIGRATE_CACHE_DIR=cache)
        ours = [sys.executable, "-m", "migrate", "--write", "-j", str(args.jobs)]
        tree = os.path.join(work, "tree")
        m_modernize = Measure("python-modernize 0.8")
        m_ours = Measure("flaskcompat-migrate (no cache)")
        m_cold = Measure("flaskcompat-migrate, filling the cache")
        m_warm = Measure("flaskcompat-migrate, re-run (cache warm)")
        for round_number in range(args.repeat):
            pair = [
                lambda: m_modernize.run(modernize, input_tree, tree),
                lambda: m_ours.run(ours + ["--no-cache"], input_tree, tree, env=env, cwd=REPO),
            ]
            if round_number % 2:
                pair.reverse()
            for step in pair:
                step()
            shutil.rmtree(cache, ignore_errors=True)
            m_cold.run(ours, input_tree, tree, env=env, cwd=REPO)
            m_warm.run(ours, input_tree, tree, env=env, cwd=REPO)

        if not (m_ours.written == m_cold.written == m_warm.written):
            raise SystemExit("flaskcompat-migrate wrote different trees with and without its cache")

        print()
        print("what each tool wrote (same input, %d files):" % len(original))
        for measure in (m_modernize, m_ours):
            changed = [name for name in original if measure.written[name] != original[name]]
            broken = does_not_parse(measure.written)
            print("  %-32s %4d files changed, %d outputs fail to parse on Python %d.%d%s" % (
                measure.label, len(changed), len(broken), sys.version_info[0], sys.version_info[1],
                (": " + ", ".join(broken[:10])) if broken else ""))
        only_modernize = [n for n in original if m_modernize.written[n] != original[n] and m_ours.written[n] == original[n]]
        only_ours = [n for n in original if m_ours.written[n] != original[n] and m_modernize.written[n] == original[n]]
        print("  changed by python-modernize only: %d%s" % (
            len(only_modernize), (" (" + ", ".join(only_modernize[:10]) + ")") if only_modernize else ""))
        print("  changed by flaskcompat-migrate only: %d%s" % (
            len(only_ours), (" (" + ", ".join(only_ours[:10]) + ")") if only_ours else ""))

        print()
        print("%-42s %20s %20s %12s" % ("", "wall s", "CPU s", "lines/s"))
        for measure in (m_modernize, m_ours, m_cold, m_warm):
            print("%-42s %20s %20s %12.0f" % (
                measure.label, Measure.spread(measure.walls), Measure.spread(measure.cpus),
                lines / statistics.median(measure.walls)))
        median = statistics.median
        print("speed vs python-modernize, ratio of medians (wall): %.2fx" % (
            median(m_modernize.walls) / median(m_ours.walls)))
        print("speed vs python-modernize, ratio of medians (CPU):  %.2fx" % (
            median(m_modernize.cpus) / median(m_ours.cpus)))
        print("re-run vs first run, ratio of medians (wall):       %.1fx" % (
            median(m_cold.walls) / median(m_warm.walls)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
