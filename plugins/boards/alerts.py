"""Members' alerts: a member (a spouse too) gives the jobs and skills they have, their commune
and how far they go; they may ask for a weekly digest of new matching posts, and to be proposed
to the employers whose posts match (each a consent, withdrawn by unticking it). The digest is
a job chained week after week (`schedule`), never a request.

Services flush; the caller commits.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import force_locale, gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, select
from sqlalchemy.orm import lazyload

from core.accounts.models import User
from core.accounts.service import record_consent, withdraw_consent
from core.db import lock_row, utcnow
from core.extensions import db
from core.jobs import enqueue
from core.mail import queue_mail
from core.modules.service import is_enabled
from core.urls import external_url

from . import matching, posts, vocabulary
from .errors import BoardsError
from .models import Alert

DIGEST_JOB = "boards.weekly_digest"
ONE_DIGEST_JOB = "boards.digest"  # one subscriber's, queued by the weekly job
CONSENTS = {"digest": ("boards_digest", _l("Send me each week by e-mail the new posts matching my jobs and "
                                           "skills.")),
            "matchable": ("boards_matchable", _l("Show my name, jobs and skills to the employers whose posts "
                                                 "match, and to approved recruiters; they write to me through "
                                                 "the platform, which never shows my address."))}


def alert_of(user) -> Alert | None:
    return db.session.scalar(_alert_query(), {"user_id": user.id})


@cache
def _alert_query():
    """`alert_of`'s statement, built once (every member's home asks it); its member, joined by
    default for the digests' jobs, is `user`, already loaded."""
    return select(Alert).where(Alert.user_id == bindparam("user_id")).options(lazyload(Alert.user))


def save(user, *, codes: str, commune: str, radius_km: int, digest: bool, matchable: bool) -> Alert:
    code_list = vocabulary.parse(codes)
    if not code_list:
        raise BoardsError(_("Give at least one ROME job or skill."))
    home = posts.parse_communes(commune)[0]
    if not 1 <= int(radius_km or 0) <= 200:
        raise BoardsError(_("How far: between 1 and 200 km."))
    lock_row(User, user.id)  # a double-click's second save must not insert the alert again (PostgreSQL)
    alert = alert_of(user)
    if alert is None:
        alert = Alert(user_id=user.id, digest=False, matchable=False, last_sent_at=utcnow())
        db.session.add(alert)
    for flag, want in (("digest", digest), ("matchable", matchable)):
        purpose, wording = CONSENTS[flag]
        if want and not getattr(alert, flag):
            record_consent(user, purpose, str(wording))
        elif not want and getattr(alert, flag):
            withdraw_consent(user, purpose)
        setattr(alert, flag, bool(want))
    alert.codes, alert.commune_code, alert.radius_km = code_list, home.code, int(radius_km)
    alert.updated_at = utcnow()
    db.session.flush()
    if alert.digest:
        schedule()
    return alert


def remove(user) -> None:
    alert = alert_of(user)
    if alert is not None:
        for flag, (purpose, _wording) in CONSENTS.items():
            if getattr(alert, flag):
                withdraw_consent(user, purpose)
        db.session.delete(alert)
        db.session.flush()


def _next_monday(day: date) -> date:
    return day + timedelta(days=7 - day.weekday())


def schedule(day: date | None = None) -> None:
    """Enqueue next Monday's digest (at 7:00, territory time), once (a unique key)."""
    monday = _next_monday(day or posts.today())
    tz = ZoneInfo(current_app.config["TERRITORY"].territory.timezone)
    run_at = datetime.combine(monday, time(7), tz).astimezone(ZoneInfo("UTC"))
    enqueue(DIGEST_JOB, key=f"{DIGEST_JOB}:{monday}", run_at=run_at, day=monday.isoformat())


# A post's publication time is written before its moderation commits: a digest covers the
# posts published up to this long before it runs, every one of them committed by then; the
# later ones go in the next digest. Without it, a post whose moderation committed while the
# digest ran was in no digest ever (published before `last_sent_at`, seen by none).
SETTLED = timedelta(minutes=5)


def send_digests(now=None) -> int:
    """Queue each subscriber's digest of the posts published up to `SETTLED` before now, one
    job each; returns how many were queued. One job per subscriber keeps each transaction short
    (thousands of subscribers in one would outlive the job's lease) and lets one member's failure
    be retried alone; the key makes a second run of the same week queue nothing more."""
    until = (now or utcnow()) - SETTLED
    ids = db.session.scalars(select(Alert.user_id).where(Alert.digest.is_(True)).order_by(Alert.user_id)).all()
    for user_id in ids:
        enqueue(ONE_DIGEST_JOB, key=f"{ONE_DIGEST_JOB}:{user_id}:{until:%Y-%m-%dT%H:%M}", user_id=user_id,
                until=until.isoformat())
    return len(ids)


def send_digest(user_id: int, until: str) -> bool:
    """The "boards.digest" job: mail one subscriber the posts published since their last digest
    and up to `until`; returns whether a mail went. Nothing is sent twice: the mail is queued in
    the transaction that moves `last_sent_at` on."""
    until_at = datetime.fromisoformat(until)
    lock_row(User, user_id)  # the member editing their alert at this moment: one after the other
    alert = db.session.get(Alert, user_id, populate_existing=True)
    if alert is None or not alert.digest or (alert.last_sent_at and alert.last_sent_at >= until_at):
        return False
    user = db.session.get(User, alert.user_id)
    found = matching.posts_for(alert, alert.last_sent_at, until_at)
    alert.last_sent_at = until_at
    db.session.flush()
    if not found or user is None or not user.is_active:
        return False
    locale = user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]
    with force_locale(locale):  # the kinds' names, in the mail's language (they were the territory's)
        found = [{"title": p.title, "kind": str(posts.KIND_LABELS[p.kind]), "organisation": p.organisation,
                  "url": external_url("boards.show", post_id=p.id)} for p in found]
    queue_mail(user.email, "boards_digest", locale=locale, name=user.display_name, posts=found,
               alerts_url=external_url("boards.alerts"))
    return True


def weekly_digest(day: str) -> None:
    """The job: this week's digests (while the module is on), then next week's job."""
    if is_enabled("boards"):
        send_digests()
    schedule(date.fromisoformat(day))


HANDLERS = {DIGEST_JOB: weekly_digest, ONE_DIGEST_JOB: send_digest}
