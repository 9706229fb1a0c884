"""Japanese lines of one paragraph or list item become one line, with the spaces a reader
expects: none between Japanese characters, one between a Japanese and a Latin word."""

import markdown
import pytest

from chigai.site.prose import join_cjk_lines


def _html(text: str) -> str:
    return markdown.markdown(join_cjk_lines(text))


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("状態の大きさが同じ\nLSTM と RNN", "<p>状態の大きさが同じ LSTM と RNN</p>"),
        ("学習させた\nGRU は", "<p>学習させた GRU は</p>"),
        ("一行目です。\nLSTM も", "<p>一行目です。LSTM も</p>"),  # after 。 no space
        ("「印」の\n記号", "<p>「印」の記号</p>"),
    ],
)
def test_a_latin_word_after_a_japanese_word_keeps_one_space(typed, shown):
    assert _html(typed) == shown


def test_a_list_items_continuation_lines_leave_no_stray_space():
    typed = (
        "- 一つ目の項目は長いので\n  次の行に続き、\n  さらに続きます。\n"
        "- 二つ目は\n  LSTM です。\n"
    )
    html = _html(typed)
    assert "<li>一つ目の項目は長いので次の行に続き、さらに続きます。</li>" in html
    assert "<li>二つ目は LSTM です。</li>" in html


def test_english_lines_paragraph_breaks_and_nested_lists_stay_as_they_are():
    typed = "English line\nstays.\n\n段落の終わり。\n\n- 項目\n  - 入れ子の項目\n"
    assert join_cjk_lines(typed) == typed
