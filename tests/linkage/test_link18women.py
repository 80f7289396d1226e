"""Forms of a women detainees' support network's register (issue 15, set 18's women_network):
a woman's husband written after her own name («… زوجة زياد السيد»), set aside as a French
list's «épouse» is."""

from __future__ import annotations

import pytest

from mizan.linkage.features import record_readings


def _likeliest(full_name: str) -> tuple[str | None, str | None, str | None]:
    features, _odds = record_readings({"full_name": full_name})[0]
    return features["first_n"], features["father_n"], features["family_n"]


@pytest.mark.parametrize(
    ("written", "own"),
    [
        ("رنا بنت فراس الشعيطي زوجة زياد السيد", "رنا فراس الشعيطي"),
        ("فاطمة محمد المحمد زوجة خالد قدور", "فاطمة محمد المحمد"),
        ("ليلى موسى قدور زوجه محمد قدور", "ليلى موسى قدور"),
        ("الحاجة عائشة علي الحلبي زوجة صالح الحلبي", "عائشة علي الحلبي"),
        ("نور زياد الخطيب أرملة حسن الخطيب", "نور زياد الخطيب"),
    ],
)
def test_her_husbands_name_after_hers_is_set_aside(written: str, own: str) -> None:
    assert _likeliest(written) == _likeliest(own)
