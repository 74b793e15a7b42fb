# -*- coding: utf-8 -*-
"""Type aliases for annotating views, hooks and handlers, under the names of
Flask 2.x/3.1's ``flask.typing``, so annotated code reads the same on
flaskcompat and on Flask. They describe; nothing checks them at run time.
"""
from __future__ import absolute_import

from werkzeug.datastructures import Headers

from ._compat import async_iterable_of
from ._compat import awaitable_of
from ._compat import binary_type
from ._compat import std_typing as _t
from ._compat import text_type
from .wrappers import Response

_Text = _t.Union[text_type, str]


def _maybe_async(arguments, result):
    # A callable of ``arguments`` returning ``result``, or a coroutine
    # function returning it (the app runs those through ensure_sync).
    return _t.Union[
        _t.Callable[arguments, result], _t.Callable[arguments, awaitable_of(result)]
    ]


def _streams_of(*item_types):
    # Iterators, sync and async, of each item type.
    kinds = [_t.Iterator[item] for item in item_types]
    kinds.extend(async_iterable_of(item) for item in item_types)
    return kinds


#: What a view may return as the body: a response, text, bytes, a list or
#: dict (sent as JSON), or an iterator of text or bytes (streamed).
ResponseValue = _t.Union[
    tuple(
        [Response, _Text, binary_type, _t.List[_t.Any], _t.Mapping[_Text, _t.Any]]
        + _streams_of(_Text, binary_type)
    )
]

#: A status code (Flask 2.x's name).
StatusCode = int

#: A header's name (Flask 2.x's name).
HeaderName = _Text

#: One header's value: text, or several values for a repeated header.
HeaderValue = _t.Union[_Text, _t.List[_Text], _t.Tuple[_Text, ...]]

#: Headers as a view may return them: a Headers object, a mapping, or
#: ``(name, value)`` pairs.
HeadersValue = _t.Union[
    Headers, _t.Mapping[_Text, HeaderValue], _t.Sequence[_t.Tuple[_Text, HeaderValue]]
]

#: Everything a view may return: a body alone; a body with a status, with
#: headers, or with both (a tuple); or any WSGI application.
ResponseReturnValue = _t.Union[
    tuple(
        [ResponseValue]
        + [_t.Tuple[(ResponseValue,) + extra] for extra in (
            (HeadersValue,), (int,), (int, HeadersValue))]
        + [_t.Callable[..., _t.Iterable[binary_type]]]
    )
]

#: A response class, kept by after-request functions.
ResponseClass = _t.TypeVar("ResponseClass", bound=Response)

#: A registry key: ``None`` for the application, a blueprint's name otherwise.
AppOrBlueprintKey = _t.Optional[_Text]

AfterRequestCallable = _maybe_async([ResponseClass], ResponseClass)
BeforeFirstRequestCallable = _maybe_async([], None)
BeforeRequestCallable = _maybe_async([], _t.Optional[ResponseReturnValue])
TeardownCallable = _maybe_async([_t.Optional[BaseException]], None)
TemplateContextProcessorCallable = _maybe_async([], _t.Dict[_Text, _t.Any])
ShellContextProcessorCallable = _t.Callable[[], _t.Dict[_Text, _t.Any]]
TemplateFilterCallable = _t.Callable[..., _t.Any]
TemplateGlobalCallable = _t.Callable[..., _t.Any]
TemplateTestCallable = _t.Callable[..., bool]
URLDefaultCallable = _t.Callable[[_Text, _t.Dict[_Text, _t.Any]], None]
URLValuePreprocessorCallable = _t.Callable[
    [_t.Optional[_Text], _t.Optional[_t.Dict[_Text, _t.Any]]], None
]
ErrorHandlerCallable = _maybe_async([_t.Any], ResponseReturnValue)
RouteCallable = _t.Union[
    _t.Callable[..., ResponseReturnValue],
    _t.Callable[..., awaitable_of(ResponseReturnValue)],
]

__all__ = [
    name
    for name in sorted(globals())
    if name[0].isupper() and name not in ("Headers", "Response")
]
