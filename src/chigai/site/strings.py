"""Every label that appears in a figure or a generated block, in both languages.

One table keyed by id, so the ja and en versions of a figure can only differ in words.
Models are not here: each article names its own in its article.toml (chigai.site.declared).
"""

from chigai.site.declared import model

LANGUAGES = ("ja", "en")

LABELS: dict[str, dict[str, str]] = {
    "lag": {"ja": "ラグ T（覚えておくステップ数）", "en": "lag T (steps to remember)"},
    "test_mse": {"ja": "テストの平均二乗誤差（対数目盛）", "en": "test MSE (log scale)"},
    "baseline": {"ja": "いつも平均を答えた場合", "en": "always answering the mean"},
    "solved_line": {"ja": "「解けた」とみなす線", "en": "counted as solved below this"},
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
    "chorale_step": {
        "ja": "コラールの拍（4 分音符ごと）",
        "en": "beat of the chorale (quarter notes)",
    },
    "piano_key": {"ja": "鍵盤（音の高さ）", "en": "piano key (pitch)"},
    "predicted_probability": {
        "ja": "次に鳴ると予想した確率",
        "en": "predicted chance that the key sounds next",
    },
    "test_nll_step": {
        "ja": "テストの負の対数尤度（1 拍あたり、低いほど良い）",
        "en": "test NLL per beat (lower is better)",
    },
    "published_chung": {"ja": "Chung ら（2014）の値", "en": "Chung et al. (2014)"},
    "bach_notes": {"ja": "バッハが書いた音", "en": "the notes Bach wrote"},
    "same_seed": {"ja": "同じシード", "en": "one seed"},
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
    "verdict": {"ja": "（{verdict}）", "en": " ({verdict})"},  # after the paper, in its box
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
    "not_full_title": {
        "ja": "公開用（full）の結果を使っていない理由",
        "en": "Why the full results are not shown",
    },
    "full_broken": {"ja": "{file} は使えません：{why}", "en": "{file} cannot be used: {why}"},
    "full_stale": {
        "ja": "{file} は、測ったあとで実験のコードか設定が変わったため古くなっています",
        "en": "{file} is out of date: the experiment's code or preset changed since it ran",
    },
    "fallback_title": {
        "ja": "このページの日本語版はまだありません",
        "en": "This page has no English version yet",
    },
    "fallback_body": {
        "ja": "{missing} がないため、ここには{other}のページを表示しています。",
        "en": "{missing} is missing, so this is the {other} page.",
    },
    "language_ja": {"ja": "日本語", "en": "Japanese"},
    "language_en": {"ja": "英語", "en": "English"},
    "thread": {"ja": "スレッド", "en": "thread"},
    "threads": {"ja": "スレッド", "en": "threads"},
    "state_fresh": {"ja": "最新", "en": "fresh"},
    "state_stale": {"ja": "古い", "en": "stale"},
    "state_missing": {"ja": "なし", "en": "missing"},
    "state_broken": {"ja": "読めない", "en": "broken"},
    # reproductions: the methodology page's list and an article's box (chigai.site.reproduced)
    "comma": {"ja": "、", "en": ", "},
    "rerun_title": {"ja": "別の環境での再実行", "en": "Reruns elsewhere"},
    "rerun_item": {
        "ja": "（{id}、{preset}）：{machine}で再実行（torch {torch}、{when}）。{outcome}",
        "en": " ({id}, {preset}), rerun on {machine} (torch {torch}, {when}). {outcome}",
    },
    "rerun_all_held": {"ja": "すべての判定が同じでした。", "en": "Every verdict held."},
    "rerun_other_code": {
        "ja": "別のコードで作られたため、比べていません。",
        "en": "Made by other code, not compared.",
    },
    "rerun_unpublished": {
        "ja": "比べる公開結果がありません。",
        "en": "No published result to compare it with.",
    },
    "rerun_changed_one": {
        "ja": "{n} つの判定が変わりました：{which}。",
        "en": "{n} verdict changed: {which}.",
    },
    "rerun_changed_many": {
        "ja": "{n} つの判定が変わりました：{which}。",
        "en": "{n} verdicts changed: {which}.",
    },
    "rerun_change": {"ja": "{finding}（{ours} → {theirs}）", "en": "{finding} ({ours} → {theirs})"},
    "rerun_more": {"ja": "ほか {n} つ", "en": "and {n} more"},
    "finding_yes": {"ja": "はい", "en": "yes"},
    "finding_no": {"ja": "いいえ", "en": "no"},
    "finding_none": {"ja": "なし", "en": "none"},
    "rerun_box_changed": {
        "ja": "{machine}で再実行すると（この結果は {published}）、"
        "判定のうち {n} つが変わりました。",
        "en": "In a rerun on {machine} (these numbers: {published}), {n} of this result's "
        "verdicts changed.",
    },
    "rerun_box_held": {
        "ja": "{machine}で再実行しても（この結果は {published}）、判定はすべて同じでした。",
        "en": "In a rerun on {machine} (these numbers: {published}), every verdict held.",
    },
    "rerun_box_reworded": {
        "ja": "{machine}で再実行すると（この結果は {published}）、このページの次の文が変わります。",
        "en": "In a rerun on {machine} (these numbers: {published}), this page would read:",
    },
    "rerun_box_same_words": {
        "ja": "{machine}で再実行しても（この結果は {published}）、このページの文は変わりません。",
        "en": "In a rerun on {machine} (these numbers: {published}), this page would read the "
        "same.",
    },
    "rerun_page_reworded": {
        "ja": "記事の次の文が変わります：{quotes}",
        "en": "The article would read: {quotes}",
    },
    "rerun_page_same": {
        "ja": "記事の文は変わりません（記事が使わない判定が {n} つ変わりました）。",
        "en": "The article would read the same (findings it does not use that changed: {n}).",
    },
    # the GRU vs LSTM article
    "kernel_torch": {"ja": "PyTorch の実装", "en": "PyTorch's layer"},
    "kernel_loop": {"ja": "同じ手書きループ", "en": "same hand-written loop"},
    "hidden_width": {"ja": "隠れ状態の幅（対数目盛）", "en": "hidden width (log scale)"},
    "count_n": {"ja": "n（a の数 = b の数）", "en": "n (as many b's as a's)"},
    "recognised_share": {
        "ja": "すべて正しく判定できたシードの割合",
        "en": "share of seeds right at every step",
    },
    "trained_n": {"ja": "学習した範囲", "en": "training range"},
    "one_seed": {"ja": "1 つのシード", "en": "one seed"},
    "training_step": {"ja": "学習ステップ", "en": "training step"},
    "training_loss": {"ja": "学習データでの損失（対数目盛）", "en": "training loss (log scale)"},
    "loss_level": {
        "ja": "目安：当てずっぽうの損失の半分",
        "en": "timed level: half of guessing's loss",
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
        "Transformer": "Attention を積み重ねて作るモデル。すべての位置を同時に見比べる。"
        "今の大規模言語モデルのもとになった形。",
        "パリティ": "0 と 1 の並びの中に 1 が奇数個あるかどうか。数え続けないと答えられない。",
        "シード": "学習の始まりのでたらめな重みなどを決める乱数の種。"
        "シードを変えて何回か学習させると、運によるばらつきが見える。",
        "学習率": "学習で重みを一度にどれだけ大きく直すか。"
        "大きすぎても小さすぎてもうまく学べない。",
        "検証用データ": "学習率などを選ぶためだけに取っておく例。最後の成績には使わない。",
        "ラグ": "覚えておかなければならない長さ。手がかりから質問までのステップ数。",
        "tanh": "どんな数も −1 から 1 のあいだに収める関数。ふつうの RNN はこれでメモを作る。",
        "バイアス": "ゲートなどで、重みを掛けた和に最後に足す数。"
        "忘却ゲートなら、学習の始めにゲートがどれだけ開いているかを決める。",
        "損失": "答えのずれの大きさを 1 つの数にしたもの。学習はこれを小さくしようと進む。",
        "FLOP": "浮動小数点演算 1 回。掛け算 1 回や足し算 1 回のこと。計算の量の目安。",
        "更新ゲート": "GRU のゲート。古い状態をどれだけ残し、新しい候補をどれだけ入れるかを、"
        "ひとつのつまみで同時に決める。",
        "リセットゲート": "GRU のゲート。新しい候補を作るとき、古い状態をどれだけ見るかを決める。",
        "ヘッド": "Attention の「見る係」。1 つの層に何個か並び、それぞれ別の場所に注目できる。",
        "エンコーダー": "翻訳モデルの、入力の文を読んで数の並びにまとめる部分。",
        "デコーダー": "翻訳モデルの、エンコーダーがまとめたものから訳を 1 語ずつ書く部分。",
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
        "seed": "The random number that sets a training run's random start; "
        "several seeds show how much of a result is luck.",
        "learning rate": "How big a correction training makes to the weights at each step; "
        "too big or too small and the model learns badly.",
        "validation data": "Examples kept aside for choosing settings such as the learning "
        "rate; never used for the final score.",
        "lag": "How far back the model has to remember: the steps between the clue and the "
        "question.",
        "tanh": "A function that squeezes any number into the range −1 to 1; a plain RNN makes "
        "its note with it.",
        "bias": "A number added after the weighted sum; in a forget gate it sets how open the "
        "gate is when training starts.",
        "loss": "How wrong the model's answers are, as one number; training tries to make it "
        "smaller.",
        "FLOP": "One floating-point operation, such as one multiplication or one addition: "
        "a measure of how much arithmetic is done.",
        "update gate": "A GRU gate that decides, in one move, how much of the old state to keep "
        "and how much of the new candidate to let in.",
        "reset gate": "A GRU gate that decides how much of the old state the new candidate may "
        "look at.",
        "head": "One of several attention lookups side by side in a layer; each can look at a "
        "different place.",
        "encoder": "The part of a translator that reads the input sentence into numbers.",
        "decoder": "The part of a translator that writes the output, word by word, from what "
        "the encoder made.",
    },
}


def label(key: str, lang: str) -> str:
    """A shared label, else the name the drawn article gives its model `key`
    (chigai.site.declared: an undeclared one is an error naming the article.toml)."""
    texts = LABELS.get(key) or model(key).name
    try:
        return texts[lang]
    except KeyError:
        raise KeyError(f"no {lang!r} label {key!r} in chigai.site.strings.LABELS") from None
