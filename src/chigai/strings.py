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
    "gru": {"ja": "GRU", "en": "GRU"},
    "chance": {"ja": "当てずっぽう（1/記号の数）", "en": "guessing (1 / number of symbols)"},
    "solved_line_acc": {"ja": "「解けた」とみなす線", "en": "counted as solved above this"},
    "test_accuracy": {"ja": "テストの正解率", "en": "test accuracy"},
    "train_size": {"ja": "学習に使った例の数（対数目盛）", "en": "training examples (log scale)"},
    "init": {"ja": "学習前", "en": "before training"},
    "trained": {"ja": "学習後", "en": "after training"},
    "distance": {"ja": "答えから何ステップ前か", "en": "steps back from the answer"},
    "gradient_norm": {"ja": "勾配の大きさ（対数目盛）", "en": "gradient size (log scale)"},
    "mark_zone": {"ja": "印がつきうる範囲", "en": "where the marked symbol can be"},
    "position": {"ja": "入力の位置（ステップ）", "en": "input position (step)"},
    "sensitivity_share": {
        "ja": "答えへの影響の割合（%）",
        "en": "share of influence on the answer (%)",
    },
    "input_gate": {"ja": "入力ゲート", "en": "input gate"},
    "forget_gate": {"ja": "忘却ゲート", "en": "forget gate"},
    "output_gate": {"ja": "出力ゲート", "en": "output gate"},
    "gate_open": {"ja": "ゲートの開き具合（0〜1）", "en": "gate opening (0 to 1)"},
    "cell": {"ja": "セル", "en": "cell"},
    "cell_value": {"ja": "セルの中身", "en": "cell state"},
    "step": {"ja": "ステップ", "en": "step"},
    "marked_here": {"ja": " 印の記号", "en": " marked symbol"},
    "asked_here": {"ja": "質問 ", "en": "question "},
    "diagram_same_weights": {
        "ja": "毎ステップ、同じ重み W で「前の状態」と「新しい入力」を混ぜる",
        "en": "every step mixes the previous state with the new input, using the same weights W",
    },
    "diagram_fading": {
        "ja": "赤い帯 = 最初の入力の名残",
        "en": "red bar = what is left of the first input",
    },
    "diagram_cell": {
        "ja": "セル：記憶を運ぶベルトコンベア",
        "en": "the cell: a conveyor belt for memory",
    },
    "diagram_forget": {"ja": "古い記憶を消す？", "en": "erase old memory?"},
    "diagram_input": {"ja": "新しいことを書き込む？", "en": "write something new?"},
    "diagram_output": {"ja": "記憶を外に出す？", "en": "let memory out?"},
    "diagram_params": {
        "ja": "ゲートの分だけ重みが増え、パラメータは RNN の {ratio:.0f} 倍",
        "en": "the gates cost weights: {ratio:.0f}× the parameters of an RNN",
    },
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
    "state_fresh": {"ja": "最新", "en": "fresh"},
    "state_stale": {"ja": "古い", "en": "stale"},
    "state_missing": {"ja": "なし", "en": "missing"},
    "state_broken": {"ja": "読めない", "en": "broken"},
}

