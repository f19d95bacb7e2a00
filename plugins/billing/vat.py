"""VAT arithmetic in integer cents: French invoices show VAT per rate, rounded half up."""
from __future__ import annotations


def round_half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded to the nearest integer, halves away from zero."""
    sign = -1 if (numerator < 0) != (denominator < 0) else 1
    n, d = abs(numerator), abs(denominator)
    return sign * ((2 * n + d) // (2 * d))


def vat_of(ht_cents: int, rate_bp: int) -> int:
    return round_half_up(ht_cents * rate_bp, 10_000)


def totals(lines: list[dict]) -> dict:
    """Totals of `{"quantity", "unit_ht_cents", "vat_rate_bp"}` lines.

    VAT is computed once per rate on the sum of that rate's lines (not line by line), which
    is what the tax authority expects and keeps rounding errors to one cent per rate.
    """
    by_rate: dict[int, int] = {}
    for line in lines:
        by_rate[line["vat_rate_bp"]] = by_rate.get(line["vat_rate_bp"], 0) + line["quantity"] * line["unit_ht_cents"]
    breakdown = [{"rate_bp": rate, "ht_cents": ht, "vat_cents": vat_of(ht, rate)} for rate, ht in sorted(by_rate.items())]
    ht = sum(item["ht_cents"] for item in breakdown)
    vat = sum(item["vat_cents"] for item in breakdown)
    return {"breakdown": breakdown, "ht_cents": ht, "vat_cents": vat, "ttc_cents": ht + vat}


def split_ttc(ttc_cents: int, rate_bp: int) -> tuple[int, int]:
    """(HT, VAT) of an amount including VAT, e.g. a partial refund made in Stripe."""
    ht = round_half_up(ttc_cents * 10_000, 10_000 + rate_bp)
    return ht, ttc_cents - ht
