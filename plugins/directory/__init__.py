"""The directory plugin: opt-in member profiles coded on ROME 4.0, organisations, search, and a
contact relay that never shows an address.

Its public API, for other plugins (the boards): the ROME vocabulary (read only), `relay_message`,
which sends a member a message through the contact relay (flushes; the caller commits), and
`profiles_matching`, the cards of the listed profiles whose job or skills fall under given codes. Nothing
else of this package is theirs to import (see docs/plugins.md).
"""
from plugins.directory.relay import relay_message
from plugins.directory.rome import Entry, expand, job, skill, suggest
from plugins.directory.search import profiles_matching

__all__ = ["Entry", "expand", "job", "profiles_matching", "relay_message", "skill", "suggest"]
