"""`chigai compare OTHER`: what another set of results would change for a reader."""

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import ROOT, copy_project, run_tool

from chigai.cli import main
from chigai.run.results import ResultError
from chigai.site.compare import Comparison, compare, report

REPRODUCTION = ROOT.parent / "shared" / "reproductions" / "a099904-intel-xeon"
DIFFERENT_CODE = "fingerprints differ (other code, or a fingerprint from before db72c93)"
PAPER_PARTLY = {
    "en": "(ours agrees only in part)",
    "ja": "（私たちの結果は一部だけ一致）",
}


def results_copy(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for path in (ROOT / "results").glob("*.json"):
        shutil.copy2(path, folder / path.name)
    return folder


def edit(folder: Path, name: str, change: Callable[[dict], None]) -> None:
    path = folder / name
    raw = json.loads(path.read_text(encoding="utf-8"))
    change(raw)
    path.write_text(json.dumps(raw), encoding="utf-8")


def scale(path: list[str | int], factor: float = 1.0, plus: float = 0.0):
    """An edit that moves the finding at `path` (keys under data.findings)."""

    def change(raw: dict) -> None:
        node = raw["data"]["findings"]
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = node[path[-1]] * factor + plus

    return change


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Comparison:
    """The committed results against a copy with one change per experiment."""
    other = results_copy(tmp_path_factory.mktemp("compare") / "rerun")
    edit(
        other, "marked_recall.full.json", lambda raw: raw["data"]["findings"].update(paper="partly")
    )
    edit(
        other, "marked_recall.full.json", scale(["gradient_decay_per_step", "rnn", "trained"], 1.05)
    )
    edit(
        other, "marked_recall.full.json", scale(["gradient_decay_per_step", "lstm", "trained"], 1.5)
    )
    edit(other, "far_recall.full.json", scale(["at_longest", "lstm_attention"], plus=0.01))
    edit(other, "far_recall.full.json", scale(["at_shortest", "lstm"], plus=-0.05))
    edit(other, "small_data.full.json", scale(["lstm_over_rnn_step_time"], 1.2))
    edit(other, "small_data.full.json", scale(["lstm_over_rnn_step_time_range", 1], 2.0))
    edit(other, "heads_layers.full.json", lambda raw: raw.update(fingerprint="0" * 64))
    (other / "length_generalisation.full.json").unlink()
    return compare(ROOT, str(other))


def test_a_flipped_verdict_is_listed_with_the_sentences_it_changes_in_both_languages(edited):
    pair = next(p for p in edited.pairs if p.key == ("marked_recall", "full"))
    assert pair.verdicts == {"findings.paper": ("agrees", "partly")}
    text = report(edited)
    assert "findings.paper: agrees → partly" in text
    for lang, words in PAPER_PARTLY.items():
        page = next(p for p in edited.pages if p.src_uri == f"rnn-vs-lstm.{lang}.md")
        added = [sentence for _, new in page.hunks for sentence in new]
        assert any(sentence.endswith(words) for sentence in added), added
        assert f"+ {next(s for s in added if s.endswith(words))}" in text
    assert edited.exit_code == 1


@pytest.mark.parametrize(
    ("experiment", "path", "kind"),
    [
        ("marked_recall", "findings.gradient_decay_per_step.rnn.trained", None),  # ×1.05
        (
            "marked_recall",
            "findings.gradient_decay_per_step.lstm.trained",
            "ratio, loss or gradient",
        ),
        ("far_recall", "findings.at_longest.lstm_attention", None),  # +1 point
        ("far_recall", "findings.at_shortest.lstm", "accuracy or share"),  # -5 points
        ("small_data", "findings.lstm_over_rnn_step_time", None),  # ×1.2 of a wall-clock time
        ("small_data", "findings.lstm_over_rnn_step_time_range[1]", "wall-clock time"),  # ×2
    ],
)
def test_a_number_counts_as_moved_only_beyond_the_tolerance_of_its_kind(
    edited, experiment, path, kind
):
    pair = next(p for p in edited.pairs if p.key == (experiment, "full"))
    moved = {m.path: m.tolerance.kind for m in pair.moved}
    assert moved.get(path) == kind
    assert (pair.within, len(pair.moved)) == (1, 1)  # its two edits: one within, one beyond
    if kind:
        assert f"{path}: " in report(edited) and f"({kind}: ±" in report(edited)


def test_results_from_other_code_are_compared_and_said_to_be(edited):
    pair = next(p for p in edited.pairs if p.key == ("heads_layers", "full"))
    assert pair.code_note == DIFFERENT_CODE and not pair.verdicts and not pair.moved
    text = report(edited)
    lines = text[text.index("heads_layers (full)") :].splitlines()
    assert lines[1] == f"  code: {DIFFERENT_CODE}"
    assert lines[2].startswith("    results/: commit ") and lines[4] == "  verdicts: the same"


def test_a_result_on_one_side_only_is_listed_and_changes_no_sentence(edited):
    assert edited.alone == {("length_generalisation", "full"): "results/"}
    assert "Only in results/ (1, shown from there on both sides): length_generalisation.full." in (
        report(edited)
    )
    assert not any("length_generalisation" in p.src_uri for p in edited.pages)
    changed = {p.src_uri for p in edited.pages}
    assert "attention-vs-lstm.en.md" in changed  # far_recall's numbers, not the missing one


def test_markdown_for_a_pull_request_folds_each_page_into_a_diff(edited):
    text = report(edited, md=True)
    assert text.startswith("## chigai compare: `results/` → `")
    assert "- `findings.paper`: agrees → partly" in text
    assert "<details><summary>rnn-vs-lstm.ja.md: " in text and "```diff\n" in text
    english = text.split("<summary>rnn-vs-lstm.en.md")[1]
    assert "(ours agrees)\n+ " in english and "(ours agrees only in part)\n" in english


@pytest.mark.parametrize(
    ("change", "code", "said"),
    [
        (None, 0, "0 verdicts changed, 0 numbers moved beyond their tolerance, 0 sentences"),
        (1.05, 0, "numbers: 0 moved beyond their tolerance, 1 within it"),
        (1.5, 0, "numbers: 1 moved beyond their tolerance, 0 within it:"),
    ],
)
def test_exit_1_only_when_a_verdict_changed(tmp_path, change, code, said):
    other = results_copy(tmp_path / "other")
    if change:  # a number the pages do not print
        path = ["gradient_decay_per_step", "rnn", "init"]
        edit(other, "marked_recall.full.json", scale(path, change))
    comparison = compare(ROOT, str(other))
    assert comparison.exit_code == code and not comparison.pages
    assert said in report(comparison)
    assert len(comparison.pairs) == len(list(other.glob("*.json"))) and not comparison.alone


def test_a_sentence_that_changes_in_one_language_only_is_listed_for_that_language(tmp_path):
    project = copy_project(tmp_path / "p", parts=("docs", "experiments", "results"))
    page = project / "docs" / "rnn-vs-lstm.ja.md"
    trained = "results.marked_recall.findings.gradient_decay_per_step.rnn.trained"
    page.write_text(
        page.read_text(encoding="utf-8") + f"\n勾配は 1 ステップで {{{{ num({trained}) }}}} 倍。\n",
        encoding="utf-8",
    )
    other = results_copy(tmp_path / "other")
    edit(
        other, "marked_recall.full.json", scale(["gradient_decay_per_step", "rnn", "trained"], 1.05)
    )
    comparison = compare(project, str(other))
    assert [p.src_uri for p in comparison.pages] == ["rnn-vs-lstm.ja.md"]
    [(gone, new)] = comparison.pages[0].hunks
    assert gone == ["勾配は 1 ステップで 1.04 倍。"] and new == ["勾配は 1 ステップで 1.09 倍。"]
    assert comparison.exit_code == 0  # listed, but no verdict changed


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ('{"schema": 1,', "{other}/far_recall.full.json: not valid JSON"),
        (None, "{other}: holds no result files (<experiment>.<preset>.json)"),
    ],
)
def test_bad_input_is_a_one_line_error_naming_it_exit_2(tmp_path, capsys, broken, message):
    other = results_copy(tmp_path / "other")
    for path in other.iterdir():
        if broken is None:  # a folder without results
            path.unlink()
        elif path.name == "far_recall.full.json":
            path.write_text(broken, encoding="utf-8")
    assert main(["--root", str(ROOT), "compare", str(other)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and message.format(other=other) in error


def test_a_revision_is_the_before_side_and_its_broken_file_is_named_rev_path(tmp_path):
    ours = results_copy(tmp_path / "ours")
    edit(
        ours, "marked_recall.full.json", lambda raw: raw["data"]["findings"].update(paper="partly")
    )
    comparison = compare(ROOT, "HEAD", ours=ours)
    assert (comparison.before, comparison.after) == ("HEAD:results/", "results/")
    pair = next(p for p in comparison.pairs if p.key == ("marked_recall", "full"))
    assert pair.verdicts == {"findings.paper": ("agrees", "partly")}

    repo = tmp_path / "repo"
    results_copy(repo / "results")
    broken = repo / "results" / "small_data.quick.json"
    good = broken.read_bytes()
    broken.write_text("[]", encoding="utf-8")
    for command in (["init", "-q"], ["add", "results"], ["commit", "-qm", "results"]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *command], cwd=repo, check=True
        )
    broken.write_bytes(good)  # only the committed one is broken
    with pytest.raises(ResultError, match=r"^HEAD:results/small_data\.quick\.json: not a result"):
        compare(repo, "HEAD")
    with pytest.raises(ValueError, match="neither a folder nor a git revision"):
        compare(repo, "no-such-revision")


@pytest.mark.skipif(not REPRODUCTION.is_dir(), reason=f"{REPRODUCTION} is not on this machine")
def test_the_command_on_the_xeon_reproduction_names_the_flipped_verdicts_and_sentences(tmp_path):
    other = shutil.copytree(REPRODUCTION, tmp_path / "a099904-intel-xeon")
    done = run_tool("chigai", "compare", str(other), cwd=ROOT)
    assert done.returncode == 1, done.stderr
    text = done.stdout
    marked = text[text.index("marked_recall (full)") : text.index("small_data (full)")]
    assert f"code: {DIFFERENT_CODE}" in marked
    assert "findings.paper: agrees → partly" in marked
    assert "findings.longest_solved_lag.lstm: 30 → 20" in marked
    assert "findings.solved_seeds.lstm[2]: 3 → 2" in marked
    rnn_en = text[text.index("  rnn-vs-lstm.en.md: ") : text.index("  rnn-vs-lstm.ja.md: ")]
    assert "+ Every LSTM seed solved the lags of 10 and 20 steps." in rnn_en
    assert PAPER_PARTLY["en"] in rnn_en and PAPER_PARTLY["ja"] in text
