# RNN と LSTM の違い、日本語。1 つのメッセージが 1 文か 1 段落。変数は verdicts.py から
# （chigai.site.words）。本文はやさしく、細かい数字は折りたたみの中へ。
# 本文と図の説明では（）を使わず、数字も少なめに。括弧や数字は折りたたみと出典の箱へ。

## 結論（verdict: adding_problem, marked_recall, small_data）

short-adding = { $outcome ->
    [agrees] 離れた数の足し算では、RNN が当てずっぽうになる長さでも LSTM は覚えていました。
    [partly] 離れた数を足す問題で LSTM がはっきり勝ったのは、一部の長さだけでした。
   *[disagrees] 離れた数を足す問題では、LSTM ははっきり勝てませんでした。
  }
short-recall = { $outcome ->
    [agrees] 印の記号の問題では、RNN が当てずっぽうになる長さでも LSTM は正しく答えました。
    [partly] 印の記号を答える問題で LSTM がはっきり勝ったのは、一部の長さだけでした。
   *[disagrees] 印の記号を答える問題では、LSTM ははっきり勝てませんでした。
  }
short-gradients = { $gradients ->
    [agrees] 「学習の信号が遠くで消える」という説明は、調べた 1 組で確かめられました。
    [partly] 「学習の信号が遠くで消える」説明は、調べた 1 組では一部だけ当たりました。
   *[disagrees] 「学習の信号が遠くで消える」様子は、調べた 1 組では見えませんでした。
  }
short-small = { $outcome ->
    [rnn_somewhere] 短くて少ないデータなら、RNN が勝つこともありました。
    [lstm_only] 短くて少ないデータでも RNN は勝てず、強みは軽さでした。
   *[neither] 短くて少ないデータでは引き分けで、RNN のほうが軽いモデルです。
  }

## 図で見る RNN と LSTM（verdict: architecture）

rnn-figure = RNN を時間の方向に 4 ステップ並べた図。状態 h が次のステップへ渡される。赤い帯は、最初の入力の名残。
cell-figure = LSTM の 1 ステップ。上を流れるのがセルで、ベルトコンベアのように記憶を運ぶ。3 つのゲートがスイッチの役目をする。
# explains: LSTM の層の重みの内訳。倍率は architecture の結果で、成績の比較ではない
arch-cost = そのかわり、スイッチの分だけ重みが増えます。3 つのゲートはどれも RNN まるごと 1 つ分の重みを使い、書き込む中身を作る部分も同じだけ使います。そのため、メモの大きさが同じなら、LSTM の層の重みは RNN の { NUM($lstm_ratio, digits: 2) } 倍です。
arch-formula = 入力のサイズを I、メモのサイズ（メモに書ける数の個数）を H とすると、重みの数は「ブロックの数 ×（H·I + H·H + 2H）」です。H·I は入力を読む重み、H·H はメモを読む重み、2H はバイアス（それだけで足される数）です。ブロックの数は RNN が 1、GRU（LSTM を簡単にした仲間）が 2 つのゲートと書き込む中身で 3、LSTM が 3 つのゲートと書き込む中身で 4 です。PyTorch のモデルから実際に数えた値は次のとおりです（入力のサイズ { $input_size }）。
arch-ratio = H = { $largest_hidden } のとき、LSTM の層の重みは RNN の層の { NUM($lstm_ratio, digits: 2) } 倍、GRU の層は { NUM($gru_ratio, digits: 2) } 倍です。
arch-table-hidden = メモのサイズ H
arch-about = PyTorch の nn.RNN・nn.GRU・nn.LSTM を作って重みの数を数え、上の式と一致するかを確かめた。学習はしていない。

## 実験 1：足し算（verdict: adding_problem）

add-main = { $outcome ->
    [agrees] ラグが { $lag } まで長くなると、はっきり明暗が分かれました。LSTM はどの回も足し算ができ、RNN はどの回も当てずっぽうと同じでした。
    [partly] LSTM がはっきり上回ったラグはありました。ただ、LSTM はどの回も解け、RNN はどの回も当てずっぽう、というほどの差がついたラグはありませんでした。
   *[disagrees] 試したどのラグでも、LSTM は RNN をはっきり上回りませんでした。
  }
add-last = { $last_lstm ->
    [some] ただし、いちばん長いラグでは LSTM も解けない回がありました。
   *[all] {""}
  }
add-figure = ラグごとのテスト誤差、つまり平均二乗誤差。縦軸は対数目盛で、下にあるほどよく覚えている。破線は当てずっぽう、点線は「解けた」と数える基準。{ $seeds ->
    [1] 学習は 1 回だけ、シード { $seed_list } なので、幅の帯はない。
   *[other] 線は { $seeds } 回の学習の中央値、色の帯はいちばん悪い回から良い回までの幅。
  }
