# GRU と LSTM の違い、日本語。1 つのメッセージが 1 文か 1 段落。変数は verdicts.py から
# （chigai.site.words）。本文はやさしく短く、細かい数字は折りたたみの中へ。

## 結論と、判定のしかた

short-memory = { $outcome ->
    [tie] **覚える力**：長さ { $longest } までの列で、はっきりした差は出ませんでした。
    [gru] **覚える力**：GRU が LSTM をはっきり上回る長さがありました。
    [lstm] **覚える力**：LSTM が GRU をはっきり上回る長さがありました。
   *[split] **覚える力**：長さによって、それぞれが相手をはっきり上回りました。
  }
short-counting = { $winner ->
    [lstm] **数える力**：練習の先まで数える力は、LSTM がはっきり上でした。
    [gru] **数える力**：練習の先まで数える力は、GRU がはっきり上でした。
   *[tie] **数える力**：練習の先まで数える力に、はっきりした差は出ませんでした。
  }
short-cost = { $torch_speed ->
    [faster] **手間**：GRU の重みは LSTM の { PCT($params_ratio) } で、手元の PyTorch ではどの大きさでも速く動きました。
    [slower] **手間**：GRU の重みは LSTM の { PCT($params_ratio) } なのに、手元の PyTorch ではどの大きさでも遅く動きました。
    [mostly_faster] **手間**：GRU の重みは LSTM の { PCT($params_ratio) } で、手元の PyTorch でもたいてい速く動きました。
    [mostly_slower] **手間**：GRU の重みは LSTM の { PCT($params_ratio) } なのに、手元の PyTorch ではたいてい遅めでした。
    [both_ways] **手間**：GRU の重みは LSTM の { PCT($params_ratio) } ですが、PyTorch での速さは大きさしだいでした。
    [some_faster] **手間**：GRU の重みは LSTM の { PCT($params_ratio) } で、PyTorch では遅い大きさはなく、速い大きさがありました。
    [some_slower] **手間**：GRU の重みは LSTM の { PCT($params_ratio) } なのに、PyTorch では速い大きさはなく、遅い大きさがありました。
   *[neither] **手間**：GRU の重みは LSTM の { PCT($params_ratio) } ですが、PyTorch ではっきり速い大きさはありませんでした。
  }
short-gates = { $bias_speed ->
    [lstm_bias1] **ゲート**：忘却ゲートを開きぎみに始めると、LSTM はどの回も速く学びました。
    [lstm] **ゲート**：忘却ゲートを開きぎみに始めると、LSTM はどの回もかえって遅く学びました。
   *[tie] **ゲート**：忘却ゲートを開きぎみに始めても、LSTM の学ぶ速さははっきり変わりませんでした。
  }
short-music = { $gru_vs_lstm ->
    [gru] **本物の音楽**：大きさ 1 つのモデルで、バッハの曲は GRU が LSTM より上でした。
    [lstm] **本物の音楽**：大きさ 1 つのモデルで、バッハの曲は LSTM が GRU より上でした。
   *[undecided] **本物の音楽**：大きさ 1 つのモデルで、バッハの曲ははっきりした差なしでした。
  }
judging = どのモデルも、重みの初期値を変えて何回か学習させました。初期値を決める乱数の種にちなんで、この 1 回 1 回を*シード*と呼びます。「はっきり上回った」と書くのは、一方のどのシードも、もう一方のいちばん良いシードを決まった差より大きく上回ったときだけです。差の大きさは実験のコードで先に決めてあり、届かなければ引き分けです。

## GRU で何が減るのか、実際に速いのか（verdict: step_cost）

# explains: how the cells are built, by design, not a measurement
cost-ask = まず重みを数えます。LSTM の層には重みのかたまりが 4 つあります。ゲート 3 つと、新しく書き込む中身の*候補*の分です。GRU の層では 3 つです。状態の大きさ、つまり*幅*をそろえると、GRU の重みは LSTM の { PCT($params_ratio) } で、その分だけ計算も減ります。
cost-how = ただ、計算が少なければ必ず速いとは限りません。よく磨かれたプログラムと、そうでないものがあるからです。そこで*学習 1 ステップ*の時間を測りました。列をひとまとまり読み、答えのずれを測って、すべての重みを 1 回直すまでです。測り方は 2 通りです。ひとつは *PyTorch の実装*、つまり PyTorch に用意された `nn.GRU` と `nn.LSTM` です。もうひとつは、2 つのセルを同じ書き方で動かす*同じ手書きループ*です。こちらでは、違うのはセルの中身だけになります。測ったのはどれも、1 台のコンピュータの CPU（計算を受け持つ部品）の、1 つのコアの上です。
cost-figure = 状態の幅ごとの、学習 1 ステップの時間。どちらの軸も対数目盛。実線は PyTorch の実装、破線は両方のセルを同じ手書きループで動かしたもの。線はすべての測定ステップの中央値、帯はいちばん速いステップからいちばん遅いステップまで。測った環境は { $device }。
cost-main = { $torch_speed ->
    [faster] PyTorch の実装では、どの幅でも GRU のほうが速く進みました。
    [slower] PyTorch の実装では、計算が少ないのに、どの幅でも GRU のほうが遅くなりました。
    [mostly_faster] PyTorch の実装では、すべてではないものの、多くの幅で GRU のほうが速く進みました。
    [mostly_slower] PyTorch の実装では、計算が少ないのに、すべてではないものの、多くの幅で GRU のほうが遅くなりました。
    [both_ways] PyTorch の実装では、GRU が速い幅もあれば、遅い幅もありました。
    [some_faster] PyTorch の実装では、GRU が遅い幅はなく、速い幅がありました。
    [some_slower] PyTorch の実装では、GRU が速い幅はなく、遅い幅がありました。
   *[neither] PyTorch の実装では、どの幅でもはっきりした差は出ませんでした。
  }
