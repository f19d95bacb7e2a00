"""Posts: written by a member (or the welcome officer for a spouse), checked by the territory
admin, shown until their end date (at most `max_days` ahead, renewable), then archived: out of
every list, search, feed and API answer, still readable by their author and the admin.

Services flush; the caller commits.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from flask import current_app
from flask_babel import gettext as _, ngettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import exists, func, or_, select

from core import audit, geo
from core.accounts.models import User
from core.accounts.service import record_consent
from core.db import lock_row, utcnow
from core.errors import NotFound
from core.extensions import db
from core.plugins import plugin_config
from core.timeutil import today_at

from . import access, vocabulary
from .errors import BoardsError
from .models import (
    JOB_OFFER,
    KINDS,
    PENDING,
    PUBLIC_KINDS,
    PUBLISHED,
    REJECTED,
    SKILL_WANTED,
    SPOUSE_PROFILE,
    Post,
    PostCode,
    PostCommune,
)

KIND_LABELS = {"job_offer": _l("Job offer"), "skill_wanted": _l("Skill wanted"),
               "activity": _l("Activity to take over"), "spouse_profile": _l("Spouse profile")}
EMPLOYMENT_TYPES = {"FULL_TIME": _l("Full time"), "PART_TIME": _l("Part time"), "CONTRACTOR": _l("Contractor"),
                    "TEMPORARY": _l("Fixed term"), "INTERN": _l("Internship"), "OTHER": _l("Other")}
SPOUSE_CONSENT = ("boards_spouse_profile", _l("My profile (jobs, skills, communes I can reach) may be shown to "
                                              "the recruiters the territory approved and to its welcome officer, "
                                              "who may write to me through the platform."))
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
MAX_COMMUNES = 10


def today() -> date:
    return today_at(current_app.config["TERRITORY"].territory.timezone)


def check_ends_on(ends_on) -> date:
    if not isinstance(ends_on, date):
        raise BoardsError(_("Give an end date."))
    days = plugin_config("boards").max_days
    if ends_on < today():
        raise BoardsError(_("The end date cannot be in the past."))
    if ends_on > today() + timedelta(days=days):
        raise BoardsError(ngettext("The end date is at most %(num)d day ahead; you can renew the post later.",
                                   "The end date is at most %(num)d days ahead; you can renew the post later.", days))
    return ends_on


def parse_communes(text: str | None) -> list[geo.Commune]:
    """Communes from what was typed (names or INSEE codes, separated by commas, semicolons or lines);
    the territory's départements first where a name is ambiguous."""
    prefer = tuple(current_app.config["TERRITORY"].territory.departements)
    out: list[geo.Commune] = []
    for token in re.split(r"[,;\n]+", text or ""):
        token = token.strip()
        if not token:
            continue
        found = geo.resolve(token, prefer, limit=1)
        if not found:
            raise BoardsError(_("Unknown commune: %(name)s.", name=token[:60]))
        if found[0].code not in {c.code for c in out}:
            out.append(found[0])
    if not out:
        raise BoardsError(_("Give at least one commune."))
    if len(out) > MAX_COMMUNES:
        raise BoardsError(ngettext("At most %(num)d commune.", "At most %(num)d communes.", MAX_COMMUNES))
    return out


def check_source_url(source_url: str | None) -> str:
    source_url = (source_url or "").strip()
    if source_url and (len(source_url) > 300 or not URL.match(source_url)):
        raise BoardsError(_("The link must be a web address starting with https:// or http://."))
    return source_url


def check_employment_type(employment_type: str | None) -> str:
    if employment_type and employment_type not in EMPLOYMENT_TYPES:
        raise BoardsError(_("Choose a kind of contract."))
    return employment_type or ""


def parse_codes(text: str | None) -> list[str]:
    """The ROME codes of what was typed (`vocabulary.parse`), at least one."""
    code_list = vocabulary.parse(text)
    if not code_list:
        raise BoardsError(_("Give at least one ROME job or skill."))
    return code_list


# What `create` checks field by field, each apart from the others.
FIELD_CHECKS = {"ends_on": check_ends_on, "source_url": check_source_url, "employment_type": check_employment_type,
                "codes": parse_codes, "communes": parse_communes}


