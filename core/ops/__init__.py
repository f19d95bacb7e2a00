"""Running an instance: request ids and JSON logs, `/healthz`, Prometheus `/metrics`, Sentry,
`tierslieux backup|restore`. See docs/operations.md.

Public names: `Gauge` (what a plugin's `metrics` hook returns), `current_request_id`.
"""
from core.ops.logs import current_request_id
from core.ops.metrics import Gauge

__all__ = ["Gauge", "current_request_id"]
