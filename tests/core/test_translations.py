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
    translated = {}  # msgid (a plural's singular) -> [(source, translation), ...]
    for m in catalog:
        if not m.id or "fuzzy" in m.flags:
            continue
        if isinstance(m.id, tuple):  # ngettext: every French form filled, placeholders of the plural
            if all(m.string):
                translated[m.id[0]] = [(m.id[0], m.string[0])] + [(m.id[1], form) for form in m.string[1:]]
        elif m.string:
            translated[m.id] = [(m.id, m.string)]
    missing = sorted(_source_messages(folders) - set(translated))
    assert not missing, f"{name}: strings without a French translation (run `make extract`): {missing}"
    for pairs in translated.values():
        for msgid, msgstr in pairs:
            assert sorted(PLACEHOLDER.findall(msgid)) == sorted(PLACEHOLDER.findall(msgstr)), \
                f"{name}: placeholders differ in {msgid!r} -> {msgstr!r}"


# The catalogues of the core and of every plugin are merged into one: a msgid two of them
# translate differently shows one of the two everywhere ("Coming up" of the events' list became
# the title of My bookings). Reuse the other catalogue's wording (the glossary's), or write a
# more precise msgid ("No organisation" rather than a feminine "None").


def test_no_two_catalogues_translate_one_message_differently():
    seen, clashes = {}, []
    for name, _folders, catalogue in PACKAGES:
        path = catalogue / "fr" / "LC_MESSAGES" / "messages.po"
        if not path.exists():
            continue
        with open(path, "rb") as po:
            for m in read_po(po):
                if not m.id or not m.string or "fuzzy" in m.flags:
                    continue
                key = m.id[0] if isinstance(m.id, tuple) else m.id
                string = tuple(m.string) if isinstance(m.string, (tuple, list)) else m.string
                first = seen.setdefault(key, (name, string))
                if first[1] != string:
                    clashes.append((key, first, (name, string)))
    assert not clashes, clashes


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


def test_a_templates_catalogue_is_looked_up_once_per_language_and_follows_a_change(app, monkeypatch):
    """The templates' _() look the catalogue up once per language in force (a page asks a hundred
    times), and still follow a language forced for an e-mail, then the request's again, and a
    language chosen during the request (`refresh`)."""
    import flask_babel
    from flask import render_template_string, session

    import core.i18n

    asked = []
    real = flask_babel.get_translations

    def counted():
        asked.append(1)
        return real()

    monkeypatch.setattr(core.i18n, "get_translations", counted)
    page = "{{ _('Free') }} {{ ngettext('%(num)d place', '%(num)d places', 2) }}"
    with app.test_request_context(headers={"Accept-Language": "fr"}):
        assert [render_template_string(page) for _ in range(5)] == ["Libre 2 places"] * 5
        assert 1 <= len(asked) <= 2  # ten messages; the first lookup may come before the language is known
        with flask_babel.force_locale("en"):
            assert render_template_string(page) == "Free 2 places"
        assert render_template_string(page) == "Libre 2 places"
        session["locale"] = "en"
        flask_babel.refresh()
        assert render_template_string(page) == "Free 2 places"


# A number of things ("%(n)d messages") said through gettext reads "1 messages" in English and
# "1 messages" in French: it goes through ngettext, whose French forms say "1 message". Left out:
# ranges ("between %(min)d and %(max)d characters": never one), percentages, and numbers that
# count nothing after them ("Photo %(n)d", "places: %(num)d").
COUNT_OF_THINGS = re.compile(r"%\(\w+\)d (?!%%)[A-Za-z]")
RANGE = re.compile(r"\b[Bb]etween %\(\w+\)d and %\(\w+\)d")


def test_a_count_of_things_goes_through_ngettext():
    folders = [f for _name, package, _catalogue in PACKAGES for f in package] + [ROOT / "examples" / "noticeboard"]
    with open(ROOT / "babel.cfg") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    counted = sorted({(str(folder.relative_to(ROOT)), path, message)
                      for folder in folders
                      for path, _line, message, _comments, _context in extract_from_dir(
                          str(folder), method_map, options_map, keywords=dict(DEFAULT_KEYWORDS, _l=None))
                      if not isinstance(message, tuple) and COUNT_OF_THINGS.search(RANGE.sub("", message))})
    assert not counted, f"counts through gettext (use ngettext): {counted}"
