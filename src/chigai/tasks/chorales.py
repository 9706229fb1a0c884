"""Bach chorales as piano rolls: the JSB Chorales data of Boulanger-Lewandowski, Bengio &
Vincent 2012 (used by Chung et al. 2014 and Greff et al. 2017), derived again from the
chorales music21 ships inside its package, so nothing is ever downloaded.

Their recipe: "transposing each sequence in C major or C minor and sampling frames every
quarter note", each frame the set of sounding pitches on the 88 piano keys (MIDI 21-108).
Where it leaves a choice, we chose (BWV 269 so derived is JSB's valid[4] in 82 of 84 steps):

- Chorales: the `bwv*` score files (.mxl, .xml, .krn) of music21's `bach` corpus with exactly
  four parts (S, A, T, B; three .krn files leave them unnamed, so we count parts). This drops
  the versions with instruments (5-15 parts) and BWV 846, a keyboard prelude; and a file whose
  repeats music21 cannot expand (in 10.5 only bwv277.krn, whose .mxl twin stays).
- Repeats are expanded: JSB's BWV 269 is the expanded form.
- Step t = 0, 1, ... holds every pitch sounding at quarter-note offset t: a note from `on` to
  `on + length` sounds at each integer t with on <= t < on + length. Held and tied notes
  repeat on every step they cover, as in JSB (held and re-struck look the same); notes that
  start and end between two beats (passing notes) are not seen; a chord in a part counts
  with all its pitches; unisons collapse into one key.
- The pickup is step 0, not padded to a full bar; the roll ends at the notated end (ceil of
  the length in quarters). JSB has one more final step on both chorales we matched; we do
  not invent it. Rests are absent notes (all four resting, mostly breaths between phrases,
  is an empty row); fermatas are ignored, as JSB has no channel for them.
- Transposition: the tonic of music21's key estimate (`analyze("key")`, Krumhansl-Schmuckler
  on the notated score) moves to C by the nearest shift, -6..+5 semitones (a tritone goes
  down); the mode stays. Not the key signature: Bach often writes a minor key with one flat
  fewer, and the files' key modes are editorial. Pitches keep true MIDI numbers (middle C =
  60): JSB's pickle sits one octave higher, a relabelling that no model can tell from ours.
- Duplicates: a chorale with as many steps as one kept before it and at least 90% of its
  steps identical is the same harmonisation (one file in two formats, or one setting under
  two BWV numbers with edition differences). Files go in sorted name order; the first stays.
- Splits: by chorale, in JSB's proportions 229 : 76 : 77. Files of one BWV movement
  (`bwv281.krn`, `bwv281.mxl`; `bwv112.5`, `bwv112.5-sc`) share a split, so no edition
  variant sits in two. Movements are ordered by the SHA-256 of their number and filled into
  train, validation, test in turn: deterministic, and a new file moves few others.
"""

import hashlib
import io
import itertools
import json
import math
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from music21.stream import Score

KEYS = 88  # piano keys A0..C8
LOWEST = 21  # MIDI number of A0, index 0
JSB_SIZES = {"train": 229, "validation": 76, "test": 77}  # Greff et al. 2017, IV-A
SCORE_SUFFIXES = (".mxl", ".xml", ".krn")
MUSIC21 = "music21==10.5"
# Share of identical steps from which two chorales are one: duplicates measure 0.95-1,
# distinct chorales at most 0.72 (music21 10.5).
SAME_FROM = 0.9


class ChoralesUnavailable(RuntimeError):
    """music21 or its Bach chorales are missing; the message names the fix, on one line."""


@dataclass(frozen=True)
class Chorales:
    """The derived rolls, each (steps, 88) bool, by split and chorale id (its file name)."""

    splits: dict[str, dict[str, np.ndarray]]
    music21_version: str
    duplicates: dict[str, str]  # removed id -> the id kept

    def checksum(self) -> str:
        """SHA-256 over every split, id and roll, in order: equal data, equal checksum."""
        digest = hashlib.sha256()
        for split, rolls in self.splits.items():
            for name, roll in rolls.items():
                digest.update(f"\0{split}\0{name}\0{roll.shape}\0".encode())
                digest.update(np.packbits(roll).tobytes())
        return digest.hexdigest()

    def provenance(self) -> dict:
        """What a result must record to be stale when the data change."""
        return {
            "music21": self.music21_version,
            "checksum": self.checksum(),
            "splits": {split: list(rolls) for split, rolls in self.splits.items()},
            "steps": {s: sum(map(len, rolls.values())) for s, rolls in self.splits.items()},
            "duplicates": dict(self.duplicates),
        }


def music21_version() -> str:
    return _music21().__version__


def corpus_files() -> list[Path]:
    """music21's bundled Bach score files, sorted by name."""
    found = _music21().corpus.getComposer("bach")
    paths = sorted((Path(p) for p in found if Path(p).suffix in SCORE_SUFFIXES), key=_name)
    if not any(p.name.startswith("bwv") for p in paths):
        raise ChoralesUnavailable(
            "music21's corpus has no Bach chorales (expected music21/corpus/bach/bwv*.mxl):"
            f" reinstall it from its wheel, pip install --force-reinstall {MUSIC21}"
        )
    return paths


