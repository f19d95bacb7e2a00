"""What an employee whose booking their employer's convention refuses can do, told with the
refusal: the refusal alone ("You have used the 1.5 days ... this week.") left them nowhere to go."""
from __future__ import annotations

from babel.lists import format_list
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _

from core.modules.service import is_enabled

from .models import Authorisation


def referents_text(partner) -> list[str]:
    """"Name (address)" of each référent who can still be reached (an account disabled or erased
    reads no mail)."""
    return [f"{r.user.display_name} ({r.user.email})" for r in partner.referents
            if r.user is not None and r.user.is_active]


def advice(auth: Authorisation, site) -> str:
    """Ask the partner's référents, named with the address that reaches them (or the partner,
    when it has none); and pay the day personally only where that would be accepted: the
    convention lets its employees pay past its caps and billing sells at the site. A convention
    that refuses past its caps refuses the booking whoever would pay (its signed text says so):
    telling its employees to pay would send them to a second refusal."""
    partner = auth.convention.partner
    people = referents_text(partner)
    if people:
        ask = ngettext("You can ask your employer's référent, %(people)s, whether the convention can cover this "
                       "booking.",
                       "You can ask one of your employer's référents, %(people)s, whether the convention can "
                       "cover this booking.", len(people), people=format_list(people, locale=str(get_locale())))
    else:
        ask = _("You can ask your employer, %(partner)s, whether the convention can cover this booking.",
                partner=partner.name)
    if auth.convention.past_cap == "member_pays":
        if is_enabled("billing", site):
            return " ".join((ask, _("Or book it again and pay the day yourself.")))
        return ask
    # Said, not left to guess: employees asked whether they could pay the day themselves.
    return " ".join((ask, _("Your employer's convention does not let you pay yourself for a booking it does not "
                            "cover either.")))


def refusal_with_advice(reason: str, auth: Authorisation, site) -> str:
    return f"{reason} {advice(auth, site)}"
