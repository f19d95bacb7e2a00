"""Profiles: opt-in, field by field. Each consent (to be listed, contactable, public, to show
one's presence) is a core `Consent` row with its date and wording; withdrawing one clears its
flag in the same transaction, so the profile disappears from the next page served.

Services flush; the caller commits.
"""
from __future__ import annotations

import re
from functools import cache

from flask import url_for
from flask_babel import gettext as _, ngettext
from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, select

from core import geo
from core.accounts.models import User
from core.accounts.service import record_consent, withdraw_consent
from core.db import lock_row, utcnow
from core.errors import NotFound
from core.extensions import db
from core.forms import has_control_characters
from core.plugins import plugin_config
from core.sites.models import Site
from core.sites.service import managed_sites, published_sites

from . import distance, photos, rome
from .errors import DirectoryError
from .models import FIELDS, Organisation, Profile, ProfileSkill

CONSENTS = {
    "listed": ("directory_listed", _l("I want to appear in the members' directory, with the fields I choose to "
                                      "show. I can withdraw at any time.")),
    "contactable": ("directory_contactable", _l("Members may write to me through the directory: the platform "
                                                "sends me their messages by e-mail without showing my address.")),
    "public": ("directory_public", _l("My profile may also be shown to visitors who are not signed in.")),
    "show_presence": ("directory_presence", _l("Members may see at which site I work this week.")),
}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
MAX_BIO, MAX_SKILLS, MAX_LINKS = 1000, 30, 3


def masked(text: str | None) -> str:
    """A text as the directory shows it: never an e-mail address, even in a display name."""
    return EMAIL.sub("…", text or "")


def terms(text: str | None) -> str:
    """A text as the full-text index takes it: lower case, ligatures spelt out, words separated
    by spaces. Accents stay: SQLite's tokenizer and PostgreSQL's unaccent remove them."""
    text = (text or "").translate(rome.LIGATURES).lower()
    return " ".join(re.findall(r"[^\W_]+", text))


@cache
def _profile_query():
    """`profile_of`'s statement, built once with a bound parameter (every member's home asks it)."""
    return select(Profile).where(Profile.user_id == bindparam("user_id"))


def profile_of(user, create: bool = False) -> Profile | None:
    profile = db.session.scalar(_profile_query(), {"user_id": user.id})
    if profile is None and create:
        # Two first saves at once (a double-click) would both insert it (PostgreSQL): the
        # second waits for the first and finds its profile.
        lock_row(User, user.id)
        profile = db.session.scalar(_profile_query(), {"user_id": user.id})
    if profile is None and create:
        profile = Profile(user_id=user.id, links=[])
        db.session.add(profile)
        db.session.flush()
    return profile


def set_consents(user, **wanted: bool) -> Profile:
    """Give or withdraw the directory's consents (`listed`, `contactable`, `public`,
    `show_presence`): each change is a consent row given or withdrawn, with its wording."""
    profile = profile_of(user, create=True)
    lock_row(User, user.id)  # a double-click records one consent (each reads the profile's flags)
    db.session.refresh(profile)
    for flag, want in wanted.items():
        purpose, wording = CONSENTS[flag]
        if want and not getattr(profile, flag):
            record_consent(user, purpose, str(wording))
        elif not want and getattr(profile, flag):
            withdraw_consent(user, purpose)
        setattr(profile, flag, bool(want))
    if not profile.listed:  # withdrawn (or never given): no photo is kept
        photos.remove(profile)
    profile.updated_at = utcnow()
    refresh(profile)
    return profile


def _clean(text: str | None, limit: int, label, multi_line: bool = False) -> str:
    text = (text or "").strip()
    # The forms refuse these already; the API and other callers reach here without a form (a NUL
    # byte is also a 500 on PostgreSQL).
    if has_control_characters(text, multi_line):
        raise DirectoryError(_("%(field)s: remove the control characters.", field=label))
    if len(text) > limit:
        raise DirectoryError(ngettext("%(field)s: at most %(num)d character.", "%(field)s: at most %(num)d characters.", limit,
                                        field=label))
    if EMAIL.search(text):
        raise DirectoryError(_("%(field)s: no e-mail address here; members write to you through the "
                               "directory's form.", field=label))
    return text


def save(user, *, shown=(), job_code=None, job_title="", bio="", available=False, links=(),
         organisation_id=None, site_ids=()) -> Profile:
    """Save what a profile says and which fields show. Refused: an unknown job code, an e-mail
    address in a text, a link that is not http(s)."""
    profile = profile_of(user, create=True)
    job_code = (job_code or "").strip().upper() or None
    if job_code and rome.job(job_code) is None:
        raise DirectoryError(_("Unknown job code: %(code)s.", code=job_code))
    clean_links = []
    for link in [str(x).strip() for x in links if x and str(x).strip()][:MAX_LINKS]:
        if len(link) > 300 or not URL.match(link) or EMAIL.search(link):
            raise DirectoryError(_("Links must be web addresses starting with https:// or http://."))
        clean_links.append(link)
    if organisation_id is not None and db.session.get(Organisation, organisation_id) is None:
        raise DirectoryError(_("Unknown organisation."))
    for field in FIELDS:
        setattr(profile, f"show_{field}", field in shown)
    profile.job_code = job_code
    profile.job_title = _clean(job_title, 120, _("Job title"))
    profile.bio = _clean(bio, MAX_BIO, _("About you"), multi_line=True)
    profile.available = bool(available)
    profile.links = clean_links
    profile.organisation_id = organisation_id
    profile.sites = list(db.session.scalars(select(Site).where(Site.id.in_(list(site_ids)),
                                                               Site.is_published.is_(True))))
    profile.updated_at = utcnow()
    refresh(profile)
    return profile


