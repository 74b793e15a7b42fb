# -*- coding: utf-8 -*-
"""
    flaskcompat.typing
    ~~~~~~~~~~~~~~~~~~

    The names Flask 3.1's ``flask.typing`` gives for annotating views and
    callbacks: what a view may return (``ResponseReturnValue``), the kinds of
    callables an app registers (``RouteCallable``, ``ErrorHandlerCallable``,
    ...). They are for annotations only; nothing in the framework checks
    them. Where the ``typing`` module exists (Python 3, or its backport on
    2.7) they are real ``typing`` constructs, so an annotation such as
    ``ResponseReturnValue | None`` works; without it each name is ``object``,
    so the imports of an annotated module still succeed.
"""
from werkzeug.datastructures import Headers

from . import _compat
from .wrappers import Response

_t = _compat.typing_module

#: The Flask 3.1 names this module defines.
__all__ = [
    "ResponseValue", "StatusCode", "HeaderName", "HeaderValue", "HeadersValue",
    "ResponseReturnValue", "ResponseClass", "AppOrBlueprintKey",
    "AfterRequestCallable", "BeforeFirstRequestCallable", "BeforeRequestCallable",
    "ShellContextProcessorCallable", "TeardownCallable",
    "TemplateContextProcessorCallable", "TemplateFilterCallable",
    "TemplateGlobalCallable", "TemplateTestCallable", "URLDefaultCallable",
    "URLValuePreprocessorCallable", "ErrorHandlerCallable", "RouteCallable",
]

if _t is None:
    for _name in __all__:
        globals()[_name] = object
    del _name
else:
    _text = _compat.text_type
    _anything = _t.Callable[..., _t.Any]

    #: The body part of a view's return value.
    ResponseValue = _t.Union[
        Response, _text, bytes, _t.List[_t.Any], _t.Mapping[str, _t.Any],
        _t.Iterator[_text], _t.Iterator[bytes],
    ]
    StatusCode = int
    HeaderName = str
    HeaderValue = _t.Union[str, _t.List[str], _t.Tuple[str, ...]]
    HeadersValue = _t.Union[
        Headers, _t.Mapping[HeaderName, HeaderValue],
        _t.Sequence[_t.Tuple[HeaderName, HeaderValue]],
    ]
    #: Anything a view may return: a body, a body with a status and/or
    #: headers, or a WSGI application.
    ResponseReturnValue = _t.Union[
        ResponseValue,
        _t.Tuple[ResponseValue, HeadersValue],
        _t.Tuple[ResponseValue, int],
        _t.Tuple[ResponseValue, int, HeadersValue],
        _anything,
    ]
    #: A response class: Response or a subclass of it.
    ResponseClass = _t.TypeVar("ResponseClass", bound=Response)
    #: ``None`` for the app itself, else a blueprint's name.
    AppOrBlueprintKey = _t.Optional[str]

    AfterRequestCallable = _t.Callable[[_t.Any], _t.Any]
    BeforeFirstRequestCallable = _t.Callable[[], None]
    BeforeRequestCallable = _t.Callable[[], _t.Optional[ResponseReturnValue]]
    ShellContextProcessorCallable = _t.Callable[[], _t.Dict[str, _t.Any]]
    TeardownCallable = _t.Callable[[_t.Optional[BaseException]], None]
    TemplateContextProcessorCallable = _t.Callable[[], _t.Dict[str, _t.Any]]
    TemplateFilterCallable = _anything
    TemplateGlobalCallable = _anything
    TemplateTestCallable = _t.Callable[..., bool]
    URLDefaultCallable = _t.Callable[[str, _t.Dict[str, _t.Any]], None]
    URLValuePreprocessorCallable = _t.Callable[
        [_t.Optional[str], _t.Optional[_t.Dict[str, _t.Any]]], None
    ]
    #: An error handler takes the exception (or any object, for handlers
    #: registered by status code) and returns a response.
    ErrorHandlerCallable = _t.Callable[[_t.Any], ResponseReturnValue]
    #: A view function, plain or ``async def``.
    RouteCallable = _anything
