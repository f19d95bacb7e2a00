"""Conventions' rules: partners, conventions, authorisations, and what a convention pays.

Plain functions: values in, values or a `ConventionError` out. They flush, never commit: the
caller (a view, the API, a job, or booking's transaction through a hook) owns the transaction.

Quantities are half-days: a booking blocking the morning and the afternoon of its site's day
is a day (2), one blocking a single half-day is a half-day (1).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from flask import current_app
from flask_babel import gettext as _, ngettext
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import bindparam, case, delete, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import defaultload, lazyload
from stdnum.fr import siren as stdnum_siren, siret as stdnum_siret
from stdnum.eu import vat as stdnum_vat

from core import audit
from core.accounts import roles
from core.accounts.models import User
from core.cache import cached, watch
from core.db import find, is_unique_violation, lock_row, read, utcnow
from core.extensions import db
from core.jobs import enqueue
from core.mail import queue_mail
from core.timeutil import today_at, utc_to_local
from core.ui import number, plural_count
from plugins.booking import ACTIVE, MEMBERS_CHOICE, Booking, Payer, Refused, periods_blocked

from .advice import refusal_with_advice
from .errors import ConventionError
from .models import (AUTH_STATUSES, KINDS, MAX_DAYS, PAST_CAP, PRICE_MODELS, Authorisation, Convention, Partner,
                     Referent, Statement, Use)

COUNTED = ("counted", "late")  # statuses of a use that spend a cap or the budget
TRANSITIONS = {"draft": ("signed", "terminated"), "signed": ("active", "expired", "terminated"),
               "active": ("expired", "terminated"), "expired": (), "terminated": ()}
INVITE_DAYS = 14
REQUEST_AGAIN_DAYS = 30  # after a référent refused or ended an employee, before they may ask again by domain
ALERT_SHARE = 0.8
ENDING_DAYS = 60
DELETE_SIGNED_COPY = "conventions.delete_signed_copy"


# --------------------------------------------------------------------------------------------
# Identifiers
# --------------------------------------------------------------------------------------------


def clean_siret(value: str) -> str:
    """A SIREN (9 digits) or SIRET (14 digits), spaces removed, Luhn check digit verified.

    :raises ConventionError: not a valid number.
    """
    digits = re.sub(r"[\s.]", "", value or "")
    valid = (len(digits) == 9 and stdnum_siren.is_valid(digits)) or \
        (len(digits) == 14 and stdnum_siret.is_valid(digits))
    if not valid:
        raise ConventionError(_("Give a SIREN (9 digits) or a SIRET (14 digits) whose check digit is right."),
                              "bad_siret")
    return digits


def clean_vat(value: str) -> str:
    """An EU VAT number (FR12345678901), or "" for none."""
    text = re.sub(r"[\s.]", "", value or "").upper()
    if text and not stdnum_vat.is_valid(text):
        raise ConventionError(_("This VAT number is not valid."), "bad_vat")
    return text


# --------------------------------------------------------------------------------------------
# Partners and conventions (territory administrators)
# --------------------------------------------------------------------------------------------

PARTNER_FIELDS = ("name", "siret", "vat_number", "address", "public_buyer", "chorus_service_code",
                  "engagement_number", "listed_publicly")
CONVENTION_FIELDS = ("reference", "starts_on", "ends_on", "tacit_renewal", "notice_days", "all_sites",
                     "site_ids", "kinds", "price_model", "day_rate_cents", "half_day_rate_cents", "seat_fee_cents",
                     "seats", "week_cap", "month_cap", "year_cap", "budget_halfdays", "budget_cents", "past_cap",
                     "cancel_notice_hours", "no_show_counts", "email_domains", "cost_centres")
MAX_COST_CENTRES = 50


def _require_admin(actor) -> None:
    if actor is None or not actor.is_territory_admin:
        raise ConventionError(_("Only a territory administrator may do this."), "forbidden", status=403)


def save_partner(actor, partner: Partner | None, **values) -> Partner:
    """Create or edit a partner (territory administrators); audited."""
    _require_admin(actor)
    values = {k: v for k, v in values.items() if k in PARTNER_FIELDS}
    values["name"] = (values.get("name") or "").strip()
    if not values["name"]:
        raise ConventionError(_("Give the partner's legal name."), "bad_name")
    values["siret"] = clean_siret(values.get("siret", ""))
    values["vat_number"] = clean_vat(values.get("vat_number", ""))
    if values.get("public_buyer") and not (values.get("chorus_service_code") or "").strip():
        raise ConventionError(_("A public buyer needs its Chorus Pro service code."), "bad_chorus")
    created = partner is None
    if created:  # a double-click on "create": one partner, the second click is told
        lock_row(User, actor.id)
        if _same_partner(values["name"], values["siret"]) is not None:
            raise ConventionError(_("A partner with this name or SIRET exists already."), "duplicate_partner",
                                  status=409)
    partner = partner or Partner()
    for key, value in values.items():
        setattr(partner, key, value.strip() if isinstance(value, str) else value)
    db.session.add(partner)
    db.session.flush()
    audit.record(actor, "conventions.partner_created" if created else "conventions.partner_edited",
                 f"conventions_partner:{partner.id}", name=partner.name)
    return partner


def _same_partner(name: str, siret: str) -> int | None:
    same = func.lower(Partner.name) == name.lower()
    return db.session.scalar(select(Partner.id).where(or_(same, Partner.siret == siret) if siret else same).limit(1))


def add_referent(actor, partner: Partner, email: str) -> Referent:
    """Make an existing account a référent of a partner (its role becomes `partner`)."""
    _require_admin(actor)
    user = User.by_email((email or "").strip().lower())
    if user is None or user.erased_at is not None:
        raise ConventionError(_("No account has this e-mail address."), "unknown_user")
    lock_row(User, user.id)  # added twice at once: one référent, no 500
    existing = db.session.scalar(select(Referent).where(Referent.partner_id == partner.id,
                                                        Referent.user_id == user.id))
    if existing is not None:
        return existing
    if user.role == roles.MEMBER:
        user.role = roles.PARTNER
    referent = Referent(partner_id=partner.id, user_id=user.id)
    db.session.add(referent)
    db.session.flush()
    audit.record(actor, "conventions.referent_added", f"conventions_partner:{partner.id}", user=user.id)
    return referent


def check_convention(values: dict) -> dict:
    """Check a convention's terms (whatever the form), returning the cleaned values."""
    values = {k: v for k, v in values.items() if k in CONVENTION_FIELDS}
    values["reference"] = (values.get("reference") or "").strip()
    if not values["reference"]:
        raise ConventionError(_("Give the convention's reference."), "bad_reference")
    starts, ends = values.get("starts_on"), values.get("ends_on")
    if not isinstance(starts, date) or not isinstance(ends, date) or ends < starts:
        raise ConventionError(_("The convention must end after it starts."), "bad_dates")
    if values.get("price_model") not in PRICE_MODELS:
        raise ConventionError(_("Choose a price model."), "bad_price_model")
    if values.get("past_cap", "refuse") not in PAST_CAP:
        raise ConventionError(_("Choose what happens past a cap."), "bad_past_cap")
    kinds = list(values.get("kinds") or [])
    if not kinds or any(k not in KINDS for k in kinds):
        raise ConventionError(_("Choose at least one kind of place."), "bad_kinds")
    values["kinds"] = kinds
    values["site_ids"] = sorted({int(s) for s in values.get("site_ids") or []})
    if not values.get("all_sites") and not values["site_ids"]:
        raise ConventionError(_("Choose the sites the convention covers, or all of them."), "bad_sites")
    for key in ("day_rate_cents", "half_day_rate_cents", "seat_fee_cents", "seats", "notice_days",
                "cancel_notice_hours"):
        if (values.get(key) or 0) < 0:
            raise ConventionError(_("Amounts and numbers cannot be negative."), "negative")
        values[key] = values.get(key) or 0
    for key in ("week_cap", "month_cap", "year_cap", "budget_halfdays", "budget_cents"):
        if values.get(key) is not None and values[key] <= 0:
            raise ConventionError(_("A cap or a budget must be more than zero (leave it empty for none)."),
                                  "bad_cap")
        if values.get(key) is not None and key in MAX_DAYS and values[key] > 2 * MAX_DAYS[key]:
            raise ConventionError(_("A cap cannot be more than the days of its period (7 a week, 31 a month, 366 "
                                    "a year), nor a budget more than a million days."), "bad_cap")
    if (values.get("budget_cents") or 0) > 1_000_000_000:
        raise ConventionError(_("A budget cannot be more than 10 million euros."), "bad_cap")
    model = values["price_model"]
    if model == "per_day" and not values["day_rate_cents"]:
        raise ConventionError(_("Give the convention's rate per day."), "bad_rate")
    if model == "flat_seat" and not (values["seat_fee_cents"] and values["seats"]):
        raise ConventionError(_("Give the fee per seat and the number of seats."), "bad_rate")
    if model == "prepaid" and not values.get("budget_halfdays"):
        raise ConventionError(_("Prepaid days need a budget in days."), "bad_budget")
    domains = [d.strip().lower().lstrip("@") for d in values.get("email_domains") or [] if d.strip()]
    if any(not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", d) for d in domains):
        raise ConventionError(_("Give e-mail domains such as lot.fr, one per line."), "bad_domain")
    values["email_domains"] = domains
    values["cost_centres"] = clean_cost_centres(values.get("cost_centres"))
    return values


def clean_cost_centres(labels) -> list[str]:
    """The employer's cost centres: labels of at most 60 characters, each once, in their order."""
    out = []
    for label in labels or []:
        label = " ".join(str(label).split())
        if not label or label in out:
            continue
        if len(label) > 60:
            raise ConventionError(_("A cost centre has at most 60 characters."), "bad_cost_centre")
        out.append(label)
    if len(out) > MAX_COST_CENTRES:
        raise ConventionError(ngettext("A convention lists at most %(num)d cost centre.",
                                       "A convention lists at most %(num)d cost centres.", MAX_COST_CENTRES),
                              "bad_cost_centre")
    return out


def save_convention(actor, partner: Partner, convention: Convention | None, **values) -> Convention:
    """Create (as a draft) or edit a convention; audited."""
    _require_admin(actor)
    values = check_convention(values)
    created = convention is None
    taken = ConventionError(_("Another convention has this reference."), "duplicate_reference", status=409)
    clash = db.session.scalar(select(Convention.id).where(Convention.reference == values["reference"]))
    if clash is not None and (created or clash != convention.id):
        raise taken
    convention = convention or Convention(partner_id=partner.id, status="draft")
    # Two saves with one reference at once (a double-click on "create", or two administrators)
    # both passed the check above; the second meets the unique key in this savepoint.
    try:
        with db.session.begin_nested():
            for key, value in values.items():
                setattr(convention, key, value)
            db.session.add(convention)
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise
        raise taken from None
    audit.record(actor, "conventions.created" if created else "conventions.edited",
                 f"conventions_convention:{convention.id}", reference=convention.reference)
    return convention


def move(actor, convention: Convention, status: str) -> Convention:
    """draft -> signed (with its signed copy) -> active -> expired, or terminated from any of the
    first three; a signed convention whose end passed before it started expires."""
    if actor is not None:
        _require_admin(actor)
    if status not in TRANSITIONS.get(convention.status, ()):
        raise ConventionError(_("A convention cannot go from this status to that one."), "bad_transition",
                              status=409)
    if status == "signed" and not convention.signed_copy:
        raise ConventionError(_("Upload the signed copy of the convention first."), "unsigned", status=409)
    before, convention.status = convention.status, status
    db.session.flush()
    audit.record(actor, "conventions.status", f"conventions_convention:{convention.id}", before=before,
                 after=status)
    return convention


def attach_signed_copy(actor, convention: Convention, stream) -> Convention:
    """The territory administrator uploads the signed copy (a PDF, size-limited, checked by its
    content): stored privately, and a draft becomes signed. A signed one's copy may be replaced:
    the replaced file is deleted once this transaction commits (a job), and the new file goes if
    it does not commit (core.uploads).

    :raises UploadError / ConventionError: not a PDF, too large, or the convention is past signing.
    """
    from core.uploads import save_pdf

    from .config import settings

    _require_admin(actor)
    if convention.status not in ("draft", "signed"):
        raise ConventionError(_("This convention was signed already."), "signed_already", status=409)
    name, sha256 = save_pdf(stream, settings().signed_copy_max_kb * 1024)
    if convention.signed_copy:
        enqueue(DELETE_SIGNED_COPY, filename=convention.signed_copy)
    convention.signed_copy, convention.signed_copy_sha256, convention.signed_copy_at = name, sha256, utcnow()
    db.session.flush()
    audit.record(actor, "conventions.signed_copy", f"conventions_convention:{convention.id}", sha256=sha256)
    if convention.status == "draft":
        move(actor, convention, "signed")
    return convention


def signed_copies_in_use():
    """Every signed copy a convention names (for `core.uploads.sweep_orphans`)."""
    return db.session.scalars(select(Convention.signed_copy).where(Convention.signed_copy.is_not(None)))


def sweep_statuses(today: date) -> list[str]:
    """Daily: a signed convention starts, an active one past its end expires (or renews tacitly),
    and a signed one whose end passed before it started expires."""
    done = []
    for convention in db.session.scalars(select(Convention).where(Convention.status.in_(("signed", "active")))
                                         .order_by(Convention.id)):  # locked in id order, as bookings take them
        if convention.status == "signed" and convention.ends_on < today:
            move(None, convention, "expired")
            done.append(f"{convention.reference}: expired")
        elif convention.status == "signed" and convention.starts_on <= today <= convention.ends_on:
            move(None, convention, "active")
            done.append(f"{convention.reference}: active")
        elif convention.status == "active" and convention.ends_on < today:
            if convention.tacit_renewal:
                length = convention.ends_on - convention.starts_on
                convention.starts_on = convention.ends_on + timedelta(days=1)
                convention.ends_on = convention.starts_on + length
                convention.ending_notice_at = None  # the new term ends too: announce it then
                audit.record(None, "conventions.renewed", f"conventions_convention:{convention.id}")
                done.append(f"{convention.reference}: renewed")
            else:
                move(None, convention, "expired")
                done.append(f"{convention.reference}: expired")
    db.session.flush()
    return done


# --------------------------------------------------------------------------------------------
# Who may see what
# --------------------------------------------------------------------------------------------


def partner_ids_of(user) -> list[int]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(db.session.scalars(select(Referent.partner_id).where(Referent.user_id == user.id)))


watch(Referent, "referents")


def speaks_for_a_partner(user) -> bool:
    """Whether the user is a référent of some partner, from a per-process copy of the few
    référents' ids (`core.cache`): asked by the menu of every member's page. Who may see what
    still asks `partner_ids_of`, at the request."""
    if not getattr(user, "is_authenticated", False):
        return False
    referents = cached("referents", "user_ids", lambda: frozenset(db.session.scalars(
        select(Referent.user_id).distinct())))
    return user.id in referents


def conventions_visible_to(user) -> list[Convention]:
    """A territory administrator: all; a référent: their partners'; anyone else: none."""
    query = select(Convention).order_by(Convention.starts_on.desc(), Convention.id.desc())
    if not getattr(user, "is_territory_admin", False):
        query = query.where(Convention.partner_id.in_(partner_ids_of(user)))
    return list(db.session.scalars(query))


def can_manage(user, convention: Convention) -> bool:
    return getattr(user, "is_territory_admin", False) or convention.partner_id in partner_ids_of(user)


def convention_for(user, convention_id) -> Convention:
    """A convention the user may see; NotFound otherwise (no hint that it exists)."""
    convention = find(Convention, convention_id)
    if convention is None or not can_manage(user, convention):
        raise ConventionError(_("There is no such convention."), "not_found", status=404)
    return convention


# --------------------------------------------------------------------------------------------
# Employees: invitations, e-mail domains, approval
# --------------------------------------------------------------------------------------------


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="tierslieux.conventions.invite")