add-rule = ここでの誤差は平均二乗誤差で、答えのずれを 2 乗して、テストの列すべてで平均したものです。当てずっぽうは、いつも和の平均 1.0 を答えます。その誤差は { NUM($baseline) } です。誤差が { NUM($solved_below) }（当てずっぽうの { PCT($solved_share) }）を下回ったシードを**解けた**、{ NUM($at_baseline) }（当てずっぽうの { PCT($at_share) }）を上回ったままのシードを**当てずっぽう並み**と数えます。ラグが「解けた」と言うのは、すべてのシードが解けたときだけです。「はっきり上」は、一方のどのシードの誤差も、もう一方のいちばん良いシードより { NUM($margin, digits: 2) }（当てずっぽうの誤差の { PCT($margin_share) }）を超えて小さかったラグです。
add-solved = { $lstm_all_count ->
    [0] LSTM には、すべてのシードが解けたラグはありませんでした。
   *[other] LSTM は、ラグ { $lstm_all_lags } ですべてのシードが解けました。
  }{ $rnn_all_count ->
    [0] RNN には、すべてのシードが解けたラグはありませんでした。
   *[other] RNN がすべてのシードで解けたのは、ラグ { $rnn_all_lags } です。
  }
add-holds = { $holds_count ->
    [0] {""}
   *[other] ラグ { $holds_lags } では、RNN はどのシードも誤差が当てずっぽうの { PCT($holds_rnn_min, digits: 1) }〜{ PCT($holds_rnn_max, digits: 1) } で、数字をほぼ何も覚えていませんでした。LSTM はどのシードも解けていました（誤差は当てずっぽうの { PCT($holds_lstm_min, digits: 1) }〜{ PCT($holds_lstm_max, digits: 1) }）。
  }
add-last-numbers = { $last_lstm ->
    [some] ラグ { $longest_lag } で解けた LSTM は { $seeds } シード中 { $last_lstm_solved } シードで、誤差は当てずっぽうの { PCT($last_lstm_low, digits: 1) }〜{ PCT($last_lstm_high, digits: 1) } でした。
   *[all] {""}
  }
add-ties = { $both_solved_count ->
    [0] {""}
   *[other] ラグ { $both_solved_lags } は、どちらも解けた引き分けです。
  }{ $both_low_count ->
    [0] {""}
   *[other] ラグ { $both_low_lags } は、どちらも当てずっぽう並みの引き分けです。
  }{ $undecided_count ->
    [0] {""}
   *[other] ラグ { $undecided_lags } は、シードの幅が重なった引き分けです。
  }
edge-lags = { $edge ->
    [all] どのラグでも、少なくとも一方のモデルで、試した中でいちばん小さいか大きい学習率が選ばれました。試していない学習率なら、もっと良かったかもしれません。
    [some] ラグ { $edge_lags } では、少なくとも一方のモデルで、試した中でいちばん小さいか大きい学習率が選ばれました。試していない学習率なら、そこではもっと良かったかもしれません。
   *[none] 選ばれた学習率は、どれも試した範囲の端ではありませんでした。
  }
add-seeds-note = 誤差は、当てずっぽうの誤差 { NUM($baseline) } に対する割合で示します。100% なら当てずっぽうと同じです。1 つ目の表は { $seeds } シード（{ $seed_list }）の中央値と、解けたシードの数。2 つ目の表はシードごとの値です。
add-table-lag = ラグ T
add-table-seed = シード
add-table-rnn = RNN の誤差
add-table-lstm = LSTM の誤差
add-table-rnn-median = RNN の誤差（中央値）
add-table-lstm-median = LSTM の誤差（中央値）
# explains: a table's column heading; its cells come from the verdicts
add-table-rnn-solved = 解けた RNN のシード（{ $seeds } 中）
# explains: a table's column heading; its cells come from the verdicts
add-table-lstm-solved = 解けた LSTM のシード（{ $seeds } 中）
table-better = はっきり上（–：引き分け）
add-about = Hochreiter と Schmidhuber（1997）の足し算問題を、Le・Jaitly・Hinton（2015）の 2 チャンネル版で。{ $sizes_match ->
    [same] RNN と LSTM はメモのサイズをそろえた（{ $lstm_hidden }）が
   *[different] RNN と LSTM はメモのサイズが { $rnn_hidden } と { $lstm_hidden } で
  }、重みの数は RNN { NUM($rnn_params) }、LSTM { NUM($lstm_params) } と異なる。シードごとに同じデータ・同じステップ数で、下の表の学習率をすべて試した。モデルとラグごとに、検証用データで誤差の中央値がいちばん低かった学習率を選び、学習に使っていないテスト用の列の平均二乗誤差で評価した。
add-paper = Hochreiter と Schmidhuber 1997（実験 4、ラグ 100〜1,000）：LSTM は長いラグの足し算問題を学習できるが、勾配法で学習する従来の再帰型ネットワークはできない。私たちのラグは { $longest_lag } までで、ラグごとに別のモデルを学習させたので、確かめたのは主張の短い側だけ

