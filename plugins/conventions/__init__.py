"""The Conventions plugin (written by `tierslieux new-plugin conventions`).

Its public API, for other plugins (nothing else of this package is theirs to import; see
docs/plugins.md): `Partner`, `partner_ids_of(user)` (the partners a user is référent of),
`paying_convention(booking)` (the convention paying a stored booking, or None).
"""
from plugins.conventions.models import Partner
from plugins.conventions.service import partner_ids_of, paying_convention

__all__ = ["Partner", "partner_ids_of", "paying_convention"]
