"""Today's branches together (issue 15): a record whose first name was lost on a torn page has
every feature column the engine reads — the vowel marks (`linkvowel`) too — and `link` reads a
list holding one."""

from __future__ import annotations

from mizan.linkage.engine import link
from mizan.linkage.features import FEATURE_COLUMNS, ListVocabulary, record_readings


def test_a_lost_first_name_has_every_feature_column() -> None:
    rows = [{"record_id": "1", "full_name": "[ممزق] عماد الخالدي"}]
    vocabulary = ListVocabulary.of(rows)
    for features, _odds in record_readings(rows[0], vocabulary):
        assert set(FEATURE_COLUMNS) <= set(features), set(FEATURE_COLUMNS) - set(features)


def test_link_reads_a_list_with_a_lost_first_name() -> None:
    names = ["[ممزق] عماد الخالدي", "أحمد عماد الخالدي", "سامر خالد الحلبي", "سامر خالد الحلبي"]
    rows = [{"record_id": str(i), "full_name": name} for i, name in enumerate(names)]
    result = link(rows, sources=["a"] * len(rows))
    assert len(result.clusters) == len(rows)
    assert result.clusters[0] != result.clusters[1]
