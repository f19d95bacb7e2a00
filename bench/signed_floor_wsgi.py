"""The platform with one more page, for the record beside target 2: a signed-in page that does
nothing (`/__bench/signed-in`), so the least any member's page costs here — the session opened,
the member loaded, every `before_request` and `after_request` hook, the security headers — is
measured under the same gunicorn as the pages themselves. Never part of the application."""
from flask_login import login_required

from core import create_app

app = create_app()


@app.get("/__bench/signed-in")
@login_required
def signed_in_floor():
    return "ok"
