# -*- coding: utf-8 -*-
"""The framework's signals.

They are blinker signals when blinker is installed. Without it the same names
exist: sending is a no-op, and subscribing raises a :exc:`RuntimeError`
naming the missing library.
"""
from ._compat import BlinkerNamespace


class _FakeSignal(object):
    """A signal nobody can subscribe to, shaped like :class:`blinker.Signal`."""

    # Empty, so code that checks for receivers before sending skips the send.
    receivers = {}

    def __init__(self, name, doc=None):
        self.name = name
        self.__doc__ = doc

    def send(self, *args, **kwargs):
        """No receivers, so nothing to call."""
        return []

    def _refuse(self, *args, **kwargs):
        raise RuntimeError(
            "Signalling support is unavailable because the blinker library"
            " is not installed; 'pip install blinker' is needed to connect"
            " to %r." % (self.name,)
        )

    connect = connect_via = connected_to = _refuse
    temporarily_connected_to = disconnect = _refuse
    has_receivers_for = receivers_for = _refuse

    def __repr__(self):
        return "<%s %r without blinker>" % (type(self).__name__, self.name)


class _FakeNamespace(object):
    """Hands out :class:`_FakeSignal` objects, like :class:`blinker.Namespace`."""

    def signal(self, name, doc=None):
        return _FakeSignal(name, doc=doc)


#: Whether blinker is installed, so that signals accept receivers.
signals_available = BlinkerNamespace is not None
Namespace = BlinkerNamespace if signals_available else _FakeNamespace

# Applications and extensions make their own Namespace; this one is ours.
_signals = Namespace()
_signal = _signals.signal

# Senders are the application; keyword arguments in brackets.
template_rendered = _signal("template-rendered")  # (template, context)
before_render_template = _signal("before-render-template")  # (same)
request_started = _signal("request-started")
request_finished = _signal("request-finished")  # (response)
request_tearing_down = _signal("request-tearing-down")  # (exc)
got_request_exception = _signal("got-request-exception")  # (exception)
appcontext_tearing_down = _signal("appcontext-tearing-down")  # (exc)
appcontext_pushed = _signal("appcontext-pushed")
appcontext_popped = _signal("appcontext-popped")
message_flashed = _signal("message-flashed")  # (message, category)
