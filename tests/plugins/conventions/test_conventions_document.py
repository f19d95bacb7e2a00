"""The convention to sign: rendered as a PDF from its terms and the territory's clauses (cached by
content hash), its signed copy uploaded by the administrator (PDF only, size-limited, checked by
content) and downloaded by the administrator and the partner's référents only; the lifecycle
draft -> signed (requires the copy) -> active -> expired."""
from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from conventions_helpers import SIGNED_PDF
from core.extensions import db
from plugins.conventions.models import Convention, RenderedDocument


@pytest.fixture(autouse=True)
def _english(client):
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"


def _text(pdf: bytes) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def _rendered(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(RenderedDocument))


def _draft(app, world) -> int:
    """A second convention of the partner, still a draft."""
    from core.accounts.models import User
    from plugins.conventions import service
    from plugins.conventions.models import Partner

    with app.test_request_context():
        actor = db.session.get(User, world.admin.id)
        convention = service.save_convention(
            actor, db.session.get(Partner, world.partner_id), None, reference="CD46-2027",
            starts_on=date(2027, 1, 1), ends_on=date(2027, 12, 31), site_ids=[world.sites["figeac"]],
            kinds=["desk"], price_model="per_day", day_rate_cents=1500, cancel_notice_hours=48)
        db.session.commit()
        return convention.id


