"""The day's check-in code shown at a site: derived from the secret key, so nothing is stored."""
from __future__ import annotations

import hashlib
import hmac
from zoneinfo import ZoneInfo

from flask import current_app


def site_code(site, instant) -> str:
    """Six digits for a site and the local day of an instant; changes every day."""
    day = instant.astimezone(ZoneInfo(site.timezone)).date().isoformat()
    digest = hmac.new(current_app.config["SECRET_KEY"].encode(), f"checkin:{site.id}:{day}".encode(),
                      hashlib.sha256).hexdigest()
    return f"{int(digest[:12], 16) % 1_000_000:06d}"
