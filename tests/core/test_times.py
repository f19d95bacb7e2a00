"""Times of day are written one way, 24-hour, in French and in English, on pages and in mails:
English pages said "1:30 PM" (Babel's short time) beside opening hours written "13:30"."""
from __future__ import annotations

import re
from datetime import datetime, time, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# "1:30 PM", with Babel's narrow no-break space or a plain one
TWELVE_HOUR = re.compile(r"\d{1,2}:\d{2}\W?[AP]M\b")


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_the_clock_filter_is_24_hour_in_every_language(app, locale):
    from core import ui

    with app.test_request_context(headers={"Accept-Language": locale}):
        assert ui.clock(time(13, 30)) == "13:30"
        assert ui.clock(time(9, 0)) == "09:00"
        winter = datetime(2026, 12, 3, 12, 30, tzinfo=timezone.utc)  # 13:30 in Paris
        assert ui.moment(winter, "Europe/Paris").endswith(", 13:30")
        assert ui.medium_moment(winter, "Europe/Paris").endswith(", 13:30")


def test_the_audit_log_in_english_gives_24_hour_times(app, client, auth, make_user):
    from core import audit
    from core.accounts.models import User
    from core.extensions import db

    admin = make_user("territory-admin", locale="en")
    with app.test_request_context():
        audit.record(db.session.get(User, admin.id), "test.done", "nothing")
        db.session.commit()
    auth.login(admin)
    page = client.get("/admin/audit").get_data(as_text=True)
    assert re.search(r"\b\d{2}:\d{2}\b", page)
    assert not TWELVE_HOUR.search(page), TWELVE_HOUR.search(page)


def test_no_template_formats_a_time_but_through_the_clock_filters():
    """Flask-Babel's `datetimeformat`/`timeformat` write English times on 12 hours: a page using
    them would bring the mix back. Times go through `clock`, `moment` or `medium_moment`."""
    offenders = []
    for path in [*ROOT.glob("templates/**/*"), *ROOT.glob("plugins/*/templates/**/*")]:
        if path.is_file() and path.suffix in (".html", ".txt", ".ics", ".atom"):
            text = path.read_text(encoding="utf-8")
            if re.search(r"\|\s*(datetimeformat|timeformat)\b", text):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
