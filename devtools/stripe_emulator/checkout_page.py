"""The hosted checkout page (``/pay/<session id>``) that a Checkout Session's ``url`` points to."""
from flask import Blueprint, Response, current_app, redirect, render_template, request

from . import cards, payments
from .errors import StripeError

checkout_page = Blueprint("emulator_checkout", __name__, template_folder="templates")

ZERO_DECIMAL = {"bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx",
                "vnd", "vuv", "xaf", "xof", "xpf"}

# Served from here rather than inline so the page passes a strict Content-Security-Policy.
STYLESHEET = """
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f6f8fa; color: #1a1f36; }
main { max-width: 32rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem;
       border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
.notice { background: #fff4ce; padding: .5rem 1rem; border-radius: 4px; }
table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
th, td { text-align: left; padding: .25rem 0; } td.amount, th.amount { text-align: right; }
label { display: block; margin-top: 1rem; font-weight: 600; }
input { font: inherit; width: 100%; box-sizing: border-box; padding: .5rem;
        border: 1px solid #6b7280; border-radius: 4px; }
input:focus, button:focus, a:focus { outline: 3px solid #635bff; outline-offset: 2px; }
button { margin-top: 1.5rem; width: 100%; padding: .75rem; font: inherit; font-weight: 600;
         color: #fff; background: #4b45c6; border: 0; border-radius: 4px; cursor: pointer; }
.error { color: #a4001e; font-weight: 600; border-left: 4px solid #a4001e; padding-left: .5rem; }
.hint { color: #4b5563; font-size: .9rem; }
"""


@checkout_page.app_template_filter("money")
def money(amount, currency):
    if currency.lower() in ZERO_DECIMAL:
        return f"{amount} {currency.upper()}"
    return f"{amount / 100:,.2f}".replace(",", "\u202f").replace(".", ",") + \
        f"\u00a0{currency.upper()}"


@checkout_page.get("/pay/assets/checkout.css")
def stylesheet():
    return Response(STYLESHEET, mimetype="text/css")


def _store():
    return current_app.extensions["stripe_emulator"]["store"]


def _closed_page(session):
    return render_template("emulator/closed.html", session=session), 410


@checkout_page.get("/pay/<session_id>")
def show(session_id):
    store = _store()
    with store.transaction():
        session = store.objects.get(session_id)
        if not session or session.get("object") != "checkout.session":
            return render_template("emulator/closed.html", session=None), 404
        payments.refresh_session(store, session)
        page = (_closed_page(session) if session["status"] != "open" else
                render_template("emulator/checkout.html", session=session, error=None, form={}))
    return page


@checkout_page.post("/pay/<session_id>")
def pay(session_id):
    store = _store()
    form = request.form
    with store.transaction():
        session = store.objects.get(session_id)
        if not session or session.get("object") != "checkout.session":
            return render_template("emulator/closed.html", session=None), 404
        payments.refresh_session(store, session)
        if session["status"] != "open":
            return _closed_page(session)
        try:
            payments.pay_session(store, session, form.get("card_number", ""),
                                 form.get("card_expiry", ""), form.get("card_cvc", ""),
                                 form.get("email"))
        except StripeError as exc:
            error = dict(exc.body["error"])
            if not str(session.get("locale") or "fr").startswith("en"):  # Stripe speaks the session's language
                error["message_fr"] = cards.FRENCH.get(error.get("decline_code") or "") or \
                    cards.FRENCH.get(error.get("code") or "")
            return render_template("emulator/checkout.html", session=session, form=form,
                                   error=error), exc.status
        target = payments.success_redirect(session)
        page = (redirect(target, 303) if target else
                render_template("emulator/closed.html", session=session))
    return page
