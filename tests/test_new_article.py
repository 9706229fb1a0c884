"""A new article touches nothing outside its own folders (issue 21, point 7).

What a new author does, as real processes in a copy of the project: `chigai new`, a
model the project does not have (an MLP) added to the example and declared in the
article's article.toml, the quick run, and `chigai check`, which lints the article (its
page layer, experiments/<article>/page/, included), renders its pages from their
verdicts and words and draws its figures. Then every file of the copy is compared with
before: only the article's folder, docs/ and mkdocs.yml changed, besides what running an
experiment writes (its result file, its lock and the trial cache, both gitignored).
"""

import hashlib
from pathlib import Path

from helpers import PROJECT_PARTS, copy_project, run_tool

SLUG, ARTICLE, EXPERIMENT = "cnn-vs-mlp", "cnn_vs_mlp", "cnn_vs_mlp_example"
MLP = '''

class BagOfSymbols(nn.Module):
    """An MLP over the mean of the inputs: a model with no notion of order."""

    def __init__(self, inputs: int, hidden: int, outputs: int):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(inputs, hidden), nn.ReLU(), nn.Linear(hidden, outputs))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x.mean(dim=1))  # (batch, time, inputs) -> (batch, outputs)
'''
DECLARED = '\n[models.mlp]\ncolour = "#8c564b"\nja = "MLP"\nen = "MLP"\n'
ALLOWED = (f"experiments/{ARTICLE}/", "docs/", "mkdocs.yml", ".trials/")


def files(root: Path) -> dict[str, str]:
    """Every file of the project copy and a hash of its bytes; the build cache (.cache, a
    link to the test session's shared one) aside."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file() and not path.relative_to(root).as_posix().startswith(".cache/")
    }


def with_an_mlp(source: str) -> str:
    """The example experiment with a third model, an MLP, beside its RNN and LSTM."""
    source = source.replace(
        'MODELS = ("rnn", "lstm")',
        'MODELS = ("rnn", "lstm", "mlp")\nCOMPARED = ("rnn", "lstm")  # what the findings judge',
    )
    source = source.replace(  # chigai.seeds.winner compares two models
        "{name: accuracy[name][i] for name in MODELS}",
        "{name: accuracy[name][i] for name in COMPARED}",
    )
    source = source.replace(
        "def _model(name: str, config: Config) -> RecurrentRegressor:",
        "def _model(name: str, config: Config) -> nn.Module:",
    )
    source = source.replace(
        "    return RecurrentRegressor(name, config.symbols + 2",
        '    if name == "mlp":\n'
        "        return BagOfSymbols(config.symbols + 2, config.hidden_size, config.symbols)\n"
        "    return RecurrentRegressor(name, config.symbols + 2",
    )
    assert source.count('"mlp"') == 2 and "BagOfSymbols(config" in source
    assert "for name in COMPARED}" in source
    return source + MLP


def test_a_new_article_with_a_new_model_changes_nothing_outside_its_folders(tmp_path):
    project = copy_project(tmp_path / "p", (*PROJECT_PARTS, "pyproject.toml"))
    before = files(project)
    new = ("chigai", "new", SLUG, "--ja", "CNN と MLP の違い", "--en", "CNN vs MLP")
    done = run_tool(*new, cwd=project)
    assert done.returncode == 0, done.stderr
    experiment = project / "experiments" / ARTICLE / f"{EXPERIMENT}.py"
    experiment.write_text(with_an_mlp(experiment.read_text()))
    toml = project / "experiments" / ARTICLE / "article.toml"
    toml.write_text(toml.read_text() + DECLARED)
    for command in (("chigai", "run", EXPERIMENT, "--device", "cpu"), ("chigai", "check", SLUG)):
        done = run_tool(*command, cwd=project)
        assert done.returncode == 0, (command, done.stdout[-3000:], done.stderr[-3000:])
    assert "pages  ok" in done.stdout and "no problems" in done.stdout
    drawn = list((project / ".cache" / "chigai" / "figures").glob(f"{ARTICLE}--*.en.*.svg"))
    assert drawn and all(b"#8c564b" in svg.read_bytes() for svg in drawn)  # the MLP's colour

    after = files(project)
    changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    result = f"results/{EXPERIMENT}.quick.json"
    written_by_the_run = {result, f"{result}.lock"}  # the lock is gitignored
    outside = sorted(p for p in changed - written_by_the_run if not p.startswith(ALLOWED))
    assert outside == []
    assert f"experiments/{ARTICLE}/article.toml" in changed and "mkdocs.yml" in changed
    page_layer = {f"experiments/{ARTICLE}/page/{name}" for name in ("verdicts.py", "ja.ftl")}
    assert page_layer <= changed  # the pages' judgements and words live in its folder too