def _upload(client, convention_id, data: bytes, name="signed.pdf"):
    return client.post(f"/conventions/{convention_id}/signed-copy",
                       data={"signed_copy": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def test_the_convention_to_sign_carries_its_terms_and_the_five_clauses_and_is_cached(app, client, auth, world):
    with app.app_context():
        db.session.get(Convention, world.convention_id).cancel_notice_hours = 24
        db.session.commit()
    auth.login(world.referent)
    response = client.get(f"/conventions/{world.convention_id}/convention.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = _text(response.data)
    assert "Convention de télétravail CD46-TT" in text
    assert "15,00 € HT par jour" in text
    for title in ("Assurances", "Sécurité informatique", "Santé et sécurité au travail",
                  "Données personnelles (article 28 du RGPD)", "Annulations et absences"):
        assert title in text, title
    # the clause templates are filled in for this convention
    assert "sous-traitant de Conseil départemental du Lot" in text
    assert "moins de 24 heures avant son début est due" in text
    assert "décomptée comme un jour consommé" in text
    assert _rendered(app) == 1
    again = client.get(f"/conventions/{world.convention_id}/convention.pdf")
    assert again.data == response.data and _rendered(app) == 1  # the same text: the cached PDF
    with app.app_context():
        convention = db.session.get(Convention, world.convention_id)
        convention.cancel_notice_hours, convention.no_show_counts = 48, False
        db.session.commit()
    changed = _text(client.get(f"/conventions/{world.convention_id}/convention.pdf").data)
    assert "moins de 48 heures" in changed and "n'est pas décomptée" in changed
    assert _rendered(app) == 2


def test_saving_a_convention_renders_its_pdf_in_a_job(app, client, auth, world):
    auth.login(world.admin)
    form = client.get(f"/conventions/admin/conventions/{world.convention_id}")
    assert form.status_code == 200
    data = {"reference": "CD46-TT", "starts_on": "2026-01-01", "ends_on": "2027-12-31", "notice_days": "60",
            "sites": str(world.sites["figeac"]), "kinds": "desk", "price_model": "per_day", "day_rate": "15",
            "week_cap": "1.5", "past_cap": "refuse", "cancel_notice_hours": "24", "no_show_counts": "y",
            "cost_centres": "DRH\nDSI"}
    response = client.post(f"/conventions/admin/conventions/{world.convention_id}", data=data)
    assert response.status_code == 303, response.data
    assert _rendered(app) == 1  # the job ran after the commit (inline in tests)
    pdf = client.get(f"/conventions/{world.convention_id}/convention.pdf").data
    assert "Centres de coût DRH, DSI" in _text(pdf) and _rendered(app) == 1


def test_a_draft_is_signed_only_with_its_signed_copy_which_only_the_partner_and_admins_read(
        app, client, auth, world, make_user):
    convention_id = _draft(app, world)
    auth.login(world.admin)
    refused = client.post(f"/conventions/{convention_id}/status", data={"status": "signed"})
    assert refused.status_code == 409
    assert "signed copy" in refused.get_data(as_text=True)
    # not a PDF, or too large: refused, still a draft
    for data in (b"<html><script>alert(1)</script></html>", b"%PDF-1.4\n" + b"0" * (5_200 * 1024) + b"\n%%EOF\n"):
        page = client.get(_upload(client, convention_id, data).headers["Location"])
        assert "not a PDF" in page.get_data(as_text=True) or "too large" in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Convention, convention_id).status == "draft"
    signed = client.get(f"/conventions/{convention_id}/convention.pdf").data  # what both parties signed
    assert _upload(client, convention_id, signed).status_code == 303
    with app.app_context():
        convention = db.session.get(Convention, convention_id)
        assert convention.status == "signed" and convention.signed_copy.endswith(".pdf")
    for person in (world.admin, world.referent):
        auth.login(person)
        download = client.get(f"/conventions/{convention_id}/signed-copy.pdf")
        assert download.status_code == 200 and download.data == signed
        assert "attachment" in download.headers["Content-Disposition"]
    # nobody else: a member, the employee, another partner's référent, a site manager, the public
    others = [make_user(), world.employee, make_user("partner"), make_user("site-manager", sites=["figeac"])]
    for person in others:
        auth.login(person)
        assert client.get(f"/conventions/{convention_id}/signed-copy.pdf").status_code == 404
        assert client.get(f"/conventions/{convention_id}/convention.pdf").status_code == 404
    auth.logout()
    assert client.get(f"/conventions/{convention_id}/signed-copy.pdf").status_code in (302, 401)
    with app.app_context():
        name = db.session.get(Convention, convention_id).signed_copy
    assert client.get(f"/media/{name}").status_code == 404  # never served as a public upload
    # a référent cannot upload
    auth.login(world.referent)
    assert _upload(client, convention_id, SIGNED_PDF).status_code == 404


@pytest.mark.parametrize("today_offset, expected", [(-1, "signed"), (0, "active"), (400, "expired")])
def test_the_daily_job_starts_a_signed_convention_and_expires_one_past_its_end(app, world, today_offset, expected):
    from plugins.conventions import jobs

    convention_id = _draft(app, world)
    with app.test_request_context():
        from core.accounts.models import User
        from plugins.conventions import service

        service.attach_signed_copy(db.session.get(User, world.admin.id), db.session.get(Convention, convention_id),
                                   io.BytesIO(SIGNED_PDF))
        db.session.commit()
        jobs.daily((date(2027, 1, 1) + timedelta(days=today_offset)).isoformat())
        db.session.commit()
        assert db.session.get(Convention, convention_id).status == expected


def test_an_active_convention_keeps_its_signed_copy_and_cannot_be_signed_again(app, client, auth, world):
    auth.login(world.admin)
    page = client.get(_upload(client, world.convention_id, SIGNED_PDF).headers["Location"])
    assert "signed already" in page.get_data(as_text=True)
    assert "Download the signed copy" in page.get_data(as_text=True)


def _stored_documents(app) -> set[str]:
    from core.uploads import document_folder

    with app.app_context():
        return {path.name for path in document_folder().iterdir()}


def test_a_signed_copy_whose_transaction_rolls_back_leaves_no_file(app, world):
    """The file is written before the commit; a transaction that does not commit takes it away:
    a later refusal rolled back, a database failure, or a request that ends without committing."""
    from sqlalchemy.exc import IntegrityError

    from core.accounts.models import User
    from plugins.conventions import service
    from plugins.conventions.errors import ConventionError

    before = _stored_documents(app)
    convention_id = _draft(app, world)
    with app.test_request_context():  # a later rule refuses: the caller rolls back
        actor, convention = db.session.get(User, world.admin.id), db.session.get(Convention, convention_id)
        service.attach_signed_copy(actor, convention, io.BytesIO(SIGNED_PDF))
        assert len(_stored_documents(app) - before) == 1
        with pytest.raises(ConventionError):
            service.move(actor, convention, "draft")
        db.session.rollback()
        assert _stored_documents(app) == before
    with app.test_request_context():  # the database refuses the transaction
        actor, convention = db.session.get(User, world.admin.id), db.session.get(Convention, convention_id)
        service.attach_signed_copy(actor, convention, io.BytesIO(SIGNED_PDF))
        convention.reference = "CD46-TT"  # the other convention's reference: unique
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()
        assert _stored_documents(app) == before
    with app.test_request_context():  # neither commit nor rollback: the session just ends
        service.attach_signed_copy(db.session.get(User, world.admin.id), db.session.get(Convention, convention_id),
                                   io.BytesIO(SIGNED_PDF))
        db.session.remove()
    assert _stored_documents(app) == before
    with app.app_context():
        assert db.session.get(Convention, convention_id).signed_copy is None


def test_a_replaced_signed_copy_is_deleted_once_the_new_one_commits(app, client, auth, world):
    before = _stored_documents(app)  # the world's convention's copy
    convention_id = _draft(app, world)
    auth.login(world.admin)
    assert _upload(client, convention_id, SIGNED_PDF).status_code == 303
    with app.app_context():
        first = db.session.get(Convention, convention_id).signed_copy
    assert _stored_documents(app) == before | {first}
    other = SIGNED_PDF.replace(b"both parties", b"both parties, again")
    assert _upload(client, convention_id, other).status_code == 303
    with app.app_context():
        second = db.session.get(Convention, convention_id).signed_copy
    assert second != first and _stored_documents(app) == before | {second}
    assert client.get(f"/conventions/{convention_id}/signed-copy.pdf").data == other
    # a replacement rolled back keeps the copy in force, and leaves no new file
    from core.accounts.models import User
    from plugins.conventions import service

    with app.test_request_context():
        service.attach_signed_copy(db.session.get(User, world.admin.id), db.session.get(Convention, convention_id),
                                   io.BytesIO(SIGNED_PDF))
        db.session.rollback()
    assert _stored_documents(app) == before | {second}


def test_the_sweep_keeps_signed_copies_and_deletes_an_orphan_document(app, client, auth, world):
    """A signed copy whose row never committed (a killed process) goes with the daily sweep,
    once a day old; every copy a convention names stays, in force or not yet."""
    import os
    import time

    from core.uploads import document_folder, sweep_orphans

    with app.app_context():
        folder = document_folder()
    orphan = folder / ("d" * 32 + ".pdf")
    orphan.write_bytes(SIGNED_PDF)
    old = time.time() - 2 * 86400
    for path in folder.iterdir():
        os.utime(path, (old, old))
    kept = _stored_documents(app) - {orphan.name}
    assert kept  # the world's convention's copy
    with app.app_context():
        assert sweep_orphans().deleted == [orphan]
    assert _stored_documents(app) == kept
