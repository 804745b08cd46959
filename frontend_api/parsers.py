"""The JSON parser, with a nesting limit.

Python's ``json`` recurses once per nesting level, so a body of a few thousand
``[`` is a ``RecursionError`` (a 500) before any serializer sees it. No request
of ours nests deeper than a few levels; a body nested beyond ``JSON_MAX_DEPTH``
is a 400 problem (``code: too_deep``) without being decoded. allauth's headless
views decode JSON themselves, so ``frontend_api.middleware.JsonDepthMiddleware``
applies the same limit to every JSON body under ``/api/``.
"""

from __future__ import annotations

import io
import re
from typing import Any

from rest_framework import parsers
from rest_framework.exceptions import ParseError

JSON_MAX_DEPTH = 32
_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(rb"[\[\]{}]")


def json_depth(raw: bytes) -> int:
    """The deepest nesting of arrays and objects in ``raw`` (strings skipped)."""
    depth = deepest = 0
    for bracket in _BRACKETS.findall(_STRINGS.sub(b"", raw)):
        if bracket in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


class TooDeep(ParseError):
    default_code = "too_deep"


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None) -> Any:
        raw = stream.read() if stream is not None else b""
        if json_depth(raw) > JSON_MAX_DEPTH:
            raise TooDeep(f"JSON may nest at most {JSON_MAX_DEPTH} levels deep.")
        return super().parse(io.BytesIO(raw), media_type, parser_context)
