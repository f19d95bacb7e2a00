"""Helpers shared by the events tests."""
from __future__ import annotations

import re


def link_in(message, path_part: str) -> str:
    """The first link of an e-mail's text containing `path_part`, as a path for the test client."""
    body = message.get_body(("plain",)).get_content() if message.is_multipart() else message.get_content()
    url = re.search(rf"https?://\S*{re.escape(path_part)}\S*", body).group(0)
    return "/" + url.split("/", 3)[3]