cost-loop = { $loop_speed ->
    [faster] 同じ手書きループでは、どの幅でも GRU のほうが速く、計算の少なさがそのまま表れました。
    [slower] 同じ手書きループでも、どの幅でも GRU のほうが遅くなりました。
    [mostly_faster] 同じ手書きループでは、多くの幅で GRU のほうが速く、計算の少なさが表れました。
    [mostly_slower] 同じ手書きループでも、多くの幅で GRU のほうが遅くなりました。
    [both_ways] 同じ手書きループでも、GRU が速い幅と遅い幅がありました。
    [some_faster] 同じ手書きループでは、GRU が遅くなる幅はなく、速い幅がありました。
    [some_slower] 同じ手書きループでは、GRU が速くなる幅はなく、遅い幅がありました。
   *[neither] 同じ手書きループでは、どの幅でもはっきりした差は出ませんでした。
  }
cost-gap = { $gap ->
    [implementation] ループで GRU が遅くなった幅は 1 つもありません。つまり PyTorch で GRU が遅くなった原因はセルではなく、このコンピュータ向けの PyTorch の 2 つの実装の作りにあります。なぜそうなるのかまでは測っていません。GPU では別のプログラムが動くので、GPU でも同じとは限りません。
   *[none] {""}
  }
cost-rule = 「速い」「遅い」は、{ $rounds } 回の測定のすべてで { PCT($faster_by) } 以上の差があったときだけです。それ以外はどちらでもないとしました。
cost-arithmetic = 幅を変えても、GRU の重みは LSTM の { PCT($params_low, digits: 1) }〜{ PCT($params_high, digits: 1) } でした。学習 1 ステップの行列計算は LSTM の { PCT($flops_ratio) } です。行列の積の浮動小数点演算、つまり 1 回 1 回の掛け算と足し算の数（FLOP）を、PyTorch の FLOP カウンタで数えました。ゲートの要素ごとの計算は数えていません。
# explains: measured ratios quoted from the result; 同じ names the shared loop
cost-ratios = GRU の 1 ステップの時間は、PyTorch の実装で LSTM の { NUM($torch_low) }〜{ NUM($torch_high) } 倍、同じ手書きループで { NUM($loop_low) }〜{ NUM($loop_high) } 倍でした。幅ごとに、測定の回をまたいだ中央値です。各回の幅は表にあります。
cost-gap-numbers = { $gap ->
    [implementation] 幅 { $width } で比べると、PyTorch は LSTM の 1 ステップを { NUM($torch_lstm_ms) } ミリ秒でこなしました。手書きのループでは { NUM($loop_lstm_ms) } ミリ秒です。GRU は PyTorch で { NUM($torch_gru_ms) } ミリ秒、ループで { NUM($loop_gru_ms) } ミリ秒でした。PyTorch の LSTM はループの { NUM($lstm_speedup, digits: 2) } 倍の速さで動き、GRU は { NUM($gru_speedup, digits: 2) } 倍でした。
   *[none] {""}
  }
cost-table-width = 幅
cost-table-params = 重み（GRU ÷ LSTM）
cost-table-flops = 行列計算の量（GRU ÷ LSTM）
cost-table-torch = 時間（GRU ÷ LSTM、PyTorch）：中央値（回ごとの幅）
cost-table-torch-quicker = 速かったほう（PyTorch、–：どちらでもない）
# explains: a table heading; the cells under it come from the verdicts
cost-table-loop = 時間（GRU ÷ LSTM、同じ手書きループ）
cost-table-loop-quicker = 速かったほう（ループ）
cost-about = 幅ごとに各セルを 1 層ずつ作り、{ $length } ステップのランダムな列 { $batch } 本のまとまりを読ませました。学習 1 ステップ（順伝播と逆伝播）を、数えないウォームアップ { $warmup } ステップのあとで 1 回あたり { $repeats } ステップずつ、重みを作り直して { $rounds } 回計っています。正解率を競う学習ではないので、学習率は選んでいません。行列積の FLOP を PyTorch の FlopCounterMode で数えました。同じ幅の 2 つのセルは状態の大きさが同じで、重みの数は違います。
# explains: a paper's claim as published, not our measurement
cost-paper = Cho ら 2014：GRU は LSTM にならって作られたが「計算も実装もずっと単純」で、ゲートは 2 つ（今回確かめるのは、同じ幅で重みと行列計算が少ないかどうかだけ。1 ステップの時間は私たち自身の問い）

## 長く覚える力（verdict: long_memory）

mem-ask = [RNN と LSTM の違い](rnn-vs-lstm.md)でも使った「足し算問題」をもう一度使います。数が 1 つずつ流れてきて、そのうち 2 つに印がついています。最後に、印のついた 2 つの数の和を答えます。
# explains: how the experiment was set up, not a result
mem-task = 列の長さを T ステップとして、この T を*ラグ*と呼びます。1 つめの印は列の前半にあるので、その数を少なくとも T の半分のあいだ覚えておく必要があります。今回は LSTM、GRU、ふつうの RNN の 3 つに、同じ数の重みを持たせました。
mem-figure = ラグ T ごとのテストの誤差。対数目盛で、低いほどよく覚えています。破線はいつも平均を答える当てずっぽう。点線より下なら「解けた」です。線はシードの中央値、帯はいちばん悪いシードからいちばん良いシードまで。
mem-main = { $outcome ->
    [tie] 長さ { $longest } までのどのラグでも、GRU と LSTM のどちらもはっきりとは上回りませんでした。
    [gru] 長さ { $longest } までのうち、GRU が LSTM をはっきり上回るラグがありました。LSTM が上回ったラグはありません。
    [lstm] 長さ { $longest } までのうち、LSTM が GRU をはっきり上回るラグがありました。GRU が上回ったラグはありません。
   *[split] 長さ { $longest } までのうち、GRU が上回るラグも、LSTM が上回るラグもありました。
  }
