"""schema.org `JobPosting` of a public post (job offer, skill wanted, activity to take over),
with what search engines require: title, description, datePosted, validThrough,
hiringOrganization, jobLocation, employmentType; the ROME code as occupationalCategory."""
from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from flask import current_app

from core import geo
from core.urls import external_url

from . import posts, vocabulary


def _region(commune: geo.Commune) -> str:
    return geo.departements().get(commune.departement, commune.departement)


def job_posting(post) -> dict:
    territory = current_app.config["TERRITORY"].territory
    tz = ZoneInfo(territory.timezone)
    codes = posts.codes_of(post)
    jobs = [c for c in codes if vocabulary.JOB.match(c)]
    category = (jobs or codes or [""])[0]
    posted = (post.published_at or post.created_at).astimezone(tz)
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": post.title,
        "description": post.description or post.title,
        "datePosted": posted.date().isoformat(),
        "validThrough": datetime.combine(post.ends_on, time(23, 59), tz).isoformat(),
        "hiringOrganization": {"@type": "Organization", "name": post.organisation or territory.name},
        "jobLocation": [{"@type": "Place", "address": {
            "@type": "PostalAddress", "addressLocality": c.name, "addressRegion": _region(c), "addressCountry": "FR"}}
            for c in posts.communes_of(post)],
        "employmentType": post.employment_type or "OTHER",
        "occupationalCategory": category,
        "identifier": {"@type": "PropertyValue", "name": territory.name, "value": str(post.id)},
        "url": external_url("boards.show", post_id=post.id),
    }
    if post.headcount:
        data["totalJobOpenings"] = post.headcount
    return data