def add_skill(user, code=None, label="") -> ProfileSkill:
    """Add a ROME skill (by code) or a free-text one to a member's profile."""
    profile = profile_of(user, create=True)
    lock_row(User, user.id)  # a double-click adds it once, and the cap holds (PostgreSQL)
    db.session.refresh(profile)
    if len(profile.skills) >= MAX_SKILLS:
        raise DirectoryError(ngettext("At most %(num)d skill.", "At most %(num)d skills.", MAX_SKILLS))
    if code:
        found = rome.entry(str(code))
        if found is None or found.kind not in ("skill", "macro_skill"):
            raise DirectoryError(_("Unknown skill code: %(code)s.", code=code))
        if any(s.code == found.code for s in profile.skills):
            raise DirectoryError(_("This skill is already on your profile."))
        item = ProfileSkill(code=found.code, label=found.label[:200])
    else:
        label = _clean(label, 200, _("Skill"))
        if not label:
            raise DirectoryError(_("Choose a skill or write one."))
        item = ProfileSkill(code=None, label=label)
    profile.skills.append(item)
    profile.updated_at = utcnow()
    refresh(profile)
    return item


def remove_skill(user, skill_id: int) -> None:
    profile = profile_of(user)
    for item in list(profile.skills if profile else []):
        if item.id == skill_id:
            profile.skills.remove(item)
    if profile:
        refresh(profile)


def refresh(profile: Profile) -> None:
    """Rebuild what full-text search sees: the shown fields only (flushes)."""
    parts = [profile.user.display_name]
    if profile.show_job:
        found = rome.job(profile.job_code) if profile.job_code else None
        parts += [profile.job_title, found.label if found else ""]
    if profile.show_organisation and profile.organisation:
        parts.append(profile.organisation.name)
    if profile.show_bio:
        parts.append(profile.bio)
    if profile.show_skills:
        parts += [s.label for s in profile.skills]
    if profile.show_commune and profile.user.home_commune_code:
        found = geo.commune(profile.user.home_commune_code)
        parts.append(found.name if found else "")
    # A hidden commune is not kept here either: it cannot be searched around.
    lat, lon = (profile.user.home_latitude, profile.user.home_longitude) if profile.show_commune else (None, None)
    profile.home_latitude, profile.home_longitude = (lat, lon) if lon is not None and lat is not None else (None, None)
    profile.home_x, profile.home_y, profile.home_z = distance.point(profile.home_latitude, profile.home_longitude)
    if profile.show_sites:
        parts += [s.name for s in profile.sites] + [s.commune for s in profile.sites]
    profile.search_text = terms(" ".join(p for p in parts if p))
    db.session.flush()


def refresh_organisation(organisation: Organisation) -> None:
    for profile in db.session.scalars(select(Profile).where(Profile.organisation_id == organisation.id)):
        refresh(profile)


def is_public_directory() -> bool:
    return plugin_config("directory").public


def visible_clause(viewer):
    """Who `viewer` may see: listed, active accounts; visitors only public profiles of a public
    directory."""
    clauses = [Profile.listed.is_(True), User.erased_at.is_(None), User.is_disabled.is_(False)]
    if not getattr(viewer, "is_authenticated", False):
        clauses.append(Profile.public.is_(True) if is_public_directory() else Profile.id.is_(None))
    return clauses


def visible_profile(profile_id: int, viewer) -> Profile | None:
    return db.session.scalar(select(Profile).join(User, User.id == Profile.user_id)
                             .where(Profile.id == profile_id, *visible_clause(viewer)))


def card(profile: Profile) -> dict:
    """What a profile shows: its name and the fields its owner ticked, nothing else (no e-mail)."""
    out = {"id": profile.id, "name": masked(profile.user.display_name), "contactable": profile.contactable}
    if profile.show_photo and profile.photo:
        out["photo"] = {"url": url_for("directory.photo", profile_id=profile.id, v=profile.photo[:8]),
                        "alt": masked(profile.photo_alt)}
    if profile.show_job and (profile.job_code or profile.job_title):
        found = rome.job(profile.job_code) if profile.job_code else None
        out["job"] = {"code": profile.job_code, "label": found.label if found else None,
                      "title": masked(profile.job_title)}
    if profile.show_organisation and profile.organisation:
        out["organisation"] = {"id": profile.organisation.id, "name": masked(profile.organisation.name)}
    if profile.show_bio and profile.bio:
        out["bio"] = masked(profile.bio)
    if profile.show_skills and profile.skills:
        out["skills"] = [{"code": s.code, "label": masked(s.label)} for s in profile.skills]
    if profile.show_commune and profile.user.home_commune_code:
        found = geo.commune(profile.user.home_commune_code)
        if found:
            out["commune"] = {"code": found.code, "name": found.name}
    if profile.show_sites and profile.sites:
        out["sites"] = [{"slug": s.slug, "name": s.name} for s in profile.sites]
    if profile.show_available:
        out["available"] = profile.available
    if profile.show_links and profile.links:
        out["links"] = [link for link in profile.links if not EMAIL.search(link)]
    return out


