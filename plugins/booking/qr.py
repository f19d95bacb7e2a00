"""The site's arrival QR code: an address members scan to check in (segno draws it as SVG)."""
from __future__ import annotations

import segno
from markupsafe import Markup, escape

from core.urls import external_url


def arrival_url(site, token: str) -> str:
    """The public address in the QR code, built from the instance's URL (never the request's)."""
    return external_url("booking_arrive.arrive", site_slug=site.slug, token=token)


def svg(text: str, label: str) -> Markup:
    """An inline SVG image (no style attribute: the CSP allows it) scaling to its container."""
    code = segno.make(text, error="m")
    drawing = code.svg_inline(scale=4, omitsize=True, svgclass="qr-code", lineclass="qr-line",
                              dark="#000", light="#fff")
    return Markup(drawing.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))