def invitation_token(convention: Convention, email: str) -> str:
    return _serializer().dumps({"c": convention.id, "e": email.strip().lower()})


def read_invitation(token: str) -> tuple[Convention, str]:
    """The convention and e-mail address a link invites.

    :raises ConventionError: tampered with, expired, or the convention is over.
    """
    convention, email, _issued = _invitation(token)
    return convention, email


def _invitation(token: str):
    """`read_invitation`, and when the link was made."""
    try:
        data, issued = _serializer().loads(token, max_age=INVITE_DAYS * 86400, return_timestamp=True)
    except SignatureExpired:
        raise ConventionError(_("This invitation has expired. Ask your référent for a new one."), "expired",
                              status=410) from None
    except (BadSignature, UnicodeError, ValueError):
        raise ConventionError(_("This invitation link is not valid."), "bad_token", status=404) from None
    convention = find(Convention, data.get("c")) if isinstance(data, dict) else None
    if convention is None or convention.status in ("expired", "terminated"):
        raise ConventionError(_("This invitation link is not valid."), "bad_token", status=404)
    return convention, str(data.get("e", "")), issued


def invite(actor, convention: Convention, email: str) -> str:
    """A référent invites an employee by e-mail; returns the link (also mailed)."""
    from core.urls import external_url

    if not can_manage(actor, convention):
        raise ConventionError(_("There is no such convention."), "not_found", status=404)
    if convention.status in ("expired", "terminated"):
        raise ConventionError(_("This convention is over."), "over", status=409)
    email = (email or "").strip().lower()
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        raise ConventionError(_("Give a valid e-mail address."), "bad_email")
    link = external_url("conventions.join", token=invitation_token(convention, email))
    queue_mail(email, "conventions_invitation", partner=convention.partner.name, link=link, days=INVITE_DAYS)
    audit.record(actor, "conventions.invited", f"conventions_convention:{convention.id}", email=email)
    return link


