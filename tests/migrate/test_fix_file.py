"""The file fixer: file(...) -> open(...)."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        "f = file('data.txt', 'w')\nf.write('hi')\nf.close()\nprint(file('data.txt').read())\n",
        "f = open('data.txt', 'w')\nf.write('hi')\nf.close()\nprint(open('data.txt').read())\n",
        output="hi\n",
    ),
    Case("ok = isinstance(f, file)\n", "ok = isinstance(f, file)\n", review="file type", id="type use reviewed"),
    Case("from io import open\nf = file('x')\n", "from io import open\nf = file('x')\n", review="open is rebound",
         id="io.open imported"),
    Case("def read(file):\n    return file.read()\n", "def read(file):\n    return file.read()\n", id="parameter stays"),
    Case("x = request.files['file']\nname = x.file\n", "x = request.files['file']\nname = x.file\n",
         id="attribute stays"),
    Case("for file in os.listdir('.'):\n    print(file)\n", "for file in os.listdir('.'):\n    print(file)\n",
         id="loop variable stays"),
]

test_rewrite = rewrite_tests("file", CASES)
test_runtime = runtime_tests(CASES)
