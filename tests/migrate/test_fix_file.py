"""The file fixer: file(...) -> open(...)."""
from casekit import Case, rewrite_tests, runtime_tests

CASES = [
    Case(
        "f = file('data.txt', 'w')\nf.write('hi')\nf.close()\nprint(file('data.txt').read())\n",
        "f = open('data.txt', 'w')\nf.write('hi')\nf.close()\nprint(open('data.txt').read())\n",
        output="hi\n",
    ),
    Case(
        """
        import os, tempfile
        mode = 'r'
        if hasattr(file, 'newlines'):
            mode = 'U'
        path = os.path.join(tempfile.mkdtemp(), 'x.txt')
        with open(path, 'wb') as f:
            f.write(b'a\\r\\nb\\n')
        with open(path, mode) as f:
            print(repr(f.read().replace('\\n', '|')))
        """,
        """
        import six
        import os, tempfile
        mode = 'r'
        if six.PY2:
            mode = 'U'
        path = os.path.join(tempfile.mkdtemp(), 'x.txt')
        with open(path, 'wb') as f:
            f.write(b'a\\r\\nb\\n')
        with open(path, mode) as f:
            print(repr(f.read().replace('\\n', '|')))
        """,
        output="'a|b|'\n",
        review="universal-newline",
        id="the universal-newline probe",
    ),
    Case(
        """
        import os, tempfile
        def touch(name):
            fobj = file(name, 'ab')
            fobj.write('some bytes')
            fobj.close()
            return open(name, 'rb').read()
        print(touch(os.path.join(tempfile.mkdtemp(), 'x')) == b'some bytes')
        """,
        """
        import os, tempfile
        def touch(name):
            fobj = open(name, 'ab')
            fobj.write(b'some bytes')
            fobj.close()
            return open(name, 'rb').read()
        print(touch(os.path.join(tempfile.mkdtemp(), 'x')) == b'some bytes')
        """,
        output="True\n",
        id="str literal written to a binary file",
    ),
    Case("out = open(p, 'w')\nout.write('text')\n", "out = open(p, 'w')\nout.write('text')\n",
         id="text mode keeps text"),
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