## 実験 1：印のついた記号（verdict: marked_recall）

recall-ask = 数字ではなく記号でも試しました。{ $symbols } 種類の記号がでたらめな順に並んだ列を見せます。前半のどこか 1 か所の記号に、印がついています。最後に「印がついていたのはどの記号？」と聞きます。当てずっぽうなら { $symbols } 回に 1 回しか当たりません。
recall-main = { $outcome ->
    [agrees] ラグが { $lag } になると、RNN はどの回も当てずっぽうになりました。LSTM はどの回も、まだ印の記号を答えられました。
    [partly] LSTM がはっきり上回ったラグはありました。ただ、LSTM はどの回も解け、RNN はどの回も当てずっぽう、というほどの差がついたラグはありませんでした。
   *[disagrees] 試したどのラグでも、LSTM は RNN をはっきり上回りませんでした。
  }
recall-last = { $last_lstm ->
    [some] ただし、いちばん長いラグでは、LSTM も答えられない回が出ました。
   *[all] {""}
  }
recall-figure = ラグごとの正解率。上にあるほどよく覚えている。破線は当てずっぽう、点線は「解けた」と数える基準。{ $seeds ->
    [1] 学習は 1 回だけ、シード { $seed_list } なので、幅の帯はない。
   *[other] 線は { $seeds } 回の学習の中央値、色の帯はいちばん悪い回から良い回までの幅。
  }
recall-rule = 当てずっぽうの正解率は { PCT($chance, digits: 1) } です。テストの問題に { PCT($solved_from) } 以上正解したシードを**解けた**、{ PCT($near_chance) } 未満（当てずっぽうの 2 倍未満）のシードを**当てずっぽう並み**と数えます。ラグが「解けた」と言うのは、すべてのシードが解けたときだけです。「はっきり上」は、一方のどのシードも、もう一方のいちばん良いシードを { NUM($margin_points) } ポイントより大きく上回ったラグです。どちらも当てずっぽう並みなら引き分けです。
recall-solved = { $lstm_all_count ->
    [0] LSTM には、すべてのシードが解けたラグはありませんでした。
   *[other] LSTM は、ラグ { $lstm_all_lags } ですべてのシードが解けました。
  }{ $rnn_all_count ->
    [0] RNN には、すべてのシードが解けたラグはありませんでした。
   *[other] RNN がすべてのシードで解けたのは、ラグ { $rnn_all_lags } です。
  }
recall-guessing = { $rnn_low_count ->
    [0] RNN のどのシードも当てずっぽう並み、というラグはありませんでした。
   *[other] ラグ { $rnn_low_lags } では、RNN の正解率はどのシードも { PCT($rnn_low_min) }〜{ PCT($rnn_low_max) } で、当てずっぽうの { PCT($chance, digits: 1) } に近い値でした。印の記号は、もうほとんど残っていませんでした。
  }
recall-after = { $after_guessing ->
    [lstm_solved] そのうちラグ { $holds_lags } では、LSTM はすべてのシードが解けていました。
    [lstm_half] ラグ { $lstm_half_lags } の LSTM は、どのシードも { PCT($well_above) } 以上に正解しましたが、{ PCT($solved_from) } に届かないシードもありました。
   *[lstm_neither] RNN が当てずっぽう並みだったラグでは、LSTM もすべてのシードが { PCT($well_above) } 以上に正解したわけではありませんでした。
  }
recall-last-numbers = { $last_lstm ->
    [some] ラグ { $longest_lag } で解けた LSTM は { $seeds } シード中 { $last_lstm_solved } シードで、正解率はシードによって { PCT($last_lstm_low) }〜{ PCT($last_lstm_high) } でした。
   *[all] {""}
  }
recall-ties = { $both_solved_count ->
    [0] {""}
   *[other] ラグ { $both_solved_lags } は、どちらも解けた引き分けです。
  }{ $both_low_count ->
    [0] {""}
   *[other] ラグ { $both_low_lags } は、どちらも当てずっぽう並みの引き分けです。
  }{ $undecided_count ->
    [0] {""}
   *[other] ラグ { $undecided_lags } は、シードの幅が重なった引き分けです。
  }
recall-seeds-note = 1 つ目の表は { $seeds } シード（{ $seed_list }）の正解率の中央値と、解けたシードの数。2 つ目の表はシードごとの値です。
recall-table-rnn = RNN の正解率
recall-table-lstm = LSTM の正解率
recall-table-rnn-median = RNN の正解率（中央値）
recall-table-lstm-median = LSTM の正解率（中央値）
recall-about = 印つき記号の記憶問題。{ $sizes_match ->
    [same] RNN と LSTM はメモのサイズをそろえた（{ $lstm_hidden }）が
   *[different] RNN と LSTM はメモのサイズが { $rnn_hidden } と { $lstm_hidden } で
  }、重みの数は RNN { NUM($rnn_params) }、LSTM { NUM($lstm_params) } と異なる。シードごとに同じデータ・同じステップ数で、下の表の学習率をすべて試した。モデルとラグごとに、検証用データで正解率の中央値がいちばん高かった学習率を選び、学習に使っていないテスト用の列で正解率を測った。下の 3 つの図は、この実験でラグ { $probe_lag }・シード { $probe_seed } で学習したモデル（学習率 RNN { NUM($rnn_lr) }、LSTM { NUM($lstm_lr) }）から作った。
