"""The territory's terms of sale and privacy notice: shown, accepted at sign-up, recorded.

A consent keeps the document's version, the checkbox wording the member ticked, and a link to
the document's very text (stored once per text, by hash). When a document's version changes,
members who accepted an older one are asked to accept the new one at their next sign-in
(`pending`); members who never accepted any (accounts made before documents were configured,
or by an administrator) are not stopped: their next acceptance is recorded when they give it.
"""
from __future__ import annotations

import hashlib

from flask import current_app
from flask_babel import lazy_gettext as _l
from markdown_it import MarkdownIt
from markupsafe import Markup
from sqlalchemy import select

from core.accounts.models import Consent, LegalDocumentText
from core.extensions import db

KINDS = ("terms_of_sale", "privacy_notice")
SLUGS = {"terms_of_sale": "terms-of-sale", "privacy_notice": "privacy"}
WORDINGS = {"terms_of_sale": _l("I have read and I accept the terms of sale (version %(version)s)."),
            "privacy_notice": _l("I have read the privacy notice (version %(version)s), which says how my "
                                 "personal data are used.")}


def documents() -> dict:
    """{kind: config.LegalDocument} of this territory, empty when it configures none."""
    legal = current_app.config["TERRITORY"].legal
    return {} if legal is None else {kind: getattr(legal, kind) for kind in KINDS}


def wording(kind: str) -> str:
    return str(WORDINGS[kind]) % {"version": documents()[kind].version}


def render(text: str) -> Markup:
    """The document's Markdown as HTML; raw HTML in it is escaped, not passed through."""
    return Markup(MarkdownIt("js-default").render(text))


def _stored(kind: str) -> LegalDocumentText:
    document = documents()[kind]
    digest = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
    row = db.session.scalar(select(LegalDocumentText).where(LegalDocumentText.kind == kind,
                                                            LegalDocumentText.sha256 == digest))
    if row is None:
        row = LegalDocumentText(kind=kind, version=document.version, title=document.title, text=document.text,
                                sha256=digest)
        db.session.add(row)
        db.session.flush()
    return row


def accept(user, kinds=KINDS) -> list[Consent]:
    """Record that `user` accepts the current version of each document (flushes)."""
    consents = []
    for kind in kinds:
        if kind not in documents():
            continue
        row = _stored(kind)
        consent = Consent(user_id=user.id, purpose=kind, wording=wording(kind), version=row.version, document_id=row.id)
        db.session.add(consent)
        consents.append(consent)
    db.session.flush()
    return consents


def pending(user) -> list[str]:
    """The documents whose current version `user` must accept: those they accepted in an
    older version only."""
    accepted = {}
    for purpose, version in db.session.execute(select(Consent.purpose, Consent.version).where(
            Consent.user_id == user.id, Consent.purpose.in_(KINDS), Consent.withdrawn_at.is_(None))):
        accepted.setdefault(purpose, set()).add(version)
    return [kind for kind, document in documents().items()
            if kind in accepted and document.version not in accepted[kind]]
