"""`make extract`: the translation catalogues refreshed from the source, one package at a time.

    python -m devtools.catalogues [PACKAGE_FOLDER ...]      (`make extract [PLUGIN=name]`)

With no folder: the core (core/ and templates/) and every plugin in plugins/. For each package,
its messages (babel.cfg, keyword `_l`) go to its `translations/messages.pot` and each locale's
`messages.po` is updated from it; a package without `translations/` gets one, with a French
catalogue to fill in.

A file is written only when its messages change, never for the dates in its header alone, so
`make extract` followed by `git status` shows nothing when no string changed. Every catalogue
has one format: sorted, no source locations (moving code never touches a catalogue) and no line
wrapping (one message, one line: a changed message is a one-line diff).
"""
from __future__ import annotations

import argparse
import io
import os
import re
import sys
from datetime import datetime
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po
from babel.util import LOCALTZ

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = dict(DEFAULT_KEYWORDS, _l=None)
NEW_CATALOGUE_LOCALES = ("fr",)  # French must be complete (tests/core/test_translations.py)
DEFAULT_MAPPING = "[python: **.py]\n[jinja2: **.html]\n[jinja2: **.txt]\n"  # as babel.cfg
# Header lines that change on every run or with Babel's version: not a reason to rewrite a file.
VOLATILE = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date|Generated-By): [^"]*"\n', re.M)


def _render(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=0, no_location=True, sort_output=True)
    return out.getvalue()


def _changed(path: Path, content: bytes, write: bool) -> bool:
    if path.exists() and VOLATILE.sub(b"", path.read_bytes()) == VOLATILE.sub(b"", content):
        return False
    if write:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return True


def extract(sources: list[Path], mapping: Path = ROOT / "babel.cfg") -> Catalog:
    # babel.cfg is not installed with the package: a plugin's repository gets the same rules.
    cfg = open(mapping) if mapping.exists() else io.StringIO(DEFAULT_MAPPING)
    with cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    template = Catalog(fuzzy=False)
    for folder in sources:
        for filename, lineno, message, comments, context in extract_from_dir(
                str(folder), method_map, options_map, keywords=KEYWORDS):
            template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def sources_of(package: Path) -> list[Path]:
    """The core's messages are in core/ and the top-level templates/; a plugin's in its folder."""
    if package.resolve() == (ROOT / "core").resolve():
        return [package, ROOT / "templates"]
    return [package]


def refresh(package: Path, write: bool = True, echo=print) -> list[Path]:
    """Refresh one package's catalogues; return the files written (or to write, if not `write`)."""
    translations = package / "translations"
    template = extract(sources_of(package))
    written = []
    pot = translations / "messages.pot"
    if _changed(pot, _render(template), write):
        written.append(pot)
    locales = sorted(p.parent.parent.name for p in translations.glob("*/LC_MESSAGES/messages.po"))
    for locale in locales or NEW_CATALOGUE_LOCALES:
        path = translations / locale / "LC_MESSAGES" / "messages.po"
        if path.exists():
            with open(path, "rb") as po:
                catalog = read_po(po, locale=locale)
            catalog.update(template, update_creation_date=False)
            # Babel keeps an obsolete entry (#~) when its message comes back in the source: the
            # file then defines the message twice, which GNU msgfmt refuses. Its translation is
            # offered again, fuzzy (to check: the message may be used otherwise now).
            for key, old in list(catalog.obsolete.items()):
                if (message := catalog.get(old.id, old.context)) is not None:
                    if not message.string and old.string:
                        message.string, message.flags = old.string, message.flags | {"fuzzy"}
                    del catalog.obsolete[key]
        else:  # as `pybabel init` does
            catalog = read_po(io.BytesIO(_render(template)), locale=locale)
            catalog.locale = Locale.parse(locale)
            catalog.revision_date = datetime.now(LOCALTZ)
            catalog.fuzzy = False
        if _changed(path, _render(catalog), write):
            written.append(path)
        untranslated = sum(1 for m in catalog if m.id and (not m.string or m.fuzzy))
        if untranslated:
            echo(f"{path}: {untranslated} message(s) to translate")
    return written


def packages() -> list[Path]:
    return [ROOT / "core"] + sorted(p.parent for p in (ROOT / "plugins").glob("*/__init__.py"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.catalogues", description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, help="package folders (default: core and every plugin)")
    args = parser.parse_args(argv)
    for package in args.folders or packages():
        if not (package / "__init__.py").exists():
            print(f"{package}: not a Python package folder", file=sys.stderr)
            return 2
        written = refresh(package)
        print(f"{os.path.relpath(package)}: "
              + (", ".join(os.path.relpath(p) for p in written) + " updated" if written else "unchanged"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