mem-solved = { $solved ->
    [all] どちらも、すべてのラグをすべてのシードで解きました。
   *[not_all] ただし、すべてのラグをすべてのシードで解けたわけではありません。数は下にあります。
  }
mem-rnn = { $over_rnn ->
    [both_everywhere] 重みの数が同じでも、どのラグでも、2 つともふつうの RNN をはっきり上回りました。
    [both_somewhere] 重みの数が同じでも、2 つともふつうの RNN をはっきり上回るラグがありました。
    [gru_only] ふつうの RNN をはっきり上回るラグがあったのは、GRU だけでした。
    [lstm_only] ふつうの RNN をはっきり上回るラグがあったのは、LSTM だけでした。
   *[neither] どのラグでも、ふつうの RNN をはっきり上回ることはありませんでした。
  }
mem-rnn-guess = { $rnn ->
    [guessing] RNN は、どのラグでも当てずっぽうに近いままでした。
   *[learned] RNN も、当てずっぽうよりずっと小さな誤差まで下がったシードがありました。
  }
mem-rule = 「解けた」は、テストの誤差が当てずっぽうの誤差（{ NUM($base) }）の { PCT($solved_share) } を下回ったシードです。「当てずっぽうに近い」は、その { PCT($guess_share) } を上回ったときです。「はっきり上回る」には、一方のどのシードも、もう一方のいちばん良いシードより、当てずっぽうの誤差の { PCT($margin_share) } を超えて小さい必要があります。
mem-models = { $matched ->
    [matched] 重みの数は { PCT($params_gap, digits: 2) } 以内でそろえました。
   *[not_matched] 重みの数は最大 { PCT($params_gap, digits: 2) } 違います。
  }幅 { $lstm_width } の LSTM が { NUM($lstm_params) } 個、幅 { $gru_width } の GRU が { NUM($gru_params) } 個、幅 { $rnn_width } の RNN が { NUM($rnn_params) } 個です。
mem-gru-lower = { $gru_lower_count ->
    [0] {""}
   *[other] ラグ { $gru_lower_lags } では、GRU のどのシードも LSTM のどのシードより誤差が小さくなりました。ただし決めた差には届かないので、引き分けです。
  }
mem-lstm-lower = { $lstm_lower_count ->
    [0] {""}
   *[other] ラグ { $lstm_lower_lags } では、LSTM のどのシードも GRU のどのシードより誤差が小さくなりました。ただし決めた差には届かないので、引き分けです。
  }
mem-margin = { $lower ->
    [within_margin] そこでは両方のどのシードも、誤差そのものが決めた差より小さく、今回の物差しではもともと見分けようがありませんでした。
    [beyond_margin] そこでは誤差そのものは決めた差より大きいのに、2 つの差は届きませんでした。
   *[none] {""}
  }
mem-chung = Chung らは 2014 年に、楽譜の形の音楽と録音した音声でこれらを比べました。重みの数をそろえたのは私たちと同じですが、彼らは本物のデータを使い、今回は作りものの問題 1 つです。その問題の範囲では、{ $paper ->
    [agrees] 彼らの結果と同じでした。ゲートのある 2 つがふつうの RNN を上回り、2 つの差は小さいままでした。
    [partly] 彼らの結果と合ったのは一部だけです。
   *[disagrees] 彼らの結果とは違いました。
  }
mem-table-lag = ラグ T
mem-table-rnn = RNN の誤差
mem-table-gru = GRU の誤差
mem-table-lstm = LSTM の誤差
# explains: a table heading; the cells under it come from the verdicts
mem-table-solved = 解けたシード：GRU · LSTM · RNN
mem-table-ahead = はっきり上（–：引き分け）
mem-table-lower = どのシードでも誤差が小さい
mem-table-note = 誤差は { $seeds } シードの中央値で、当てずっぽうの誤差を 100 としたときの値です。100 なら当てずっぽうと同じです。
mem-about = 足し算問題（Hochreiter & Schmidhuber 1997。Le, Jaitly & Hinton 2015 の 2 チャンネル版）。RNN・GRU・LSTM の重みの数は { PCT($params_gap, digits: 2) } 以内でそろえました（{ NUM($rnn_params) }、{ NUM($gru_params) }、{ NUM($lstm_params) } 個）。シードごとに、3 つとも同じデータ・同じステップ数で、下の一覧のすべての学習率で学習させ、モデルとラグごとに別の検証用データで誤差の中央値がいちばん小さい学習率を選んでから、見たことのないテスト用の列で採点しました。
# explains: a paper's claim as published, not our measurement
mem-paper = Chung ら 2014：ゲートのあるユニット（GRU・LSTM）は tanh の RNN を上回り、GRU と LSTM の差は小さい

## 本物の音楽（verdict: bach_chorales）

