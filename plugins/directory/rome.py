"""The ROME 4.0 vocabulary (France Travail): jobs by code (`M1203`), grouped in professional
domains (`M12`) and grand domains (`M`); skills by `code_ogr`, grouped under macro-skills.

Shipped in data/ (see data/README.md), loaded by the migration, replaced by `tierslieux directory
load-rome`. Suggestions ignore accents and case: "compta" and "developpeur" find "Comptable" and
"Développeur / Développeuse web".
"""
from __future__ import annotations

import csv
import gzip
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, insert, select

from core.extensions import db

from .models import RomeJob, RomeSkill

DATA = Path(__file__).parent / "data"
JOB_CODE = re.compile(r"^[A-Z]\d{4}$")
DOMAIN_CODE = re.compile(r"^[A-Z]\d{2}$")
GRAND_DOMAIN_CODE = re.compile(r"^[A-Z]$")
SKILL_CODE = re.compile(r"^\d{1,12}$")
LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ß": "ss"})


def fold(text: str | None) -> str:
    """Lower case, no accents nor ligatures, words separated by one space ("Cœur-Éco" -> "coeur eco")."""
    text = unicodedata.normalize("NFKD", (text or "").translate(LIGATURES))
    text = text.encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


@dataclass(frozen=True)
class Entry:
    """One entry of the vocabulary. `kind`: job, domain, grand_domain, skill or macro_skill;
    `group_code`/`group_label`: the broader entry it belongs to (a job's domain, a skill's
    macro-skill), or None."""

    kind: str
    code: str
    label: str
    group_code: str | None = None
    group_label: str | None = None

    def as_dict(self) -> dict:
        return {"kind": self.kind, "code": self.code, "label": self.label, "group_code": self.group_code,
                "group_label": self.group_label}


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------


