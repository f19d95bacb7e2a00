"""Helpers for conventions' tests (a module named apart from other test folders' helpers)."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from datetime import date, timedelta

from core.timeutil import today_at

# The smallest file our checks take for a PDF (a header and an end-of-file marker); the pages'
# test uploads a real one rendered by WeasyPrint.
SIGNED_PDF = b"%PDF-1.4\n% signed by both parties\n%%EOF\n"


def next_weekday(weekday: int = 1, weeks_ahead: int = 1) -> date:
    from core.sites.service import is_public_holiday

    day = today_at("Europe/Paris") + timedelta(days=7 * weeks_ahead)
    day += timedelta(days=(weekday - day.weekday()) % 7)
    while is_public_holiday(day) or is_public_holiday(day + timedelta(days=1)):
        day += timedelta(days=7)
    return day


def set_convention(app, convention_id, **values) -> None:
    """Change a convention's columns directly (its caps, budget, `past_cap`...) and commit."""
    from core.extensions import db
    from plugins.conventions.models import Convention

    with app.app_context():
        convention = db.session.get(Convention, convention_id)
        for key, value in values.items():
            setattr(convention, key, value)
        db.session.commit()


def ask_by_domain_and_be_refused(app, client, auth, world, employee) -> int:
    """`employee` asks to join the world's convention by their e-mail domain, its référent
    refuses; the authorisation's id. Nobody is signed in after."""
    from sqlalchemy import select

    from core.extensions import db
    from plugins.conventions.models import Authorisation

    auth.login(employee)
    assert client.post(f"/conventions/domain/{world.convention_id}").status_code == 303
    with app.app_context():
        auth_id = db.session.scalar(select(Authorisation.id).where(Authorisation.user_id == employee.id))
    auth.logout()
    auth.login(world.referent)
    assert client.post(f"/conventions/authorisations/{auth_id}", data={"decision": "refused"}).status_code == 303
    auth.logout()
    return auth_id


def post_json(url, token, body):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST", headers={
        "Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())
