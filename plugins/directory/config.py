"""The `[plugins.directory]` table of the territory file."""
from pydantic import BaseModel, ConfigDict, Field


class DirectoryConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    # Public: profiles whose owner says so are shown to visitors too (and pages may be indexed).
    public: bool = False
    # At most `contact_limit` messages per sender within `contact_window_hours`.
    contact_limit: int = Field(default=5, ge=1, le=1000)
    contact_window_hours: int = Field(default=24, ge=1, le=24 * 31)
    # The radius of a search around a commune when none is given.
    default_radius_km: int = Field(default=20, ge=1, le=500)
    # Relayed messages are deleted this many days after they were written (`tierslieux retention
    # purge`); one reported and not yet moderated waits for its moderator.
    messages_days: int = Field(default=365, ge=60, le=3660)