# explains: what the paper claims; whether ours agrees is the verdict v.marked_recall.paper
recall-paper = Hochreiter と Schmidhuber 1997（ラグは最長 1,000）：LSTM は、ふつうの RNN が失敗する長いラグをまたいで情報を運べる。私たちのラグは { $longest_lag } までで、ラグごとに別のモデルを学習させたので、確かめたのは主張の短い側だけ

## 勾配消失（verdict: marked_recall）

grad-main = RNN と LSTM を 1 つずつ選び、学習の前と後で調べました。{ $untrained_rnn ->
    [vanished] 学習前の RNN では、勾配は { $distance } ステップさかのぼると消えていました。教科書どおりです。
   *[kept] 学習前の RNN でも、勾配は { $distance } ステップさかのぼって消えていませんでした。
  }{ $untrained_lstm ->
    [vanished] 学習前の LSTM も同じでした。
   *[kept] 学習前の LSTM では、消えていませんでした。
  }{ $trained_rnn ->
    [vanished] 学習後の RNN でも、勾配はそこで消えていました。
   *[kept] 学習後の RNN では、勾配はそこで消えていませんでした。
  }{ $lstm_reach ->
    [further] そして学習後の LSTM の勾配は、RNN より遠くまで届いていました。
   *[not_further] 学習後の LSTM の勾配が RNN より遠くまで届く、という様子もありませんでした。
  }
grad-figure = 答えから何ステップ前かと、そこに届く勾配の大きさ。縦軸は対数目盛。モデルは各 1 つ。点線は学習前、実線は学習後。
grad-setup = 測ったのは、シード { $probe_seed } でラグ { $probe_lag } に学習させたモデルです（学習率は RNN { NUM($rnn_lr) }、LSTM { NUM($lstm_lr) }）。長さ { $probe_length } の列を読ませました。表は、答えから { $distance } ステップさかのぼった位置に、答えの位置の何倍の勾配が残っていたかです。1 なら答えの位置と同じ大きさ、1 より大きければそれより大きい、という意味です。
grad-table-model = { $distance } ステップ前に残った勾配（シード { $probe_seed }）
grad-table-before = 学習前
grad-table-after = 学習後
grad-untrained = { $untrained_rnn ->
    [vanished] 学習前の RNN に残っていたのは { NUM($rnn_init, digits: 2) } 倍で、「消えた」と呼ぶ目安の { NUM($vanished_below) } 倍を下回りました。
   *[kept] 学習前の RNN には { NUM($rnn_init, digits: 2) } 倍が残っていて、「消えた」と呼ぶ目安の { NUM($vanished_below) } 倍を下回りませんでした。
  }{ $untrained_lstm ->
    [vanished] 学習前の LSTM も { NUM($lstm_init, digits: 2) } 倍で、同じくほぼ消えていました。
   *[kept] 学習前の LSTM は { NUM($lstm_init, digits: 2) } 倍で、目安より多く残っていました。
  }
grad-trained = { $trained_rnn ->
    [vanished] 学習後の RNN の勾配は答えの位置の { NUM($rnn_trained, digits: 2) } 倍で、消えたままでした。
   *[kept] 学習後の RNN の勾配は、答えの位置の { NUM($rnn_trained, digits: 2) } 倍ありました。
  }
grad-lstm = { $lstm_reach ->
    [further] 学習後の LSTM の勾配は答えの位置の { NUM($lstm_trained, digits: 2) } 倍、割合にして RNN の { NUM($lstm_over_rnn, digits: 2) } 倍で、「より遠くまで届く」と言うために求める { NUM($reaches_further) } 倍を超えています。ただ、LSTM のどの部分が効いているかまでは、これだけでは分かりません。
   *[not_further] 学習後の LSTM の勾配は答えの位置の { NUM($lstm_trained, digits: 2) } 倍、割合にして RNN の { NUM($lstm_over_rnn, digits: 2) } 倍でした。「より遠くまで届く」と言うために求める { NUM($reaches_further) } 倍には届いていません。
  }
