"""Build the saved database of the first release point, for tests/ops/test_ops_upgrade.py.

There is no tagged release yet; the first release point is commit 68c16e7 (booking and billing
merged, before the job queue): core 0001-0002, booking 0001, billing 0001. Its demo is seeded
and filled through the services of that time (bundles and a day pass paid at the desk, bookings
paid with credits, one cancelled with its day given back), then dumped as SQL:

    git worktree add /tmp/release-0.1 68c16e7
    PYTHONPATH=/tmp/release-0.1 .venv/bin/python tests/data/build_release_dump.py sqlite
    PYTHONPATH=/tmp/release-0.1 .venv/bin/python tests/data/build_release_dump.py postgresql://postgres@127.0.0.1/scratch

It writes tests/data/release-0.1.sqlite.sql or release-0.1.postgresql.sql, and prints what the
upgrade test must find afterwards (tests/data/release-0.1.json).
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
OLD = Path(os.environ["PYTHONPATH"].split(os.pathsep)[0])


def main(target: str) -> None:
    import flask_migrate
    from sqlalchemy import func, select

    from core import create_app
    from core.accounts.models import User
    from core.demo import seed
    from core.extensions import db
    from core.sites.models import Site
    from plugins.billing.checkout import create_order
    from plugins.billing.fulfilment import record_paid_on_site
    from plugins.billing.models import CreditEntry, Invoice, Order
    from plugins.billing.products import quote
    from plugins.booking.models import Booking, Resource
    from plugins.booking.service import book, cancel

    assert (OLD / "core" / "__init__.py").exists() and __import__("core").__file__.startswith(str(OLD))
    folder = Path(tempfile.mkdtemp())
    url = f"sqlite:///{folder / 'release.db'}" if target == "sqlite" else target
    os.environ["TIERSLIEUX_INSTANCE"] = str(folder)
    app = create_app(OLD / "examples" / "territories" / "aveyron-lot-cantal.toml",
                     {"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "release", "MAIL_SERVER": "127.0.0.1",
                      "MAIL_PORT": 9, "TESTING": True})
    zone = ZoneInfo("Europe/Paris")
    with app.app_context():
        flask_migrate.upgrade(revision="heads")
        seed()
        site = db.session.scalar(select(Site).where(Site.slug == "figeac-maison-emploi"))
        desks = db.session.scalars(select(Resource).where(Resource.site_id == site.id, Resource.kind == "desk")
                                   .order_by(Resource.id)).all()
        members = db.session.scalars(select(User).where(User.email.like("%.%@demo.tierslieux.fr"),
                                                        User.role == "member").order_by(User.id)).all()
        day = datetime.now(zone).date() + timedelta(days=21)
        day += timedelta(days=(7 - day.weekday()) % 7)  # a Monday, three weeks or so ahead
        for index, member in enumerate(members):
            record_paid_on_site(create_order(member, site, quote(site, "bundle_10", member.id), 1, method="cash"))
            db.session.commit()
            for offset in range(2):
                start = datetime.combine(day + timedelta(days=offset), time(8, 30), zone)
                book(desks[index], member, start, start.replace(hour=12, minute=30))
                db.session.commit()
        record_paid_on_site(create_order(members[0], site, quote(site, "day_pass", members[0].id), 1,
                                         method="cheque"))
        db.session.commit()
        first = db.session.scalar(select(Booking.id).where(Booking.member_id == members[1].id).order_by(Booking.id))
        cancel(first, members[1])
        db.session.commit()
        facts = {
            "bookings": {str(b.id): [b.member.email, b.status, b.starts_at.isoformat()]
                         for b in db.session.scalars(select(Booking).order_by(Booking.id))},
            "invoices": {i.reference: [i.kind, i.total_ttc_cents, i.member_id]
                         for i in db.session.scalars(select(Invoice).order_by(Invoice.id))},
            "orders": db.session.scalar(select(func.count()).select_from(Order)),
            "credits": {m.email: db.session.scalar(select(func.coalesce(func.sum(CreditEntry.delta), 0))
                                                   .where(CreditEntry.member_id == m.id)) for m in members},
            "credit_entries": db.session.scalar(select(func.count()).select_from(CreditEntry)),
            "accounts": sorted(u.email for u in db.session.scalars(select(User))),
        }
        db.session.remove()
        db.engine.dispose()
    (HERE / "release-0.1.json").write_text(json.dumps(facts, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    if target == "sqlite":
        connection = sqlite3.connect(folder / "release.db")
        (HERE / "release-0.1.sqlite.sql").write_text("\n".join(connection.iterdump()) + "\n")
        connection.close()
    else:
        dump = subprocess.run(["pg_dump", "--format=plain", "--no-owner", "--no-privileges", target],
                              check=True, capture_output=True, text=True).stdout
        (HERE / "release-0.1.postgresql.sql").write_text(dump)
    print(json.dumps(facts, indent=1, ensure_ascii=False)[:2000])


if __name__ == "__main__":
    main(sys.argv[1])
