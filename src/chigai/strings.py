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
    "transformer": {"ja": "Transformer", "en": "Transformer"},
    "lstm_attention": {"ja": "LSTM＋Attention", "en": "LSTM + attention"},
    "seq2seq": {"ja": "LSTM（Attention なし）", "en": "LSTM, no attention"},
    "seq2seq_attention": {"ja": "LSTM＋Attention", "en": "LSTM + attention"},
    "attention_fused": {"ja": "Self-Attention（高速版）", "en": "self-attention (fused)"},
    "attention_explicit": {
        "ja": "Self-Attention（教科書どおり）",
        "en": "self-attention (explicit)",
    },
    "cpu": {"ja": "CPU", "en": "CPU"},
    "cuda": {"ja": "GPU", "en": "GPU"},
    "sequence_length": {"ja": "列の長さ（トークン数）", "en": "sequence length (tokens)"},
    "sentence_length": {"ja": "文の長さ（単語数）", "en": "sentence length (words)"},
    "exact_match": {"ja": "完全に正しく訳せた割合", "en": "share translated exactly right"},
    "guess": {"ja": "当てずっぽう", "en": "guessing"},
    "string_length": {
        "ja": "文字列の長さ（ビット数、対数目盛）",
        "en": "string length (bits, log scale)",
    },
    "accuracy": {"ja": "正解率", "en": "accuracy"},
    "generalises_line": {
        "ja": "「長さを一般化した」とみなす線",
        "en": "counted as generalising above this",
    },
    "step_ms": {
        "ja": "学習 1 ステップの時間（ミリ秒、対数目盛）",
        "en": "time per training step (ms, log scale)",
    },
    "activation_mb": {
        "ja": "逆伝播のために取っておくメモリ（MB、対数目盛）",
        "en": "memory kept for backward (MB, log scale)",
    },
    "head": {"ja": "ヘッド", "en": "head"},
    "attention_positions": {
        "ja": "例の中の位置（カード、空白「·」、最後が質問。「·×N」は N 個の空白の合計）",
        "en": "positions in the example (cards, blanks '·', the question last; '·×N': N blanks)",
    },
    "attention_weight": {"ja": "注目の重み", "en": "attention weight"},
    "input_words": {"ja": "入力の単語", "en": "input words"},
    "output_words": {"ja": "出力した単語", "en": "words written"},
    # provenance and notices
    "lang": {"ja": "ja", "en": "en"},  # lets a fragment pass its language to a filter
    "item": {"ja": "項目", "en": "Item"},
    "value": {"ja": "内容", "en": "Value"},
    "how_made": {"ja": "この数字の作り方", "en": "How these numbers were made"},
    "experiment": {"ja": "実験", "en": "Experiment"},
    "preset": {"ja": "プリセット", "en": "Preset"},
    "seeds": {"ja": "シード", "en": "Seeds"},
    "device": {"ja": "デバイス", "en": "Device"},
    "software": {"ja": "ソフトウェア", "en": "Software"},
    "commit": {"ja": "コミット", "en": "Commit"},
    "ran_at": {"ja": "実行日時", "en": "Run at"},
    "duration": {"ja": "計算時間", "en": "Compute time"},  # summed over trials
    "source": {"ja": "ソースコード", "en": "Source code"},
    "learning_rate": {"ja": "学習率", "en": "Learning rate"},
    "chosen_on": {
        "ja": "検証データで候補 {lrs} から選択（同じステップ数）",
        "en": "chosen on validation data from {lrs}, same number of steps for every model",
    },
    "per_lag": {"ja": "ラグ", "en": "per lag"},
    "per_length": {"ja": "長さ", "en": "per length"},
    "per_size": {"ja": "学習例の数", "en": "per training-set size"},
    "per_shape": {"ja": "形", "en": "per shape"},
    "paper": {"ja": "論文との比較", "en": "Published result"},
    "agrees": {"ja": "私たちの結果は一致", "en": "ours agrees"},
    "disagrees": {"ja": "私たちの結果は一致せず", "en": "ours disagrees"},
    "partly": {"ja": "私たちの結果は一部だけ一致", "en": "ours agrees only in part"},
    "seconds": {"ja": "秒", "en": "s"},
    "stale_title": {"ja": "古い結果を表示しています", "en": "Showing out-of-date results"},
    "stale_body": {
        "ja": "コードが変わったあとの結果がまだありません。次のコマンドで更新できます：",
        "en": "The code changed since these numbers were measured. Refresh them with:",
    },
    "enlarge": {"ja": "図を拡大", "en": "Enlarge the figure"},
    "error_title": {"ja": "この部分を表示できません", "en": "This part cannot be shown"},
    "unavailable_title": {
        "ja": "この節の実験結果がありません",
        "en": "The results behind this section are missing",
    },
    "unavailable_body": {
        "ja": "この節は次の実験の結果を使いますが、いまは使える結果がありません。",
        "en": "This section is built from an experiment that has no usable result right now:",
    },
    "quick_title": {
        "ja": "お試し設定（quick）の数字を表示しています",
        "en": "Showing numbers from the quick preset",
    },
    "quick_body": {
        "ja": "このページの一部の数字は、短時間で終わる quick 設定（シードが少なく、系列も短い）の"
        "ものです。公開用（full）の結果は次のコマンドで作れます：",
        "en": "Some numbers on this page come from the quick preset (fewer seeds, shorter "
        "sequences), standing in for the publication run. Make the full results with:",
    },
    "thread": {"ja": "スレッド", "en": "thread"},
    "threads": {"ja": "スレッド", "en": "threads"},
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
    "attention_vs_lstm/far_accuracy": {
        "ja": "折れ線グラフ。横軸は列の長さ、縦軸は正解率。LSTM、LSTM＋Attention、Transformer が"
        "遠くにあるカードの中身を答えられた割合を比べている。",
        "en": "Line chart of test accuracy against sequence length for an LSTM, an LSTM with "
        "attention and a small Transformer, answering about a card seen far back.",
    },
    "attention_vs_lstm/attention_map": {
        "ja": "ヒートマップ。横に 1 つの例の各位置、縦に Transformer の各ヘッドと LSTM＋Attention。"
        "質問がどの位置に注目したかを色の濃さで示し、答えのカードを赤枠で囲んでいる。",
        "en": "Heatmap: one example's positions across, each Transformer head and the LSTM's "
        "attention down; darker means more attention from the question. The card holding the "
        "answer is outlined in red.",
    },
    "attention_vs_lstm/seq2seq_accuracy": {
        "ja": "折れ線グラフ。横軸は文の長さ、縦軸は完全に正しく訳せた割合。"
        "Attention のある LSTM とない LSTM を比べている。",
        "en": "Line chart of the share of sentences reproduced exactly, against sentence length, "
        "for an LSTM encoder-decoder with and without attention.",
    },
    "attention_vs_lstm/alignment": {
        "ja": "ヒートマップ。横軸は入力の単語、縦軸は出力した単語。"
        "出力の各単語が入力のどの単語に注目したかを色の濃さで示す。",
        "en": "Heatmap of which input word (across) each output word (down) attended to; "
        "darker means more attention.",
    },
    "attention_vs_lstm/step_time": {
        "ja": "両対数の折れ線グラフ。横軸は列の長さ、縦軸は学習 1 ステップの時間。"
        "LSTM と 2 通りの Self-Attention を比べている。",
        "en": "Log-log line chart of the time of one training step against sequence length, "
        "for an LSTM and two kinds of self-attention.",
    },
    "attention_vs_lstm/step_memory": {
        "ja": "両対数の折れ線グラフ。横軸は列の長さ、縦軸は逆伝播のために取っておくメモリ。"
        "LSTM と 2 通りの Self-Attention を比べている。",
        "en": "Log-log line chart of the memory kept for the backward pass against sequence "
        "length, for an LSTM and two kinds of self-attention.",
    },
    "attention_vs_lstm/data_efficiency": {
        "ja": "折れ線グラフ。横軸は学習に使った例の数、縦軸はカードの読み出しの正解率。"
        "LSTM と Transformer を比べている。",
        "en": "Line chart of card-recall test accuracy against the number of training "
        "examples, for an LSTM and a Transformer.",
    },
    "attention_vs_lstm/parity_length": {
        "ja": "折れ線グラフ。横軸は文字列の長さ、縦軸は正解率。"
        "長さ 1〜L の文字列でパリティを学んだ LSTM と Transformer を、"
        "学習に使わなかった同じ長さの文字列（左端）と、2 倍以上長い文字列で比べている。",
        "en": "Line chart of accuracy against string length for an LSTM and a Transformer that "
        "learned parity from strings of length 1 to L: held-out strings of those lengths at the "
        "left, strings two or more times longer to the right.",
    },
}