grad-verdict = { $gradients ->
    [agrees] Bengio らの説明と、LSTM の設計のねらいどおりの姿です。
    [partly] この測定は、Bengio らの説明と一部だけ一致しました。
   *[disagrees] この測定では、Bengio らの言う勾配消失も、LSTM の勾配が遠くまで届く様子も見えませんでした。
  }{ $probe_rnn ->
    [solved] ここで測った RNN の正解率は、ラグ { $probe_lag } で { PCT($probe_rnn_accuracy) } でした。
   *[short] ここで測った RNN の正解率は、ラグ { $probe_lag } で { PCT($probe_rnn_accuracy) } で、「解けた」とみなす { PCT($solved_from) } には届いていません。
  }モデル 1 つの測定は一例であって、決まりではありません。
# explains: how the models were set up (sizes are matched or stated in code), not a result
grad-about = 印つき記号の記憶問題で、長さ { $probe_length } の列を読ませ、各ステップの状態 h に届く損失の勾配の大きさを、同じ重みを持つ 1 ステップずつの計算で測った。学習前はシード { $probe_seed } で初期化したばかりのモデル、学習後は同じモデルをラグ { $probe_lag } で学習させたもの（学習率 RNN { NUM($rnn_lr) }、LSTM { NUM($lstm_lr) }）。表は、{ $distance } ステップ前の位置の勾配の大きさを、答えの位置の大きさで割ったもの。モデルは各 1 つなので、ほかのシードでは違う値になりうる。
# explains: what the paper claims; whether ours agrees is the verdict v.marked_recall.paper
grad-paper = Bengio・Simard・Frasconi 1994（情報をノイズに負けずに保つ RNN 一般についての理論）：ふつうの RNN では、勾配がさかのぼる距離とともに指数関数的に縮む。私たちが確かめたのは、学習したモデル各 1 つの、{ $distance } ステップ前の値だけ

## ゲート（verdict: marked_recall）

gate-main = { $example ->
    [held] 答えを運ぶセル、つまり最後に見れば印の記号が分かるセルは、印のときの値を質問まで保っていました。図のベルトコンベアのとおりです。
   *[moved] 答えを運ぶセル、つまり最後に見れば印の記号が分かるセルは、印のときの値を保っていませんでした。質問までに、そこから大きく離れていきました。
  }{ $typically ->
    [held] ほかのテスト用の列でも、半分以上で同じように保っていました。
   *[moved] ほかのテスト用の列でも、半分以上で同じように動いていました。
  }
gate-figure = 学習した LSTM 1 つの、1 つの例での中身。上の段は 3 つのゲートの開き具合。ゲートはメモの数 1 つ 1 つについていて、線はその平均。下の段は答えを運ぶ { $cells } つのセル。赤い破線が印の記号、灰色の破線が質問のステップ。
gate-setup = 調べた LSTM は、シード { $probe_seed }、ラグ { $probe_lag }、学習率 { NUM($lstm_lr) } で学習したものです。テスト用の列のうち、正しく答えた最初の 1 つを読ませました。選んだのは「答えを運ぶセル」、つまり質問の直前の値を見れば、どの記号に印がついていたかがいちばんよく分かる { $cells } つのセルです。{ $sequences } 本のテスト用の列で調べると、そのステップでの値のばらつきのうち { $answer_shares } パーセントが、印の記号の違いで説明できました。
gate-mark = { $mark ->
    [later] 印の記号が来たステップで、忘却ゲートの平均は { NUM($forget_before, digits: 2) } から { NUM($forget_at, digits: 2) } へ、入力ゲートは { NUM($input_before, digits: 2) } から { NUM($input_at, digits: 2) } へ変わりました。
   *[first] 印の記号が来たのは最初のステップで、忘却ゲートの平均は { NUM($forget_at, digits: 2) }、入力ゲートは { NUM($input_at, digits: 2) } でした。
  }セルの値は、印のところで { $cells_at_mark }、質問の 1 ステップ前で { $cells_before_question } でした。
gate-example = { $example ->
    [held] 印から質問の 1 ステップ前までに動いた量は、印のときの値の { PCT($example_drift) } です。{ PCT($held_below) } 未満なら「保った」と数えます。
   *[moved] 印から質問の 1 ステップ前までに動いた量は、印のときの値の { NUM($example_drift, digits: 2) } 倍で、「保った」と数える { PCT($held_below) } 未満をはるかに超えています。セルが動いた量の合計は { NUM($moved, digits: 2) }、印のときの値の大きさの合計は { NUM($size_at_mark, digits: 2) } です。
  }
gate-typical = { $typically ->
    [held] { $sequences } 本のテスト用の列で見ると、動いた量の中央値は { PCT($median_drift) } で、{ PCT($held_share) } の列でセルが値を保っていました。
   *[moved] { $sequences } 本のテスト用の列で見ると、セルが値を保っていた列は { PCT($held_share) } で、動いた量の中央値は印のときの値の { NUM($median_drift, digits: 2) } 倍でした。LSTM のしくみは値をそのまま持ち続けることを可能にしますが、学習したモデルがそう使うとは限りません。
  }
