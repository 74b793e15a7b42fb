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

# A file opened in text mode whose data goes to struct.unpack (dateutil 1.5
# reads its binary zone files so): Python 3 decodes text mode, struct wants
# bytes. Which mode was meant is the author's call: listed.
CASES += [
    Case("import struct\ndef load(name):\n    f = open(name)\n    return struct.unpack('>l', f.read(4))\n",
         "import struct\ndef load(name):\n    f = open(name)\n    return struct.unpack('>l', f.read(4))\n",
         review="text mode", id="text-mode file read by struct reviewed"),
    Case("import struct\ndef load(name):\n    f = open(name, 'rb')\n    return struct.unpack('>l', f.read(4))\n",
         "import struct\ndef load(name):\n    f = open(name, 'rb')\n    return struct.unpack('>l', f.read(4))\n",
         id="binary file read by struct stays"),
]

test_rewrite = rewrite_tests("file", CASES)
test_runtime = runtime_tests(CASES)