def _current_authorisation(convention_id: int, user_id: int) -> Authorisation | None:
    return db.session.scalar(select(Authorisation).where(
        Authorisation.convention_id == convention_id, Authorisation.user_id == user_id,
        Authorisation.status.in_(("pending", "approved"))).order_by(Authorisation.id.desc()))


def _ended_since(convention_id: int, user_id: int, moment) -> bool:
    """The employee was ended or refused on the convention at or after `moment`: a link made
    before must not bring them back (the employer stopped paying for them)."""
    return db.session.scalar(select(Authorisation.id).where(
        Authorisation.convention_id == convention_id, Authorisation.user_id == user_id,
        Authorisation.status.in_(("inactive", "refused")), Authorisation.decided_at >= moment).limit(1)) is not None


def accept_invitation(user, token: str) -> Authorisation:
    """The invited employee, signed in, accepts: approved at once (the référent invited them)."""
    convention, email, issued = _invitation(token)
    if user.email.lower() != email:
        raise ConventionError(_("This invitation is for another e-mail address. Sign in with %(email)s.",
                                email=email), "wrong_account", status=403)
    # Two clicks at once would otherwise both find no authorisation and add two (PostgreSQL
    # reads before it writes; SQLite's write lock already serialises them).
    lock_row(User, user.id)
    if _ended_since(convention.id, user.id, issued):  # the link is older than the référent's decision
        raise ConventionError(_("This invitation was made before your référent's last decision about you. "
                                "Ask them for a new one."), "superseded", status=410)
    existing = _current_authorisation(convention.id, user.id)
    if existing is not None:
        if existing.status == "pending":
            existing.status, existing.decided_at = "approved", utcnow()
            db.session.flush()
        return existing
    auth = Authorisation(convention_id=convention.id, user_id=user.id, status="approved", joined_by="invitation",
                         valid_from=max(convention.starts_on, today_at(territory_tz())), decided_at=utcnow())
    db.session.add(auth)
    db.session.flush()
    audit.record(user, "conventions.joined", f"conventions_convention:{convention.id}", authorisation=auth.id)
    return auth


