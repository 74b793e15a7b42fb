# -*- coding: utf-8 -*-
"""Factories in every shape the import path ``module:factory(args)`` meets."""
from flaskcompat import Flask


def create_app():
    return Flask(import_name="app")


def create_app2(foo, bar):
    return Flask(import_name="app2_%s_%s" % (foo, bar))


def create_app3(foo, script_info):
    # the script info arrives by keyword, after the arguments in the path
    return Flask(import_name="app3_%s_%s" % (foo, script_info.data["flavour"]))


def create_named(name="named", suffix=""):
    return Flask(import_name=name + suffix)


def broken_factory():
    raise TypeError("the factory itself is broken")


def no_app():
    return None
