"""The ROME 4.0 vocabulary, through the directory's public API only. While the directory is
switched off, codes are kept as typed (checked by their shape) and shown without their label."""
from __future__ import annotations

import re

from flask_babel import gettext as _, ngettext

from core.modules.service import is_enabled
from plugins.directory import expand, job, skill, suggest

from .errors import BoardsError

JOB = re.compile(r"^[A-Z]\d{2}(\d{2})?$")  # a job (J1404) or a professional domain (J14)
SKILL = re.compile(r"^\d{1,12}$")
MAX_CODES = 10


def available() -> bool:
    return is_enabled("directory")


def label(code: str) -> str:
    """`J1404 Kinésithérapeute`, or the code alone without the vocabulary."""
    if available():
        entry = skill(code) if SKILL.match(code) else job(code)
        if entry is not None:
            return entry.label
    return code


def known(code: str) -> bool:
    """A ROME job, domain, macro-skill or skill code of the vocabulary (any code of the right
    shape when the vocabulary is not available)."""
    if not available():
        return bool(JOB.match(code) or SKILL.match(code))
    return (skill(code) if SKILL.match(code) else job(code)) is not None


def labelled(codes) -> list[dict]:
    return [{"code": c, "label": label(c)} for c in codes]


def widen(codes) -> set[str]:
    """The codes and every narrower one (a domain's jobs, a macro-skill's skills)."""
    codes = {str(c).strip().upper() for c in codes or () if str(c).strip()}
    return expand(codes) if available() and codes else codes


def parse(text: str | None) -> list[str]:
    """Codes from what was typed: codes or labels, separated by commas, semicolons or lines.
    A label is looked up in the vocabulary (best suggestion); without it, only codes."""
    out: list[str] = []
    for token in re.split(r"[,;\n]+", text or ""):
        token = " ".join(token.split())
        if not token:
            continue
        code = token.split(" ")[0].upper()
        if JOB.match(code) or SKILL.match(code):
            if available() and (skill(code) if SKILL.match(code) else job(code)) is None:
                raise BoardsError(_("Unknown ROME code: %(code)s.", code=code))
        elif available():
            found = suggest(token, limit=1, kinds=("job", "domain", "macro_skill", "skill"))
            if not found:
                raise BoardsError(_("No ROME job or skill matches “%(text)s”.", text=token[:60]))
            code = found[0].code
        else:
            raise BoardsError(_("The ROME vocabulary is not available (the directory is switched off): "
                                "type ROME codes, such as J1404."))
        if code not in out:
            out.append(code)
    if len(out) > MAX_CODES:
        raise BoardsError(ngettext("At most %(num)d job or skill.", "At most %(num)d jobs or skills.", MAX_CODES))
    return out