watch(Convention, "conventions")


def _joinable_domains() -> tuple[tuple[int, frozenset[str]], ...]:
    """(id, e-mail domains) of the conventions one may join by e-mail domain."""
    return cached("conventions", "joinable_domains", lambda: tuple(
        (convention_id, frozenset(domains or ())) for convention_id, domains in db.session.execute(
            select(Convention.id, Convention.email_domains).where(Convention.status.in_(("signed", "active"))))
        if domains))


def joinable_by_domain(user) -> list[Convention]:
    """Conventions listing the user's e-mail domain that they have not joined yet."""
    return by_domain(user)[0]


def by_domain(user) -> tuple[list[Convention], list[Convention]]:
    """Conventions listing the user's e-mail domain: those they may ask to join, and those where
    their request waits for a référent (the home page said nothing of it once asked)."""
    domain = user.email.rsplit("@", 1)[-1].lower()
    # Asked on every member's home page, and most members match none: the domains are kept per
    # process (`core.cache`), and only the matching conventions are loaded.
    matching = [convention_id for convention_id, domains in _joinable_domains() if domain in domains]
    if not matching:
        return [], []
    joinable, waiting = [], []
    for convention in db.session.scalars(select(Convention).where(Convention.id.in_(matching)).order_by(Convention.id)):
        current = _current_authorisation(convention.id, user.id)
        if current is None and not _decided_recently(convention.id, user.id):
            joinable.append(convention)
        elif current is not None and current.status == "pending":
            waiting.append(convention)
    return joinable, waiting


def _decided_recently(convention_id: int, user_id: int) -> bool:
    """Refused or ended on this convention less than `REQUEST_AGAIN_DAYS` ago: asking again
    by e-mail domain would only mail the référents the same question."""
    return _ended_since(convention_id, user_id, utcnow() - timedelta(days=REQUEST_AGAIN_DAYS))


def request_by_domain(user, convention_id) -> Authorisation:
    """An employee asks to join a convention listing their e-mail domain: pending, référents mailed."""
    lock_row(User, user.id)  # one pending request per click storm, as in `accept_invitation`
    convention = find(Convention, convention_id)
    if convention is not None and _decided_recently(convention.id, user.id):
        raise ConventionError(ngettext("Your référent decided about you less than %(num)d day ago: ask them directly.",
                                       "Your référent decided about you less than %(num)d days ago: ask them "
                                       "directly.", REQUEST_AGAIN_DAYS), "decided_recently", status=409)
    if convention is None or convention not in joinable_by_domain(user):
        raise ConventionError(_("You cannot join this convention with your e-mail address."), "not_joinable",
                              status=403)
    auth = Authorisation(convention_id=convention.id, user_id=user.id, status="pending", joined_by="domain",
                         valid_from=max(convention.starts_on, today_at(territory_tz())))
    db.session.add(auth)
    db.session.flush()
    from core.urls import external_url

    for referent in convention.partner.referents:
        queue_mail(referent.user.email, "conventions_request", locale=referent.user.locale,
                   convention=convention.reference, link=external_url("conventions.detail",
                                                                      convention_id=convention.id))
    return auth


@dataclass(frozen=True)
class Decided:
    """What a référent's decision did: the authorisation, and the ids of the bookings it
    cancelled (the cover ended, or its last day moved earlier), for the référent to be told."""

    authorisation: Authorisation
    cancelled: tuple[int, ...] = ()


def decide(actor, authorisation_id, decision: str, *, valid_until: date | None = None,
           weekdays: list[int] | None = None, cost_centre: str | None = None) -> Decided:
    """A référent approves or refuses a request, edits an employee's days and cost centre, or
    ends it (inactive: `ending.end`, which also cancels what the convention pays after the end).
    A `valid_until` before the cover's last day cancels what it pays after the new one, as ending
    does (`ending.shorten`).

    :param decision: "approved", "refused" or "inactive".
    :param cost_centre: one of the convention's cost centres, "" for none, None to keep it.
    """
    if decision == "inactive":
        from .ending import end  # it uses this module's rules

        done = end(actor, authorisation_id, end_on=valid_until)
        return Decided(done.authorisation, done.cancelled)
    auth = find(Authorisation, authorisation_id)
    if auth is None or not can_manage(actor, auth.convention):
        raise ConventionError(_("There is no such employee."), "not_found", status=404)
    if auth.user_id is not None:  # two référents deciding at once, or the employee joining: one after the other
        lock_row(User, auth.user_id)
        db.session.refresh(auth)
    if decision not in AUTH_STATUSES or decision == "pending":
        raise ConventionError(_("Choose approve, refuse or end."), "bad_decision")
    allowed = {"pending": ("approved", "refused"), "approved": ("approved",)}
    if decision not in allowed.get(auth.status, ()):
        raise ConventionError(_("This request was already decided."), "decided", status=409)
    if weekdays is not None:
        if any(not isinstance(d, int) or not 0 <= d <= 6 for d in weekdays):
            raise ConventionError(_("Choose weekdays from Monday to Sunday."), "bad_weekdays")
        auth.weekdays = sorted(set(weekdays))
    if cost_centre is not None:
        if cost_centre and cost_centre not in (auth.convention.cost_centres or []):
            raise ConventionError(_("Choose one of the convention's cost centres."), "bad_cost_centre")
        auth.cost_centre = cost_centre
    if valid_until is not None:
        if valid_until < auth.valid_from:
            raise ConventionError(_("The end must come after the start."), "bad_dates")
        from .ending import shorten  # it uses this module's rules

        # An earlier last day cancels what the convention pays after it, as ending does: kept
        # paid, those bookings would be the employer's to pay for days it no longer covers.
        cancelled = shorten(actor, auth, valid_until)
        auth.valid_until = valid_until
    else:
        cancelled = ()
    auth.status, auth.decided_by_id, auth.decided_at = decision, actor.id, utcnow()
    db.session.flush()
    audit.record(actor, f"conventions.authorisation_{decision}", f"conventions_authorisation:{auth.id}")
    return Decided(auth, cancelled)


def employees(convention: Convention) -> list[Authorisation]:
    """Requests waiting for a decision first, then the employees covered, then the others: in the
    order of the status' names, a request came after every employee and everyone who left."""
    first = case({"pending": 0, "approved": 1, "inactive": 2}, value=Authorisation.status, else_=3)
    return list(db.session.scalars(select(Authorisation).where(Authorisation.convention_id == convention.id)
                                   .order_by(first, Authorisation.id)))


