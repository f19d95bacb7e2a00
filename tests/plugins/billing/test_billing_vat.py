"""VAT arithmetic: per-rate totals rounded half up, and amounts split back from TTC."""
from plugins.billing.vat import round_half_up, split_ttc, totals


def test_vat_is_computed_per_rate_on_the_sum_of_lines_and_rounded_half_up():
    lines = [{"quantity": 3, "unit_ht_cents": 333, "vat_rate_bp": 2000},
             {"quantity": 1, "unit_ht_cents": 1025, "vat_rate_bp": 550},
             {"quantity": 1, "unit_ht_cents": 5, "vat_rate_bp": 2000}]
    figures = totals(lines)
    # 20 %: 1004 HT -> 200.8 -> 201; 5.5 %: 1025 HT -> 56.375 -> 56
    assert figures["breakdown"] == [{"rate_bp": 550, "ht_cents": 1025, "vat_cents": 56},
                                    {"rate_bp": 2000, "ht_cents": 1004, "vat_cents": 201}]
    assert (figures["ht_cents"], figures["vat_cents"], figures["ttc_cents"]) == (2029, 257, 2286)


def test_half_cents_round_away_from_zero():
    assert round_half_up(25, 10) == 3 and round_half_up(-25, 10) == -3 and round_half_up(24, 10) == 2
    assert totals([{"quantity": 1, "unit_ht_cents": 1250, "vat_rate_bp": 2000}])["ttc_cents"] == 1500
    assert totals([{"quantity": 1, "unit_ht_cents": 1, "vat_rate_bp": 5000}])["vat_cents"] == 1


def test_an_amount_including_vat_splits_back_into_ht_and_vat_that_add_up():
    for ttc in (1, 99, 1500, 1234567):
        ht, vat = split_ttc(ttc, 2000)
        assert ht + vat == ttc
    assert split_ttc(1500, 2000) == (1250, 250)
    assert split_ttc(1000, 0) == (1000, 0)
