# -*- coding: utf-8 -*-
"""
    flaskcompat.sansio
    ~~~~~~~~~~~~~~~~~~

    Flask 3's ``flask.sansio`` package: the parts of the application that do
    not depend on a WSGI server. flaskcompat has one application class, so
    the names here are that class and its relatives, for extensions that
    import or annotate with them (Flask-SQLAlchemy-Lite's ``App``).
"""