# --------------------------------------------------------------------------------------------
# Paying for a booking (asked by booking; writes nothing) and spending (acted on, flushes)
# --------------------------------------------------------------------------------------------


def territory_tz() -> str:
    return current_app.config["TERRITORY"].territory.timezone


@dataclass(frozen=True)
class Decision:
    """What a convention says about a booking: pays it (`authorisation`), or why not (`reason`;
    `member_may_pay` when the member may pay personally instead)."""

    authorisation: Authorisation | None = None
    reason: str | None = None
    member_may_pay: bool = True
    refused_by: Authorisation | None = None  # whose convention gave `reason`
    # Its partner's name, read with the decision: told after the commit (`why_member_pays`),
    # when reading it from `refused_by` would load the authorisation and its partner again.
    refused_by_partner: str | None = None
    halfdays: int = 0
    amount_cents: int = 0
    day: date | None = None


NOTHING = Decision()


def units(booking) -> tuple[date, int]:
    """The booking's local day and its half-days."""
    day = utc_to_local(booking.starts_at, booking.resource.site.timezone).date()
    return day, max(1, min(2, len(periods_blocked(booking))))


def amount_for(convention: Convention, halfdays: int) -> int:
    if convention.price_model != "per_day":
        return 0  # flat fee per seat or prepaid days: nothing per booking
    if halfdays >= 2:
        return convention.day_rate_cents
    return convention.half_day_rate_cents or convention.day_rate_cents // 2


def _valid_on_day():
    """The conditions of an employee's authorisations valid on a day, bound parameters "member_id"
    and "day" (its convention's too)."""
    day = bindparam("day")
    return (Authorisation.user_id == bindparam("member_id"), Authorisation.status == "approved",
            Authorisation.valid_from <= day, (Authorisation.valid_until.is_(None)) | (Authorisation.valid_until >= day),
            Convention.status == "active", Convention.starts_on <= day, Convention.ends_on >= day)


@cache
def _authorisations_query():
    """`authorisations_of`' statement, built once with bound parameters (every booking asks it)."""
    # Its convention and partner come in the same query; the partner's référents and the
    # employee (the member asking, already loaded) are read only if used: a booking and the
    # home page never do.
    return select(Authorisation).join(Convention).options(
        lazyload(Authorisation.user),
        defaultload(Authorisation.convention).defaultload(Convention.partner).lazyload(Partner.referents)).where(
        *_valid_on_day()).order_by(Authorisation.id)


@cache
def _holds_one_query():
    return select(Authorisation.id).join(Convention).where(*_valid_on_day()).limit(1)


def authorisations_of(member_id: int, day: date) -> list[Authorisation]:
    return list(db.session.scalars(_authorisations_query(), {"member_id": member_id, "day": day}).all())


def holds_one(member_id: int, day: date) -> bool:
    """Whether the member holds an authorisation valid on `day`: asked before loading them where
    most members hold none (every booking), on the connection, for a quarter of what loading
    objects costs the ORM even when there are none. From the database, never from
    `dashboard.may_be_covered`'s per-process copy: who pays is decided on what is committed."""
    return read(_holds_one_query(), {"member_id": member_id, "day": day}).first() is not None


def covers(auth: Authorisation, booking, day: date) -> str | None:
    """Why this authorisation does not cover the booking's place and day, or None."""
    site = booking.resource.site
    missing = uncovered(auth, site.id, booking.resource.kind, day)
    if missing == "site":
        return _("Your employer's convention does not cover %(site)s.", site=site.name)
    if missing == "kind":
        return _("Your employer's convention does not cover this kind of place.")
    if missing == "weekday":
        return _("Your employer's convention covers other weekdays for you.")
    return None


def uncovered(auth: Authorisation, site_id: int, kind: str, day: date | None) -> str | None:
    """What of a place and day an authorisation does not pay: "site", "kind", "weekday", or None
    when it pays them (caps and budget aside). `day` None: whichever day, its weekdays aside.
    A booking's payer and the prices' notes (`notes`) both ask it, so they cannot disagree."""
    convention = auth.convention
    if not convention.all_sites and site_id not in (convention.site_ids or []):
        return "site"
    if kind not in (convention.kinds or []):
        return "kind"
    if day is not None and auth.weekdays and day.weekday() not in auth.weekdays:
        return "weekday"
    return None


def spending(convention: Convention):
    """The conditions of the uses that spend a convention's caps and budget: counted, and not a
    no-show when the convention does not count them (as its statement and invoice do not; a
    no-show's day still spent the employee's week and the prepaid budget before)."""
    return _spending(convention.id, convention.no_show_counts)


def _spending(convention_id, no_show_counts: bool) -> list:
    conditions = [Use.convention_id == convention_id, Use.status.in_(COUNTED)]
    if not no_show_counts:
        conditions.append(~select(Booking.id).where(Booking.id == Use.booking_id, Booking.status == "no_show")
                          .exists())
    return conditions


def _spent(convention: Convention, column, *where) -> int:
    return db.session.scalar(select(func.coalesce(func.sum(column), 0)).where(*spending(convention), *where)) or 0


def spent_by(auth: Authorisation, start: date, end: date, excluding: int | None = None) -> int:
    """Half-days of its convention the employee of `auth` spent from `start` to the day before
    `end` (under any of their authorisations on it: one that lapsed and was renewed counts),
    leaving out the booking `excluding`."""
    return read(_spent_by_query(auth.convention.no_show_counts, excluding is not None),
                {"convention_id": auth.convention_id, "user_id": auth.user_id, "start": start, "end": end,
                 "booking_id": excluding}).scalar() or 0


@cache
def _spent_by_query(no_show_counts: bool, excluding: bool):
    """`spent_by`'s statement, built once per kind with bound parameters: a booking the
    convention pays asks it for each cap, and so does the employee's home page."""
    convention_id = bindparam("convention_id")
    employee_auth_ids = select(Authorisation.id).where(Authorisation.convention_id == convention_id,
                                                       Authorisation.user_id == bindparam("user_id"))
    conditions = [*_spending(convention_id, no_show_counts), Use.day >= bindparam("start"),
                  Use.day < bindparam("end"), Use.authorisation_id.in_(employee_auth_ids)]
    if excluding:
        conditions.append(Use.booking_id != bindparam("booking_id"))
    return select(func.coalesce(func.sum(Use.halfdays), 0)).where(*conditions)


