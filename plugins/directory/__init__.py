"""The directory plugin: opt-in member profiles coded on ROME 4.0, organisations, search, and a
contact relay that never shows an address.

Its public API, for other plugins (the boards to come): the ROME vocabulary. Nothing else of
this package is theirs to import (see docs/plugins.md). They only read.
"""
from plugins.directory.rome import Entry, expand, job, skill, suggest

__all__ = ["Entry", "expand", "job", "skill", "suggest"]
