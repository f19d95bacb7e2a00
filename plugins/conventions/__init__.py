"""The Conventions plugin (written by `tierslieux new-plugin conventions`).

Its public API, for other plugins (nothing else of this package is theirs to import; see
docs/plugins.md): `Partner`, `partner_ids_of(user)` (the partners a user is référent of),
`paying_convention(booking)` (the convention paying a stored booking, or None),
`partners_of(user)` (the ids of the partners a user works for), `is_employee_of(user, partner_id)`,
`partner_names(sites=None)` ({id: name}; with `sites`, only
those listed publicly or working with one of them). They read only.
"""
from plugins.conventions.models import Partner
from plugins.conventions.service import partner_ids_of, paying_convention
from plugins.conventions.staff import is_employee_of, partner_names, partners_of

__all__ = ["Partner", "is_employee_of", "partner_ids_of", "partner_names", "partners_of", "paying_convention"]