def export(profile: Profile) -> dict:
    """All a profile holds, for its member's data download: the fields they did not tick to
    show included (the card has only the shown ones, and the download gave the others' job code,
    organisation, skills and sites nowhere)."""
    found = rome.job(profile.job_code) if profile.job_code else None
    return {**card(profile), "listed": profile.listed, "contactable": profile.contactable, "public": profile.public,
            "show_presence": profile.show_presence, "shown": [f for f in FIELDS if getattr(profile, f"show_{f}")],
            "job": {"code": profile.job_code, "label": found.label if found else None, "title": profile.job_title},
            "job_title": profile.job_title, "bio": profile.bio, "available": profile.available,
            "links": list(profile.links or []),
            "organisation": None if profile.organisation is None else {"id": profile.organisation.id,
                                                                       "name": profile.organisation.name},
            "skills": [{"code": s.code, "label": s.label} for s in profile.skills],
            "sites": [{"slug": s.slug, "name": s.name} for s in profile.sites],
            "updated_at": profile.updated_at.isoformat() if profile.updated_at else None,
            "photo": photos.export(profile)}


def organisations() -> list[Organisation]:
    return db.session.scalars(select(Organisation).order_by(Organisation.name)).all()


def hosting_sites(user) -> list[Site]:
    """The published sites `user` may host organisations at: every one for the territory admin,
    their own for a site manager, none for anyone else."""
    if not getattr(user, "is_authenticated", False):
        return []
    if user.is_territory_admin:
        return published_sites()
    if not user.is_site_manager:
        return []
    return [site for site in managed_sites(user) if site.is_published]


def may_edit_organisation(user, organisation: Organisation | None) -> bool:
    """Whether `user` may edit `organisation` (None: add one). The territory admin edits every
    one; a site manager adds organisations at their sites and edits only those hosted there:
    another site's (or one hosted nowhere) is its managers' (or the admin's), not theirs."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_territory_admin:
        return True
    if organisation is None:
        return bool(hosting_sites(user))
    return organisation.site_id is not None and organisation.site_id in {s.id for s in hosting_sites(user)}


def save_organisation(organisation: Organisation | None, *, name, kind="company", description="", website="",
                      site_id=None, actor=None) -> Organisation:
    """Add or edit an organisation. `actor`: who does it, held to `may_edit_organisation` (and
    to their own sites for where it is hosted); None for the operators' tools (the demo).

    :raises NotFound: the actor may not edit this organisation.
    :raises DirectoryError: a site the actor may not host organisations at, a bad name or link.
    """
    if actor is not None:
        if not may_edit_organisation(actor, organisation):
            raise NotFound(_("There is no such organisation."))
        allowed = {s.id for s in hosting_sites(actor)} | ({None} if actor.is_territory_admin else set())
        if site_id not in allowed:
            raise DirectoryError(_("Choose one of your sites to host the organisation."))
    name = _clean(name, 160, _("Name"))
    if not name:
        raise DirectoryError(_("Give the organisation's name."))
    if website and (not URL.match(website.strip()) or len(website) > 300):
        raise DirectoryError(_("Links must be web addresses starting with https:// or http://."))
    if organisation is None:
        organisation = Organisation()
        db.session.add(organisation)
    organisation.name, organisation.kind = name, kind
    organisation.description = _clean(description, MAX_BIO, _("Description"), multi_line=True)
    organisation.website, organisation.site_id = (website or "").strip(), site_id
    db.session.flush()
    refresh_organisation(organisation)
    return organisation


def members_of(organisation: Organisation, viewer) -> list[Profile]:
    """The members who chose to appear under an organisation, as `viewer` may see them."""
    return db.session.scalars(select(Profile).join(User, User.id == Profile.user_id).where(
        Profile.organisation_id == organisation.id, Profile.show_organisation.is_(True),
        *visible_clause(viewer)).order_by(User.display_name, Profile.id)).all()


def forget(user) -> None:
    """A member erased: their profile, photo, skills and sites go (the FTS row with them)."""
    profile = profile_of(user)
    if profile is not None:
        photos.remove(profile)
        db.session.delete(profile)
        db.session.flush()


def touch_all() -> int:
    """Rebuild every profile's search text (after loading a new vocabulary)."""
    count = 0
    for profile in db.session.scalars(select(Profile)):
        refresh(profile)
        count += 1
    return count
