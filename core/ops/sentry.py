"""Errors to Sentry when `SENTRY_DSN` is set (the optional extra: `pip install 'tierslieux[sentry]'`).

Unhandled exceptions of requests and of jobs (logged at ERROR by the runner) are sent with
the request id as a tag; nothing is sent without a DSN.
"""
from __future__ import annotations

import os

from core.config import ConfigError


def init(app) -> bool:
    dsn = app.config.get("SENTRY_DSN") or os.environ.get("SENTRY_DSN")
    if not dsn:
        return False
    try:
        import sentry_sdk
        from sentry_sdk.integrations.flask import FlaskIntegration
    except ImportError:
        raise ConfigError("SENTRY_DSN is set but sentry-sdk is not installed: "
                          "pip install 'tierslieux[sentry]'") from None
    from core.ops.logs import current_request_id

    def tag_request(event, _hint):
        request_id = current_request_id()
        if request_id:
            event.setdefault("tags", {})["request_id"] = request_id
        return event

    sentry_sdk.init(dsn=dsn, integrations=[FlaskIntegration()], before_send=tag_request,
                    environment="production" if app.config["PRODUCTION"] else "development",
                    traces_sample_rate=0)
    return True
