"""Work to do once the current transaction has committed: Stripe calls and plugin events.

Stored on the session like the core's outbox, so a rolled-back payment neither refunds a card
nor tells other plugins anything.
"""
from __future__ import annotations

import logging

from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session

log = logging.getLogger("tierslieux.billing")
KEY = "billing_after_commit"


def after_commit(func, *args, **kwargs) -> None:
    from core.extensions import db

    db.session.info.setdefault(KEY, []).append((func, args, kwargs))


@event.listens_for(Session, "after_commit")
def _run(session):
    work = session.info.pop(KEY, None)
    if not work:
        return
    app = current_app._get_current_object()
    for func, args, kwargs in work:
        try:
            with app.app_context():
                func(*args, **kwargs)
        except Exception:  # one failed follow-up must not hide the others; it is logged
            log.exception("billing follow-up %s failed", getattr(func, "__name__", func))


@event.listens_for(Session, "after_rollback")
def _forget(session):
    session.info.pop(KEY, None)


def notify(hook_name: str, order, **kwargs) -> None:
    """Call one of billing's event hooks after the commit, through the order's site view.

    The order and any invoice among `kwargs` are read again in a fresh session.
    """
    from plugins.billing.models import Invoice

    invoice_ids = {k: v.id for k, v in kwargs.items() if isinstance(v, Invoice)}
    plain = {k: v for k, v in kwargs.items() if k not in invoice_ids}

    def call(order_id):
        from core.extensions import db
        from core.plugins import hooks
        from plugins.billing.models import Order

        fresh = db.session.get(Order, order_id)
        args = {"order": fresh, **plain, **{k: db.session.get(Invoice, i) for k, i in invoice_ids.items()}}
        getattr(hooks(fresh.site), hook_name)(**args)

    after_commit(call, order.id)
