from pathlib import Path

import pytest

from chigai.experiment import discover, read_spec
from chigai.site.presentation import read_articles
from chigai.site.readable import device_name, duration, name, when

ROOT = Path(__file__).resolve().parents[2]


def test_dates_read_as_dates():
    assert when("2026-11-25T14:06:38+00:00", "en") == "25 Nov 2026, 14:06 UTC"
    assert when("2026-11-25T23:06:38+09:00", "ja") == "2026年11月25日 14:06 UTC"


@pytest.mark.parametrize(
    ("seconds", "en", "ja"),
    [
        (0.01, "< 0.1 s", "< 0.1 秒"),
        (12.34, "12.3 s", "12.3 秒"),
        (59.97, "1 min", "1 分"),
        (1032.15, "17 min 12 s", "17 分 12 秒"),
        (3960, "1 h 6 min", "1 時間 6 分"),
    ],
)
def test_durations_use_minutes_and_hours_when_long(seconds, en, ja):
    assert duration(seconds, "en") == en
    assert duration(seconds, "ja") == ja


def test_one_thread_is_singular_and_devices_have_readable_names():
    assert device_name("cpu (AMD EPYC, 1 threads)", "en") == "CPU (AMD EPYC, 1 thread)"
    assert device_name("cpu (AMD EPYC, 2 threads)", "en") == "CPU (AMD EPYC, 2 threads)"
    assert device_name("cpu (AMD EPYC, 2 threads)", "ja") == "CPU (AMD EPYC, 2 スレッド)"
    assert device_name("cuda (NVIDIA H200)", "en") == "GPU (NVIDIA H200)"


def test_experiments_and_articles_have_names_and_unnamed_experiments_keep_their_id(tmp_path):
    specs = discover(ROOT)
    assert name(specs["far_recall"], "en") == "Recalling a card seen long ago"
    articles = read_articles(ROOT, [specs["far_recall"]])
    assert name(articles["attention_vs_lstm"], "ja") == "Attention と LSTM の違い"
    unnamed = tmp_path / "brand_new_experiment.py"
    unnamed.write_text('PRESETS = {"quick": {}, "full": {}}\nFIGURES = {}\n')
    assert name(read_spec(unnamed), "ja") == "brand_new_experiment"