def cap_reason(auth: Authorisation, day: date, halfdays: int, amount: int, booking_id=None,
               pending: tuple = ()) -> str | None:
    """Why a booking of `halfdays` on `day` would break a cap or the budget, or None.

    :param pending: (day, half-days, cents) of the employee's bookings the convention pays that
        are stored in this transaction but not counted yet (the earlier days of a series).
    """
    c = auth.convention
    others = (Use.booking_id != booking_id,) if booking_id is not None else ()
    for period, cap, start, end in cap_periods(c, day):
        used = spent_by(auth, start, end, excluding=booking_id) + sum(h for d, h, _a in pending if start <= d < end)
        if used + halfdays > cap:
            label = {"week": _("this week"), "month": _("this month"), "year": _("this year")}[period]
            if used < cap:  # some is left, less than this booking needs: "you have used it all" was untrue
                return ngettext("Your employer's convention allows %(cap)s day %(period)s and you have %(left)s "
                                "left: this booking counts %(needs)s.",
                                "Your employer's convention allows %(cap)s days %(period)s and you have %(left)s "
                                "left: this booking counts %(needs)s.",
                                plural_count(Decimal(cap) / 2), cap=days_text(cap), left=days_text(cap - used),
                                period=label, needs=days_text(halfdays))
            return ngettext("You have used the %(days)s day your employer's convention allows %(period)s.",
                            "You have used the %(days)s days your employer's convention allows %(period)s.",
                            plural_count(Decimal(cap) / 2), days=days_text(cap), period=label)
    before_halfdays, before_cents = sum(h for _d, h, _a in pending), sum(a for _d, _h, a in pending)
    if c.budget_halfdays is not None and \
            _spent(c, Use.halfdays, *others) + before_halfdays + halfdays > c.budget_halfdays:
        return _("Your employer's convention has no days left.")
    if c.budget_cents is not None and _spent(c, Use.amount_cents, *others) + before_cents + amount > c.budget_cents:
        return _("Your employer's convention has no budget left.")
    return None


def _series_pending(booking, convention: Convention) -> tuple:
    """(day, half-days, cents) of the other bookings of `booking`'s series that this convention
    pays and that are stored in this transaction but not counted yet: a series is stored day by
    day, then each day counted (booking's `book_series`), so each day decides its payer with the
    days before it in the series counted."""
    if not getattr(booking, "series_id", None):
        return ()
    query = select(Booking).where(Booking.series_id == booking.series_id, Booking.status.in_(ACTIVE),
                                  Booking.payer_kind == "partner",
                                  Booking.payer_reference == f"convention:{convention.id}",
                                  Booking.id.not_in(select(Use.booking_id)))
    if booking.id is not None:
        query = query.where(Booking.id != booking.id)
    out = []
    for other in db.session.scalars(query):
        day, halfdays = units(other)
        out.append((day, halfdays, amount_for(convention, halfdays)))
    return tuple(out)