# What a reader calls each experiment and article (the methodology page, beside the id).
NAMES: dict[str, dict[str, str]] = {
    "rnn_vs_lstm": {"ja": "RNN と LSTM の違い", "en": "RNN vs LSTM"},
    "attention_vs_lstm": {"ja": "Attention と LSTM の違い", "en": "Attention vs LSTM"},
    "adding_problem": {"ja": "離れた 2 つの数の足し算", "en": "Adding two numbers far apart"},
    "marked_recall": {"ja": "印のついた記号を答える", "en": "Recalling a marked symbol"},
    "small_data": {"ja": "短い記憶を少ないデータで", "en": "A short memory from little data"},
    "architecture": {"ja": "パラメータの数", "en": "Parameter counts"},
    "far_recall": {"ja": "ずっと前に見たカードを思い出す", "en": "Recalling a card seen long ago"},
    "seq2seq_reversal": {
        "ja": "小さな翻訳（Attention あり・なし）",
        "en": "A tiny translation, with and without attention",
    },
    "compute_cost": {
        "ja": "列の長さと計算時間・メモリ",
        "en": "Time and memory against sequence length",
    },
    "data_efficiency": {
        "ja": "少ないデータでカードを読み出す",
        "en": "Card recall from little data",
    },
    "length_generalisation": {
        "ja": "長さの汎化（パリティ）",
        "en": "Length generalisation (parity)",
    },
    "heads_layers": {"ja": "ヘッドの数と層の数", "en": "Number of heads and layers"},
}

# The figure a link to each article shows as its preview image (Open Graph, Twitter).
SHARE_FIGURE: dict[str, str] = {
    "rnn_vs_lstm": "rnn_vs_lstm/adding_mse",
    "attention_vs_lstm": "attention_vs_lstm/far_accuracy",
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
        "Transformer": "Attention を積み重ねて作るモデル。すべての位置を同時に見比べる。"
        "今の大規模言語モデルのもとになった形。",
        "パリティ": "0 と 1 の並びの中に 1 が奇数個あるかどうか。数え続けないと答えられない。",
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
        "Transformer": "A model built from stacked attention layers that compare every position "
        "with every other at once; the design behind today's large language models.",
        "parity": "Whether a string of 0s and 1s holds an odd number of 1s: "
        "you have to keep count.",
    },
}


def label(key: str, lang: str) -> str:
    try:
        return LABELS[key][lang]
    except KeyError:
        raise KeyError(f"no {lang!r} label {key!r} in chigai.strings.LABELS") from None
