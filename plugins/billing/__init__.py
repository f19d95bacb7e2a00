"""The billing plugin. Its public API, for other plugins (nothing else of this package is theirs
to import): `next_invoice_number(series)` takes the next gapless number of an invoice series in
the caller's transaction (flushes; the caller commits); `invoice_prefix()` is the territory's
prefix of invoice numbers.
"""


def next_invoice_number(series: str) -> int:
    """The next number of `series` (gapless: a rollback gives it back)."""
    from plugins.billing.invoices import next_number

    return next_number(series)


def invoice_prefix() -> str:
    from plugins.billing.config import settings

    return settings().invoice_prefix


__all__ = ["invoice_prefix", "next_invoice_number"]
