"""The chorale data: real music21 files where a fact about the music is checked (five
parsed in all, to stay fast), a stand-in reader where only the bookkeeping is."""

import sys
from pathlib import Path

import numpy as np
import pytest

from chigai.tasks import chorales
from chigai.tasks.chorales import LOWEST, ChoralesUnavailable, derive, load_chorales, split


def _file(name: str) -> Path:
    (path,) = [p for p in chorales.corpus_files() if p.name == name]
    return path


@pytest.fixture(scope="module")
def derived():
    """Four files: BWV 269, BWV 366 in two formats, and BWV 846 (a two-staff prelude)."""
    names = ["bwv269.mxl", "bwv366.krn", "bwv366.mxl", "bwv846.mxl"]
    return derive([_file(n) for n in names])


def test_a_roll_is_steps_by_88_keys_with_at_most_four_notes_a_step(derived):
    rolls, _ = derived
    assert rolls and all(r.dtype == bool and r.shape[1] == 88 for r in rolls.values())
    notes = np.concatenate([r.sum(axis=1) for r in rolls.values()])
    assert notes.max() == 4 and (notes >= 3).mean() > 0.9  # four voices; unisons collapse


def test_bwv269_starts_on_its_pickup_chord_moved_from_g_major_to_c(derived):
    rolls, _ = derived
    roll = rolls["bwv269.mxl"]
    # music21's first chord: S A T B = G4 D4 B3 G2 (67 62 59 43); G major -> C is +5.
    first = sorted(int(k) + LOWEST for k in np.flatnonzero(roll[0]))
    assert first == sorted(m + 5 for m in (67, 62, 59, 43)) == [48, 64, 67, 72]
    assert len(roll) == 84  # 63 quarters with the repeat of bars 1-7 expanded


def test_the_derivation_is_deterministic(derived):
    again = chorales.read_chorale(_file("bwv269.mxl"))
    assert np.array_equal(again, derived[0]["bwv269.mxl"])


def test_a_chorale_listed_twice_is_kept_once_and_other_scores_are_left_out(derived):
    rolls, duplicates = derived
    assert duplicates == {"bwv366.mxl": "bwv366.krn"}  # one harmonisation, two formats
    assert set(rolls) == {"bwv269.mxl", "bwv366.krn"}  # not the prelude


def test_a_roll_nine_tenths_equal_to_an_earlier_one_is_a_duplicate(tmp_path, monkeypatch):
    base = np.zeros((10, 88), dtype=bool)
    base[:, 40] = True
    one, two = base.copy(), base.copy()
    one[0, 41] = True  # 9 of 10 steps equal: the same chorale
    two[:2, 41] = True  # 8 of 10: another chorale
    rolls = {"bwv1.mxl": base, "bwv2.mxl": one, "bwv3.mxl": two, "bwv4.mxl": base[:9]}
    monkeypatch.setattr(chorales, "read_chorale", lambda path: rolls[path.name])
    kept, duplicates = derive([tmp_path / name for name in reversed(rolls)])
    assert duplicates == {"bwv2.mxl": "bwv1.mxl"}
    assert list(kept) == ["bwv1.mxl", "bwv3.mxl", "bwv4.mxl"]


def test_splits_share_no_chorale_and_keep_jsb_proportions():
    names = [p.name for p in chorales.corpus_files()]
    splits = split(names)
    assert split(list(reversed(names))) == splits
    seen = [n for ids in splits.values() for n in ids]
    assert sorted(seen) == sorted(names) and len(set(seen)) == len(seen)
    for part, share in (("train", 229 / 382), ("validation", 76 / 382), ("test", 77 / 382)):
        assert abs(len(splits[part]) - share * len(names)) <= 3
    where = {n: s for s, ids in splits.items() for n in ids}
    assert where["bwv277.krn"] == where["bwv277.mxl"]
    assert where["bwv112.5.mxl"] == where["bwv112.5-sc.mxl"]


def _fake_reader(monkeypatch) -> list[str]:
    """A reader that needs no music21 parse: a file's roll is one note, at its byte count."""
    read: list[str] = []

    def fake(path: Path) -> np.ndarray:
        read.append(path.name)
        roll = np.zeros((3, 88), dtype=bool)
        roll[:, len(path.read_bytes())] = True
        return roll

    monkeypatch.setattr(chorales, "read_chorale", fake)
    return read


def _corpus(folder: Path, contents: dict[str, str]) -> list[Path]:
    folder.mkdir(exist_ok=True)
    for name, text in contents.items():
        (folder / name).write_text(text)
    return [folder / name for name in contents]


def test_the_cache_is_reused_until_the_corpus_or_music21_changes(tmp_path, monkeypatch):
    read = _fake_reader(monkeypatch)
    files = {f"bwv{n}.mxl": "x" * n for n in range(30, 40)}
    paths = _corpus(tmp_path / "corpus", files)
    cache = tmp_path / "cache"
    first = load_chorales(cache, paths)
    assert len(read) == 10 and len(list(cache.glob("*.npz"))) == 1
    again = load_chorales(cache, paths)
    assert len(read) == 10  # nothing read again
    assert again.provenance() == first.provenance()

    paths[0].write_text("y" * 31)  # a file's contents change: a new entry, read again
    changed = load_chorales(cache, paths)
    assert len(read) == 20 and changed.checksum() != first.checksum()
    assert changed.duplicates == {"bwv31.mxl": "bwv30.mxl"}
    load_chorales(cache, paths[1:])  # a different set of files
    assert len(read) == 29
    monkeypatch.setattr(chorales, "music21_version", lambda: "0.0")
    assert load_chorales(cache, paths[1:]).music21_version == "0.0"
    assert len(read) == 38 and len(list(cache.glob("*.npz"))) == 4
    assert not list(cache.glob(".*"))  # no temporary file left behind


def test_a_damaged_cache_entry_is_derived_again(tmp_path, monkeypatch):
    read = _fake_reader(monkeypatch)
    paths = _corpus(tmp_path / "corpus", {"bwv30.mxl": "x" * 30})
    first = load_chorales(tmp_path, paths)
    (entry,) = tmp_path.glob("*.npz")
    entry.write_bytes(entry.read_bytes()[:50])
    assert load_chorales(tmp_path, paths).checksum() == first.checksum() and len(read) == 2


def test_provenance_names_the_version_the_checksum_and_each_splits_chorales(tmp_path, monkeypatch):
    _fake_reader(monkeypatch)
    paths = _corpus(tmp_path / "corpus", {f"bwv{n}.mxl": "x" * n for n in range(20, 30)})
    record = load_chorales(tmp_path, paths).provenance()
    assert record["music21"] == "10.5.0" and len(record["checksum"]) == 64
    ids = [name for names in record["splits"].values() for name in names]
    assert sorted(ids) == sorted(p.name for p in paths)
    assert sum(record["steps"].values()) == 30


def test_without_music21_the_error_is_one_line_naming_the_fix(monkeypatch):
    monkeypatch.setitem(sys.modules, "music21", None)  # import music21 now fails
    with pytest.raises(ChoralesUnavailable) as raised:
        chorales.corpus_files()
    assert "pip install music21==10.5" in str(raised.value) and "\n" not in str(raised.value)


def test_a_corpus_without_the_chorales_is_one_line_naming_the_files(monkeypatch):
    import music21

    monkeypatch.setattr(music21.corpus, "getComposer", lambda name: [])
    with pytest.raises(ChoralesUnavailable) as raised:
        chorales.load_chorales(Path("unused"))
    message = str(raised.value)
    assert "bach/bwv*.mxl" in message and "music21==10.5" in message and "\n" not in message
