"""French is complete: every string in the source has a French translation, and pages speak it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def _packages():
    """(source folders, catalogue folder) for the core and each plugin (a new one included)."""
    yield "core", [ROOT / "core", ROOT / "templates"], ROOT / "core" / "translations"
    for init in sorted((ROOT / "plugins").glob("*/__init__.py")):
        yield init.parent.name, [init.parent], init.parent / "translations"


def _source_messages(folders):
    with open(ROOT / "babel.cfg") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    keywords = dict(DEFAULT_KEYWORDS, _l=None)
    found = set()
    for folder in folders:
        for _file, _line, message, _comments, _context in extract_from_dir(
                str(folder), method_map, options_map, keywords=keywords):
            found.add(message[0] if isinstance(message, tuple) else message)
    return found


PACKAGES = list(_packages())


@pytest.mark.parametrize("name, folders, catalogue", PACKAGES, ids=[p[0] for p in PACKAGES])
def test_every_source_string_has_a_french_translation(name, folders, catalogue):
    path = catalogue / "fr" / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        assert not _source_messages(folders), f"{name}: no French catalogue (run `make extract PLUGIN={name}`)"
        return
    with open(path, "rb") as po:
        catalog = read_po(po)
    # A plural message (ngettext) is keyed by its singular, and translated when every form is.
    translated = {(m.id[0] if isinstance(m.id, tuple) else m.id): m.string for m in catalog
                  if m.id and m.string and "fuzzy" not in m.flags
                  and (not isinstance(m.string, tuple) or all(m.string))}
    missing = sorted(_source_messages(folders) - set(translated))
    assert not missing, f"{name}: strings without a French translation (run `make extract`): {missing}"
    for message in catalog:
        if not (message.id and message.string) or "fuzzy" in message.flags:
            continue
        # Plurals: the first French form answers the singular (0 and 1), the others the plural.
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        for index, msgstr in enumerate(forms):
            msgid = ids[min(index, len(ids) - 1)]
            assert sorted(PLACEHOLDER.findall(msgid)) == sorted(PLACEHOLDER.findall(msgstr)), \
                f"{name}: placeholders differ in {msgid!r} -> {msgstr!r}"


def test_pages_follow_the_browser_language(client):
    french = client.get("/login", headers={"Accept-Language": "fr-FR,fr;q=0.9"}).get_data(as_text=True)
    english = client.get("/login", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_data(as_text=True)
    assert '<html lang="fr">' in french and "Mot de passe" in french
    assert '<html lang="en">' in english and "Password" in english and "Mot de passe" not in english


def test_member_language_choice_beats_the_browser(client, auth, make_user):
    member = make_user()
    auth.login(member)
    client.post("/language", data={"locale": "en", "next": "/account"})
    page = client.get("/account", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "My account" in page


def test_language_switcher_refuses_foreign_redirects(client):
    response = client.post("/language", data={"locale": "en", "next": "//evil.example/"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/"
