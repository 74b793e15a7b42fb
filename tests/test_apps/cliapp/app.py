from flaskcompat import Flask

testapp = Flask("testapp")
