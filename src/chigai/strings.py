"""Every label that appears in a figure or a generated block, in both languages.

One table keyed by id, so the ja and en versions of a figure can only differ in words.
"""

LANGUAGES = ("ja", "en")

LABELS: dict[str, dict[str, str]] = {
    "rnn": {"ja": "RNN", "en": "RNN"},
    "lstm": {"ja": "LSTM", "en": "LSTM"},
    "lag": {"ja": "ラグ T（覚えておくステップ数）", "en": "lag T (steps to remember)"},
    "test_mse": {"ja": "テストの平均二乗誤差（対数目盛）", "en": "test MSE (log scale)"},
    "baseline": {"ja": "いつも平均を答えた場合", "en": "always answering the mean"},
    "solved_line": {"ja": "「解けた」とみなす線", "en": "counted as solved below this"},
    "seed_spread": {"ja": "シードごとのばらつき", "en": "spread over seeds"},
    # provenance and notices
    "how_made": {"ja": "この数字の作り方", "en": "How these numbers were made"},
    "experiment": {"ja": "実験", "en": "Experiment"},
    "preset": {"ja": "プリセット", "en": "Preset"},
    "seeds": {"ja": "シード", "en": "Seeds"},
    "device": {"ja": "デバイス", "en": "Device"},
    "software": {"ja": "ソフトウェア", "en": "Software"},
    "commit": {"ja": "コミット", "en": "Commit"},
    "ran_at": {"ja": "実行日時", "en": "Run at"},
    "duration": {"ja": "所要時間", "en": "Duration"},
    "source": {"ja": "ソースコード", "en": "Source code"},
    "seconds": {"ja": "秒", "en": "s"},
    "stale_title": {"ja": "古い結果を表示しています", "en": "Showing out-of-date results"},
    "stale_body": {
        "ja": "コードが変わったあとの結果がまだありません。次のコマンドで更新できます：",
        "en": "The code changed since these numbers were measured. Refresh them with:",
    },
    "error_title": {"ja": "この部分を表示できません", "en": "This part cannot be shown"},
}

FIGURE_ALT: dict[str, dict[str, str]] = {
    "rnn_vs_lstm/adding_mse": {
        "ja": "折れ線グラフ。横軸は覚えておくステップ数、縦軸はテスト誤差（対数）。"
        "RNN と LSTM の誤差と、平均を答えるだけの基準線を比べている。",
        "en": "Line chart of test error (log scale) against the number of steps to remember, "
        "for a plain RNN and an LSTM, with the always-answer-the-mean baseline as a line.",
    },
}


def label(key: str, lang: str) -> str:
    try:
        return LABELS[key][lang]
    except KeyError:
        raise KeyError(f"no {lang!r} label {key!r} in chigai.strings.LABELS") from None