# explains: how the experiment was set up, not a result
music-ask = ここまでの問題は、すべて作りものでした。本物の音楽は、こうしたネットワークが実際に使われる場面に近いデータです。Chung らが比べたデータにも、音楽がありました（ほかに音声も）。使ったのは J. S. バッハのコラール { $chorales } 曲です。ソプラノ・アルト・テノール・バスの 4 声で歌う、短い賛美歌です。
# explains: how the experiment was set up, not a result
music-task = 1 曲を*ピアノロール*の形にします。1 拍ごとに、ピアノの 88 の鍵盤のどれが鳴っているかに印をつけた表です。モデルは曲を 1 拍ずつ聞き、次の拍の前に、どの鍵盤が鳴りそうかを鍵盤ごとに確率で答えます。点数は、バッハが実際に書いた音にどれだけ驚いたかです（*NLL*。下で説明します）。低いほど良い予想です。
music-figure = コラール { $shown }。どのモデルも学習中には見ていない曲です。縦が鍵盤、横が拍です。四角が濃いほど、その拍の前に「この鍵盤が鳴る」と強く予想していました。点はバッハが書いた音です。どのモデルもシード 1 の結果です。
music-main = { $gru_vs_lstm ->
    [gru] バッハのコラールでは、1 つの大きさのモデルを 1 台のコンピュータで試した範囲で、GRU のほうが LSTM より、次の拍をはっきり上手に予想しました。{ $seeds } シードのうち { $gru_ahead } シードで上回っています。
    [lstm] バッハのコラールでは、1 つの大きさのモデルを 1 台のコンピュータで試した範囲で、LSTM のほうが GRU より、次の拍をはっきり上手に予想しました。{ $seeds } シードのうち { $lstm_ahead } シードで上回っています。
   *[undecided] バッハのコラールでは、1 つの大きさのモデルを 1 台のコンピュータで試した範囲で、GRU と LSTM のどちらも、次の拍をはっきり上手には予想できませんでした。{ $seeds } シードのうち、GRU が上回ったのは { $gru_ahead }、LSTM は { $lstm_ahead } シードです。
  }
music-rnn = { $over_rnn ->
    [both] ゲートのある 2 つは、ふつうの RNN より、はっきり上手に予想しました。
    [gru_only] ふつうの RNN をはっきり上回ったのは、GRU だけでした。
    [lstm_only] ふつうの RNN をはっきり上回ったのは、LSTM だけでした。
   *[neither] ゲートのある 2 つのどちらも、ふつうの RNN をはっきりとは上回りませんでした。
  }
music-rnn-ahead = { $rnn_ahead ->
    [gru] しかも、ふつうの RNN のほうが GRU よりはっきり上手でした。
    [lstm] しかも、ふつうの RNN のほうが LSTM よりはっきり上手でした。
    [both] しかも、ふつうの RNN のほうが、2 つのどちらよりもはっきり上手でした。
   *[none] {""}
  }
music-narrow = { $narrow ->
    [gru] ただし GRU の RNN への勝ちは、決まりが認めるぎりぎりでした。RNN はまだ良くなる途中で止まったので、もっと学習させると変わるかもしれません。
    [lstm] ただし LSTM の RNN への勝ちは、決まりが認めるぎりぎりでした。RNN はまだ良くなる途中で止まったので、もっと学習させると変わるかもしれません。
   *[none] {""}
  }
music-seeds-figure = モデルごとのテストの NLL（1 拍あたり。低いほど良い）。点は { $seeds } のシード、細い線は同じシードの 3 つの結果を結んだもの、横棒は中央値、星は Chung ら（2014）が発表した値です。
music-capped = { $capped_any ->
    [some] 選んだ学習率での本番の学習 { $runs } 回のうち { $capped } 回は、ステップ数の上限に来たときもまだ良くなり続けていました。その分の点数は、まだ良くなる余地を残しているかもしれません。
   *[none] {""}
  }
music-chung = { $paper ->
    [agrees] これは Chung ら（2014）と同じ結果です。同じ種類の音楽で、ゲートのある 2 つはどちらもふつうの RNN を上回っていました。
    [partly] Chung ら（2014）と合ったのは一部だけです。彼らの実験では、ゲートのある 2 つがどちらもふつうの RNN を上回りましたが、ここで上回ったのは 1 つだけでした。
   *[disagrees] これは Chung ら（2014）の結果とは違います。彼らの実験では、ゲートのある 2 つがどちらもふつうの RNN を上回っていました。
  }{ $gru_vs_lstm ->
    [lstm] 彼らの実験では GRU のほうが LSTM より良い点でした。彼らはこの差を決定的とは言っていません。ここでは LSTM がはっきり上でした。
    [gru] 彼らの実験でも GRU のほうが LSTM より良い点でした。
   *[undecided] 彼らの実験では GRU のほうが LSTM より良い点でした。彼らはこの差を決定的とは言っていません。ここではどちらもはっきり上ではありませんでした。
  }下の表に彼らの数字と私たちの数字を並べ、やり方の違いも書きました。
# explains: how the experiment was set up, not a result
music-nll = *NLL*（負の対数尤度）は「驚きの大きさ」です。鍵盤ごとに、鳴るか鳴らないかの正解に 1/2 の確率をつけていれば、その鍵盤の驚きは 0.69、1/100 なら 4.6 です。これを 1 拍の 88 鍵盤ぶん足し、テスト用の { $test } 曲のすべての拍で平均しました。
music-rule = ここでは、上の節とは違う決まりを使い、シードも増やしました。シード *s* では、3 つのモデルが同じ順番で同じ曲を学んだので、シードごとに公平な 1 対 1 の勝負になります。{ $decidable ->
    [yes] { $seeds } シードのうち { $needed } シード以上で、1 拍あたり { NUM($margin) } を超える差をつけて勝ったときだけ、「はっきり上手」と言います。2 つの実力が同じなら、偶然こうなるのは多くても { PCT($chance, digits: 1) } です。
   *[no] シードが { $seeds } つしかないと、何勝しても偶然と見分けられないので、ここでの比べ方はすべて「決まらない」になります。
  }
