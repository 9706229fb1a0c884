# RNN と LSTM の違い、日本語。1 つのメッセージが 1 文か 1 段落。変数は verdicts.py から
# （chigai.site.words）。本文はやさしく、細かい数字は折りたたみの中へ。

## RNN の出番はある？（verdict: small_data）

small-ask = 「ふつうの RNN は、短い列やデータが少ないときに向いている」とよく言われます。そこで、短い記憶の問題を、学習用の例をとても少なくしたり多くしたりして、両方に解かせました。
small-main = { $outcome ->
    [rnn_somewhere] 学習用の例の数によっては、ふつうの RNN が LSTM をはっきり上回りました。しかも RNN のほうが小さなモデルです。
    [lstm_only] 短い列で、例が少なくても、ふつうの RNN が LSTM をはっきり上回ることは一度もありませんでした。
   *[neither] どの例の数でも、はっきり上回ったモデルはありませんでした。
  }
small-speed = { $speed ->
    [rnn_faster] それでも RNN は軽くて速いモデルです。LSTM の重みは RNN の { NUM($params_ratio, digits: 2) } 倍あり、測ったすべての組で RNN の学習のほうが速く進みました。
   *[not_faster] それでも RNN は軽いモデルです。LSTM の重みは RNN の { NUM($params_ratio, digits: 2) } 倍あります。ただ、測った組の中には RNN が速くなかった組もあったので、「速い」とは言いません。
  }
small-advice = { $outcome ->
    [rnn_somewhere] ふつうの RNN のほうがよい場面も、たしかにあるということです。
    [lstm_only] 「RNN は短いデータや少ないデータ向き」は、「RNN は軽いので、それで足りるなら使えばよい」くらいに受け取るのがよさそうです。
   *[neither] 引き分けなら、軽い RNN を選ぶのは十分な理由になります。
  }
small-figure = 短い記憶の問題（{ $lag } ステップ前を思い出す）で、学習用の例を増やしたときの正解率。破線は当てずっぽう。線は { $seeds } 回の学習の中央値、色の帯はいちばん悪い回からいちばん良い回まで。
small-rule = 「はっきり上回る」とは、一方のどの回も、もう一方のいちばん良い回を { NUM($margin_points) } ポイントより大きく上回ったことを指します。どの数も { $seeds } 回ずつ、重みの初期値を変えて学習しました（この「乱数の種」を*シード*と呼びます）。
small-lstm-sizes = { $lstm_count ->
    [0] {""}
   *[other] 例が { $lstm_sizes } 個のときは LSTM がはっきり上回り、LSTM のいちばん悪い回でも RNN のいちばん良い回を { NUM($least_lead_points, digits: 2) } ポイント以上上回りました。
  }
small-rnn-sizes = { $rnn_count ->
    [0] {""}
   *[other] 例が { $rnn_sizes } 個のときは RNN がはっきり上回りました。
  }
small-tie-sizes = { $tie_count ->
    [0] {""}
   *[other] { $tie_sizes } 個のときは引き分けでした。
  }
small-cost = 重みの数は LSTM が { NUM($lstm_params) } 個、RNN が { NUM($rnn_params) } 個（{ NUM($params_ratio, digits: 2) } 倍）で、学習 1 ステップの掛け算・足し算は { NUM($flops_ratio, digits: 2) } 倍です。学習 1 ステップの時間の中央値は RNN が { NUM($rnn_step_ms, digits: 2) } ミリ秒、LSTM が { NUM($lstm_step_ms, digits: 2) } ミリ秒でした。例の数・シード・学習率がそろった組（{ $pairs } 組）ごとに比べると、LSTM は RNN の { NUM($step_ratio, digits: 2) } 倍（{ NUM($step_ratio_low, digits: 2) }〜{ NUM($step_ratio_high, digits: 2) } 倍）の時間がかかりました。
small-table-size = 学習用の例の数
small-table-rnn = RNN の正解率（中央値）
small-table-lstm = LSTM の正解率（中央値）
small-table-better = はっきり上（–：引き分け）
small-about = 印つき記号の記憶問題（{ $lag } ステップ前）で、学習用の例の数だけを変えた。{ $sizes_match ->
    [same] メモの大きさはどちらも { $lstm_hidden }
   *[different] メモの大きさは RNN が { $rnn_hidden }、LSTM が { $lstm_hidden }
  }、重みの数は RNN { NUM($rnn_params) }、LSTM { NUM($lstm_params) } で異なる。どちらも同じステップ数だけ学習し、学習率はモデルと例の数ごとに検証用データで選んだ。時間：数えないウォームアップ { $warmup_steps } ステップのあと { $timed_steps } ステップを計り、その中央値をその回の 1 ステップの時間とした。計算量：学習 1 ステップ（順伝播と逆伝播）の行列の積の掛け算・足し算を、層の大きさから数えた。
small-paper = Chung ら 2014：ゲートを持つユニット（LSTM、GRU）は、ふつうの tanh RNN を上回る