def field_problems(values: dict) -> dict[str, str]:
    """Why each of these fields would be refused by `create` ({name: message}; only the fields
    given are checked), all at once: a form shows every error together, where `create` stops at
    the first (the ROME codes were told only once the rest of the form was right)."""
    problems = {}
    for name, value in values.items():
        check = FIELD_CHECKS.get(name)
        if check is None:
            continue
        try:
            check(value)
        except BoardsError as error:
            problems[name] = error.message
    return problems


def communes_of(post: Post) -> list[geo.Commune]:
    return [c for c in (geo.commune(pc.code) for pc in post.communes) if c is not None]


def codes_of(post: Post) -> list[str]:
    return [pc.code for pc in post.codes]


def _text(value, limit: int, label, required=False) -> str:
    value = (value or "").strip()
    if required and not value:
        raise BoardsError(_("%(field)s: required.", field=label))
    if len(value) > limit:
        raise BoardsError(ngettext("%(field)s: at most %(num)d character.", "%(field)s: at most %(num)d characters.", limit,
                                   field=label))
    return value


def create(author, kind: str, *, title: str, description: str = "", organisation: str = "", codes: str = "",
           communes: str = "", ends_on=None, source_url: str = "", employment_type: str = "", headcount=None,
           reason: str = "", person=None, consent: bool = False) -> Post:
    """A new post, waiting for the territory admin. A spouse profile is about `person` (the
    author themselves, or a spouse the welcome officer writes for), who consents to it."""
    if kind not in KINDS:
        raise NotFound(_("This kind of post does not exist."))
    post = Post(kind=kind, status=PENDING, author_id=author.id)
    post.title = _text(title, 160, _("Title"), required=True)
    post.description = _text(description, 5000, _("Description"))
    post.organisation = _text(organisation, 160, _("Organisation"), required=kind in (JOB_OFFER, SKILL_WANTED))
    post.reason = _text(reason, 2000, _("Why"))
    post.ends_on = check_ends_on(ends_on)
    post.source_url = check_source_url(source_url)
    post.employment_type = check_employment_type(employment_type) or ("OTHER" if kind != SPOUSE_PROFILE else "")
    if headcount is not None and not 1 <= int(headcount) <= 999:
        raise BoardsError(_("How many: between 1 and 999."))
    post.headcount = headcount
    code_list = parse_codes(codes)
    commune_list = parse_communes(communes)
    if kind == SPOUSE_PROFILE:
        person = person or author
        if not consent:
            raise BoardsError(_("A spouse profile needs the spouse's consent."))
        lock_row(User, person.id)  # a double-click (or the spouse and the officer at once): one profile
        if db.session.scalar(select(Post.id).where(Post.kind == SPOUSE_PROFILE, Post.person_id == person.id,
                                                   Post.status != REJECTED)) is not None:
            raise BoardsError(_("This person already has a spouse profile: renew it instead."), status=409)
        post.person_id = person.id
        purpose, wording = SPOUSE_CONSENT
        record_consent(person, purpose, str(wording))
    post.codes = [PostCode(code=c) for c in code_list]
    post.communes = [PostCommune(code=c.code) for c in commune_list]
    db.session.add(post)
    db.session.flush()
    audit.record(author, "boards.posted", f"boards_post:{post.id}", kind=kind)
    return post


def create_for_spouse(officer, email: str, **fields) -> Post:
    """The welcome officer writes a spouse profile for a spouse who has an account and consents."""
    access.require(access.is_welcome_officer(officer))
    person = User.by_email(email or "")
    if person is None or not person.is_active:
        raise BoardsError(_("No account uses this e-mail address: the person signs up first."))
    return create(officer, SPOUSE_PROFILE, person=person, **fields)


def get(post_id: int) -> Post:
    post = db.session.get(Post, post_id)
    if post is None:
        raise NotFound(_("This post does not exist."))
    return post


STATUS_LABELS = {PENDING: _l("Waiting to be checked"), PUBLISHED: _l("Shown"), REJECTED: _l("Rejected"),
                 "archived": _l("Archived")}


def status_label(post: Post) -> str:
    return str(STATUS_LABELS["archived" if is_expired(post) else post.status])


def is_live(post: Post) -> bool:
    return post.status == PUBLISHED and post.ends_on >= today()


def is_expired(post: Post) -> bool:
    return post.status == PUBLISHED and post.ends_on < today()


def owns(post: Post, user) -> bool:
    uid = getattr(user, "id", None) if getattr(user, "is_authenticated", False) else None
    return uid is not None and uid in (post.author_id, post.person_id)