def _rows(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as handle:
        return list(csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8-sig")))


def read(metiers: Path, competences: Path) -> tuple[list[dict], list[dict]]:
    """The rows of both files as the tables take them; a file in another shape is refused."""
    jobs, skills = _rows(metiers), _rows(competences)
    need_jobs = {"code_rome", "libelle_rome", "code_grand_domaine", "libelle_grand_domaine",
                 "code_domaine_professionel", "libelle_domaine_professionel"}
    need_skills = {"code_ogr", "nature", "label", "category", "subcategory", "macro_code_ogr"}
    if not jobs or not need_jobs <= set(jobs[0]):
        raise ValueError(f"{metiers}: expected the columns {', '.join(sorted(need_jobs))}")
    if not skills or not need_skills <= set(skills[0]):
        raise ValueError(f"{competences}: expected the columns {', '.join(sorted(need_skills))}")
    job_rows = [{"code": r["code_rome"].strip(), "label": r["libelle_rome"].strip(),
                 "domain_code": r["code_domaine_professionel"].strip(),
                 "domain_label": r["libelle_domaine_professionel"].strip(),
                 "grand_domain_code": r["code_grand_domaine"].strip(),
                 "grand_domain_label": r["libelle_grand_domaine"].strip(), "key": fold(r["libelle_rome"])}
                for r in jobs if JOB_CODE.match(r["code_rome"].strip())]
    skill_rows = [{"code": r["code_ogr"].strip(), "label": r["label"].strip(),
                   "is_macro": r["nature"].strip().lower().startswith("macro"),
                   "category": r["category"].strip()[:80], "subcategory": r["subcategory"].strip()[:80],
                   "macro_code": r["macro_code_ogr"].strip() or None, "key": fold(r["label"])}
                  for r in skills if SKILL_CODE.match(r["code_ogr"].strip())]
    return job_rows, skill_rows


def load(connection, metiers: Path, competences: Path) -> tuple[int, int]:
    """Replace the vocabulary with the files' (in the caller's transaction). Profiles keep their
    codes; a code the new version drops stays on them, shown by its stored label."""
    job_rows, skill_rows = read(metiers, competences)
    connection.execute(delete(RomeJob.__table__))
    connection.execute(delete(RomeSkill.__table__))
    for table, rows in ((RomeJob.__table__, job_rows), (RomeSkill.__table__, skill_rows)):
        for start in range(0, len(rows), 2000):
            connection.execute(insert(table), rows[start:start + 2000])
    return len(job_rows), len(skill_rows)


def load_shipped(connection) -> tuple[int, int]:
    return load(connection, DATA / "rome-metiers.csv.gz", DATA / "rome-competences.csv.gz")


# --------------------------------------------------------------------------------------------
# Reading (the plugin's public API: see __init__)
# --------------------------------------------------------------------------------------------


def _job_entry(row: RomeJob) -> Entry:
    return Entry("job", row.code, row.label, row.domain_code, row.domain_label)


def _skill_entry(row: RomeSkill, macros: dict) -> Entry:
    return Entry("macro_skill" if row.is_macro else "skill", row.code, row.label, row.macro_code,
                 macros.get(row.macro_code))


def _macro_labels(codes) -> dict:
    codes = {c for c in codes if c}
    if not codes:
        return {}
    return dict(db.session.execute(select(RomeSkill.code, RomeSkill.label).where(RomeSkill.code.in_(codes))).all())


def job(code: str | None) -> Entry | None:
    """A job (`M1203`), a professional domain (`M12`) or a grand domain (`M`), or None."""
    code = (code or "").strip().upper()
    if JOB_CODE.match(code):
        row = db.session.get(RomeJob, code)
        return _job_entry(row) if row else None
    if DOMAIN_CODE.match(code):
        row = db.session.scalar(select(RomeJob).where(RomeJob.domain_code == code).limit(1))
        return Entry("domain", code, row.domain_label, row.grand_domain_code, row.grand_domain_label) if row else None
    if GRAND_DOMAIN_CODE.match(code):
        row = db.session.scalar(select(RomeJob).where(RomeJob.grand_domain_code == code).limit(1))
        return Entry("grand_domain", code, row.grand_domain_label) if row else None
    return None


def skill(code_ogr: str | int | None) -> Entry | None:
    """A skill or macro-skill by its `code_ogr`, or None."""
    code = str(code_ogr or "").strip()
    row = db.session.get(RomeSkill, code) if SKILL_CODE.match(code) else None
    return _skill_entry(row, _macro_labels([row.macro_code])) if row else None


def entry(code: str | None) -> Entry | None:
    """A job, domain or skill by its code, whichever it is."""
    return skill(code) if SKILL_CODE.match((code or "").strip()) else job(code)


def expand(codes) -> set[str]:
    """The codes and every narrower code under them: a domain's jobs, a macro-skill's skills.
    Unknown codes are kept as they are (they match nothing)."""
    out, domains, grands, skills = set(), set(), set(), set()
    for code in codes or ():
        code = str(code).strip().upper()
        out.add(code)
        if DOMAIN_CODE.match(code):
            domains.add(code)
        elif GRAND_DOMAIN_CODE.match(code):
            grands.add(code)
        elif SKILL_CODE.match(code):
            skills.add(code)
    if domains:  # through the domain's index
        out.update(db.session.scalars(select(RomeJob.code).where(RomeJob.domain_code.in_(domains))))
    if grands:
        out.update(db.session.scalars(select(RomeJob.code).where(RomeJob.grand_domain_code.in_(grands))))
    if skills:
        out.update(db.session.scalars(select(RomeSkill.code).where(RomeSkill.macro_code.in_(skills))))
    return out


def _rank(key: str, words: list[str]) -> tuple:
    first = words[0]
    starts = key.startswith(first) or f" {first}" in f" {key}"
    return (not key.startswith(first), not starts, len(key))


def suggest(query: str | None, limit: int = 10, kinds=("job", "domain", "macro_skill", "skill")) -> list[Entry]:
    """Entries whose label holds every word typed (accents and case ignored), best first:
    jobs and their domains, then macro-skills, then skills; labels starting with the first
    word before the others, shorter before longer."""
    words = fold((query or "")[:120]).split()[:6]
    if not words or len(" ".join(words)) < 2:
        return []
    found: list[tuple[tuple, Entry]] = []
    if "job" in kinds or "domain" in kinds:
        rows = db.session.scalars(select(RomeJob).where(*[RomeJob.key.contains(w, autoescape=True)
                                                          for w in words]).limit(200)).all()
        if "job" in kinds:
            found += [((0, *_rank(r.key, words)), _job_entry(r)) for r in rows]
        if "domain" in kinds:
            for code, label, grand, grand_label in db.session.execute(select(
                    RomeJob.domain_code, RomeJob.domain_label, RomeJob.grand_domain_code,
                    RomeJob.grand_domain_label).distinct()):
                key = fold(label)
                if all(w in key for w in words):
                    found.append(((1, *_rank(key, words)), Entry("domain", code, label, grand, grand_label)))
    if "skill" in kinds or "macro_skill" in kinds:
        rows = db.session.scalars(select(RomeSkill).where(*[RomeSkill.key.contains(w, autoescape=True)
                                                            for w in words]).limit(400)).all()
        macros = _macro_labels(r.macro_code for r in rows)
        for r in rows:
            if ("macro_skill" if r.is_macro else "skill") in kinds:
                found.append(((2 if r.is_macro else 3, *_rank(r.key, words)), _skill_entry(r, macros)))
    found.sort(key=lambda pair: (pair[0], pair[1].label))
    return [e for _rank_, e in found[:limit]]
