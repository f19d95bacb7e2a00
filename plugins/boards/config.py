"""The `[plugins.boards]` table of the territory file."""
from pydantic import BaseModel, ConfigDict, Field


class BoardsConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    # A post's end date: at most this many days ahead (renewable).
    max_days: int = Field(default=90, ge=1, le=365)
    # Road distance is estimated as the crow-flies distance times this factor.
    detour_factor: float = Field(default=1.3, ge=1.0, le=3.0)
    # Matching: how far (estimated road km) a commune of a post may be from a person's communes.
    match_radius_km: int = Field(default=30, ge=1, le=300)
    # Messages through the directory's relay: the people the admin approved (recruiters, welcome
    # officers) may send this many in the directory's window; members keep the directory's limit.
    approved_contact_limit: int = Field(default=40, ge=1, le=1000)
    # A post is deleted this many days after its end date (`tierslieux retention purge`), with
    # its follow-up steps; the placements it led to stay in the figures, without it.
    ended_posts_days: int = Field(default=365, ge=30, le=3660)