FIGURE_ALT: dict[str, dict[str, str]] = {
    "rnn_vs_lstm/adding_mse": {
        "ja": "折れ線グラフ。横軸は覚えておくステップ数、縦軸はテスト誤差（対数）。"
        "RNN と LSTM の誤差と、平均を答えるだけの基準線を比べている。",
        "en": "Line chart of test error (log scale) against the number of steps to remember, "
        "for a plain RNN and an LSTM, with the always-answer-the-mean baseline as a line.",
    },
    "rnn_vs_lstm/recall_accuracy": {
        "ja": "折れ線グラフ。横軸は覚えておくステップ数、縦軸は印の記号を答えられた割合。"
        "RNN と LSTM の正解率と、当てずっぽうの線を比べている。",
        "en": "Line chart of how often each model named the marked symbol, against the number "
        "of steps to remember, for a plain RNN and an LSTM, with the guessing level as a line.",
    },
    "rnn_vs_lstm/gradient_flow": {
        "ja": "対数目盛の折れ線グラフ。横軸は答えから何ステップ前か、縦軸は勾配の大きさ。"
        "RNN と LSTM の学習前と学習後を比べている。",
        "en": "Log-scale line chart of the gradient's size against how many steps back from the "
        "answer it is, for an RNN and an LSTM, before and after training.",
    },
    "rnn_vs_lstm/input_sensitivity": {
        "ja": "折れ線グラフ。横軸は入力の位置、縦軸はその入力が答えに与える影響の割合。"
        "RNN と LSTM を比べている。",
        "en": "Line chart of how much each input position influences the answer, "
        "for an RNN and an LSTM.",
    },
    "rnn_vs_lstm/gate_trace": {
        "ja": "2 段のグラフ。上段は 3 つのゲートの開き具合、下段はセルの中身を、1 つの例について"
        "ステップごとに示す。印の位置と質問の位置に縦線がある。",
        "en": "Two stacked charts for one example sequence: the opening of the three gates, and "
        "the cell state, step by step, with lines where the marked symbol and the question come.",
    },
    "rnn_vs_lstm/small_data": {
        "ja": "折れ線グラフ。横軸は学習に使った例の数、縦軸は正解率。"
        "短い記憶で RNN と LSTM を比べている。",
        "en": "Line chart of test accuracy against the number of training examples, for an RNN "
        "and an LSTM on a short memory task.",
    },
    "rnn_vs_lstm/unrolled_rnn": {
        "ja": "図解。RNN を 4 ステップ分横に並べ、状態が矢印で次へ渡される様子と、"
        "最初の入力の名残が少しずつ薄れていく様子を描いている。",
        "en": "Diagram of an RNN unrolled over four steps: the state is handed on by arrows, "
        "and what is left of the first input shrinks at every step.",
    },
    "rnn_vs_lstm/lstm_cell": {
        "ja": "図解。LSTM のセルを上を流れるベルトコンベアとして描き、忘却・入力・出力の 3 つの"
        "ゲートがスイッチのように記憶の消去・書き込み・取り出しを決める様子を示す。",
        "en": "Diagram of an LSTM cell as a conveyor belt along the top, with the forget, input "
        "and output gates acting as switches that erase, write and read out the memory.",
    },
}


# A small bilingual glossary: the first use of a term on a page gets a tooltip.
GLOSSARY: dict[str, dict[str, str]] = {
    "ja": {
        "勾配消失": "遠い過去まで勾配がほとんど届かなくなること。"
        "遠くのことを覚える学習が進まなくなる。",
        "勾配": "答えのずれを減らすには、重みをどちらにどれだけ動かせばよいかを表す数。"
        "学習の手がかり。",
        "忘却ゲート": "セルの古い記憶をどれだけ残すかを 0〜1 で決めるスイッチ。",
        "入力ゲート": "新しい情報をセルにどれだけ書き込むかを 0〜1 で決めるスイッチ。",
        "出力ゲート": "セルの中身をどれだけ外に出すかを 0〜1 で決めるスイッチ。",
        "セル": "LSTM が持つ「記憶の箱」。ゲートが触らない限り、中身がそのまま次へ運ばれる。",
        "長期依存問題": "離れた場所にある手がかりを使えないという、RNN の弱点。",
    },
    "en": {
        "vanishing gradient": "The gradient shrinking to almost nothing on its way back in time, "
        "so nothing far back gets learned.",
        "gradient": "How much, and in which direction, each weight should move to make the "
        "answer less wrong: the signal a network learns from.",
        "forget gate": "A 0-to-1 switch deciding how much of the cell's old memory to keep.",
        "input gate": "A 0-to-1 switch deciding how much new information to write into the cell.",
        "output gate": "A 0-to-1 switch deciding how much of the cell to let out.",
        "cell": "The LSTM's memory box; what is in it rides on unchanged unless a gate acts.",
        "long-term dependency problem": "A plain RNN's weakness: clues that lie far back are lost.",
    },
}


def label(key: str, lang: str) -> str:
    try:
        return LABELS[key][lang]
    except KeyError:
        raise KeyError(f"no {lang!r} label {key!r} in chigai.strings.LABELS") from None
