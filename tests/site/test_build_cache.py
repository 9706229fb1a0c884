"""A second build reuses what the first one made (chigai.site.plugin): each language's
converted notebooks, compiled page sections and theme templates, parsed words."""

from helpers import FIGURE_CACHE, copy_article, run_tool


def test_a_second_build_converts_compiles_and_parses_nothing_again(tmp_path):
    project = copy_article(tmp_path / "p")
    (project / ".cache").unlink()  # its own cache, not the session's shared one;
    (project / ".cache" / "chigai").mkdir(parents=True)  # the figures are not at stake
    (project / ".cache" / "chigai" / "figures").symlink_to(FIGURE_CACHE, target_is_directory=True)
    first = run_tool("mkdocs", "build", "--strict", "-v", cwd=project)
    assert first.returncode == 0, first.stderr[-3000:]
    kept = {
        name: sorted(p for p in (project / ".cache" / name).rglob("*") if p.is_file())
        for name in ("mkdocs-jupyter", "chigai/templates", "chigai/theme", "chigai/words")
    }
    notebooks = {p.parent.name for p in kept["mkdocs-jupyter"]}
    assert notebooks == {"ja", "en"} and len(kept["mkdocs-jupyter"]) == 2
    assert len(kept["chigai/words"]) == 2  # ja.ftl and en.ftl
    assert kept["chigai/templates"] and kept["chigai/theme"]
    stamps = {p: p.stat().st_mtime_ns for files in kept.values() for p in files}

    again = run_tool("mkdocs", "build", "--strict", "-v", cwd=project)
    assert again.returncode == 0, again.stderr[-3000:]
    assert "Evicted" not in again.stderr  # one language no longer deletes the other's
    now = {p: p.stat().st_mtime_ns for p in stamps if p.exists()}
    assert now == stamps  # all still there, none written again
