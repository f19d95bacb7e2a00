"""The Conventions plugin (written by `tierslieux new-plugin conventions`).

Its public API, for other plugins (nothing else of this package is theirs to import):
`partners_of(user)` (the ids of the partners a user works for), `is_employee_of(user, partner_id)`,
`partner_names()` ({id: name}). They read only.
"""
from plugins.conventions.staff import is_employee_of, partner_names, partners_of

__all__ = ["is_employee_of", "partner_names", "partners_of"]
