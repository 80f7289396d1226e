"""Invariants of set 18's generator: determinism, files, counts, scripts, forms and persons."""

from __future__ import annotations

import csv
import filecmp
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate as g  # noqa: E402

FILES = [
    "isis_missing.csv",
    "persons.csv",
    "report_annex.csv",
    "truth.csv",
    "whatsapp_rollcall.csv",
    "women_network.csv",
]
LISTS = ["women_network", "whatsapp_rollcall", "report_annex", "isis_missing"]
# form rates (% of a list's records) at seed 18, 20,000 persons
EXPECTED = {
    ("women_network", "hamza_dropped"): 9.7,
    ("women_network", "name_bint"): 22.9,
    ("women_network", "name_three"): 50.3,
    ("women_network", "name_two"): 13.6,
    ("women_network", "birth_from_age"): 11.9,
    ("women_network", "repeat"): 12.2,
    ("women_network", "kunya"): 3.8,
    ("women_network", "wife_of_in_name"): 2.1,
    ("whatsapp_rollcall", "arabizi"): 22.9,
    ("whatsapp_rollcall", "hamza_dropped"): 10.8,
    ("whatsapp_rollcall", "name_two"): 18.2,
    ("whatsapp_rollcall", "no_family"): 8.3,
    ("whatsapp_rollcall", "prefix_word"): 12.2,
    ("whatsapp_rollcall", "repeat"): 27.5,
    ("whatsapp_rollcall", "final_ya_as_alif"): 4.4,
    ("whatsapp_rollcall", "pet_name"): 3.2,
    ("report_annex", "family_comma"): 25.9,
    ("report_annex", "given_first"): 31.7,
    ("report_annex", "ibn"): 18.8,
    ("report_annex", "signs_lost"): 15.8,
    ("report_annex", "press_spelling"): 9.7,
    ("report_annex", "apostrophe_ayn"): 10.4,
    ("isis_missing", "hamza_dropped"): 7.9,
    ("isis_missing", "tribe_as_family"): 9.4,
    ("isis_missing", "regime_detainee"): 25.5,
    ("isis_missing", "repeat"): 14.5,
    ("isis_missing", "father_with_grandfather"): 8.6,
    ("isis_missing", "dot_slip"): 4.3,
}
BIDI = {
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u061c",
}