def read_chorale(path: Path) -> np.ndarray | None:
    """One file's roll in C, (steps, 88) bool; None when it is not a four-part score or its
    repeats cannot be expanded."""
    m21 = _music21()
    converter = m21.converter.Converter()
    converter.parseFileNoPickle(path)  # no pickle cache written or read: the files decide
    score = converter.stream
    if len(score.parts) != 4:
        return None
    shift = transposition(score)
    try:
        score = score.expandRepeats()
    except m21.repeat.ExpanderException:
        return None
    roll = np.zeros((math.ceil(score.highestTime), KEYS), dtype=bool)
    for part in score.parts:
        for note in part.flatten().notes:
            steps = slice(math.ceil(note.offset), math.ceil(note.offset + note.quarterLength))
            for pitch in note.pitches:
                key = pitch.midi + shift - LOWEST
                if not 0 <= key < KEYS:
                    raise ValueError(f"{path.name}: MIDI {pitch.midi + shift} is off the piano")
                roll[steps, key] = True
    return roll


def transposition(score: "Score") -> int:
    """Semitones that move the score's tonic to C by the nearest way, -6..+5."""
    tonic = score.analyze("key").tonic.pitchClass
    return (-tonic + 6) % 12 - 6


def derive(paths: list[Path]) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    """The four-part chorales among `paths` by id, and the duplicates left out (id -> kept)."""
    kept: dict[str, np.ndarray] = {}
    duplicates: dict[str, str] = {}
    for path in sorted(paths, key=_name):
        roll = read_chorale(path)
        if roll is None:
            continue
        same = [n for n, k in kept.items() if k.shape == roll.shape and _same(k, roll)]
        if same:
            duplicates[path.name] = same[0]
        else:
            kept[path.name] = roll
    return kept, duplicates


def _same(first: np.ndarray, second: np.ndarray) -> bool:
    return (first == second).all(axis=1).mean() >= SAME_FROM


def split(names: list[str]) -> dict[str, list[str]]:
    """Chorale ids into train / validation / test in JSB's proportions, by BWV movement."""
    groups: dict[str, list[str]] = {}
    for name in sorted(names):
        groups.setdefault(movement(name), []).append(name)
    total = sum(JSB_SIZES.values())
    ends = [round(len(names) * c / total) for c in itertools.accumulate(JSB_SIZES.values())]
    splits: dict[str, list[str]] = {name: [] for name in JSB_SIZES}
    done = 0
    for group in sorted(groups, key=lambda g: hashlib.sha256(g.encode()).hexdigest()):
        which = next((s for s, end in zip(JSB_SIZES, ends, strict=True) if done < end), "test")
        splits[which] += groups[group]
        done += len(groups[group])
    return splits


def movement(name: str) -> str:
    """The BWV movement a file holds: 'bwv112.5-sc.mxl' -> 'bwv112.5'."""
    return Path(name).stem.split("-")[0]


def load_chorales(cache: Path, paths: list[Path] | None = None) -> Chorales:
    """The chorales from `cache` when derived before from the same files, else derived now
    (music21's bundled corpus unless `paths` say otherwise) and cached, written atomically."""
    paths = corpus_files() if paths is None else paths
    version = music21_version()
    file = cache / f"chorales-{cache_key(paths, version)}.npz"
    if file.exists():
        try:
            return _read(file, version)
        except (OSError, EOFError, ValueError, KeyError, zipfile.BadZipFile):
            pass  # a damaged entry is derived again and replaced
    rolls, duplicates = derive(paths)
    splits = split(list(rolls))
    chorales = Chorales(
        {s: {n: rolls[n] for n in names} for s, names in splits.items()}, version, duplicates
    )
    _write(file, chorales)
    return chorales


def cache_key(paths: list[Path], version: str) -> str:
    """Changes with music21's version, the set of files, any file's bytes, or this code."""
    digest = hashlib.sha256(f"{version}\0{Path(__file__).read_text(encoding='utf-8')}".encode())
    for path in sorted(paths, key=_name):
        digest.update(f"\0{path.name}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def _write(file: Path, chorales: Chorales) -> None:
    # chigai.run.atomic is the project's writer, but science modules may not import the run
    # layer (tests/test_architecture.py): the same temp-file-then-rename, inline.
    names = [(s, n) for s, rolls in chorales.splits.items() for n in rolls]
    meta = {
        "names": names,
        "music21": chorales.music21_version,
        "duplicates": chorales.duplicates,
        "checksum": chorales.checksum(),
    }
    rolls = [chorales.splits[s][n] for s, n in names]
    buffer = io.BytesIO()
    np.savez_compressed(
        buffer,
        rolls=np.concatenate(rolls) if rolls else np.zeros((0, KEYS), dtype=bool),
        lengths=np.array([len(r) for r in rolls], dtype=np.int64),
        meta=np.array(json.dumps(meta)),
    )
    file.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(buffer.getvalue())
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, file)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _read(file: Path, version: str) -> Chorales:
    with np.load(file, allow_pickle=False) as stored:
        meta = json.loads(str(stored["meta"]))
        ends = np.cumsum(stored["lengths"])
        rows = np.split(stored["rolls"], ends[:-1]) if len(ends) else []
    if len(rows) != len(meta["names"]) or meta["music21"] != version:
        raise ValueError(f"{file} does not hold what its name says")
    splits: dict[str, dict[str, np.ndarray]] = {s: {} for s in JSB_SIZES}
    for (s, n), roll in zip(meta["names"], rows, strict=True):
        splits[s][n] = roll
    chorales = Chorales(splits, version, meta["duplicates"])
    if chorales.checksum() != meta["checksum"]:
        raise ValueError(f"{file} fails its checksum")
    return chorales


def _name(path: Path) -> str:
    return path.name


def _music21():
    try:
        import music21
    except ImportError:
        raise ChoralesUnavailable(f"music21 is not installed: pip install {MUSIC21}") from None
    return music21
