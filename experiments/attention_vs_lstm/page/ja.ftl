# Attention と LSTM の違い、日本語。1 つのメッセージが 1 文か 1 段落。変数は verdicts.py から
# （chigai.site.words）。本文はやさしく、細かい数字は折りたたみの中へ。

## 実験 1：ずっと前に見たカードを思い出す（verdict: far_recall）

far-ask = モデルに { $cards } 枚のカードを見せます。カードには「C=5」のように、アルファベットと数字が書いてあります。そのあと何も書かれていない空白がしばらく続き、最後に「C?」、つまり「C のカードの数字は？」と質問します。空白が長いほど、答えは遠い過去にあります。
far-models = 比べるのは、大きさをそろえた 3 つのモデルです。LSTM、同じ LSTM に「自分が前に読んだところを振り返る Attention」を足したもの、そして Attention でできた小さな Transformer です。
far-figure = 列の長さごとの正解率。カードは列のはじめ、質問は最後。破線は当てずっぽう。線は { $seeds } 回の学習の中央値、帯はいちばん悪い回から良い回まで。
far-main-transformer = { $transformer ->
    [holds] Transformer は、カードのあとに空白が { $longest_gap } 個続いても、正しく答え続けました。
   *[slips] カードが遠くなると、Transformer でさえ崩れることがありました。
  }
far-main-lstm = { $lstm ->
    [drops] LSTM は、カードが遠くなるほど成績が落ちました。Transformer にとって遠くのカードは、隣のカードと同じく一度見れば届く場所です。LSTM は、すべてのカードを抱えたまま空白を 1 歩ずつ進まなければなりません。
   *[steady] LSTM は、空白が長くなっても、はっきりとは成績が落ちませんでした。
  }
far-main-guessing = { $lstm_far ->
    [guessing] カードがいちばん遠いときは、LSTM はどの回も当てずっぽうとはっきりした差がありませんでした。
    [above] カードがいちばん遠いときでも、LSTM はどの回も当てずっぽうをはっきり上回りました。
   *[mixed] カードがいちばん遠いとき、当てずっぽうをはっきり上回った LSTM は一部の回だけでした。
  }
far-main-helps = { $helps ->
    [helps] LSTM に Attention を足すと、そこでの成績は上がりました。
   *[unclear] LSTM に Attention を足しても、そこでの成績がはっきり上がったとは言えません。
  }
far-main-solves = { $helped_solves ->
    [solved] Attention を足した LSTM は、カードがいちばん遠くても解けました。
   *[short] ただ、Attention を足した LSTM も、カードがいちばん遠いときは解けたとは言えません。
  }
far-rule = どのモデルも { $seeds } 回ずつ、重みの初期値を変えて学習しました。この初期値を決める「乱数の種」を*シード*と呼びます。{ PCT($solved_from) } 以上正解すれば「解けた」、{ PCT($above_from, digits: 1) } を超えれば「当てずっぽうをはっきり上回った」とします。当てずっぽうの正解率は { PCT($chance, digits: 1) } です。学習率、つまり 1 回の学習で重みを動かす幅は、モデルごとに検証データで選びました。検証データは、学習にもテストにも使わない別の問題です。
far-transformer-numbers = { $transformer ->
    [holds] Transformer：長さ { $longest } でも、すべてのシードが { PCT($solved_from) } 以上正解しました（中央値 { PCT($transformer_at_longest) }）。
   *[slips] Transformer：長さ { $longest } で { PCT($solved_from) } に届いたのは { $seeds } つのシードのうち { $transformer_solved } つでした（中央値 { PCT($transformer_at_longest) }）。
  }
far-lstm-numbers = LSTM：長さ { $shortest } で { PCT($lstm_at_shortest) }、長さ { $longest } で { PCT($lstm_at_longest) }（シードごとに { PCT($lstm_low) }〜{ PCT($lstm_high) }）。
far-lstm-above = { $lstm_above_until ->
    [0] LSTM のすべてのシードが当てずっぽうをはっきり上回った長さはありません。
   *[other] LSTM のすべてのシードが当てずっぽうをはっきり上回っていたのは、長さ { $lstm_above_until } までです。
  }
