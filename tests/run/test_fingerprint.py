"""Fingerprints change with the code a result depends on, and only with that code."""

import re
import shutil
from pathlib import Path

import pytest

import chigai
import chigai.run.fingerprint as fingerprint_module
from chigai.experiment import read_spec
from chigai.run.fingerprint import code_fingerprint, code_sources, fingerprint, is_compute

ROOT = Path(__file__).resolve().parents[2]
EXPERIMENT = ROOT / "experiments" / "rnn_vs_lstm" / "adding_problem.py"


@pytest.fixture
def package_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of the chigai sources that the fingerprint reads, to edit freely."""
    copy = tmp_path / "chigai"
    shutil.copytree(
        Path(chigai.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    monkeypatch.setattr(fingerprint_module, "PACKAGE_DIR", copy)
    return copy


@pytest.fixture
def experiment_copy(tmp_path) -> Path:
    path = tmp_path / "experiments" / "rnn_vs_lstm" / "adding_problem.py"
    path.parent.mkdir(parents=True)
    shutil.copy2(EXPERIMENT, path)
    return path


def test_depends_on_the_compute_modules_it_imports_and_nothing_else():
    modules = set(code_sources(EXPERIMENT))
    assert {"chigai.models.recurrent", "chigai.tasks.adding", "chigai.training"} <= modules
    assert not modules & {
        "chigai.site.figures",
        "chigai.site.render",
        "chigai.site.plugin",
        "chigai.run.runner",
    }


def test_a_model_change_makes_the_result_stale(package_copy, experiment_copy):
    spec = read_spec(experiment_copy)
    before = fingerprint(spec, "quick")
    model = package_copy / "models" / "recurrent.py"
    model.write_text(model.read_text().replace('nonlinearity="tanh"', 'nonlinearity="relu"'))
    assert fingerprint(spec, "quick") != before


def test_a_training_change_makes_the_result_stale(package_copy, experiment_copy):
    spec = read_spec(experiment_copy)
    before = fingerprint(spec, "quick")
    training = package_copy / "training.py"
    training.write_text(
        training.read_text().replace("grad_clip: float = 1.0", "grad_clip: float = 2.0")
    )
    assert fingerprint(spec, "quick") != before


def test_comments_docstrings_and_formatting_keep_it_fresh(package_copy, experiment_copy):
    """They cannot change what runs, so they must not cost a full rerun."""
    spec = read_spec(experiment_copy)
    before = fingerprint(spec, "quick")
    training = package_copy / "training.py"
    training.write_text(
        training.read_text()
        .replace('"""One training loop', '"""Reworded: one training loop', 1)
        .replace("    steps: int\n", "    steps: int  # a new comment\n\n", 1)
    )
    experiment_copy.write_text(
        experiment_copy.read_text().replace("MODELS = (", "# why these two\nMODELS = (   ", 1)
    )
    assert fingerprint(read_spec(experiment_copy), "quick") == before


def test_every_module_of_the_package_is_classified():
    """A new module is compute by default; this test makes its author say so or list it."""
    package = Path(chigai.__file__).parent
    modules = {
        ".".join(("chigai", *path.relative_to(package).with_suffix("").parts)).removesuffix(
            ".__init__"
        )
        for path in package.rglob("*.py")
    }
    unclassified = {
        module
        for module in modules
        if is_compute(module) and not module.startswith(fingerprint_module.COMPUTE_PACKAGES)
    }
    assert not unclassified, f"add these to COMPUTE_PACKAGES or NOT_COMPUTE: {unclassified}"
    assert fingerprint_module.NOT_COMPUTE.keys() <= modules  # no stale entries


def test_a_new_unlisted_module_counts_as_compute(package_copy, experiment_copy):
    (package_copy / "schedules.py").write_text("WARMUP = 10\n")
    training = package_copy / "training.py"
    training.write_text("from chigai.schedules import WARMUP\n" + training.read_text())
    spec = read_spec(experiment_copy)
    before = fingerprint(spec, "quick")
    (package_copy / "schedules.py").write_text("WARMUP = 20\n")
    assert "chigai.schedules" in code_sources(experiment_copy)
    assert fingerprint(spec, "quick") != before


@pytest.mark.parametrize("where", [".", ".."])
def test_an_experiment_helper_module_counts(experiment_copy, where):
    """`experiments/_common.py` or `experiments/<article>/_common.py`: both are code it runs."""
    helper = experiment_copy.parent / where / "_common.py"
    helper.write_text("SCALE = 1.0\n")
    experiment_copy.write_text("from _common import SCALE\n" + experiment_copy.read_text())
    spec = read_spec(experiment_copy)
    before = fingerprint(spec, "quick")
    helper.write_text("SCALE = 2.0\n")
    assert fingerprint(spec, "quick") != before


@pytest.mark.parametrize(
    "module",
    ["site/figures/charts.py", "site/strings.py", "site/render.py", "site/plugin.py", "device.py"],
)
def test_figure_template_and_site_changes_keep_it_fresh(package_copy, experiment_copy, module):
    spec = read_spec(experiment_copy)
    before = fingerprint(spec, "quick")
    (package_copy / module).write_text((package_copy / module).read_text() + "\n# restyled\n")
    assert fingerprint(spec, "quick") == before


def test_an_experiment_edit_or_another_preset_changes_it(experiment_copy):
    spec = read_spec(experiment_copy)
    assert fingerprint(spec, "quick") != fingerprint(spec, "full")
    before = fingerprint(spec, "quick")
    experiment_copy.write_text(experiment_copy.read_text().replace('"steps": 1000', '"steps": 900'))
    assert fingerprint(read_spec(experiment_copy), "quick") != before


def test_editing_the_full_preset_keeps_the_quick_result_and_the_cached_trials_fresh(
    experiment_copy,
):
    before = read_spec(experiment_copy)
    experiment_copy.write_text(
        experiment_copy.read_text().replace('"seeds": [1, 2, 3]', '"seeds": [1, 2, 3, 4]')
    )
    after = read_spec(experiment_copy)
    assert after.presets["full"]["seeds"] == [1, 2, 3, 4]  # the edit landed
    assert fingerprint(after, "quick") == fingerprint(before, "quick")
    assert fingerprint(after, "full") != fingerprint(before, "full")
    assert code_fingerprint(after) == code_fingerprint(before)  # trials of seeds 1-3 reused


def test_a_summary_edit_keeps_the_cached_trials_but_a_trial_edit_does_not(experiment_copy):
    """Findings are re-derived from cached trials in seconds; what trial() runs retrains."""
    spec = read_spec(experiment_copy)
    result, trials = fingerprint(spec, "full"), code_fingerprint(spec)
    source = experiment_copy.read_text()
    experiment_copy.write_text(source.replace("SOLVED_BELOW = 0.1", "SOLVED_BELOW = 0.05"))
    assert fingerprint(spec, "full") != result
    assert code_fingerprint(spec) == trials
    experiment_copy.write_text(source.replace("seed * 100_003 + lag", "seed * 100_019 + lag"))
    assert code_fingerprint(spec) != trials


def test_alt_text_and_names_keep_results_and_cached_trials_fresh(experiment_copy):
    """ALT and NAME are words for readers (chigai.site.presentation), not code that computes."""
    spec = read_spec(experiment_copy)
    before = {preset: fingerprint(spec, preset) for preset in ("quick", "full")}
    trials = code_fingerprint(spec)
    source = experiment_copy.read_text()
    assert "\nALT = {" in source and "\nNAME = {" in source
    reworded = source.replace('"Adding two numbers far apart"', '"Two numbers, far apart"')
    experiment_copy.write_text(reworded.replace("Line chart of test error", "A chart of error"))
    assert {preset: fingerprint(spec, preset) for preset in before} == before
    without = re.sub(r"^ALT = \{\n.*?^\}\n", "", source, flags=re.S | re.M)
    without = re.sub(r"^NAME = \{.*\}\n", "", without, flags=re.M)
    assert "ALT =" not in without and "NAME =" not in without
    experiment_copy.write_text(without)
    assert {preset: fingerprint(spec, preset) for preset in before} == before
    assert code_fingerprint(spec) == trials