gate-answered = { $answered ->
    [right] このモデルは、この例に正しく答えています。
   *[wrong] このモデルは、この例を間違えました。
  }
# explains: how the models were set up (sizes are matched or stated in code), not a result
gate-about = ラグ { $probe_lag }・シード { $probe_seed } で学習した LSTM（メモのサイズ { $lstm_hidden }、学習率 { NUM($lstm_lr) }）に、テスト用の列のうち正しく答えた最初の 1 つを読ませ、PyTorch の LSTM と同じ重みで 1 ステップずつ計算してゲートとセルを記録した。{ $cells } つのセルは、質問の 1 ステップ前の値のばらつきを印の記号がいちばんよく説明するもの（{ $sequences } 本のテスト用の列で計算）。動いた量は、印のステップから質問の 1 ステップ前までのセルの変化を、印のステップでの値の大きさで割って合計したもの。

## 答えはどの入力から来ている？（verdict: marked_recall）

sens-main = { $recency ->
    [rnn_leans] 1 つずつ調べた RNN と LSTM では、RNN のほうが最後の数ステップに強く頼っていました。
   *[no_gap] 1 つずつ調べた RNN と LSTM では、RNN のほうが最後の数ステップに頼る、という差は見られませんでした。
  }
sens-figure = 答えへの影響が、入力のどの位置から来ているか。モデルは各 1 つ。灰色は印の記号がある前半。
sens-numbers = { $positions } ステップのうち最後の { $recent_steps } ステップから受けた影響の割合は、RNN が { PCT($rnn_recent) }、LSTM が { PCT($lstm_recent) } でした。影響がすべての位置に均等に散らばっていれば { PCT($even_recent) } になるところです。答えのある前半から受けた影響は、RNN が { PCT($rnn_first_half) }、LSTM が { PCT($lstm_first_half) } でした。{ $recency ->
    [rnn_leans] RNN の最後の数ステップの割合は、LSTM より目安の { PCT($recent_margin) } を超えて大きくなっています。
   *[no_gap] 「RNN が頼っている」と言うのは、RNN の割合が LSTM より { PCT($recent_margin) } を超えて大きいときだけです。
  }
sens-about = ラグ { $probe_lag }・シード { $probe_seed } で学習した RNN と LSTM（学習率 RNN { NUM($rnn_lr) }、LSTM { NUM($lstm_lr) }）に、テスト用の列をまとめて読ませ、損失の入力に対する勾配の大きさを位置ごとに平均し、合計が 100% になるように割合にした。

## ここまでの実験から言えること

sum-papers = 教科書の説明のもとになった Hochreiter と Schmidhuber の実験では、ラグは 100 から 1,000 ステップでした。私たちはラグごとに別のモデルを学習させ、足し算ではラグ { $longest_lag } までを試しました。ですから以下は、その説明の短い側だけを確かめたものです。
sum-adding = { $outcome ->
    [agrees] 足し算の実験は説明どおりでした。ラグ { $lag } では LSTM はどの回も解け、RNN はどの回も当てずっぽう並みでした。
    [partly] 足し算の実験は、一部だけ説明どおりでした。LSTM がはっきり上回ったラグはありましたが、RNN が当てずっぽうまで落ちたラグではありませんでした。
   *[disagrees] 足し算の実験は説明どおりになりませんでした。LSTM がはっきり上回ったラグはありません。
  }
sum-recall = { $outcome ->
    [agrees] ラグ { $longest_lag } までを試した記号の実験は、説明どおりでした。ラグ { $lag } では LSTM はどの回も答えられ、RNN はどの回も当てずっぽうでした。
    [partly] ラグ { $longest_lag } までを試した記号の実験は、一部だけ説明どおりでした。LSTM がはっきり上回ったラグはありましたが、RNN が当てずっぽうまで落ちたラグではありませんでした。
   *[disagrees] ラグ { $longest_lag } までを試した記号の実験は、説明どおりになりませんでした。LSTM がはっきり上回ったラグはありません。
  }
sum-gradients = { $gradients ->
    [agrees] 勾配の測定も、モデル 1 つずつではありますが、よく知られた説明と合っていました。
    [partly] 勾配の測定は、モデル 1 つずつで見ると、一部だけ説明と合っていました。
   *[disagrees] 勾配の測定は、今回はよく知られた説明どおりにはなりませんでした。
  }{ $trained_rnn ->
    [vanished] 学習後の RNN でも、学習の信号はさかのぼるうちに消えていました。
   *[kept] 学習後の RNN では、学習の信号はさかのぼっても消えなくなっていました。
  }
sum-cell = { $typically ->
    [held] LSTM を 1 つのぞくと、答えを運ぶセルは待っているあいだ値を保っていました。図のとおりの使い方です。
   *[moved] LSTM を 1 つのぞくと、答えを運ぶセルは印のときの値を保つのではなく、待っているあいだに答えを組み立てていました。ベルトコンベアの図は「そういう使い方もできる」というしくみの説明で、学習したモデルがいつもそう動くわけではありません。
  }

