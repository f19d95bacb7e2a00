"""The convention as a PDF to sign: its terms and the territory's clauses (`[plugins.conventions]
clauses`, Markdown templates), rendered by WeasyPrint in French (the binding text).

Rendering takes about a second, so the PDF is cached by the SHA-256 of its HTML: the job
`conventions.render_document` (enqueued when a convention is saved) renders it once per text,
and the download renders it on demand only when that job has not run yet. The same text gives
the same cached PDF; a changed term or clause gives a new one. Flushes; the caller commits.
"""
from __future__ import annotations

import hashlib

from flask import current_app, render_template
from flask_babel import force_locale
from jinja2.sandbox import SandboxedEnvironment
from markdown_it import MarkdownIt
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from core.extensions import db
from core.jobs import enqueue

from .config import settings
from .models import Convention, RenderedDocument

RENDER = "conventions.render_document"
CLAUSES = ("insurance", "it_security", "health_safety", "data_processing", "no_show")


def _clause_values(convention: Convention) -> dict:
    from core.ui import long_date

    return {"partner": convention.partner.name, "reference": convention.reference,
            "starts_on": long_date(convention.starts_on), "ends_on": long_date(convention.ends_on),
            "cancel_notice_hours": convention.cancel_notice_hours, "no_show_counts": convention.no_show_counts,
            "operator": current_app.config["TERRITORY"].operator.name}


def clauses(convention: Convention) -> list[tuple[str, Markup]]:
    """(title, HTML) of each clause, the template filled in for this convention. The template runs
    sandboxed, and Markdown's raw HTML is escaped."""
    template = settings().clauses
    values = _clause_values(convention)
    env = SandboxedEnvironment(autoescape=False)
    markdown = MarkdownIt("js-default")
    out = []
    for key in CLAUSES:
        clause = getattr(template, key)
        text = env.from_string(clause.text).render(**values)
        out.append((clause.title, Markup(markdown.render(text))))
    return out


def document_html(convention: Convention) -> str:
    """The convention's HTML, in French; depends only on its terms and the clauses (no date of
    rendering), so its hash names its content."""
    from core.sites.service import published_sites

    sites = [s.name for s in published_sites() if convention.all_sites or s.id in (convention.site_ids or [])]
    with force_locale("fr"):
        return render_template("conventions/convention_document.html", convention=convention, sites=sites,
                               clauses=clauses(convention), operator=current_app.config["TERRITORY"].operator)


def content_hash(html: str) -> str:
    return hashlib.sha256(html.encode("utf-8")).hexdigest()


def cached(sha256: str) -> RenderedDocument | None:
    return db.session.scalar(select(RenderedDocument).where(RenderedDocument.sha256 == sha256))


def document_pdf(convention: Convention) -> bytes:
    """The PDF to sign: the cached one for this text, else rendered now and cached (flushes)."""
    from weasyprint import HTML

    html = document_html(convention)
    sha256 = content_hash(html)
    row = cached(sha256)
    if row is None:
        row = RenderedDocument(convention_id=convention.id, sha256=sha256, pdf=HTML(string=html).write_pdf())
        try:
            with db.session.begin_nested():
                db.session.add(row)
        except IntegrityError:  # rendered meanwhile by another transaction: that one stays
            row = cached(sha256)
    return row.pdf


def prepare(convention: Convention) -> None:
    """Enqueue the rendering of the convention's current text (once per text: the job's key)."""
    sha256 = content_hash(document_html(convention))
    if cached(sha256) is None:
        enqueue(RENDER, key=f"{RENDER}:{sha256}", convention_id=convention.id)


def render_job(convention_id: int) -> None:
    """The job: render and cache the convention's current text."""
    convention = db.session.get(Convention, convention_id)
    if convention is not None:
        document_pdf(convention)