def visible(post_id: int, viewer) -> Post | None:
    """A post this viewer may read: a live public post for everyone, a live spouse profile for
    approved recruiters and welcome officers; any of their own, and any for the admin."""
    post = db.session.get(Post, post_id)
    if post is None:
        return None
    if access.is_admin(viewer) or owns(post, viewer):
        return post
    if not is_live(post):
        return None
    if post.kind == SPOUSE_PROFILE:
        return post if access.may_see_spouses(viewer) else None
    return post


def live_clause():
    return [Post.status == PUBLISHED, Post.ends_on >= today()]


def listing(viewer, kind: str | None = None, rome: str | None = None, commune: str | None = None,
            q: str | None = None, limit: int = 200) -> list[Post]:
    """Live posts, newest first: public kinds for everyone, spouse profiles only for those who
    may see them. Filters: a kind, a ROME code (and the narrower ones), a commune (INSEE), text."""
    kinds = list(PUBLIC_KINDS) + ([SPOUSE_PROFILE] if access.may_see_spouses(viewer) else [])
    if kind:
        kinds = [k for k in kinds if k == kind]
    clauses = [*live_clause(), Post.kind.in_(kinds)]
    if rome:
        clauses.append(exists().where(PostCode.post_id == Post.id, PostCode.code.in_(vocabulary.widen([rome]))))
    if commune:
        clauses.append(exists().where(PostCommune.post_id == Post.id, PostCommune.code == commune))
    for word in (q or "").split()[:6]:
        pattern = f"%{word[:60]}%"
        clauses.append(or_(Post.title.ilike(pattern), Post.description.ilike(pattern),
                           Post.organisation.ilike(pattern)))
    return db.session.scalars(select(Post).where(*clauses)
                              .order_by(Post.published_at.desc(), Post.id.desc()).limit(limit)).all()


def mine(user) -> list[Post]:
    """A member's posts, archived ones included."""
    return db.session.scalars(select(Post).where(or_(Post.author_id == user.id, Post.person_id == user.id))
                              .order_by(Post.created_at.desc(), Post.id.desc())).all()


def queue() -> list[Post]:
    return db.session.scalars(select(Post).where(Post.status == PENDING).order_by(Post.created_at, Post.id)).all()


def waiting() -> int:
    """How many posts wait for the administrators' check (the count on their dashboard)."""
    return db.session.scalar(select(func.count()).select_from(Post).where(Post.status == PENDING)) or 0


def archive() -> list[Post]:
    """Expired posts, for the admin."""
    return db.session.scalars(select(Post).where(Post.status == PUBLISHED, Post.ends_on < today())
                              .order_by(Post.ends_on.desc(), Post.id.desc()).limit(500)).all()


def moderate(admin, post_id: int, decision: str, reason: str = "") -> Post:
    """The territory admin publishes or rejects a waiting post."""
    access.require(access.is_admin(admin))
    post = get(post_id)
    lock_row(Post, post.id)  # two administrators at once: the second finds it handled
    db.session.refresh(post)
    if post.status != PENDING:
        raise BoardsError(_("This post was already handled."), status=409)
    if decision == "publish":
        post.status, post.published_at = PUBLISHED, utcnow()
    elif decision == "reject":
        post.status, post.rejection_reason = REJECTED, (reason or "").strip()[:500]
    else:
        raise BoardsError(_("Choose what to do with this post."))
    post.moderated_by_id = admin.id
    audit.record(admin, f"boards.{post.status}", f"boards_post:{post.id}")
    db.session.flush()
    return post


def renew(user, post_id: int, ends_on) -> Post:
    """Its author (or the admin) gives a post a new end date, at most `max_days` ahead."""
    post = get(post_id)
    if not (owns(post, user) or access.is_admin(user)):
        raise NotFound(_("This post does not exist."))
    if post.status == REJECTED:
        raise BoardsError(_("A rejected post cannot be renewed."))
    post.ends_on = check_ends_on(ends_on)
    audit.record(user, "boards.renewed", f"boards_post:{post.id}", ends_on=post.ends_on.isoformat())
    db.session.flush()
    return post


def withdraw(user, post_id: int) -> None:
    """Its author, the spouse or the admin removes a post for good."""
    post = get(post_id)
    if not (owns(post, user) or access.is_admin(user)):
        raise NotFound(_("This post does not exist."))
    audit.record(user, "boards.withdrawn", f"boards_post:{post.id}", kind=post.kind)
    db.session.delete(post)
    db.session.flush()