## RNN の出番はある？（verdict: small_data）

# explains: quotes the advice the section tests
small-ask = 「ふつうの RNN は、短い列やデータが少ないときに向いている」とよく言われます。そこで、短い記憶の問題を、学習用の例をとても少なくしたり多くしたりして、両方に解かせました。
small-main = { $outcome ->
    [rnn_somewhere] 学習用の例の数によっては、ふつうの RNN が LSTM をはっきり上回りました。しかも RNN のほうが小さなモデルです。
    [lstm_only] 短い列で、例が少なくても、ふつうの RNN が LSTM をはっきり上回ることは一度もありませんでした。
   *[neither] どの例の数でも、はっきり上回ったモデルはありませんでした。
  }
small-speed = { $speed ->
    [rnn_faster] それでも RNN は軽いモデルです。LSTM の重みは RNN の { NUM($params_ratio, digits: 2) } 倍あります。それに、今回の CPU で測ったすべての組で、RNN の学習のほうが速く進みました。
   *[not_faster] それでも RNN は軽いモデルです。LSTM の重みは RNN の { NUM($params_ratio, digits: 2) } 倍あります。ただ、今回の CPU で測った組の中には RNN が速くなかった組もあったので、「速い」とは言いません。
  }
small-advice = { $outcome ->
    [rnn_somewhere] ふつうの RNN のほうがよい場面も、たしかにあるということです。
    [lstm_only] 「RNN は短いデータや少ないデータ向き」は、「RNN は軽いので、それで足りるなら使えばよい」くらいに受け取るのがよさそうです。
   *[neither] 引き分けなら、軽い RNN を選ぶのは十分な理由になります。
  }
small-figure = 短い記憶の問題で、学習用の例を増やしたときの正解率。{ $lag } ステップ前を思い出す。破線は当てずっぽう。線は { $seeds } 回の学習の中央値、色の帯はいちばん悪い回から良い回まで。
small-rule = 「はっきり上回る」とは、一方のどのシードも、もう一方のいちばん良いシードを { NUM($margin_points) } ポイントより大きく上回ったことを指します。どの数も { $seeds } つのシードで学習しました。
small-lstm-sizes = { $lstm_count ->
    [0] {""}
   *[other] 例が { $lstm_sizes } 個のときは LSTM がはっきり上回り、LSTM のいちばん悪いシードでも RNN のいちばん良いシードを { NUM($least_lead_points, digits: 2) } ポイント以上上回りました。
  }{ $unlearned_count ->
    [0] {""}
   *[other] ただし例が { $unlearned_sizes } 個のときは、どちらのモデルも正解が { PCT($learned_from) } に届いたシードはなく（当てずっぽうなら { PCT($chance, digits: 1) }）、どちらも課題を覚えられないままの差でした。
  }
small-rnn-sizes = { $rnn_count ->
    [0] {""}
   *[other] 例が { $rnn_sizes } 個のときは RNN がはっきり上回りました。
  }
small-tie-sizes = { $tie_count ->
    [0] {""}
   *[other] { $tie_sizes } 個のときは引き分けでした。
  }
edge-sizes = { $edge ->
    [all] どの例の数でも、少なくとも一方のモデルで、試した中でいちばん小さいか大きい学習率が選ばれました。試していない学習率なら、もっと良かったかもしれません。
    [some] 例が { $edge_sizes } 個のときは、少なくとも一方のモデルで、試した中でいちばん小さいか大きい学習率が選ばれました。試していない学習率なら、そこではもっと良かったかもしれません。
   *[none] 選ばれた学習率は、どれも試した範囲の端ではありませんでした。
  }
small-cost = 重みの数は LSTM が { NUM($lstm_params) } 個、RNN が { NUM($rnn_params) } 個（{ NUM($params_ratio, digits: 2) } 倍）で、学習 1 ステップの掛け算・足し算は { NUM($flops_ratio, digits: 2) } 倍です。学習 1 ステップの時間の中央値は RNN が { NUM($rnn_step_ms, digits: 2) } ミリ秒、LSTM が { NUM($lstm_step_ms, digits: 2) } ミリ秒でした。例の数・シード・学習率がそろった組（{ $pairs } 組）ごとに比べると、LSTM は RNN の { NUM($step_ratio, digits: 2) } 倍（{ NUM($step_ratio_low, digits: 2) }〜{ NUM($step_ratio_high, digits: 2) } 倍）の時間がかかりました。
small-table-size = 学習用の例の数
small-table-rnn = RNN の正解率（中央値）
small-table-lstm = LSTM の正解率（中央値）
small-about = 印つき記号の記憶問題（{ $lag } ステップ前）で、学習用の例の数だけを変えた。{ $sizes_match ->
    [same] メモの大きさはどちらも { $lstm_hidden }
   *[different] メモの大きさは RNN が { $rnn_hidden }、LSTM が { $lstm_hidden }
  }、重みの数は RNN { NUM($rnn_params) }、LSTM { NUM($lstm_params) } で異なる。どちらも同じステップ数だけ学習し、学習率はモデルと例の数ごとに検証用データで選んだ。時間：数えないウォームアップ { $warmup_steps } ステップのあと { $timed_steps } ステップを計り、その中央値をその回の 1 ステップの時間とした。計算量：学習 1 ステップ（順伝播と逆伝播）の行列の積の掛け算・足し算を、層の大きさから数えた。