music-models = { $matched ->
    [matched] 重みの数は { PCT($params_gap, digits: 2) } 以内でそろえました。
   *[not_matched] 重みの数は最大 { PCT($params_gap, digits: 2) } 違います。
  }幅 { $lstm_width } の LSTM が { NUM($lstm_params) } 個、幅 { $gru_width } の GRU が { NUM($gru_params) } 個、幅 { $rnn_width } の RNN が { NUM($rnn_params) } 個です。
music-tuning = { $bound_hit ->
    [some] 学習率はモデルごとに { $tuning_seeds } つのシードで探しました。3 倍か 3 分の 1 にずらしながら、いちばん良い学習率の両側により悪い学習率が来るまで続けます。ただし少なくとも 1 つのモデルでは、その前に私たちが決めた限界で探すのをやめました。そのあと、すべてのシードを選んだ学習率で学習させました。
   *[none] 学習率はモデルごとに { $tuning_seeds } つのシードで探しました。3 倍か 3 分の 1 にずらしながら、いちばん良い学習率の両側により悪い学習率が来るまで続けます。そのあと、すべてのシードを選んだ学習率で学習させました。
  }
music-gap = 私たちの中央値と Chung らの数字の差は、1 拍あたり { NUM($gap_low, digits: 2) }〜{ NUM($gap_high, digits: 2) } です。上限でもまだ良くなっていた { $capped } 回の内訳は、RNN { $rnn_capped } 回、GRU { $gru_capped } 回、LSTM { $lstm_capped } 回です。
music-table-model = モデル
music-table-ours = 私たちの NLL（中央値）
music-table-spread = シードの最小〜最大
music-table-published = Chung ら 2014
music-table-lr = 学習率
music-table-params = 重みの数
music-table-improving = 上限でもまだ良くなっていたシード
music-table-note = 曲は作品ごとに分けました。学習用 { $train } 曲、学習率と止めどきを決める検証用 { $validation } 曲、テスト用 { $test } 曲です。Chung らは JSB の分け方（229・76・77 曲）、重みにノイズを加える RMSProp、独自の学習スケジュールを使いました（RMSProp も Adam も、学習で重みを直すやり方の名前です）。私たちは Adam を使い、ノイズは加えず、コラールは music21 から自分たちで作り直し、検証用の NLL がしばらく良くならなくなったところで止めました（最大 { NUM($cap) } ステップ）。
# explains: how the experiment was set up, not a result
music-about = music21 に入っているバッハのコラール { $chorales } 曲で、次の拍を予想します。Boulanger-Lewandowski ら（2012）にならってピアノロールにしました（4 分音符ごとに 1 行、88 鍵盤、ハ長調かハ短調に移調）。RNN・GRU・LSTM の重みは { NUM($rnn_params) }、{ NUM($gru_params) }、{ NUM($lstm_params) } 個です。学習率は { $tuning_seeds } つのシードで探し、{ $seeds } 組の対になったシードを選んだ学習率で、検証用の NLL が良くならなくなるまで（最大 { NUM($cap) } ステップ）学習させ、見たことのないテスト用の曲で採点しました。
# explains: a paper's claim as published, not our measurement
music-paper = Chung ら 2014：JSB コラールのテスト NLL は GRU 8.54、LSTM 8.67、tanh の RNN 9.10。ゲートのあるユニットは tanh の RNN を上回る

## 数える力（verdict: counting_anbn）

count-ask = 今度は、数を数えないと解けない問題です。a がいくつか並び、そのあとに b が並んだ文字列を、1 文字ずつ読ませます。1 文字読むたびに、ここまでが「a が n 個、続いて b がちょうど n 個」なら「はい」、違えば「いいえ」と答えます。答えるには、a の数を数え、b が来るたびにそこから引いていく必要があります。
count-test = 練習では n = { $trained } までを使い、そのあと n = { $last } までの長い文字列で試しました。1 つの文字列の答えがすべて正しいとき、そのシードはその n を「正しく判定できた」とします。
count-figure = 学習した範囲より大きな n ごとに、aⁿbⁿ のすべてのステップを正しく判定できたシードの割合。LSTM は実線、GRU は破線。網かけは学習に使った n の範囲。
count-fit = { $fit ->
    [all] 練習した文字列は、どちらもすべてのシードで覚えられました。
   *[not_all] 練習した文字列を覚えきれなかったシードもありました。数は折りたたみの中にあります。
  }
count-main = { $winner ->
    [lstm] 小さなモデル 1 つずつで比べると、LSTM のどのシードも、GRU のどのシードより先まで正しく数え続けました。
    [gru] 小さなモデル 1 つずつで比べると、GRU のどのシードも、LSTM のどのシードより先まで正しく数え続けました。
   *[tie] 小さなモデル 1 つずつで比べると、どちらかがはっきり先まで数え続けた、ということはありませんでした。
  }
count-reach = { $reach ->
    [lstm_only] ただ、練習した範囲の 2 倍まで正しく判定できたシードは LSTM にだけあり、それも { $seeds } つのうち { $lstm_twice } つでした。
    [gru_only] ただ、練習した範囲の 2 倍まで正しく判定できたシードは GRU にだけあり、それも { $seeds } つのうち { $gru_twice } つでした。
    [both] 練習した範囲の 2 倍まで正しく判定できたシードは、どちらにもありました。
   *[neither] 練習した範囲の 2 倍まで正しく判定できたシードは、どちらにもありませんでした。
  }
