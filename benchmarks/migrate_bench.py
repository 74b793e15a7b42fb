"""Benchmark: flaskcompat-migrate against python-modernize on the same tree.

Takes a large tree of Python 2 code, either real code (``--corpus django``:
the ``django`` package of Django 1.4.22, the last Python 2-only release,
about 1000 files and 119,000 lines, fetched once with ``pip download``) or a
generated one (``--corpus generated``: legacy Flask modules dense with print
statements, ``dict.iteritems``, ``except E, e``, renamed stdlib modules ...),
then in one run:

1. python-modernize 0.8 (it runs on fissix too) with ``-j N``, printing its
   diff, in a virtual environment of its own (created on first use with pip);
2. ``flaskcompat-migrate -j N`` printing its diff, with an empty cache;
3. ``flaskcompat-migrate -j N`` again over the unchanged tree (cache warm).

and prints, for each, wall-clock seconds, CPU seconds (user + system of the
tool's processes) and lines per second, then the speed ratios. Every command
runs ``--repeat`` times and the best run counts (on a shared machine the
minimum is the least disturbed one).

    python benchmarks/migrate_bench.py [--corpus django] [--jobs 2] [--repeat 3]

Needs Python 3.9+ with fissix (and pyupgrade) installed, like the tool.
"""

import argparse
import glob
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

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
            tar.extractall(cache_folder, members=members)
    return target


def count_lines(tree):
    total = 0
    for folder, _, files in os.walk(tree):
        for name in files:
            if name.endswith(".py"):
                with open(os.path.join(folder, name), "rb") as stream:
                    total += stream.read().count(b"\n")
    return total


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


def best_of(repeat, command, env=None, cwd=None, before=None, accept=(0,)):
    """The best ``(wall, cpu)`` of *repeat* runs."""
    walls = []
    cpus = []
    for _ in range(repeat):
        if before is not None:
            before()
        elapsed, cpu, code, err = timed(command, env=env, cwd=cwd)
        if code not in accept:
            raise SystemExit("%s failed (exit %d):\n%s" % (" ".join(command), code, err[-2000:]))
        walls.append(elapsed)
        cpus.append(cpu)
    return min(walls), min(cpus)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("django", "generated"), default="django")
    parser.add_argument("--files", type=int, default=600, help="modules to generate (--corpus generated)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="--jobs for both tools")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts")
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
            tree = django_tree(args.download_dir)
        else:
            tree = os.path.join(work, "tree")
            generate_tree(tree, args.files)
        lines = count_lines(tree)
        files = sum(1 for _ in glob.iglob(os.path.join(tree, "**", "*.py"), recursive=True))
        print(
            "corpus %s: %d files, %d lines of Python 2; --jobs %d; best of %d; %d cores"
            % (args.corpus, files, lines, args.jobs, args.repeat, os.cpu_count() or 1)
        )

        modernize = modernize_command(args.modernize_venv)
        # Neither tool writes: both print their diff (to /dev/null here).
        r_modernize = best_of(args.repeat, [modernize, "-j", str(args.jobs), tree])

        env = dict(os.environ, FLASKCOMPAT_MIGRATE_CACHE_DIR=cache)
        ours = [sys.executable, "-m", "migrate", "-j", str(args.jobs), tree]
        accept = (0, 3)  # 3: some file of the corpus is not valid Python 2
        r_ours = best_of(args.repeat, ours + ["--no-cache"], env=env, cwd=REPO, accept=accept)
        r_cold = best_of(
            args.repeat,
            ours,
            env=env,
            cwd=REPO,
            before=lambda: shutil.rmtree(cache, ignore_errors=True),
            accept=accept,
        )
        r_warm = best_of(args.repeat, ours, env=env, cwd=REPO, accept=accept)

        rows = [
            ("python-modernize 0.8", r_modernize),
            ("flaskcompat-migrate (no cache)", r_ours),
            ("flaskcompat-migrate, filling the cache", r_cold),
            ("flaskcompat-migrate, re-run (cache warm)", r_warm),
        ]
        print("%-42s %8s %8s %12s" % ("", "wall s", "CPU s", "lines/s"))
        for label, (wall, cpu) in rows:
            print("%-42s %8.2f %8.2f %12.0f" % (label, wall, cpu, lines / wall))
        print("speed vs python-modernize (wall): %.2fx" % (r_modernize[0] / r_ours[0]))
        print("speed vs python-modernize (CPU):  %.2fx" % (r_modernize[1] / r_ours[1]))
        print("re-run vs first run (wall):       %.1fx" % (r_cold[0] / r_warm[0]))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
