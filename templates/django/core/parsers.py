"""The API's JSON parser: DRF's, with JSON nested too deeply refused like malformed JSON."""

from collections.abc import Mapping
from typing import IO, Any

from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            # Python's json module recurses once per level: [[[[...]]]] thousands of
            # levels deep exhausts the stack, which would otherwise be a 500.
            raise ParseError("JSON parse error - nested too deeply") from None