count-setup = Weiss・Goldberg・Yahav は 2018 年に、ここで差がつくと予想しました。LSTM のセルにはいくらでも大きくなる数を入れておけるので、数え続けられます。GRU の状態は −1 から 1 のあいだに押し込められるので、n が大きくなると数がぼやけます。ただし今回の試し方は彼らと同じではありません。練習した文字列は短く、学習のステップ数は決まっていて、モデルはそれぞれ小さなもの 1 つです。しかも、文字列の途中の答えが 1 つでも違えば不正解にしています。
count-paper = { $paper_case ->
    [agrees] その範囲では、予想どおりに分かれました。LSTM はすべてのシードが 2 倍まで届き、GRU は 1 つも届かず、LSTM がはっきり先まで数えました。
    [lstm_ahead] その範囲では、予想と合ったのは一部だけでした。LSTM ははっきり先まで数えましたが、2 倍まで届かないシードもありました。
    [lstm_reach] その範囲では、予想と合ったのは一部だけでした。予想どおり、GRU のシードは 1 つも 2 倍まで届きませんでした。ただ、届いた LSTM のシードも { $seeds } つのうち { $lstm_twice } つだけで、LSTM がはっきり上とは言えませんでした。
    [tie] その範囲では、予想と合ったのは一部だけでした。LSTM がはっきり上とは言えませんでした。
   *[disagrees] その範囲では、予想と逆になりました。GRU のほうがはっきり先まで数えました。
  }
count-caveat = セルの中身までは調べていません。だから LSTM のいちばん良いシードが、Weiss らの LSTM のようにセルで数を数えていたのかはわかりません。後の研究では、LSTM が数えられるかどうかは学習のさせ方に大きく左右される、と報告されています。Suzgun・Belinkov・Shieber による 2019 年の研究です。
count-rule = 練習に使ったのは n = 1〜{ $trained } のうち { $held_out } を除いたすべてで、除いた n は各モデルの学習率を選ぶためにとっておきました。学習率とは、学ぶときに重みを一度にどれだけ動かすかです。そのあと n = { $first }〜{ $last } のすべてで試しました。どの文字列も、釣り合う位置からさらに b を 2 つ続けているので、b が足りない場合だけでなく、1 つ多い・2 つ多い場合も問うことになります。
count-models = { $matched ->
    [matched] GRU と LSTM の重みの数はそろえてあります
   *[not_matched] GRU と LSTM の重みの数はそろっていません
  }（{ NUM($gru_params) } 個と { NUM($lstm_params) } 個）。
count-lstm = LSTM：練習した文字列をすべて正しく判定できたのは { $seeds } シード中 { $lstm_fits } シード。続けて正しく判定できた n は、シードによって n = { $lstm_low }〜{ $lstm_high } まで（中央値 { $lstm_median }）。練習した範囲の 2 倍（{ $twice }）まで届いたのは { $lstm_twice } シード、テストの最後（{ $last }）まで届いたのは { $lstm_end } シード。
count-gru = GRU：練習した文字列をすべて正しく判定できたのは { $seeds } シード中 { $gru_fits } シード。続けて正しく判定できた n は、シードによって n = { $gru_low }〜{ $gru_high } まで（中央値 { $gru_median }）。練習した範囲の 2 倍（{ $twice }）まで届いたのは { $gru_twice } シード、テストの最後（{ $last }）まで届いたのは { $gru_end } シード。
count-win-rule = { $winner ->
    [lstm] LSTM のどのシードも、GRU のどのシードより n で { NUM($margin) } を超えて先まで数えられました。
    [gru] GRU のどのシードも、LSTM のどのシードより n で { NUM($margin) } を超えて先まで数えられました。
   *[tie] 勝ちとするのは、一方のいちばん悪いシードが、もう一方のいちばん良いシードを n で { NUM($margin) } より大きく上回ったときだけです。今回はどちらもそうならず、引き分けです。
  }
count-best = LSTM のいちばん良いシードは n = { $lstm_high } まで続けて正解し、練習した最大の n の { NUM($lstm_best_times, digits: 2) } 倍に届きました。LSTM の { $seeds } シード中 { $lstm_short } シードは、練習した範囲の 2 倍に届きませんでした。
count-table-n = n の上限
count-table-lstm = すべての n を正しく判定できた LSTM のシード（{ $seeds } シード中）
# explains: a table heading; the cells under it come from the verdicts
count-table-gru = 同じく GRU のシード（{ $seeds } シード中）
count-about = aⁿbⁿ を、1 文字ごとに「はい／いいえ」で答える形にしました。1 層の GRU と LSTM（重み { NUM($gru_params) } 個と { NUM($lstm_params) } 個）を、とっておいた n を除く n = 1〜{ $trained } で、下の一覧のすべての学習率・{ $seeds } シードで学習させ、とっておいた n での損失で学習率を選んでから、n = { $last } までのすべてを試しました。
# explains: a paper's claim as published, not our measurement
count-paper-line = Weiss, Goldberg & Yahav 2018：LSTM は数を数えることを覚え、学習した n より大きな aⁿbⁿ も判定できる。GRU はできない

## LSTM のどの部品が効いているのか（verdict: gate_ablations）

