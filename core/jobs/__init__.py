"""Durable after-commit work: `enqueue` in the transaction, a worker runs it once it commits.

Public names: `enqueue`, `Permanent`, `Job`, `run_pending`, `retry`. Plugins give their
handlers through the `job_handlers` hook. See docs/plugins.md, "Transactions and jobs".
"""
from core.jobs.models import Job
from core.jobs.queue import enqueue
from core.jobs.runner import Permanent, retry, run_now, run_pending

__all__ = ["Job", "Permanent", "enqueue", "retry", "run_now", "run_pending"]
