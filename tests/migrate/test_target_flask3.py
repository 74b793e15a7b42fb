# migrate-tests: tool-only
"""``--target flask3`` as a whole: a Flask 0.x app goes 2and3 -> 3 -> flask3,
a Flask 1.1 app on Python 3 goes straight to flask3; the result names no
flaskcompat, compiles, settles in one run, and (with the real Flask 3.1 at
hand, see flask3kit) runs the same as before on flaskcompat."""
import io
import os
import subprocess
import sys
import textwrap

from flask3kit import FLASK3_PYTHON, run_after, run_before

from migrate import cli
from migrate.engine import migrate_source
from migrate.fixes import fixers_for

# A Flask 0.10 app, written the Python 2 way.
LEGACY = textwrap.dedent("""\
    from flask import Flask, jsonify, request, send_file, Markup
    from werkzeug import secure_filename
    from werkzeug.security import safe_str_cmp
    import io

    app = Flask(__name__)
    app.config['JSON_SORT_KEYS'] = False

    @app.route('/report/<name>')
    def report(name):
        line = u'%s,%d\\n' % (secure_filename(name), len(request.args))
        return send_file(io.BytesIO(line.encode('utf-8')),
                         as_attachment=True, attachment_filename=name + '.csv',
                         cache_timeout=30)

    @app.route('/check/<token>')
    def check(token):
        return jsonify(z=1, ok=bool(safe_str_cmp(token, 'abc')), html=unicode(Markup('<b>')))

    client = app.test_client()
    r = client.get('/report/a b?x=1')
    print r.headers['Content-Disposition'], r.headers['Cache-Control'], repr(r.get_data(as_text=True))
    print client.get('/check/abc').get_data(as_text=True).replace(' ', '').replace('\\n', '')
""")

# A Flask 1.1 app on Python 3 that never used flaskcompat.
FLASK11 = textwrap.dedent("""\
    import io
    from flask import Flask, Markup, send_file, _app_ctx_stack

    app = Flask(__name__)
    app.config["JSON_AS_ASCII"] = False

    @app.route("/")
    def index():
        name = _app_ctx_stack.top.app.name
        return send_file(io.BytesIO(Markup("<i>%s</i>") % name), mimetype="text/html",
                         attachment_filename="x.html", add_etags=False)

    r = app.test_client().get("/")
    print(r.data, "ETag" in r.headers, app.config["JSON_AS_ASCII"])
""")


def _three_steps(source):
    step1 = migrate_source(source, target="2and3").source
    step2 = migrate_source(step1, target="3").source
    return migrate_source(step2, target="flask3")


def test_legacy_app_reaches_flask3():
    result = _three_steps(LEGACY)
    text = result.source
    assert "flaskcompat" not in text
    assert "attachment_filename" not in text and "cache_timeout" not in text
    assert "download_name=name + '.csv'" in text and "max_age=30" in text
    assert "from markupsafe import Markup" in text
    assert "app.json.sort_keys = False" in text
    assert "compare_digest(token, 'abc')" in text
    compile(text, "app.py", "exec")
    again = migrate_source(text, target="flask3")
    assert again.source == text and not again.changed
    # nothing goes to flaskcompat and back: no count, no review on its own output
    assert again.fix_counts == {} and again.reviews == []
    assert [review.fixer for review in result.reviews] == ["flask3_safe_str_cmp"]


def test_flask11_app_on_python3_goes_straight_to_flask3():
    result = migrate_source(FLASK11, target="flask3")
    text = result.source
    assert "flaskcompat" not in text
    assert "from flask import Flask, send_file" in text
    assert "from markupsafe import Markup" in text
    assert "name = current_app.name" in text
    assert "download_name=\"x.html\", etag=False" in text
    assert 'app.json.ensure_ascii = False' in text
    assert migrate_source(text, target="flask3").source == text


def test_flask3_fixers_run_for_flask3_only():
    names = [cls.name for cls in fixers_for("flask3")]
    assert "flask3_imports" in names and "unsix" not in names
    assert not [cls for cls in fixers_for("3") if cls.name.startswith("flask3_")]
    assert migrate_source("from flaskcompat import Flask\n", target="3").source == (
        "from flaskcompat import Flask\n")


def test_cli_accepts_the_target(tmp_path):
    path = tmp_path / "app.py"
    path.write_text("from flaskcompat import Flask\nflask_app = Flask(__name__)\n")
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--target", "flask3", "--write", "--no-cache", "-q", str(path)],
                    stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    assert path.read_text() == "from flask import Flask\nflask_app = Flask(__name__)\n"
    listing = io.StringIO()
    cli.main(["--list-fixes"], stdout=listing, stderr=io.StringIO())
    assert "flask3_send_file" in listing.getvalue()
    assert "[flask3]" in listing.getvalue()


def test_the_help_names_the_target():
    process = subprocess.run(
        [sys.executable, "-m", "migrate", "--help"], stdout=subprocess.PIPE,
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    assert b"flask3" in process.stdout


if FLASK3_PYTHON is not None:
    def test_both_apps_answer_the_same_on_flask3():
        legacy = _three_steps(LEGACY).source
        # the original is Python 2: its 2and3 form runs on flaskcompat here
        bridge = migrate_source(LEGACY, target="2and3").source
        assert run_after(legacy) == run_before(bridge)
        assert run_after(migrate_source(FLASK11, target="flask3").source) == run_before(FLASK11)