far-helps-numbers = Attention を足した LSTM は、長さ { $longest } で { PCT($lstm_attention_at_longest) }（シードごとに { PCT($lstm_attention_low) }〜{ PCT($lstm_attention_high) }）、ふつうの LSTM は { PCT($lstm_at_longest) } でした。{ $helps ->
    [helps] Attention ありのどのシードも、なしのどのシードより上です。
   *[unclear] シードの幅が重なったか、どちらも当てずっぽうに近い値です。
  }
far-paper-premise = Vaswani ら（2017）は、この課題を試したわけではありません。彼らが示したのは道のりの長さです。Attention は離れた 2 つの位置を 1 歩で結び、再帰型の層はあいだの歩数だけかかります。私たちのモデルはとても小さく、長さごとに別のモデルを学習させています。確かめたのは、この見立てから言えることだけです。つまり、遠くのカードにも Attention なら手が届くか、です。
far-table-length = 列の長さ
far-table-lstm = LSTM
far-table-lstm-attention = LSTM＋Attention
far-table-transformer = Transformer
far-table-note = 表の正解率は { $seeds } つのシード（{ $seed_list }）の中央値です。
far-about = カード { $cards } 枚のカード当て。列の長さは { $shortest }〜{ $longest }。重みの数は LSTM { NUM($lstm_params) }、LSTM＋Attention { NUM($lstm_attention_params) }、Transformer { NUM($transformer_params) }（幅を調整してそろえた）。どれも同じデータで同じステップ数だけ学習し、学習・検証・テストのあいだで同じ列は出さない。
far-paper = Vaswani ら 2017：自己注意は離れた 2 つの位置を 1 歩で結び、再帰型の層は n 歩かかる

## Attention はどこを見ていた？（verdict: far_recall）

map-ask = Attention には、うれしいおまけがあります。どこを見たのかを読み取れるのです。下の図は、いちばん長い列のテストから 1 問を選び、あるシードのモデルが見た場所を描いたものです。1 行が Attention の*ヘッド* 1 つです。ヘッドとは、Transformer の 1 つの層の中で並んで働く「見る係」のことです。いちばん下の行は LSTM の Attention です。赤い枠が答えのカードで、途中の長い空白は重みを足し合わせて 1 列にまとめています。
map-figure = 質問の位置から、1 つの例の各位置への Attention。色が濃いほど強く注目している。
map-main = いちばん長い列のテスト全体では、Transformer のヘッドをまとめて見ると、{ PCT($looks_transformer) } の質問で答えのカードをいちばん強く見ていました。LSTM の Attention は読み取りにくく、くわしくは下の数字のとおりです。
map-example = この例では、Transformer の { $heads } つのヘッドのうち { $heads_on_answer } つが、答えのカードにいちばん大きな重みを置いていました。シード { $map_seed } のモデルで長さ { $map_length } のテスト全体を見ると、ヘッドの重みの平均が答えのカードで最大になった質問は { PCT($looks_transformer) }、LSTM の Attention では { PCT($looks_lstm_attention) } でした。
map-lstm = この例の LSTM の Attention は、どの位置にも { PCT($lstm_attention_peak, digits: 1) } 以下しか重みを置いていません。{ $positions } か所に均等に配ると { PCT($even_share, digits: 1) } ずつです。LSTM の状態はそれまでに読んだものすべてが混ざったものなので、カードの情報がカードの位置に残っているとは限りません。ただ、これは確かめていません。
map-about = シード { $map_seed } のモデル（学習率は Transformer { NUM($map_lr_transformer) }、LSTM＋Attention { NUM($map_lr_lstm_attention) }）、長さ { $map_length }。Transformer は最後の層の、最後の位置（質問）からの Attention をヘッドごとに示す。LSTM＋Attention は自分の過去の状態への重み。
