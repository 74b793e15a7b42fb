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


#: What a view may return as the body: a response, text, bytes, a list or
#: dict (sent as JSON), or an iterator of text or bytes (streamed).
ResponseValue = _t.Union[
    Response,
    _Text,
    binary_type,
    _t.List[_t.Any],
    _t.Mapping[_Text, _t.Any],
    _t.Iterator[_Text],
    _t.Iterator[binary_type],
    async_iterable_of(_Text),
    async_iterable_of(binary_type),
]

#: One header's value: text, or several values for a repeated header.
HeaderValue = _t.Union[_Text, _t.List[_Text], _t.Tuple[_Text, ...]]

#: Headers as a view may return them.
HeadersValue = _t.Union[
    Headers,
    _t.Mapping[_Text, HeaderValue],
    _t.Sequence[_t.Tuple[_Text, HeaderValue]],
]

#: Everything a view may return: a body, or a tuple adding a status and/or
#: headers, or any WSGI application.
ResponseReturnValue = _t.Union[
    ResponseValue,
    _t.Tuple[ResponseValue, HeadersValue],
    _t.Tuple[ResponseValue, int],
    _t.Tuple[ResponseValue, int, HeadersValue],
    _t.Callable[..., _t.Iterable[binary_type]],
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
