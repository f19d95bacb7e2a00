"""The `[plugins.events]` table of the territory file."""
from pydantic import BaseModel, ConfigDict, Field


class EventsConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    # A visitor's registration (no account) keeps their name and address this many days after
    # the event ends (`tierslieux retention purge`), then only counts in the attendance figures.
    # Members' registrations are their account's: erased with it.
    visitor_days: int = Field(default=365, ge=1, le=3660)
