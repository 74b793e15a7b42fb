# -*- coding: utf-8 -*-
"""Flask 3's ``flask.sansio`` names. Flask splits its app and blueprint
classes into a part without I/O and a WSGI part; flaskcompat keeps one class
for each, so these modules name those same classes, and ``isinstance`` and
subclassing work as code written for Flask 3 expects.
"""
