"""The boards plugin: job offers, skills wanted ("compétences recherchées"), activities to take
over, and spouse profiles private to the recruiters the territory approved; moderation, expiry,
matching on ROME codes and distance, a weekly digest, the welcome officer's follow-up. See
docs/boards.md. It offers no public API to other plugins."""

__all__: list[str] = []