# explains: the papers' questions, and how the forget-gate bias works by design
abl-ask = GRU は、おおまかに言えば、LSTM から部品を抜いて 2 つのゲートを連動させたものです。Greff らは、LSTM の部品を 1 つずつ外しては何千ものネットワークを学習させ、どれなら外してよいかを調べました。Jozefowicz・Zaremba・Sutskever は、LSTM よりよい形を探して、1 万を超える構造を試しました。その発見の一つが、忘却ゲートの*バイアス*です。バイアスとは、ゲートが開き具合を決める前に足される数です。これを 0 から始めると、できたばかりの LSTM の忘却ゲートは半分開いた状態です。1 から始めると 4 分の 3 ほど開いた状態になり、記憶が薄れにくくなります。彼らによると、これで LSTM と GRU の差が埋まります。
abl-task = そこで、スイッチで部品を切り替えられる LSTM のセルを作り、忘れることが大事になる問題で { $variants } つのモデルを学習させました。記号が { $length } 個流れ、そのうち 2〜{ $marks } 個に印がついています。最後に、**最後の**印がついた記号を答えます。新しい印が来るたびに、覚えていた答えは間違いになります。だから古い答えを捨てて、新しい答えを持ち続けなければなりません。当てずっぽうだと { PCT($chance, digits: 1) } しか当たりません。
abl-figure = それぞれのテストの正解率。棒はシードの中央値、点は 1 つ 1 つのシード。破線は当てずっぽう。
abl-main = { $accuracy ->
    [all_tie] この問題の正解率では、どのモデルもふつうの LSTM と引き分けでした。どの部品を変えても、はっきりした差は出ていません。
   *[some_differ] この問題の正解率では、はっきり差がついたモデルがありました。どれかは下の表にあります。
  }
abl-weak = { $test ->
    [weak_both] ただ、この比べ方では差が出にくい状況でした。ふつうの LSTM のいちばん良いシードは 100% 近くまで届いていて、それを上回ることはもともとできません。いちばん悪いシードは解けておらず、「はっきり下」になるには、すべてのシードがそれよりさらに悪い必要がありました。
    [weak] ただ、この比べ方では差が出にくい状況でした。ふつうの LSTM のいちばん良いシードが 100% 近くまで届いていて、それを上回ることはもともとできなかったからです。
   *[fair] {""}
  }
abl-speed = { $bias_speed ->
    [lstm_bias1] 差がついたのは、学ぶ速さのほうです。学習中の*損失*は、答えのずれの大きさです。これが当てずっぽうの損失の半分まで下がるのは、忘却ゲートを開きぎみに始めた LSTM のほうが、ふつうの LSTM よりどのシードでも早くなりました。
    [lstm] 学ぶ速さでは、逆の差がつきました。学習中の*損失*は、答えのずれの大きさです。これが当てずっぽうの損失の半分まで下がるのは、ふつうの LSTM のほうが、忘却ゲートを開きぎみに始めた LSTM よりどのシードでも早くなりました。
   *[tie] 学ぶ速さでも、2 つの LSTM ははっきり分かれませんでした。学習中の*損失*、つまり答えのずれの大きさが当てずっぽうの損失の半分まで下がる時期は、シードによって重なりました。
  }
abl-gru-speed = { $gru_speed ->
    [fastest] GRU は、そのどちらよりも早くそこまで下がりました。
   *[not_fastest] GRU が、その両方よりはっきり早かったわけではありません。
  }
abl-rates = { $rates ->
    [same] *学習率*は、学ぶときに重みを一度にどれだけ動かすかを決める数です。どのモデルも、*検証用データ*で同じ値を選びました。検証用データとは、学習には使わず、設定を選ぶためだけにとっておく例です。だから速さの差は学習率のせいではありません。
    [pair_same] *学習率*は、学ぶときに重みを一度にどれだけ動かすかを決める数です。各モデルは、これを*検証用データ*で選びました。検証用データとは、学習には使わず、設定を選ぶためだけにとっておく例です。2 つの LSTM は同じ学習率を選んだので、その 2 つの速さの差は学習率のせいではありません。ほかのモデルは別の学習率を選んだので、その速さの一部は学習率から来ているかもしれません。
   *[differ] *学習率*は、学ぶときに重みを一度にどれだけ動かすかを決める数です。各モデルは、これを*検証用データ*で選びました。検証用データとは、学習には使わず、設定を選ぶためだけにとっておく例です。選ばれた学習率はモデルごとに違うので、速さの差の一部は学習率から来ているかもしれません。
  }
abl-loss-figure = ふつうの LSTM、忘却バイアス 1 の LSTM、GRU の学習中の損失。対数目盛で、それぞれ選ばれた学習率のもの。点線は目安で、当てずっぽうの損失の半分。線はシードの中央値、帯はいちばん良いシードからいちばん悪いシードまで。
abl-greff-setup = Greff らは、音声・手書き文字・音楽という実際のデータで、モデルごとにたくさんの設定を試しました。彼らの LSTM には、今回のセルにはない*のぞき穴結合*もあります。ゲートが記憶セルの中身を直接のぞける配線です。出力の tanh が効くのはセルの値が大きく育つときだろう、とも彼らは考えていて、短い問題ではそこまで育たないのかもしれません。今回は小さな問題 1 つで、シードは { $seeds } つずつです。その範囲で、正解率を見ると、
abl-nfg = { $nfg ->
    [hurts] 忘却ゲートを外すとはっきり悪くなり、
    [helps] 忘却ゲートを外すとはっきり良くなり、
   *[tie] 忘却ゲートを外してもはっきりした差は出ず、
  }
abl-noaf = { $noaf ->
    [hurts] 出力の tanh を外すとはっきり悪くなり、
    [helps] 出力の tanh を外すとはっきり良くなり、
   *[tie] 出力の tanh を外してもはっきりした差は出ず、
  }
abl-cifg = { $cifg ->
    [hurts] 入力ゲートを忘却ゲートに連動させるとはっきり悪くなりました。
    [helps] 入力ゲートを忘却ゲートに連動させるとはっきり良くなりました。
   *[tie] 入力ゲートを忘却ゲートに連動させてもはっきりした差は出ませんでした。
  }
