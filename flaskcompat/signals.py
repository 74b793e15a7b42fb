# -*- coding: utf-8 -*-
"""
    flaskcompat.signals
    ~~~~~~~~~~~~~~~~~~~

    The framework's signals, built on blinker when it is installed. Without
    blinker every signal still exists: sending one does nothing, and trying to
    subscribe to one raises a :exc:`RuntimeError` that says what is missing.
"""


class _FakeNamespace(object):
    """Stands in for :class:`blinker.Namespace` when blinker is missing."""

    def signal(self, name, doc=None):
        """Return a :class:`_FakeSignal` called ``name``."""
        return _FakeSignal(name, doc)


class _FakeSignal(object):
    """A signal that has the interface of :class:`blinker.Signal` but is
    never connected to anything: :meth:`send` ignores its arguments, every
    method that would subscribe or inspect receivers raises a
    :exc:`RuntimeError` explaining that blinker is not installed.
    """

    #: Empty, like a blinker signal nobody listens to, so code that checks
    #: ``signal.receivers`` before sending skips the send.
    receivers = {}

    def __init__(self, name, doc=None):
        self.name = name
        self.__doc__ = doc

    def send(self, *args, **kwargs):
        """Do nothing: nobody can be listening. Returns an empty list, like
        a blinker signal without receivers."""
        return []

    def _fail(self, *args, **kwargs):
        raise RuntimeError(
            "Signalling support is unavailable because the blinker"
            " library is not installed. Install it with"
            " 'pip install blinker' to connect to %r." % self.name
        )

    connect = connect_via = connected_to = temporarily_connected_to = _fail
    disconnect = _fail
    has_receivers_for = receivers_for = _fail
    del _fail

    def __repr__(self):
        return "<%s %r (blinker is not installed)>" % (type(self).__name__, self.name)


try:
    from blinker import Namespace

    #: ``True`` when blinker is installed and signals can be connected to.
    signals_available = True
except ImportError:
    Namespace = _FakeNamespace
    signals_available = False


# The namespace for the framework's own signals. Applications and extensions
# should create their own Namespace instead of adding signals to this one.
_signals = Namespace()

#: Sent when a template was rendered successfully, with the ``template`` and
#: its ``context``; the sender is the application.
template_rendered = _signals.signal("template-rendered")

#: Sent before a template is rendered, with ``template`` and ``context``.
before_render_template = _signals.signal("before-render-template")

#: Sent when a request context is set up, before any request processing.
request_started = _signals.signal("request-started")

#: Sent right before the ``response`` is sent to the client.
request_finished = _signals.signal("request-finished")

#: Sent when the request context is torn down, even after an exception
#: (passed as ``exc``).
request_tearing_down = _signals.signal("request-tearing-down")

#: Sent when an unhandled ``exception`` happens during request processing,
#: before the error handling kicks in.
got_request_exception = _signals.signal("got-request-exception")

#: Sent when the application context is torn down (``exc`` as above).
appcontext_tearing_down = _signals.signal("appcontext-tearing-down")

#: Sent when an application context is pushed.
appcontext_pushed = _signals.signal("appcontext-pushed")

#: Sent when an application context is popped.
appcontext_popped = _signals.signal("appcontext-popped")

#: Sent when :func:`~flaskcompat.flash` flashes a ``message`` with its
#: ``category``.
message_flashed = _signals.signal("message-flashed")
