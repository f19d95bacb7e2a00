"""The roles a user can have; slugs are stable (CLI, API, config)."""
from flask_babel import lazy_gettext as _l

MEMBER = "member"
SITE_MANAGER = "site-manager"
TERRITORY_ADMIN = "territory-admin"
PARTNER = "partner"

ROLES = {
    MEMBER: _l("Member"),
    SITE_MANAGER: _l("Site manager"),
    TERRITORY_ADMIN: _l("Territory administrator"),
    PARTNER: _l("Partner contact"),
}
