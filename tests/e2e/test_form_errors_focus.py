"""After a form comes back with errors, base.html's errors.js moves the focus to the form's
error summary, which a screen reader then reads (WCAG 3.3.1, RGAA 11.10). Forms of the
managers', the administrator's and the directory's pages had no summary: the page came back
with the focus at its top, and nothing told a keyboard or screen-reader user why."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

ADMIN = "admin@demo.tierslieux.fr"
MANAGER = "gestion.figeac-maison-emploi@demo.tierslieux.fr"
MEMBER = "camille.martin@demo.tierslieux.fr"

FORMS = [
    # who, page, the submit button's name (the form it sends)
    (ADMIN, "/conventions/admin/partners/new", "Enregistrer"),
    (ADMIN, "/conventions/admin/partners/2/conventions/new", "Enregistrer"),
    (MANAGER, "/billing/sites/figeac-maison-emploi/manage", "Enregistrer le paiement"),
    (MANAGER, "/billing/sites/figeac-maison-emploi/manage", "Accorder"),
    (MEMBER, "/directory/me", "Ajouter"),  # the job's form: the first "Ajouter"
    (MANAGER, "/sites/figeac-maison-emploi/edit", "Ajouter la fermeture"),  # came back at #closures
]


@pytest.mark.parametrize("who, path, button", FORMS, ids=[f"{p}:{b}" for _w, p, b in FORMS])
def test_a_refused_form_takes_the_focus_to_its_errors(page, login, sign_out, who, path, button):
    sign_out()
    login(who)
    page.goto(path)
    form = page.locator("main form", has=page.get_by_role("button", name=button, exact=True)).first
    form.evaluate("f => { f.noValidate = true; f.querySelectorAll('input[type=email], input[type=text], "
                  "input:not([type]), textarea').forEach(i => { i.value = ''; }); }")
    with page.expect_navigation():
        form.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state("load")
    assert page.locator("main .error, main [aria-invalid=true]").count() > 0, "the form was not refused"
    focused = page.evaluate("""() => { const e = document.activeElement;
        return e ? [e.tagName, e.className, e.id, e.getAttribute('aria-invalid')] : null; }""")
    in_errors = page.evaluate("""() => { const e = document.activeElement;
        return !!e && (!!e.closest('.error-summary') || e.getAttribute('aria-invalid') === 'true'); }""")
    assert in_errors, f"after the refused form the focus is on {focused}"
