"""`make extract` (devtools/catalogues.py): a new plugin gets a French catalogue, an unchanged
catalogue is left byte for byte, a new string touches its own package's catalogue only."""
from __future__ import annotations

import difflib

from babel.messages.pofile import read_po

from devtools import catalogues

VIEW = '''from flask_babel import gettext as _, lazy_gettext as _l

LABEL = _l("Events")


def title():
    return _("Upcoming events")
'''


def _catalogue(package, locale="fr"):
    with open(package / "translations" / locale / "LC_MESSAGES" / "messages.po", "rb") as po:
        return {m.id: m.string for m in read_po(po) if m.id}


def test_a_new_plugin_gets_a_french_catalogue_then_only_new_strings_change_it(tmp_path):
    package = tmp_path / "events"
    (package / "templates").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "views.py").write_text(VIEW)
    (package / "templates" / "list.html").write_text("<h1>{{ _('No events yet.') }}</h1>\n")

    written = catalogues.refresh(package, echo=lambda line: None)
    po = package / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
    assert written == [package / "translations" / "messages.pot", po]
    assert _catalogue(package) == {"Events": "", "No events yet.": "", "Upcoming events": ""}

    text = po.read_text().replace('msgid "Events"\nmsgstr ""', 'msgid "Events"\nmsgstr "Événements"')
    po.write_text(text)
    before = po.read_bytes()
    assert catalogues.refresh(package, echo=lambda line: None) == []
    assert po.read_bytes() == before  # dates in the header alone never rewrite a file

    (package / "views.py").write_text(VIEW + '\n\ndef empty():\n    return _("Nothing today.")\n')
    catalogues.refresh(package, echo=lambda line: None)
    assert _catalogue(package) == {"Events": "Événements", "No events yet.": "", "Nothing today.": "",
                                   "Upcoming events": ""}
    changes = [line for line in difflib.ndiff(before.decode().splitlines(), po.read_text().splitlines())
               if line[:1] in "+-"]
    assert changes == ['+ msgid "Nothing today."', '+ msgstr ""', "+ "]


def test_a_message_back_in_the_source_leaves_no_obsolete_copy_of_itself(tmp_path):
    """Babel kept the obsolete entry (#~) of a message removed then used again, beside the new
    one: the billing catalogue defined "Paid" twice, and GNU msgfmt refuses such a file. The old
    translation is offered again, fuzzy."""
    package = tmp_path / "shop"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "views.py").write_text(VIEW)
    catalogues.refresh(package, echo=lambda line: None)
    po = package / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text().replace('msgid "Events"\nmsgstr ""', 'msgid "Events"\nmsgstr "Événements"'))
    (package / "views.py").write_text(VIEW.replace('LABEL = _l("Events")', 'LABEL = _l("Happenings")'))
    catalogues.refresh(package, echo=lambda line: None)
    assert '#~ msgid "Events"' in po.read_text()  # gone from the source: kept aside, as Babel does
    (package / "views.py").write_text(VIEW + '\n\ndef again():\n    return _("Events")\n')
    catalogues.refresh(package, echo=lambda line: None)
    assert po.read_text().count('msgid "Events"') == 1
    with open(po, "rb") as file:  # its old translation offered again, to check
        events = read_po(file).get("Events")
    assert events.string == "Événements" and events.fuzzy


def test_the_catalogues_of_this_repository_are_up_to_date_in_the_one_format():
    stale = [path for package in catalogues.packages()
             for path in catalogues.refresh(package, write=False, echo=lambda line: None)]
    assert not stale, f"run `make extract`: {stale}"
