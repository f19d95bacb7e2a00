"""The least a correct booking write does, as the baseline of booking creation (issue 16):
one write transaction that reads the resource, checks the overlap, inserts and commits.

SQLite: BEGIN IMMEDIATE (writers one at a time), an explicit overlap query (the booking
trigger checks again). PostgreSQL: the insert alone, refused by the exclusion constraint
(23P01 -> 409). Flask and SQLAlchemy Core on the same pool as the platform; no ORM, no token,
no rules, no e-mail. Served by the same gunicorn settings (bench/serve.py).
"""
import os
import secrets
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from flask import Flask, jsonify, request
from sqlalchemy import create_engine, event, exc, text

app = Flask("booking-write")
engine = create_engine(os.environ["DATABASE_URL"])
SQLITE = engine.dialect.name == "sqlite"
ACTIVE = ("held", "confirmed", "checked_in")
MEMBER = int(os.environ.get("BENCH_MEMBER_ID", "1"))

if SQLITE:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=30000", "synchronous=NORMAL"):
            dbapi_connection.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _utc(value: str, tz: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=ZoneInfo(tz)).astimezone(timezone.utc)


def _db(value: datetime):
    return value.replace(tzinfo=None) if SQLITE else value


class Taken(Exception):
    pass


@app.post("/api/v1/bookings")
def create():
    body = request.get_json()
    try:
        with engine.begin() as conn:  # commits at the end, rolls back on any exception
            resource = conn.execute(text(
                "SELECT r.id, r.site_id, s.timezone FROM booking_resource r JOIN site s ON s.id = r.site_id "
                "WHERE r.id = :id AND r.retired_at IS NULL"), {"id": int(body["resource"])}).first()
            if resource is None:
                return jsonify({"error": "not_found"}), 404
            starts_at, ends_at = _utc(body["start"], resource.timezone), _utc(body["end"], resource.timezone)
            values = {"resource": resource.id, "site": resource.site_id, "member": MEMBER, "start": _db(starts_at),
                      "end": _db(ends_at), "code": secrets.token_hex(4), "now": _db(datetime.now(timezone.utc))}
            if SQLITE and conn.execute(text(
                    "SELECT 1 FROM booking_booking WHERE resource_id = :resource AND starts_at < :end "
                    "AND ends_at > :start AND status IN ('held', 'confirmed', 'checked_in') LIMIT 1"),
                    values).first():
                raise Taken
            new_id = conn.execute(text(
                "INSERT INTO booking_booking (resource_id, site_id, member_id, created_by_id, starts_at, ends_at, "
                "status, is_block, note, checkin_code, created_at) VALUES (:resource, :site, :member, :member, "
                ":start, :end, 'confirmed', false, '', :code, :now) RETURNING id"), values).scalar()
    except Taken:
        return jsonify({"error": "taken"}), 409
    except exc.IntegrityError as error:
        if getattr(error.orig, "sqlstate", None) == "23P01" or "booking_overlap" in str(error.orig):
            return jsonify({"error": "taken"}), 409
        raise
    return jsonify({"id": new_id, "status": "confirmed", "resource": resource.id}), 201