# explains: what the paper claims; whether ours agrees is the verdict v.small_data.paper
small-paper = Chung ら 2014（音楽と音声のデータ）：ゲートを持つユニット（LSTM、GRU）は、ふつうの tanh RNN より列をうまくモデル化する。私たちのは短い記憶の問題と小さな学習データなので、確かめたのは向きだけ

## 放課後の会話

talk-guessing-yuta = { $rnn_low_count ->
    [0] でも記号のグラフだと、RNN が当てずっぽうまで落ちたラグはなかったね。
   *[other] 記号のグラフだと、ラグ { $guessing_lag } の RNN は本当に当てずっぽうになってたね。
  }
talk-guessing-misaki = { $guessing ->
    [lstm_solved] どの回もね。そのラグで、LSTM はどの回も { PCT($solved_from) } 以上正解してた。
    [lstm_short] どの回もね。でもそのラグでは、LSTM もすべての回が解けたわけじゃなかったよ。
   *[never] うん、試したラグの範囲ではね。
  }
talk-cell = { $typically ->
    [held] 中をのぞいたモデルでは、だいたいそのままだった。テスト用の列の半分以上で、答えを運ぶセルは書き込んだ値の近くにとどまってたよ。
   *[moved] わたしもそう思ってたんだけど、違ったの！　中をのぞいたモデルでは、答えは印のところで書き込まれたまま止まってるんじゃなくて、待ってるあいだに組み立てられてた。箱は「そのまま持っておく」こともできるしくみだけど、どう使うかは練習しだいなんだね。
  }
talk-small = { $outcome ->
    [rnn_somewhere] そうとも限らないよ。短い問題で例が { $rnn_sizes } 個のときは、軽い RNN の方がはっきり上だったもん。
    [lstm_only] 短い問題でも、例が { $lstm_sizes } 個のときは LSTM がはっきり上だった。RNN のいいところは、軽いことかな。
   *[neither] 短い問題では、どの例の数でも引き分けだった。それなら軽い RNN でもいいかもね。
  }

## まとめ

sum-arch = RNN は 1 つのメモに新しい入力を混ぜていくしくみ、LSTM はそれに加えて、ゲートで書き込み・保持・取り出しができるセルを持つしくみです。そのぶん LSTM の層の重みは { NUM($lstm_ratio, digits: 2) } 倍になります。
summary-adding = { $outcome ->
    [agrees] 足し算の実験では、ラグ { $lag } で LSTM はどの回も解け、RNN はどの回も当てずっぽう並みでした。
    [partly] 足し算の実験では LSTM がはっきり上回ったラグもありましたが、RNN が当てずっぽうまで落ちたところではありませんでした。
   *[disagrees] 足し算の実験では、LSTM が RNN をはっきり上回ったラグはありませんでした。
  }
summary-recall = { $outcome ->
    [agrees] 記号の実験では、ラグ { $lag } で LSTM はどの回も解け、RNN はどの回も当てずっぽうでした。
    [partly] 記号の実験では LSTM がはっきり上回ったラグもありましたが、RNN が当てずっぽうまで落ちたところではありませんでした。
   *[disagrees] 記号の実験では、LSTM が RNN をはっきり上回ったラグはありませんでした。
  }
summary-cell = { $typically ->
    [held] 中をのぞいた LSTM 1 つでは、答えを運ぶセルが質問まで値を保っていました。
   *[moved] 中をのぞいた LSTM 1 つでは、答えを運ぶセルは値を保つのではなく、待っているあいだに答えを組み立てていました。
  }
summary-small = { $outcome ->
    [rnn_somewhere] 短い問題では、学習用の例が { $rnn_sizes } 個のとき、ふつうの RNN がはっきり上回りました。
    [lstm_only] 短い問題では、例が { $lstm_sizes } 個のとき LSTM がはっきり上回りました。ふつうの RNN がはっきり上回った例の数は、1 つもありませんでした。
   *[neither] 短い問題では、どの例の数でも、はっきり上回ったモデルはありませんでした。
  }
summary-speed = { $speed ->
    [rnn_faster] RNN の強みは、軽いことと、今回の CPU では 1 ステップが速いことです。
   *[not_faster] RNN の強みは軽いことです。今回の CPU では、1 ステップがいつも速いとは言えませんでした。
  }