def run(seed: int, out: str, hashseed: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    subprocess.run(
        [
            sys.executable,
            os.path.join(HERE, "generate.py"),
            "--seed",
            str(seed),
            "--persons",
            "3000",
            "--out",
            out,
        ],
        check=True,
        env=env,
    )


def read(path: str) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def check_determinism(tmp: str) -> None:
    a, b, c = (os.path.join(tmp, x) for x in "abc")
    run(7, a, "1")
    run(7, b, "987")
    run(8, c, "1")
    assert sorted(os.listdir(a)) == FILES, os.listdir(a)
    for f in FILES:
        assert filecmp.cmp(os.path.join(a, f), os.path.join(b, f), shallow=False), f
    assert not filecmp.cmp(
        os.path.join(a, "truth.csv"), os.path.join(c, "truth.csv"), shallow=False
    )


def check_files(out: str) -> dict[str, dict[str, str]]:
    persons = {r[0]: r for r in read(os.path.join(out, "persons.csv"))[1:]}
    truth = read(os.path.join(out, "truth.csv"))
    assert truth[0] == ["list", "record_id", "person_id"]
    tkeys = {(t[0], t[1]): t[2] for t in truth[1:]}
    assert len(tkeys) == len(truth) - 1
    assert all(pid in persons for pid in tkeys.values())
    seen = set()
    names: dict[str, dict[str, str]] = {}
    for lst in LISTS:
        rows = read(os.path.join(out, lst + ".csv"))
        head = rows[0]
        assert head[0] in ("record_id", "رقم السجل"), head
        assert {"full_name", "الاسم الكامل", "الاسم"} & set(head), head
        ids = [r[0] for r in rows[1:]]
        assert all(ids) and len(set(ids)) == len(ids), lst
        names[lst] = {}
        ncol = next(i for i, h in enumerate(head) if h in ("full_name", "الاسم الكامل", "الاسم"))
        for r in rows[1:]:
            assert len(r) == len(head), (lst, r)
            assert not any(ch in BIDI for cell in r for ch in cell), r
            seen.add((lst, r[0]))
            names[lst][r[0]] = r[ncol]
    assert seen == set(tkeys), "truth must cover every record once and only those"
    return names


def check_scripts(names: dict[str, dict[str, str]]) -> None:
    assert not any(g.has_arabic(n) for n in names["report_annex"].values())
    for lst in ("women_network", "isis_missing"):
        assert all(g.has_arabic(n) for n in names[lst].values()), lst
    wa = list(names["whatsapp_rollcall"].values())
    latin = sum(1 for n in wa if not g.has_arabic(n))
    assert 0.1 < latin / len(wa) < 0.35, latin / len(wa)


def check_counts_and_forms(st: dict) -> None:
    assert 3500 <= st["records"] <= 4500, st["records"]
    assert 1900 <= st["listed_persons"] <= 2600, st["listed_persons"]
    assert st["namesake_groups_first_father_family"] >= 40
    assert st["households_several_children_listed"] >= 100
    assert st["sons_named_after_grandfather_father_listed"] >= 10
    assert st["latin_and_arabic"] >= 200
    assert st["brothers_arrested_together_listed"] >= 50
    assert st["women_listed"] >= 250
    assert st["abducted_isis"] >= 400
    for (lst, form), exp in EXPECTED.items():
        got = st["lists"][lst]["forms_pct"].get(form, 0.0)
        assert abs(got - exp) <= 0.35 * exp + 2, (lst, form, got, exp)


def check_persons(out: str) -> None:
    rows = read(os.path.join(out, "persons.csv"))
    head = rows[0]
    ix = {h: i for i, h in enumerate(head)}
    by = {r[0]: r for r in rows[1:]}
    kids: dict[str, list[str]] = {}
    for r in rows[1:]:
        if r[ix["arrest_date"]]:
            b, a = r[ix["birth_date"]], r[ix["arrest_date"]]
            assert int(a[:4]) - int(b[:4]) >= 16, r
        if r[ix["mother_id"]]:
            kids.setdefault(r[ix["mother_id"]], []).append(r[ix["first_name"]])
            f = by[r[ix["father_id"]]]
            assert r[ix["father_name"]] == f[ix["first_name"]]
            assert r[ix["grandfather_name"]] == f[ix["father_name"]]
    for names in kids.values():
        assert len(names) == len(set(names)), names
    wn = [r for r in rows[1:] if "women_network" in r[ix["lists"]].split(";")]
    assert sum(1 for r in wn if r[ix["sex"]] == "F") > len(wn) / 2


def check_units() -> None:
    r = random.Random(1)
    assert g.drop_hamza("أحمد إبراهيم آمنة") == "احمد ابراهيم امنة"
    assert g.ta_to_ha("فاطمة حمزة") == "فاطمه حمزه"
    assert g.ya_to_alif("علي فادي") == "على فادى"
    assert g.join_abd("عبد الرحمن") == "عبدالرحمن"
    assert g.plain_rom("ʿAbd al-Raḥmān al-Khaṭīb") == "Abd al-Rahman al-Khatib"
    slip = g.dot_slip("حسن", r)
    assert slip != "حسن" and len(slip) == 3
    az = g.arabizi("Ḥasan", random.Random(3))
    assert az.lower() == "7asan", az
    assert "3" in g.arabizi("ʿAlī", r)
    assert g.ar_digits("2013", r, 1.0) == "٢٠١٣"


def main() -> None:
    check_units()
    with tempfile.TemporaryDirectory() as tmp:
        check_determinism(tmp)
        out = os.path.join(tmp, "s18")
        st = g.generate(18, 20000, out)
        check_counts_and_forms(st)
        check_scripts(check_files(out))
        check_persons(out)
    print(json.dumps({"ok": True, "records": st["records"]}))


if __name__ == "__main__":
    main()
