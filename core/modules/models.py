"""The stored state of each module; no row means the territory configuration's default."""
from sqlalchemy import ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from core.db import UTCDateTime, utcnow
from core.extensions import db


class ModuleState(db.Model):
    __tablename__ = "module_state"
    # NULL site_id is the territory-wide row; a partial unique index keeps it single (see the
    # migration), since NULLs are distinct in a plain unique constraint.
    __table_args__ = (
        UniqueConstraint("module", "site_id", name="uq_module_state_module_site"),
        Index("uq_module_state_territory", "module", unique=True,
              sqlite_where=text("site_id IS NULL"), postgresql_where=text("site_id IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    module: Mapped[str] = mapped_column(String(64))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id", ondelete="CASCADE"))
    enabled: Mapped[bool]
    updated_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))


def _watch():
    from core.cache import watch

    watch(ModuleState, "modules")


_watch()
