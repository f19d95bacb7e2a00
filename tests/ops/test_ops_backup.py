"""`tierslieux backup` while the demo takes bookings, then `tierslieux restore` into a fresh
database: everything committed before the backup began is there (issue 14, item 4)."""
from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import create_engine, select, text

from core.extensions import db
from core.ops.backup import backup, restore
from tests.ops.conftest import new_postgres_database
from tests.ops.ops_writes import Committed, write

TABLES = {"booking": "booking_booking", "invoice": "billing_invoice", "credit": "billing_credit_entry"}


def fresh_database(database_url: str, tmp_path) -> str:
    """An empty database beside the test's: a new SQLite file, or `<name>_restore` on PostgreSQL."""
    if database_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'restored.db'}"
    return new_postgres_database(database_url, "restore")


@pytest.mark.slow
def test_a_backup_under_writes_restores_everything_committed_before_it(app_factory, database_url, tmp_path,
                                                                       desks_and_members):
    app = app_factory(JOBS_RUN="worker")  # e-mails and invoices' PDFs wait for a worker: writes stay quick
    members = desks_and_members
    committed, stop = Committed(), threading.Event()
    writers = [threading.Thread(target=write, args=(app, member, offset, stop, committed))
               for offset, member in enumerate(members)]
    for writer in writers:
        writer.start()
    try:
        deadline = time.monotonic() + 60
        while sum(kind == "booking" for kind, _ in committed.snapshot()) < 6:
            assert time.monotonic() < deadline and all(w.is_alive() for w in writers), committed.snapshot()
            time.sleep(0.05)
        before = committed.snapshot()
        file = tmp_path / "backup.dump"
        result = app.test_cli_runner().invoke(backup, [str(file)])
        assert result.exit_code == 0, result.output
    finally:
        stop.set()
        for writer in writers:
            writer.join(60)

    target = fresh_database(database_url, tmp_path)
    restored_app = app_factory(SQLALCHEMY_DATABASE_URI=target)
    result = restored_app.test_cli_runner().invoke(restore, [str(file)])
    assert result.exit_code == 0, result.output
    again = restored_app.test_cli_runner().invoke(restore, [str(file)])
    assert again.exit_code == 1 and "already has tables" in again.output

    engine = create_engine(target)
    try:
        with engine.connect() as conn:
            for kind, table in TABLES.items():
                ids = set(conn.execute(text(f"SELECT id FROM {table}")).scalars())
                wanted = {ident for k, ident in before if k == kind}
                assert wanted and wanted <= ids, (kind, sorted(wanted - ids))
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() >= 1
    finally:
        engine.dispose()
    with restored_app.app_context():  # the restored database serves the app
        from plugins.booking.models import Booking

        assert db.session.scalar(select(db.func.count()).select_from(Booking)) >= 6
        db.session.remove()
        db.engine.dispose()