abl-greff = { $paper_greff ->
    [agrees] これは Greff らの結果と合っています。
    [partly] Greff らは、はじめの 2 つで悪くなり、3 つめでは悪くならないと報告しています。合ったのは一部だけです。
   *[disagrees] Greff らの結果とは違います。彼らは、はじめの 2 つで悪くなり、3 つめでは悪くならないと報告しています。
  }
# explains: a paper's claim as published, not our measurement
abl-joz-setup = Jozefowicz らは、もっと大きな問題で、たくさん調整した中のいちばん良い結果を比べました。今回は小さな問題 1 つで、各モデルが選んだ学習率 1 つだけです。彼らの主張は 3 つに分けられます。GRU は LSTM に負けない。バイアス 1 は LSTM を助ける。バイアス 1 の LSTM には、GRU の優位がなくなる。
abl-joz-gru = { $gru_accuracy ->
    [tie] 今回、正解率では GRU はふつうの LSTM に負けず、勝ちもしませんでした。
    [gru] 今回、正解率では GRU がふつうの LSTM に勝ちました。
   *[lstm] 今回、正解率では GRU がふつうの LSTM に負けました。
  }
abl-joz-bias = { $bias_helps ->
    [accuracy] バイアス 1 は、正解率で LSTM を助けました。
    [speed] バイアス 1 が LSTM をはっきり助けたのは学ぶ速さで、正解率でははっきりした差は出ませんでした。
   *[no] バイアス 1 は、正解率でも学ぶ速さでも、はっきりとは助けになりませんでした。
  }
abl-joz-gap = { $gru_over_bias1 ->
    [accuracy] バイアス 1 の LSTM に対しても、GRU は正解率で上のままでした。
    [speed] バイアス 1 の LSTM とは正解率で引き分けでしたが、学ぶ速さでは GRU がまだはっきり上でした。
   *[no] バイアス 1 の LSTM に対して、GRU が上ということはなくなりました。
  }
abl-joz = { $paper_jozefowicz ->
    [agrees] 彼らの描いたとおりです。
    [partly] 彼らの描いたとおりになったのは一部だけです。
   *[disagrees] 彼らの描いたとおりにはなりませんでした。
  }
abl-weights = { $variants } つとも状態の幅は { $width } です。ゲートを外したり連動させたりすると重みも減り、NFG・CIFG・GRU の重みは LSTM（{ NUM($lstm_params) } 個）の { PCT($fewer_share) } です。
# explains: one model's own seeds quoted from the result, no comparison typed
abl-lstm-seeds = ふつうの LSTM のシードは { PCT($lstm_low, digits: 1) }〜{ PCT($lstm_high, digits: 1) }（中央値 { PCT($lstm_median, digits: 1) }）とばらつき、解けたのは { $seeds } シード中 { $lstm_solved } シードでした。このため「はっきり下」になるのはすべてのシードが { PCT($hurt_below, digits: 1) } を下回ったときだけ、「はっきり上」はすべてのシードが { PCT($help_above) } を上回ったときだけです。
abl-rule = 「解けた」はテストの質問の { PCT($solved_from) } 以上に正しく答えたこと。正解率で「はっきり上」は、一方のどのシードも、もう一方のいちばん良いシードをテストの質問の { PCT($win_margin) } 分より大きく上回ったことです。「はっきり下」はその逆です。目安に「早く届いた」は、一方のいちばん遅いシードが、もう一方のいちばん早いシードより { $step_margin } ステップを超えて先に届いたときだけです。{ NUM($steps) } ステップのうちに届かなかったシードは、最後の記録の次で届いたものとして数えます。
abl-table-model = モデル
abl-table-params = 重み
abl-table-lr = 学習率
abl-table-accuracy = テストの正解率：中央値（最悪〜最良のシード）
abl-table-solved = 解けたシード
abl-table-steps = 目安に届いたステップ（中央のシード、–：届かず）
abl-table-never = 届かなかったシード
# explains: a table heading; the cells under it come from the verdicts
abl-table-accurate = ふつうの LSTM より正解率ではっきり上（–：引き分け）
# explains: a table heading; the cells under it come from the verdicts
abl-table-quicker = ふつうの LSTM よりはっきり早く目安へ（–：引き分け）
# explains: how the experiment was set up, not a result
abl-about = いくつかの印のうち最後の印の記号を答える問題。列の長さ { $length }、記号 { $symbols } 種類、印は 2〜{ $marks } 個で、最後の印は質問の { $hold } ステップ以上前。{ $lstm_variants } つの LSTM は、スイッチ付きの手書きのセル 1 つから作りました（Greff らの LSTM にあるのぞき穴結合はありません）。GRU は PyTorch のものです。状態の幅はすべて { $width }、バイアスは 2 つめのモデルの忘却バイアスを除いて 0 から始めました。それぞれ { NUM($steps) } ステップ、下の一覧のすべての学習率・{ $seeds } シードで学習させ、別の検証用データで学習率を選んでから（正解率が同じなら検証用データの損失で決定）、見たことのないテスト用の列で採点しました。最後の印から質問までの最小の間隔と学習のステップ数は、ふつうの LSTM がほとんどのシードで学べるように、試しに動かしてから決めました。
# explains: a paper's claim as published, not our measurement
abl-paper = Greff ら 2017：忘却ゲートや出力の tanh を外すと LSTM の成績は大きく落ち、入力ゲートと忘却ゲートを連動させてもほとんど変わらない。Jozefowicz ら 2015：GRU は LSTM と同等以上で、忘却ゲートのバイアスを 1 にすると差がほぼ埋まる
