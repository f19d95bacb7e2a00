"""Cursor pagination for the API's lists: `limit` and an opaque `cursor`, the next page's address
in a `Link: <...>; rel="next"` header (RFC 8288), the body a plain array as before.

A cursor names the last row given by its sort key (an instant and an id), not an offset: a
booking made while a client pages shifts no page, so nothing is given twice or skipped.
"""
from __future__ import annotations

import base64
import json
import re
from datetime import datetime, timedelta

from flask import request
from flask_babel import gettext as _

from core.api.base import ApiError
from core.db import MAX_ID
from core.urls import external_url

DEFAULT_LIMIT = 50
MAX_LIMIT = 100
_WHOLE = re.compile(r"[0-9]{1,6}")


def limit_arg(default: int = DEFAULT_LIMIT, maximum: int = MAX_LIMIT) -> int:
    """The `limit` query parameter: `default` when absent, a 400 outside 1..`maximum`."""
    text = request.args.get("limit", "")
    if not text:
        return default
    if not _WHOLE.fullmatch(text) or not 1 <= int(text) <= maximum:
        raise ApiError(400, _("limit must be a whole number from 1 to %(max)d.", max=maximum), "bad_request")
    return int(text)


def instant_cursor(at: datetime, row_id: int) -> str:
    """The cursor after a row sorted by (`at`, `row_id`): opaque to clients, URL-safe."""
    payload = json.dumps([at.isoformat(), row_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


def instant_cursor_arg() -> tuple[datetime, int] | None:
    """The `cursor` query parameter read back as (an aware UTC instant, an id); None when absent;
    a 400 for anything `instant_cursor` did not write."""
    text = request.args.get("cursor", "")
    if not text:
        return None
    try:
        at, row_id = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        at = datetime.fromisoformat(at)
        if type(row_id) is not int or not 0 < row_id <= MAX_ID or at.utcoffset() != timedelta(0):
            raise ValueError(text)
    except (ValueError, TypeError, RecursionError):  # not base64, not JSON, not the pair, a bad date
        raise ApiError(400, _("This cursor was not given by this list: start again without it."),
                       "bad_request") from None
    return at, row_id


def link_next(response, endpoint: str, cursor: str, limit: int):
    """Add the next page's address, with the request's other parameters, to `response`."""
    # The request's parameters are the client's: any name, one the route's own arguments have
    # (those win), or `_anchor`, which `external_url` would make the address's fragment.
    values = {key: request.args.getlist(key) for key in request.args if key not in ("cursor", "limit", "_anchor")}
    url = external_url(endpoint, **{**values, **request.view_args, "limit": limit, "cursor": cursor})
    response.headers["Link"] = f'<{url}>; rel="next"'
    return response


def parameters(default: int = DEFAULT_LIMIT, maximum: int = MAX_LIMIT) -> list[dict]:
    """The two query parameters, for a path's OpenAPI description."""
    return [{"name": "limit", "in": "query", "required": False,
             "description": f"How many items (default {default}, at most {maximum})",
             "schema": {"type": "integer", "minimum": 1, "maximum": maximum, "default": default}},
            {"name": "cursor", "in": "query", "required": False,
             "description": 'Where the page starts: copy it from the previous answer\'s Link rel="next"; '
                            "absent for the first page",
             "schema": {"type": "string"}}]


# The header of a paginated answer, for its OpenAPI description.
LINK_HEADER = {"Link": {"description": 'The next page\'s address, `<...>; rel="next"` (RFC 8288); '
                                       "absent on the last page",
                        "schema": {"type": "string"}}}
