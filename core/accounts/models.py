"""Who uses the platform, and what they consented to."""
from __future__ import annotations

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.accounts import roles
from core.db import UTCDateTime, utcnow
from core.extensions import db


class User(UserMixin, db.Model):
    __tablename__ = "user_account"  # "user" is reserved in PostgreSQL

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(32), default=roles.MEMBER)
    locale: Mapped[str | None] = mapped_column(String(8))
    home_commune: Mapped[str | None] = mapped_column(String(120))  # its name, as shown
    home_commune_code: Mapped[str | None] = mapped_column(String(5))  # INSEE code (core.geo)
    home_latitude: Mapped[float | None]
    home_longitude: Mapped[float | None]
    email_confirmed_at: Mapped[object | None] = mapped_column(UTCDateTime)
    is_disabled: Mapped[bool] = mapped_column(default=False)
    # Bumped at logout, password change and disabling: older cookies stop working.
    session_version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[object | None] = mapped_column(UTCDateTime)
    erased_at: Mapped[object | None] = mapped_column(UTCDateTime)

    # Loaded when asked (a manager's pages): loading it with every user cost each signed-in
    # request of a member a query, and a manager's one the sites with their hours.
    managed_sites = relationship("Site", secondary="site_manager", back_populates="managers", lazy="select")

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    @property
    def is_active(self) -> bool:
        return not self.is_disabled and self.erased_at is None

    @property
    def is_territory_admin(self) -> bool:
        return self.role == roles.TERRITORY_ADMIN

    @property
    def is_site_manager(self) -> bool:
        return self.role == roles.SITE_MANAGER

    def manages(self, site) -> bool:
        """Territory admins manage every site; site managers only theirs."""
        if self.is_territory_admin:
            return True
        return self.is_site_manager and any(s.id == site.id for s in self.managed_sites)

    @classmethod
    def by_email(cls, email: str) -> "User | None":
        return db.session.scalar(select(cls).where(func.lower(cls.email) == email.strip().lower()))


class Consent(db.Model):
    """A consent given or withdrawn, with the exact wording shown (RGPD art. 7)."""

    __tablename__ = "consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(64))
    wording: Mapped[str] = mapped_column(String(1000))
    given_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)
    withdrawn_at: Mapped[object | None] = mapped_column(UTCDateTime)
    # An accepted document (terms of sale, privacy notice): its version and its very text.
    version: Mapped[str | None] = mapped_column(String(32))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("legal_document.id"))
    document = relationship("LegalDocumentText", lazy="joined")


class LegalDocumentText(db.Model):
    """The text of a legal document as it was when members accepted it, stored once per text
    (`sha256`), so a consent always points to the exact words accepted."""

    __tablename__ = "legal_document"
    __table_args__ = (UniqueConstraint("kind", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))  # "terms_of_sale", "privacy_notice"
    version: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    first_accepted_at: Mapped[object] = mapped_column(UTCDateTime, default=utcnow)
