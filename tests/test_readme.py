"""README stays true: it opens with the two commands, and quotes no count that goes stale."""

import re

from helpers import ROOT, article_pages

README = (ROOT / "README.md").read_text(encoding="utf-8")
NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|both"
# "328 tests", "both articles", "nine quick experiments", "all nine experiments", "the
# eight training experiments": counts that were true once and then went stale unnoticed.
STATED_COUNT = re.compile(
    rf"\b(?:\d[\d,]*|{NUMBER_WORDS}|\w+teen|twenty)\s+(?:[a-z-]+\s+)?(?:tests|articles|experiments)\b",
    re.I,
)


def test_readme_opens_with_make_serve_and_make_test():
    block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    assert [line.split("#")[0].strip() for line in block.splitlines()] == [
        "make serve",
        "make test",
    ]
    assert README.index("```sh") < README.index("\n## ")


def test_readme_states_no_count_of_tests_articles_or_experiments():
    """Such a count is stale by the next article; README names things instead."""
    assert STATED_COUNT.findall(README) == []


def test_the_count_check_would_catch_the_old_wording():
    for stale in ("`make test` (328 tests)", "both articles", "the nine quick experiments"):
        assert STATED_COUNT.search(stale), stale


def test_readme_names_every_article_it_finds():
    for slug in article_pages():
        assert f"`experiments/{slug.replace('-', '_')}/`" in README, slug