def days_text(halfdays: int) -> str:
    """Half-days as days for people: 3 -> "1.5" (French "1,5" through the number filter elsewhere)."""
    return number(halfdays / 2) if halfdays % 2 else str(halfdays // 2)


def lock(convention_id: int) -> None:
    """Queue bookings of one convention one after the other until the transaction ends, so caps
    and budget are read with every use committed before. PostgreSQL: the row lock; SQLite: its
    writing transaction (BEGIN IMMEDIATE) already serialises writers (`core.db.lock_row`)."""
    lock_row(Convention, convention_id)


def decide_for(booking, *, locked: bool = False) -> Decision:
    """What the member's conventions say about a booking (asked: nothing written).

    Booking asks it three times for one new booking (its rules, who pays, billing's payer):
    the answer is kept on the booking object while what it depends on stays the same; an
    answer given unlocked is asked again when the locks are wanted."""
    key = (booking.member_id, booking.resource_id, booking.starts_at, booking.ends_at,
           getattr(booking, "is_block", False), getattr(booking, "series_id", None))
    memo = getattr(booking, "_conventions_decision", None)
    if memo is not None and memo[0] == key and (memo[1] or not locked):
        return memo[2]
    decision = _decide(booking, locked)
    booking._conventions_decision = (key, locked, decision)
    return decision


def _decide(booking, locked: bool) -> Decision:
    if booking.member_id is None or getattr(booking, "is_block", False):
        return NOTHING
    if booking.id is not None:
        use = db.session.scalar(select(Use).where(Use.booking_id == booking.id))
        if use is not None and use.status in COUNTED:  # asked again at approval: already counted
            return Decision(use.authorisation, halfdays=use.halfdays, amount_cents=use.amount_cents, day=use.day)
    day, halfdays = units(booking)
    auths = authorisations_of(booking.member_id, day) if holds_one(booking.member_id, day) else []
    if not auths:
        return NOTHING
    first_reason, may_pay, refused_by, partner = None, True, None, None
    covered = [(auth, covers(auth, booking, day)) for auth in auths]
    if locked:  # every convention that may pay, at once and in id order: two employees of the
        # same two conventions, each falling back to the one the other tries first, would
        # otherwise each hold one and wait for the other
        for convention_id in sorted({auth.convention_id for auth, reason in covered if reason is None}):
            lock(convention_id)
    for auth, reason in covered:
        amount = amount_for(auth.convention, halfdays)
        if reason is None:
            reason = cap_reason(auth, day, halfdays, amount, booking.id, _series_pending(booking, auth.convention))
        if reason is None:
            return Decision(auth, halfdays=halfdays, amount_cents=amount, day=day)
        if first_reason is None:
            first_reason, may_pay, refused_by = reason, auth.convention.past_cap == "member_pays", auth
            partner = auth.convention.partner.name
    return Decision(reason=first_reason, member_may_pay=may_pay, refused_by=refused_by, refused_by_partner=partner)


def refusal(booking) -> str | None:
    """booking's `validate_booking`: a reason when a convention forbids paying personally, with
    what the employee can do about it."""
    decision = decide_for(booking, locked=True)
    if decision.reason and not decision.member_may_pay:
        return refusal_with_advice(decision.reason, decision.refused_by, booking.resource.site)
    return None


def why_member_pays(booking) -> str | None:
    """A day the employee's convention does not pay, where it lets them pay personally
    (`past_cap`): the reason it gave (a cap reached, a site it does not cover), told when the
    booking is made; they were sent to pay, or told "confirmed", without a word of why."""
    decision = decide_for(booking)
    if decision.authorisation is not None or not decision.reason:
        return None
    partner = decision.refused_by_partner
    if partner is None:
        return decision.reason
    return _("%(partner)s does not pay this booking: %(reason)s", partner=partner, reason=decision.reason)


def payer(booking) -> Payer | None:
    decision = decide_for(booking)
    if decision.authorisation is None:
        return None
    return Payer("partner", needs_payment=False, reference=f"convention:{decision.authorisation.convention_id}")


def convention_id_of(payer_reference: str | None) -> int | None:
    if payer_reference and payer_reference.startswith("convention:"):
        try:
            return int(payer_reference.split(":", 1)[1])
        except ValueError:
            return None
    return None


def paying_convention(booking) -> Convention | None:
    """The convention paying a stored booking, or None."""
    if getattr(booking, "payer_kind", None) != "partner":
        return None
    convention_id = convention_id_of(booking.payer_reference)
    return db.session.get(Convention, convention_id) if convention_id is not None else None


def use_of(booking_id: int) -> Use | None:
    return db.session.scalar(select(Use).where(Use.booking_id == booking_id))


def paid_by(booking) -> str | None:
    """"Paid by <partner>" for a booking a convention pays (the member's and managers' lists)."""
    convention = paying_convention(booking)
    return _("Paid by %(partner)s", partner=convention.partner.name) if convention else None


def nothing_due(booking) -> str | None:
    """booking_amount_due: the booking's page and e-mails say the member has nothing to pay."""
    convention = paying_convention(booking) if booking.status in ACTIVE else None
    if convention is None:
        return None
    return _("Nothing to pay: your employer, %(partner)s, pays this booking (convention %(reference)s).",
             partner=convention.partner.name, reference=convention.reference)


def record_use(booking) -> Use | None:
    """booking_held / booking_confirmed: spend the days a partner-paid booking counted on.

    Idempotent (a held booking confirmed later comes here twice).

    :raises Refused: the days were spent meanwhile (caps checked again under the lock).
    """
    convention_id = convention_id_of(booking.payer_reference) if booking.payer_kind == "partner" else None
    if convention_id is None:
        return None
    existing = db.session.scalar(select(Use).where(Use.booking_id == booking.id))
    if existing is not None:
        return existing
    lock(convention_id)
    day, halfdays = units(booking)
    auth = next((a for a in authorisations_of(booking.member_id, day) if a.convention_id == convention_id), None)
    if auth is None:
        raise Refused(_("Your employer's convention does not cover this booking any more. Please book again."))
    amount = amount_for(auth.convention, halfdays)
    reason = covers(auth, booking, day) or cap_reason(auth, day, halfdays, amount, booking.id)
    if reason:
        raise Refused(refusal_with_advice(reason, auth, booking.resource.site))
    use = Use(convention_id=convention_id, authorisation_id=auth.id, booking_id=booking.id,
              site_id=booking.resource.site_id, kind=booking.resource.kind, day=day, halfdays=halfdays,
              amount_cents=amount, cost_centre=auth.cost_centre or "")
    db.session.add(use)
    db.session.flush()
    alert_if_needed(auth.convention)
    alert_caps(auth, day)
    return use


@dataclass(frozen=True)
class ReleasePlan:
    """What cancelling a convention-paid booking does to the partner's quota and bill: decided
    once, told by `release_preview` and done by `release_use`, so both agree."""

    use: Use
    late: bool  # cancelled by the member within the convention's notice: the day counts
    notice_hours: int


def plan_release(booking, reason: str, now=None) -> ReleasePlan | None:
    """None when no counted day of a convention is attached to the booking. Writes nothing."""
    use = db.session.scalar(select(Use).where(Use.booking_id == booking.id)) if booking.id is not None else None
    if use is None or use.status not in COUNTED or _invoiced(use):
        return None
    convention = db.session.get(Convention, use.convention_id)
    late = reason in MEMBERS_CHOICE and booking.starts_at - (now or utcnow()) < \
        timedelta(hours=convention.cancel_notice_hours)
    return ReleasePlan(use, late, convention.cancel_notice_hours)


def _invoiced(use: Use) -> bool:
    """The use's month is invoiced: it stays as the partner's invoice counted it (a booking of
    that month cancelled afterwards by a manager changes neither; a correction is a credit
    note, made by hand)."""
    return db.session.scalar(select(Statement.id).where(Statement.convention_id == use.convention_id,
                                                        Statement.month == f"{use.day:%Y-%m}")) is not None


def release_preview(booking, reason: str = "member", now=None) -> str | None:
    """booking_refund_preview: the plan in words, before the member confirms a cancellation."""
    plan = plan_release(booking, reason, now)
    if plan is None:
        return None
    if plan.late:
        return ngettext("Counted to your employer: cancelled less than %(num)d hour before the start.",
                        "Counted to your employer: cancelled less than %(num)d hours before the start.",
                        plan.notice_hours)
    if plan.use.halfdays < 2:
        return _("The half-day is given back to your employer's quota.")
    return _("The day is given back to your employer's quota.")


def release_use(booking, reason: str, now=None) -> None:
    """booking_cancelled: cancelled in time (or not by the member), the day is given back;
    cancelled late by the member, it counts (`plan_release`)."""
    plan = plan_release(booking, reason, now)
    if plan is None:
        return
    plan.use.status = "late" if plan.late else "returned"
    db.session.flush()


def spend_again(booking) -> None:
    """booking_no_show_undone: a no-show taken back spends its day again. A convention that does
    not count no-shows had given that day back to the employee's caps and to its budget
    (`spending`), and the employee (or a colleague, for the budget) may have booked it since: the
    caps are read again under the convention's lock, as for a new booking (`decide_for`), and
    past one the undo is refused. It is refused whatever `past_cap` says: a late arrival does not
    decide who pays (the employee paying personally would be a new order with billing, on a day
    already started), so the no-show stays, not counted to the employer, which pays nothing more.

    :raises Refused: the day would take a cap or the budget past what the convention allows.
    """
    use = use_of(booking.id)
    if use is None or use.status not in COUNTED:
        return
    lock(use.convention_id)
    convention = db.session.get(Convention, use.convention_id)
    db.session.refresh(convention)  # as it is now that nobody else changes it
    if convention.no_show_counts:
        return  # the no-show still spent the day: nothing was given back
    if cap_reason(use.authorisation, use.day, use.halfdays, use.amount_cents, booking.id):
        member = booking.member.display_name if booking.member is not None else ""
        raise Refused(_("This no-show cannot be taken back: %(partner)s's convention has paid since for all the "
                        "days it allows %(member)s (a cap or its budget is reached). The no-show stays, and its "
                        "day is not counted to the employer.", partner=convention.partner.name, member=member))


# --------------------------------------------------------------------------------------------
# Notices
# --------------------------------------------------------------------------------------------


def budget_share(convention: Convention) -> float | None:
    if convention.budget_halfdays:
        return _spent(convention, Use.halfdays) / convention.budget_halfdays
    if convention.budget_cents:
        return _spent(convention, Use.amount_cents) / convention.budget_cents
    return None


def _mail_referents(convention: Convention, template: str, **context) -> None:
    from core.urls import external_url

    link = external_url("conventions.detail", convention_id=convention.id)
    for referent in convention.partner.referents:
        queue_mail(referent.user.email, template, locale=referent.user.locale, convention=convention.reference,
                   link=link, **context)


def alert_if_needed(convention: Convention) -> None:
    """Once 80 % of the budget is spent, the référents are mailed (once)."""
    share = budget_share(convention)
    if share is not None and share >= ALERT_SHARE and convention.budget_alerted_at is None:
        convention.budget_alerted_at = utcnow()
        _mail_referents(convention, "conventions_budget", percent=int(share * 100))


CAP_ALERT = "conventions.cap_alert"


def cap_periods(convention: Convention, day: date) -> list[tuple[str, int, date, date]]:
    """(period, cap, first day, day after) of each cap the convention sets, around `day`."""
    monday = day - timedelta(days=day.weekday())
    month_start = day.replace(day=1)
    next_month = (month_start + timedelta(days=32)).replace(day=1)
    periods = (("week", convention.week_cap, monday, monday + timedelta(days=7)),
               ("month", convention.month_cap, month_start, next_month),
               ("year", convention.year_cap, date(day.year, 1, 1), date(day.year + 1, 1, 1)))
    return [p for p in periods if p[1] is not None]


def alert_caps(auth: Authorisation, day: date) -> None:
    """Once an employee has used 80 % of one of their caps, the référents are mailed, once per
    employee, cap and period: the job's unique key (convention, employee, period) says it was."""
    if auth.user_id is None:
        return
    for period, cap, start, end in cap_periods(auth.convention, day):
        used = spent_by(auth, start, end)
        if used >= ALERT_SHARE * cap:
            enqueue(CAP_ALERT, key=f"{CAP_ALERT}:{auth.convention_id}:{auth.user_id}:{period}:{start}",
                    convention_id=auth.convention_id, authorisation_id=auth.id, period=period,
                    start=start.isoformat(), used=used, cap=cap)


def mail_cap_alert(convention_id: int, authorisation_id: int, period: str, start: str, used: int, cap: int):
    """The job: tell the référents an employee is near a cap (sent after the booking commits)."""
    convention, auth = db.session.get(Convention, convention_id), db.session.get(Authorisation, authorisation_id)
    if convention is None or auth is None or auth.user is None:
        return
    _mail_referents(convention, "conventions_cap", employee=auth.user.display_name, period=period,
                    start=date.fromisoformat(start), used=used, cap=cap,
                    percent=int(used * 100 / cap))


def notify_ending(today: date) -> list[str]:
    """Daily: conventions ending within 60 days are announced to their référents and the
    territory administrators (once each)."""
    done = []
    admins = db.session.execute(select(User.email, User.locale).where(User.role == roles.TERRITORY_ADMIN,
                                                                      User.erased_at.is_(None))).all()
    for convention in db.session.scalars(select(Convention).where(
            Convention.status == "active", Convention.ending_notice_at.is_(None),
            Convention.ends_on <= today + timedelta(days=ENDING_DAYS)).order_by(Convention.id)):
        convention.ending_notice_at = utcnow()
        _mail_referents(convention, "conventions_ending", ends_on=convention.ends_on)
        for email, locale in admins:  # each in their own language, as every other mail
            queue_mail(email, "conventions_renew", locale=locale, convention=convention.reference,
                       ends_on=convention.ends_on)
        done.append(convention.reference)
    db.session.flush()
    return done


# --------------------------------------------------------------------------------------------
# Partners listed publicly
# --------------------------------------------------------------------------------------------


class ListedPartner(NamedTuple):
    id: int
    name: str


def listed_partners(sites, site=None) -> list[tuple[ListedPartner, list]]:
    """Partners who chose to be listed, with a signed or active convention, and the sites (of
    `sites`, the published ones: `SiteRow`s or sites) it covers; only those covering `site`
    when given. Read as plain rows: every site page shows them, and loading the conventions
    with their partners' référents was a quarter of that page."""
    out = {}
    for partner_id, name, all_sites, site_ids in db.session.execute(
            select(Convention.partner_id, Partner.name, Convention.all_sites, Convention.site_ids).join(Partner)
            .where(Partner.listed_publicly.is_(True), Convention.status.in_(("signed", "active")))
            .order_by(Partner.name, Convention.id)):
        covered = [s for s in sites if all_sites or s.id in (site_ids or [])]
        if site is not None and all(s.id != site.id for s in covered):
            continue
        partner, known = out.setdefault(partner_id, (ListedPartner(partner_id, name), []))
        known.extend(s for s in covered if s not in known)
    return list(out.values())


# --------------------------------------------------------------------------------------------
# Personal data
# --------------------------------------------------------------------------------------------


def export(user) -> list[dict]:
    """An employee's part of their data download: each convention they were on, what their
    référent decided about them (their days of the week, their cost centre) and the days it
    paid."""
    auths = db.session.scalars(select(Authorisation).where(Authorisation.user_id == user.id)).all()
    out = []
    for auth in auths:
        uses = db.session.scalars(select(Use).where(Use.authorisation_id == auth.id).order_by(Use.day)).all()
        out.append({"convention": auth.convention.reference, "partner": auth.convention.partner.name,
                    "status": auth.status, "valid_from": auth.valid_from.isoformat(),
                    "valid_until": auth.valid_until.isoformat() if auth.valid_until else None,
                    "weekdays": list(auth.weekdays or []), "cost_centre": auth.cost_centre,
                    "joined_by": auth.joined_by,
                    "days": [{"day": u.day.isoformat(), "site": u.site.slug, "halfdays": u.halfdays,
                              "status": u.status, "cost_centre": u.cost_centre} for u in uses]})
    return out


def partners_spoken_for(user) -> list[str]:
    """The partners a référent speaks for, by name (their data download)."""
    return [r.partner.name for r in db.session.scalars(select(Referent).where(Referent.user_id == user.id)
                                                        .order_by(Referent.id))]


def erase(user) -> None:
    """The employee leaves: authorisations ended and detached; their days stay in statements."""
    for auth in db.session.scalars(select(Authorisation).where(Authorisation.user_id == user.id)).all():
        if auth.status in ("pending", "approved"):
            auth.status = "inactive"
        auth.user_id = None
    db.session.execute(delete(Referent).where(Referent.user_id == user.id))  # seen by core.cache
    db.session.flush()
