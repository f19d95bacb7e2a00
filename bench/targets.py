"""The issue's targets, each recorded by the benchmark that measures it and printed together at
the end of `make bench` as one line: what, the ratio, the bound, "met" or "not met"."""
from __future__ import annotations

from dataclasses import dataclass

_RESULTS: list["Target"] = []


@dataclass
class Target:
    name: str
    ratio: float
    bound: float
    at_least: bool  # True: ratio >= bound is met; False: ratio <= bound is met
    detail: str = ""

    @property
    def met(self) -> bool:
        return self.ratio >= self.bound if self.at_least else self.ratio <= self.bound

    def line(self) -> str:
        if self.at_least:
            shown, bound = f"{self.ratio:6.1%}", f">= {self.bound:.0%}"
        else:
            shown, bound = f"{self.ratio:5.2f}x", f"<= {self.bound:g}x"
        verdict = "met" if self.met else "NOT MET"
        return f"{self.name:<58} {shown:>8}  (target {bound})  {verdict:<7}  {self.detail}"


def at_least(name: str, ratio: float, bound: float, detail: str = "") -> Target:
    target = Target(name, ratio, bound, True, detail)
    _RESULTS.append(target)
    print("  -> " + target.line())
    return target


def at_most(name: str, ratio: float, bound: float, detail: str = "") -> Target:
    target = Target(name, ratio, bound, False, detail)
    _RESULTS.append(target)
    print("  -> " + target.line())
    return target


def summary() -> list[Target]:
    return list(_RESULTS)


def print_summary() -> None:
    if not _RESULTS:
        return
    print("\n== targets (issue 16), each a ratio measured in this run")
    for target in _RESULTS:
        print(target.line())
    missed = sum(not t.met for t in _RESULTS)
    print(f"{len(_RESULTS) - missed} of {len(_RESULTS)} met")
