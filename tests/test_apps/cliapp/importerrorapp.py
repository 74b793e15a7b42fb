from flaskcompat import Flask

raise ImportError()

testapp = Flask("testapp")
