# Attention と LSTM の違い、日本語。1 つのメッセージが 1 文か 1 段落。変数は verdicts.py から
# （chigai.site.words）。本文はやさしく、細かい数字は折りたたみの中へ。

## 実験 1：ずっと前に見たカードを思い出す（verdict: far_recall）

far-ask = モデルに { $cards } 枚のカードを見せます。カードには「C=5」のように、アルファベットと数字が書いてあります。そのあと何も書かれていない空白がしばらく続き、最後に「C?」、つまり「C のカードの数字は？」と質問します。空白が長いほど、答えは遠い過去にあります。
# explains: 3 つのモデルの紹介。大きさはコードでそろえ、数は囲みに出ている
far-models = 比べるのは、大きさをそろえた 3 つのモデルです。LSTM、同じ LSTM に「自分が前に読んだところを振り返る Attention」を足したもの、そして Attention でできた小さな Transformer です。
far-figure = 列の長さごとの正解率。長さは、カード・空白・質問を合わせた数です（カードがはじめ、質問が最後）。破線は当てずっぽう。線は { $seeds } 回の学習の中央値（まん中の回）、帯はいちばん悪い回から良い回まで。
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
far-rule = どのモデルも { $seeds } 回ずつ、重みの初期値を変えて学習しました。この初期値を決める「乱数の種」を*シード*と呼びます。{ PCT($solved_from) } 以上正解すれば「解けた」、{ PCT($above_from, digits: 1) } を超えれば「当てずっぽうをはっきり上回った」とします。当てずっぽうの正解率は { PCT($chance, digits: 1) } です。学習率、つまり 1 回の学習で重みを動かす幅は、モデルごとに検証用データで選びました。検証用データは、学習にもテストにも使わない別の問題です。
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
# explains: 論文の見立てと、私たちの条件との違い。結果ではない
far-paper-premise = Vaswani ら（2017）は、この課題を試したわけではありません。彼らが示したのは道のりの長さです。Attention は離れた 2 つの位置を 1 歩で結び、再帰型の層（LSTM のように 1 歩ずつ読む層）はあいだの歩数だけかかります。私たちのモデルはとても小さく、長さごとに別のモデルを学習させています。確かめたのは、この見立てから Transformer とふつうの LSTM について言えることだけです。つまり、遠くのカードにも Transformer なら手が届き、LSTM では届かなくなるか、です。Attention を足した LSTM は、この確認には入れていません。
far-table-length = 列の長さ
far-table-lstm = LSTM
far-table-lstm-attention = LSTM＋Attention
far-table-transformer = Transformer
far-table-note = 表の正解率は { $seeds } つのシード（{ $seed_list }）の中央値です。
far-about = カード { $cards } 枚のカード当て。列の長さは { $shortest }〜{ $longest }。重みの数は LSTM { NUM($lstm_params) }、LSTM＋Attention { NUM($lstm_attention_params) }、Transformer { NUM($transformer_params) }（幅を調整してそろえた）。どれも同じデータで同じステップ数だけ学習し、学習・検証・テストのあいだで同じ列は出さない。
far-paper = Vaswani ら 2017：自己注意は離れた 2 つの位置を 1 歩で結び、再帰型の層は n 歩かかる

## Attention はどこを見ていた？（verdict: far_recall）

map-ask = Attention には、うれしいおまけがあります。どこを見たのかを読み取れるのです。下の図は、いちばん長い列のテストから 1 問を選び、1 回分の学習で作ったモデルが見た場所を描いたものです。1 行が Attention の*ヘッド* 1 つです。ヘッドとは、Transformer の 1 つの層の中で並んで働く「見る係」のことです。いちばん下の行は LSTM の Attention です。赤い枠が答えのカードです。途中の長い空白の大部分は、重みを足し合わせて 1 列にまとめています。そのため、1 つ 1 つの空白への注目は小さくても、この列は濃く見えることがあります。
map-figure = 質問の位置から、1 つの例の各位置への Attention。色が濃いほど強く注目している。
# explains: 「同じ回」はどの学習の回かを指すだけで、比較ではない
map-main = 同じ回の Transformer で、いちばん長い列のテスト全体を見ると、ヘッドをまとめた重みは { PCT($looks_transformer) } の質問で答えのカードに最も強く向いていました。{ $heads_on_answer ->
    [0] 図の例では、答えのカードにいちばん大きな重みを置いたヘッドはありません。
   *[other] 図の例では、{ $heads_on_answer } つのヘッドが単独でそうしています。赤い枠の中が濃い行です。
  }LSTM の Attention は読み取りにくく、くわしくは下の数字のとおりです。
map-example = この例では、Transformer の { $heads } つのヘッドのうち { $heads_on_answer } つが、答えのカードにいちばん大きな重みを置いていました。シード { $map_seed } のモデルで長さ { $map_length } のテスト全体を見ると、ヘッドの重みの平均が答えのカードで最大になった質問は { PCT($looks_transformer) }、LSTM の Attention では { PCT($looks_lstm_attention) } でした。
# explains: 測った上限を数字で言うだけ
map-lstm = この例の LSTM の Attention は、どの位置にも { PCT($lstm_attention_peak, digits: 1) } 以下しか重みを置いていません。{ $positions } か所に均等に配ると { PCT($even_share, digits: 1) } ずつです。LSTM の状態はそれまでに読んだものすべてが混ざったものなので、カードの情報がカードの位置に残っているとは限りません。ただ、これは確かめていません。
map-about = シード { $map_seed } のモデル（学習率は Transformer { NUM($map_lr_transformer) }、LSTM＋Attention { NUM($map_lr_lstm_attention) }）、長さ { $map_length }。Transformer は最後の層の、最後の位置（質問）からの Attention をヘッドごとに示す。LSTM＋Attention は自分の過去の状態への重み。

## 小さな翻訳で比べる：Attention あり・なし（verdict: seq2seq_reversal）

reversal-ask = Attention が有名になったきっかけは機械翻訳でした。LSTM のように単語を 1 つずつ読むネットワークで作った翻訳モデルは、2 つの部分からなります。文を読む*エンコーダー*と、訳を書く*デコーダー*です。Attention が登場する前は、エンコーダーが文をまるごと 1 つの決まった大きさの記憶に詰め込み、デコーダーはそれだけを頼りに訳していました。Cho らは 2014 年に、このやり方では文が長くなるほど訳が悪くなることを示しました。同じ年、Bahdanau・Cho・Bengio は決まった大きさの記憶こそが原因だと考え、訳しながら入力の単語を振り返って見られるようにしました。これが Attention です。彼らが使ったのは、LSTM によく似たゲートつきのユニットでした。
# explains: 実験の設定
reversal-setup = ここではおもちゃの言語で試しました。ランダムな単語の並びを「逆順に並べ替える」ことを翻訳と見なします。大きさをそろえた LSTM の翻訳モデルを 2 つ用意し、片方にだけ Bahdanau 型の Attention をつけました。1 単語でも間違えたら不正解、という厳しい採点です。
reversal-figure = 文の長さごとの、完全に正しく訳せた割合。線は { $seeds } 回の学習の中央値、帯はいちばん悪い回から良い回まで。
reversal-main-plain = { $plain ->
    [drops] Attention なしでは、文が長くなるほど訳が崩れました。
   *[steady] Attention なしでも、文が長くなって訳がはっきり崩れることはありませんでした。
  }
reversal-main-attention = { $attention ->
    [holds] Attention ありでは、いちばん長い文でも、どの回もほぼすべての文を正しく訳しました。
   *[slips] Attention ありで、いちばん長い文でもほぼすべての文を正しく訳せたのは、{ $seeds } 回のうち { $attention_solved } 回でした。
  }
reversal-main-longest = { $longest_winner ->
    [attention] その長さでは、Attention ありのどの回も、なしのどの回より上でした。
    [plain] その長さでは、Attention なしのどの回も、ありのどの回より上でした。
   *[tie] その長さでは、あり・なしの成績の幅が重なり、引き分けでした。
  }
reversal-paper-premise = Bahdanau らは、本物の英語をフランス語に訳しました。学習に使った文は 50 単語まで、モデルもずっと大きなものです。私たちが試したのは、{ $longest } 単語までの作りものの文を逆順にするだけの課題です。この小さな条件の中で言えば、{ $paper ->
    [agrees] 彼らの結果を小さく再現できました。
    [partly] 向きは彼らの結果と同じですが、全部ではありません。{ $longest } 単語で { PCT($solved_from) } 以上の文を正しく訳せたのは、Attention ありでも { $seeds } 回のうち { $attention_solved } 回でした。
   *[disagrees] 彼らの結果とは違いました。文が短すぎるか、モデルが小さすぎるのかもしれません。
  }
reversal-rule = どちらのモデルも、重みの初期値（シード）を変えて { $seeds } 回ずつ学習し、学習率は検証用データで選びました。「解けた」とは、{ PCT($solved_from) } 以上の文を完全に正しく訳せたことです。Attention には重みが要るので、その分 Attention なしの方の記憶を大きくしています。記憶の大きさは { $plain_hidden } と { $attention_hidden }、重みは { NUM($plain_params) } 個と { NUM($attention_params) } 個です。
reversal-plain-numbers = Attention なし：{ $shortest } 単語で { PCT($plain_at_shortest) }、{ $longest } 単語で { PCT($plain_at_longest) } が完全に正解（中央値）。
reversal-attention-numbers = { $attention ->
    [holds] Attention あり：{ $longest } 単語でも、すべてのシードが { PCT($solved_from) } 以上を正しく訳しました（中央値 { PCT($attention_at_longest) }）。
   *[slips] Attention あり：{ $longest } 単語で { PCT($solved_from) } に届いたのは { $seeds } つのシードのうち { $attention_solved } つです（シードごとに { PCT($attention_low) }〜{ PCT($attention_high) }）。
  }
reversal-handled = { $attention_handled ->
    [0] {""}
   *[other] すべてのシードが { PCT($solved_from) } に届いたのは { $attention_handled } 単語までです。
  }
reversal-attention-lengths = { $attention_count ->
    [0] {""}
   *[other] { $attention_lengths } 単語では、Attention ありのどのシードも、なしのどのシードより上でした。
  }
reversal-plain-lengths = { $plain_count ->
    [0] {""}
   *[other] { $plain_lengths } 単語では逆に、Attention なしのどのシードも、ありのどのシードより上でした。
  }
reversal-tie-lengths = { $tie_count ->
    [0] {""}
   *[other] { $tie_lengths } 単語ではシードの幅が重なったので、引き分けです。
  }
reversal-table-length = 単語数
reversal-table-plain = Attention なし
reversal-table-attention = Attention あり
reversal-table-note = 表の割合は { $seeds } つのシード（{ $seed_list }）の中央値です。
reversal-about = { $vocab } 種類の単語からなるランダムな文を逆順にする課題。LSTM のエンコーダー・デコーダーで、Attention なしは記憶の大きさ { $plain_hidden }（重み { NUM($plain_params) } 個）、Attention ありは { $attention_hidden }（{ NUM($attention_params) } 個）。教師強制（学習中はデコーダーに正しい 1 つ前の単語を見せる）で学習し、貪欲法（自分がいちばんよいと思う単語を 1 つずつ書く）で訳して採点。学習・検証・テストのあいだで同じ文は出さない。
reversal-paper = Bahdanau ら 2014：Attention があると、長い文でも訳の質が保たれ、Attention のないエンコーダー・デコーダーは質が落ちる

align-ask = Attention つきのモデルは、読み取れる手がかりも残してくれます。訳語を 1 つ書くたびに、入力のどの単語をどれだけ見たかです。逆順に並べ替えるには、最初の単語を書くときに入力の最後の単語を見て、そこから順に前へさかのぼればよいはずです。図でいえば、右上から左下へ濃い帯が走る形になります。
align-figure = 1 つの文について、書いた単語（縦）ごとに、入力のどの単語（横）を見たか。色が濃いほど強く注目している。
align-main = 図のモデル 1 つについて、テストの文全体を見ると、書いた単語の { PCT($near_copied) } で、いちばん強い注目が写している単語か、その隣に向いていました。
align-neighbour = 隣も数えるのは、エンコーダーが左から右へ読むので、1 単語あとの状態も、写している単語をすでに読んでいるからです。
align-about = シード { $align_seed } の Attention つきモデル（学習率 { NUM($align_lr) }）の、長さ { $align_length } での対応づけの重み。テストの最初の文で、{ $align_correct ->
    [correct] 正しく訳せた文。
   *[wrong] 正しく訳せなかった文。
  }

## 1 歩ずつの計算と、いっせいの計算（verdict: compute_cost）

cost-ask = 「Attention は並列に、つまりすべての位置をいっせいに計算できるから速い」とよく言われます。本当でしょうか。重みの数をほぼそろえた LSTM の層と Transformer のブロック 1 つで、学習 1 ステップにかかる時間を、列を長くしながら CPU の { $threads } スレッドで測りました。学習 1 ステップとは、答えを計算する「順伝播」と、重みをどう直すかを逆向きにたどって求める「逆伝播」の 1 往復です。
cost-ask-ways = Attention は 2 通りで動かしました。重みの表をまるごとは保存しない PyTorch の高速版と、表をまるごと作る教科書どおりの版です。時間と並べて、1 ステップの計算の量も数えました。行列の積に含まれる掛け算と足し算の回数で、*FLOP* と呼びます。
cost-figure = 列の長さごとの、学習 1 ステップの時間。両方の軸が対数目盛です（1 目盛進むごとに、値が足し算ではなく掛け算で増える）。線は計測した { $timed_steps } ステップの中央値、帯はいちばん速いステップから遅いステップまで。
cost-main = { $speed ->
    [slower_everywhere] 私たちの CPU では、Attention は速く**ありません**でした。試したどの長さでも、高速版でさえ 1 ステップに LSTM より時間がかかりました。
    [faster_then_slower] 私たちの CPU では、短い列では高速版の Attention が LSTM より速く、長い列では遅くなりました。
    [faster_at] 私たちの CPU では、高速版の Attention が LSTM より速い長さがあり、遅い長さはありませんでした。
    [slower_from] 私たちの CPU では、長い列で LSTM の方が速くなりました。
   *[tie] 私たちの CPU では、どの長さでも高速版の Attention と LSTM の時間の幅が重なり、引き分けでした。
  }
cost-gpu = { $gpu ->
    [none] たくさんのコアがいっせいに働く GPU では、まだ測っていません。GPU については、このページからは何も言えません。
    [slower_everywhere] GPU（{ $gpu_device }、破線）でも、高速版の Attention はすべての長さで LSTM より遅くなりました。
    [slower_from] GPU（{ $gpu_device }、破線）では、高速版の Attention は長さ { $gpu_slower_from } までは LSTM より遅くならず、そこから先は遅くなりました。
    [faster_at] GPU（{ $gpu_device }、破線）では、長さ { $gpu_faster_at } で高速版の Attention が LSTM より速くなりました。並列の計算が効き、LSTM は相変わらず 1 歩ずつ待たされるからです。
   *[tie] GPU（{ $gpu_device }、破線）では、どの長さでも両者の時間の幅が重なりました。
  }
# explains: Vaswani らの表 1 の見立ての説明。測った結果は選択子で言う
cost-why = { $cause ->
    [arithmetic] なぜでしょうか。いちばんの理由は計算の量です。
   *[per_flop] なぜでしょうか。計算の量だけではありません。Attention は計算が多いうえに、1 回 1 回の計算も遅かったのです。
  }Attention はすべての位置をほかのすべての位置と見比べるので、計算は列の長さの 2 乗で増えます。LSTM の計算は長さに比例して増えるだけです。Vaswani ら（2017）の表 1 にある見立てです。{ $table_1 ->
    [as_table_1] 私たちが数えた回数もそのとおりで、いちばん長い列では、Attention の計算の大半が位置どうしの見比べでした。
   *[differs] 私たちが数えた回数は、この見立てと少しずれました。
  }
cost-rule = 一方のすべてのステップが、他方のすべてのステップより短いときだけ「速い」と呼びます。重みの数は LSTM の層が { NUM($lstm_params) } 個、Transformer のブロックが { NUM($attention_params) } 個です。
cost-ratios = { $speed ->
    [slower_everywhere] 中央値で比べると、高速版 Attention の 1 ステップは、長さ { $shortest } で LSTM の { NUM($ratio_shortest, digits: 2) } 倍、長さ { $longest } で { NUM($ratio_longest, digits: 2) } 倍でした。
    [faster_then_slower] 高速版の Attention は長さ { $faster_at } で速く、長さ { $slower_from } から先は遅くなりました。長さ { $longest } では LSTM の中央値の { NUM($ratio_longest, digits: 2) } 倍です。
    [faster_at] 高速版の Attention は長さ { $faster_at } で速くなりました。長さ { $longest } では LSTM の中央値の { NUM($ratio_longest, digits: 2) } 倍です。
    [slower_from] 長さ { $slower_from } から先は、LSTM のどのステップも高速版 Attention のどのステップより短く、長さ { $longest } では Attention が { NUM($ratio_longest, digits: 2) } 倍の時間を使いました。
   *[tie] この決まりで「速い」と言える長さは、どちらにもありませんでした。長さ { $longest } では LSTM の中央値の { NUM($ratio_longest, digits: 2) } 倍です。
  }教科書どおりの版は、長さ { $longest } で LSTM の { NUM($explicit_ratio_longest, digits: 2) } 倍かかりました。
cost-ties = { $tie_count ->
    [0] {""}
   *[other] 長さ { $tie_at } では両者の時間の幅が重なったので、引き分けとしています。
  }
cost-flops = 長さ { $longest } での 1 ステップの計算は、Attention が { NUM($attention_gflop, digits: 3) } GFLOP（1 GFLOP は 10 億回）、LSTM が { NUM($lstm_gflop, digits: 3) } GFLOP で、{ NUM($flop_ratio_longest, digits: 2) } 倍の差がありました。Attention の計算のうち { PCT($quadratic_share) } は、n × n（n は列の長さ）の重みの表にかかる分です。{ $table_1 ->
    [as_table_1] LSTM の計算は長さにほぼ比例して増え（指数 { NUM($lstm_flops_growth, digits: 2) }）、いちばん長い列では Attention の計算の大半が n² の項でした。表 1 のとおりです。
   *[differs] 表 1 の見立てとは少しずれました（LSTM の計算の指数 { NUM($lstm_flops_growth, digits: 2) }、いちばん長い列での n² の項の割合 { PCT($quadratic_share) }）。
  }
cost-cause = { $cause ->
    [arithmetic] その長さで高速版が { NUM($ratio_longest, digits: 2) } 倍遅かった内訳は、計算の多さが { NUM($flop_ratio_longest, digits: 2) } 倍、1 回あたりの遅さが { NUM($per_flop_ratio, digits: 2) } 倍です。差の大きい方は計算の量でした。
   *[per_flop] その長さで高速版が { NUM($ratio_longest, digits: 2) } 倍遅かったうち、計算の多さで説明できるのは { NUM($flop_ratio_longest, digits: 2) } 倍だけで、残りの { NUM($per_flop_ratio, digits: 2) } 倍は 1 回あたりの遅さでした。
  }
cost-tracks = { $tracks ->
    [unfit] 固定の手間が目立たなくなるほど長い列が少なすぎて、時間の比が計算の比とともにどう増えたかは、当てはめて調べられませんでした。
    [tracks] 長さが伸びるにつれて、時間の比は計算の比にほぼ比例して増えました（当てはめた指数は { NUM($ratio_exponent, digits: 2) }）。
   *[drifts] ただし、時間の比は計算の比にそのまま比例したわけではありません。長さが伸びるにつれて、計算の比の { NUM($ratio_exponent, digits: 2) } 乗のように増えました。長い列では、Attention は 1 回あたりの計算でも遅くなっていったということです。
    [trails] ただし、時間の比は計算の比にそのまま比例したわけではありません。長さが伸びても、計算の比の { NUM($ratio_exponent, digits: 2) } 乗のようにしか増えませんでした。長い列では、Attention の 1 回あたりの計算はむしろ速くなっていったということです。
  }
cost-per-op = { $per_op ->
    [lstm] 計算 1 回あたりでは、LSTM の方が速くこなしていました。この長さで 1 秒に LSTM は { NUM($lstm_gflop_per_s, digits: 3) } GFLOP、高速版の Attention は { NUM($fused_gflop_per_s, digits: 3) } GFLOP です。LSTM が 1 歩ずつしか進めないことが、たくさんのコアを並べたときにどれだけ響くかは、測っていません。
    [attention] 計算 1 回あたりでは、高速版の Attention の方が速くこなしていました（この長さで 1 秒に { NUM($fused_gflop_per_s, digits: 3) } GFLOP、LSTM は { NUM($lstm_gflop_per_s, digits: 3) } GFLOP）。
   *[even] 計算 1 回あたりでは、はっきりした差はありませんでした（この長さで 1 秒に LSTM は { NUM($lstm_gflop_per_s, digits: 3) } GFLOP、高速版の Attention は { NUM($fused_gflop_per_s, digits: 3) } GFLOP）。
  }
cost-fit-intro = 長さとともにステップ時間の中央値がどう増えたかを、両対数のグラフ上で直線を当てはめて調べました。いちばん短い列の { NUM($overhead_factor, digits: 2) } 倍以上の時間がかかる長さから先だけを使っています。それより短いと、長さに関係ない固定の手間が目立つからです。
cost-fit-head = | モデル | 当てはめた範囲 | 時間の指数 | 直線からの最大のずれ | 計算の指数 | すべての長さでの指数（最大のずれ） |
cost-fit-lstm = | LSTM | { $lstm_fitted ->
    [fitted] { $lstm_start }〜{ $lstm_end }（{ $lstm_points } 点） | { NUM($lstm_exponent, digits: 2) } | { PCT($lstm_miss) } | { NUM($lstm_flop_exponent, digits: 2) }
   *[too_few] — | — | — | —
  } | { NUM($lstm_all_exponent, digits: 2) }（{ PCT($lstm_all_miss) }） |
cost-fit-fused = | Attention（高速版） | { $fused_fitted ->
    [fitted] { $fused_start }〜{ $fused_end }（{ $fused_points } 点） | { NUM($fused_exponent, digits: 2) } | { PCT($fused_miss) } | { NUM($fused_flop_exponent, digits: 2) }
   *[too_few] — | — | — | —
  } | { NUM($fused_all_exponent, digits: 2) }（{ PCT($fused_all_miss) }） |
cost-fit-explicit = | Attention（教科書版） | { $explicit_fitted ->
    [fitted] { $explicit_start }〜{ $explicit_end }（{ $explicit_points } 点） | { NUM($explicit_exponent, digits: 2) } | { PCT($explicit_miss) } | { NUM($explicit_flop_exponent, digits: 2) }
   *[too_few] — | — | — | —
  } | { NUM($explicit_all_exponent, digits: 2) }（{ PCT($explicit_all_miss) }） |
cost-laws = { $laws ->
    [both] LSTM と高速版 Attention の当てはめは、当てはめた範囲のすべての長さで直線から { PCT($tolerance) } 以内に収まりました。その範囲では、LSTM の時間は n の { NUM($lstm_exponent, digits: 2) } 乗、高速版 Attention の時間は n の { NUM($fused_exponent, digits: 2) } 乗のように増えた、と言ってよさそうです。
   *[not_both] LSTM と高速版 Attention の両方を、{ PCT($tolerance) } 以内のずれで 1 つのべき乗に当てはめることはできませんでした。使える長さが少なすぎる場合もあります。指数は「おおよその傾き」として読んでください。
  }
cost-explicit-law = { $explicit_law ->
    [law] 教科書版 Attention の当てはめも { PCT($tolerance) } 以内に収まりました。
    [misses] 教科書版 Attention は直線から最大 { PCT($explicit_miss) } ずれたので、1 つの指数では表しません。
   *[too_few] 教科書版 Attention は、固定の手間が目立たなくなる長さが足りないので、1 つの指数では表しません。
  }
cost-follows = { $fused_follows ->
    [follows] 高速版 Attention の時間は、計算の量と歩調をそろえて増えました。
   *[not] 高速版 Attention の時間は、計算の量と歩調をそろえては増えませんでした。
  }
cost-about = LSTM 1 層（状態の大きさ { $hidden }）と Transformer ブロック 1 つ（幅 { $width }、ヘッド { $heads } 個）。ランダムな列 { $batch } 本をまとめて入力。長さごとに { $timed_steps } ステップを計測（{ $rounds } 回の独立した測定 × { $repeats } ステップ。それぞれ数えないウォームアップ { $warmup } ステップのあと）。CPU のスレッド数 { $threads }。一方のすべてのステップが他方のすべてのステップより短いときだけ「速い」と呼ぶ。FLOP は順伝播と逆伝播 1 回ぶんの行列の積の演算回数で、同じ層の非融合版を PyTorch の FlopCounterMode で数えた。
cost-paper = Vaswani ら 2017 の表 1：1 層あたりの計算は自己注意が n²·d、再帰型が n·d² に比例

mem-ask = { $fused_memory ->
    [never_larger] メモリの方は、話がそう単純ではありません。
   *[larger] メモリでも Attention の負担が見えてきます。
  }ニューラルネットワークは学習のとき、順伝播で計算したものを、逆伝播で使うまで取っておかなければなりません。
mem-figure = 列の長さごとの、逆伝播のために取っておくメモリ。両方の軸が対数目盛。
mem-main = { $fused_memory ->
    [never_larger] 高速版の Attention は、試したどの長さでも LSTM より多くのメモリを使いませんでした。重みの表を保存せず、逆伝播のときに計算し直しているからです。
   *[larger] 重みの表を保存せずに計算し直す高速版でさえ、LSTM より多くのメモリを使う長さがありました。
  }教科書どおりの版は、すべての位置の組み合わせの数だけ重みを保存します。
mem-explicit = { $explicit_larger_from ->
    [0] それでも、試した長さでは LSTM より多くのメモリは使いませんでした。
   *[other] そのため、長さ { $explicit_larger_from } からは LSTM より多くのメモリを使いました。
  }
mem-end = { $fused_memory ->
    [never_larger] メモリについては、Attention が重いかどうかは計算のしかた次第ということです。
   *[larger] {""}
  }
# explains: 「高速版」はモデルの名前で、速さの判定ではない
mem-numbers = すべての長さを使って当てはめると、メモリの増え方の指数は LSTM が { NUM($lstm_memory_exponent, digits: 2) }、高速版の Attention が { NUM($fused_memory_exponent, digits: 2) } でした。教科書版では、保存したもののうち重みの表が占める割合が、長さ { $shortest } で { PCT($explicit_table_share_shortest) }、長さ { $longest } で { PCT($explicit_table_share) } でした。割合がこれだけ動くので、1 つの指数では表せません（すべての長さで当てはめると { NUM($explicit_memory_exponent, digits: 2) }。表だけなら指数は 2、つまり「長さの 2 乗」です）。
mem-about = 上の時間と同じ測定。メモリは、逆伝播のために自動微分が保存するテンソルの大きさ（重みそのものは除く）で、どのデバイスでも同じ方法で測っている。

## データが少ないとき（verdict: data_efficiency）

# explains: 確かめる助言をそのまま引いている
data-ask = 「データが少ないなら LSTM の方が安定する」という助言をよく見かけます。そこで、大きさをそろえた LSTM と小さな Transformer に、さきほどのカード当てを空白なしで学ばせました。学習に使う例の数をとても少ない数から多い数まで変え、学習のステップ数はどれも同じにしています。
data-figure = 学習に使った例の数ごとの、カード当ての正解率。破線は当てずっぽう。線は { $seeds } 回の学習の中央値、帯はいちばん悪い回から良い回まで。
data-main = { $advice ->
    [not_held] このカード当てでは、助言は当てはまりませんでした。どの例の数でも、LSTM が上回ることはありませんでした。
    [held] このカード当てでは、助言どおりでした。LSTM が上回る例の数があり、下回ることはありませんでした。
   *[depends] このカード当てでは、少ない例からどちらがよく学ぶかは、例の数によって入れ替わりました。
  }
data-main-lstm = { $lstm_learned ->
    [never] LSTM は、いちばん多い例の数でも覚えられませんでした。
   *[somewhere] {""}
  }
data-main-unlearned = { $unlearned_up_to ->
    [0] {""}
   *[other] 例が { NUM($unlearned_up_to) } 個以下では、どちらのモデルもこのカード当てを覚えられませんでした。
  }
data-main-transformer = { $transformer_count ->
    [0] {""}
   *[other] Transformer が上回ったのは、例が { $transformer_sizes } 個のときです。
  }
data-rule = どの例の数でも、重みの初期値（シード）を変えて { $seeds } 回ずつ学習し、学習率はモデルごとに選びました。一方のすべてのシードが、他方のすべてのシードを { NUM($margin_points) } ポイントより大きく上回ったときだけ「上」と呼びます。{ PCT($learned_from, digits: 1) } に届けば「覚えた」とみなします。当てずっぽうの { PCT($chance, digits: 1) } と 100% のちょうど中間です。カードは { $cards } 枚、学習に使う例は { NUM($smallest) } 個から { NUM($largest) } 個、重みは LSTM が { NUM($lstm_params) } 個、Transformer が { NUM($transformer_params) } 個です。
data-transformer-numbers = { $transformer_count ->
    [0] {""}
   *[other] 例が { $transformer_sizes } 個のときは Transformer が上でした（{ NUM($transformer_size) } 個のとき、シードごとに { PCT($transformer_low, digits: 1) }〜{ PCT($transformer_high, digits: 1) }、LSTM は { PCT($transformer_lstm_low, digits: 1) }〜{ PCT($transformer_lstm_high, digits: 1) }）。
  }
data-lstm-numbers = { $lstm_count ->
    [0] {""}
   *[other] 例が { $lstm_sizes } 個のときは LSTM が上でした（{ NUM($lstm_size) } 個のとき、シードごとに { PCT($lstm_low, digits: 1) }〜{ PCT($lstm_high, digits: 1) }、Transformer は { PCT($lstm_transformer_low, digits: 1) }〜{ PCT($lstm_transformer_high, digits: 1) }）。
  }
data-tie-numbers = { $tie_count ->
    [0] {""}
   *[other] 例が { $tie_sizes } 個のときは引き分けです。シードの幅が重なったか、離れていても { NUM($margin_points) } ポイント未満だったか、どちらも当てずっぽうに近いままでした。
  }
data-unlearned = { $unlearned_count ->
    [0] {""}
   *[other] 例が { $unlearned_sizes } 個のときは、どちらのモデルもどのシードも { PCT($learned_from, digits: 1) } に届きませんでした。
  }
data-table-size = 学習に使った例の数
data-table-lstm = LSTM
data-table-transformer = Transformer
data-table-note = 表の正解率は { $seeds } つのシード（{ $seed_list }）の中央値です。
data-about = カード { $cards } 枚、空白なしのカード当て。LSTM（重み { NUM($lstm_params) } 個）と Transformer（{ NUM($transformer_params) } 個）。例の数によらず学習のステップ数は同じ。学習・検証・テストの組のあいだで同じ問題は出さない。一方のすべてのシードが他方のすべてのシードを { PCT($margin) } より大きく上回ったときだけ「上」と呼ぶ。
data-paper = なし（論文の結果ではなく、よく聞く助言を確かめる実験）

## 学習したより長い列で数えられるか（verdict: length_generalisation）

# explains: 論文の結果の紹介。私たちの結果はそれと比べる
par-ask = **パリティ**は、0 と 1 の並びに含まれる 1 の数が奇数かどうかを答える問題です。順番に読むモデルなら「ここまでで奇数か偶数か」の 1 ビットだけを持ち歩けばよく、このやり方は列がどれだけ長くても通用します。Delétang ら（2023）は、このような課題で*長さの汎化*を調べました。短い列で学習して、長い列で試すとどうなるか、です。彼らの実験では、LSTM は長い列でもパリティを解き続け、Transformer は当てずっぽうに落ちました。著者たちによれば、モデルには学習用のデータを完璧に覚えられるだけの力があったにもかかわらず、です。
par-setup = 私たちも小さな規模で試しました。大きさをそろえた 2 つのモデルを、{ $max_length } ビットまでのあらゆる長さの列で学習させ、そのあと、もっと長いランダムな列で試します。Transformer は位置を Vaswani らの正弦波で表します。これはどの位置にも値がありますが、そこまで先の位置は学習中に一度も出てきていません。
par-figure = 列の長さごとのパリティの正解率。左端は学習と同じ長さの、学習に使わなかった列。破線は当てずっぽう、点線は「汎化できた」とみなす線。線は { $seeds } 回の学習の中央値、帯はいちばん悪い回から良い回まで。
par-main-lstm = { $lstm ->
    [generalises] LSTM は、練習したどの列よりずっと長い列でも、どの回も数え続けられました。
    [fits_but_fails_longer] LSTM は学習用の列は覚えましたが、いちばん長い列ではどの回も持ちこたえられませんでした。
    [does_not_fit] LSTM は学習用の列さえ覚えられませんでした。
   *[mixed] LSTM は回によって結果が分かれ、長い列で持ちこたえた回とそうでない回がありました。
  }
par-main-transformer = { $transformer ->
    [generalises] Transformer も、長い列でどの回も数え続けられました。
    [fits_but_fails_longer] Transformer も学習用の列は覚えました。ところが、いちばん長い列ではどの回も持ちこたえられませんでした。見たことのある長さでしか通用しない覚え方をしたのです。
    [does_not_fit] Transformer は学習用の列さえ覚えられませんでした。これでは、長い列での成績から長さについて何かを言うことはできません。
   *[mixed] Transformer は回によって結果が分かれ、長い列で持ちこたえた回とそうでない回がありました。
  }
par-paper-premise = Delétang らは、ずっと大きなモデルを、ずっと長い列で、ずっと長く学習させています。彼らの主張は、学習用の列を覚えられるモデルについての話です。その前提の中で言えば、{ $paper ->
    [agrees] 私たちの小さな実験も彼らの報告と同じ結果です。
    [disagrees] 私たちの小さな実験は彼らの報告とは逆の結果です。
   *[partly] 私たちの小さな実験は彼らの報告と一部だけ一致しました。
  }
par-rule = 学習には長さ 1〜{ $max_length } ビットのあらゆる列を使い、短い列は左を埋めました。学習率は、同じ長さの、学習には使っていない列で選んでいます。テストは { $test_lengths } ビットのランダムな列を、長さごとに { NUM($test_size) } 本です。当てずっぽうなら { PCT($chance) }、{ PCT($generalises_from) } 以上を保てば「汎化できた」とみなします。重みは LSTM が { NUM($lstm_params) } 個、Transformer が { NUM($transformer_params) } 個です。
par-lstm-numbers = { $lstm ->
    [generalises] LSTM：どのシードも学習用の列を覚え、いちばん長い列でもすべてのシードが { PCT($generalises_from) } 以上を保ちました（{ $longest } ビットで中央値 { PCT($lstm_at_longest) }）。
    [fits_but_fails_longer] LSTM：学習用の列は覚えましたが（中央値 { PCT($lstm_train) }、同じ長さの未使用の列で { PCT($lstm_held_out) }）、{ $longest } ビットでは { PCT($lstm_at_longest) }（いちばん良いシードでも { PCT($lstm_best_seed) }）と、当てずっぽうの { PCT($chance) } のそばまで落ちました。
    [does_not_fit] LSTM：学習用の列さえ覚えられませんでした（学習用の列での正解率の中央値 { PCT($lstm_train) }）。
   *[mixed] LSTM：学習用の列を覚えたのは { $seeds } つのシードのうち { $lstm_fits } つ、{ $longest } ビットで { PCT($generalises_from) } 以上を保ったのは { $lstm_generalises } つです（中央値 { PCT($lstm_at_longest) }）。
  }
par-transformer-numbers = { $transformer ->
    [generalises] Transformer：どのシードも学習用の列を覚え、いちばん長い列でもすべてのシードが { PCT($generalises_from) } 以上を保ちました（{ $longest } ビットで中央値 { PCT($transformer_at_longest) }）。
    [fits_but_fails_longer] Transformer：学習用の列は覚えましたが（中央値 { PCT($transformer_train) }、同じ長さの未使用の列で { PCT($transformer_held_out) }）、{ $longest } ビットでは { PCT($transformer_at_longest) }（いちばん良いシードでも { PCT($transformer_best_seed) }）と、当てずっぽうの { PCT($chance) } のそばまで落ちました。
    [does_not_fit] Transformer：学習用の列さえ覚えられませんでした（学習用の列での正解率の中央値 { PCT($transformer_train) }）。
   *[mixed] Transformer：学習用の列を覚えたのは { $seeds } つのシードのうち { $transformer_fits } つ、{ $longest } ビットで { PCT($generalises_from) } 以上を保ったのは { $transformer_generalises } つです（中央値 { PCT($transformer_at_longest) }）。
  }
par-table-length = ビット数
par-table-lstm = LSTM
par-table-transformer = Transformer
par-table-note = 表の正解率は { $seeds } つのシード（{ $seed_list }）の中央値で、長さごとに { NUM($test_size) } 本のランダムな列で測りました。
par-about = パリティ。学習には長さ 1〜{ $max_length } のあらゆる長さの列（短い列は左を専用の記号で埋める）、検証には同じ長さの未使用の列、テストには { $test_lengths } ビットのランダムな列を使用。LSTM（重み { NUM($lstm_params) } 個）と正弦波の位置情報を持つ Transformer（{ NUM($transformer_params) } 個）。ステップ数と学習率の候補は同じ。
par-paper = Delétang ら 2023：LSTM はパリティを長い列にも汎化でき、Transformer はできない

## ヘッドの数と層の数で結果は変わる？（verdict: heads_layers）

hl-ask = Transformer には分かりやすいつまみが 2 つあります。1 つの層の中で並んで働くヘッドの数と、積み重ねる層の数です。いくつかの形を、キーと数字が別々に並んだ探しもの「A 3 B 7 … B?」で試しました。答えるには、まず各数字をすぐ前のキーと結びつけ、そのあとで質問されたキーを探す必要があります。Attention を 2 段階使うわけです。Olsson ら（2022）は、この種の探しものをする「帰納ヘッド」には少なくとも 2 層が要ることを示しました。
hl-main = { $depth ->
    [matters] 決め手は深さでした。2 層以上のいちばん良い形は、どの回も、1 層のどの形のどの回より上でした。
    [one_layer_enough] ここでは 1 層で足りました。1 層の形で、どの回も解けています。
   *[unclear] ここでは、深さではっきり差がついたとは言えません。1 層と深い形の成績の幅が重なりました。
  }
hl-enough = { $deep_enough ->
    [every_seed] 深い形は、どれもどの回も解けました。
   *[not_every_seed] ただし、深ければ十分というわけではなく、深い形でも解けなかった回がありました。
  }
hl-heads = { $heads ->
    [no] 同じ深さでは、ヘッドの数を変えても、どの回でも上回るような差はつきませんでした。
    [matter] ヘッドの数でも差が出ました。{ $heads_layers } 層では、あるヘッド数が別のヘッド数をどの回でも上回りました。
   *[one_count] ヘッドの数は 1 通りしか試していないので、ヘッドについては何も言えません。
  }
hl-rule = 正解率は { $seeds } つのシード（{ $seed_list }）の中央値、「解けたシード数」は { PCT($solved_from) } 以上に届いたシードの数です。当てずっぽうなら { PCT($chance, digits: 1) } です。ヘッドを増やしても重みは増えません。同じ幅をヘッドで分け合うからです。
hl-table-heads = ヘッド数
hl-table-layers = 層の数
hl-table-params = パラメータ数
hl-table-accuracy = 正解率
hl-table-solved = 解けたシード数
hl-depth-numbers = { $depth ->
    [matters] 1 層のいちばん良い形でも { PCT($one_layer_best) } で、1 層のどのシードも { PCT($one_layer_max_seed) } 以下でした。いちばん良い深い形（{ $best_layers } 層、ヘッド { $best_heads } 個）は、どのシードも 1 層のどのシードより上で、中央値は { PCT($deeper_best) } です。
    [one_layer_enough] 1 層のいちばん良い形は { PCT($one_layer_best) } でした。
   *[unclear] 1 層のいちばん良い形で { PCT($one_layer_best) }、深い形のいちばん良いもので { PCT($deeper_best) } でした。シードの幅が重なっています。
  }
hl-deep-numbers = { $deep_enough ->
    [every_seed] 深い形をまとめると、{ $deep_seeds } シードのすべてが解けました。
   *[not_every_seed] 深い形をまとめると、解けたのは { $deep_seeds } シードのうち { $deep_solved } シードで、いちばん悪いシードは { PCT($deep_worst, digits: 1) } でした。表の中央値には、こうしたシードは表れていません。
  }
hl-heads-numbers = 同じ深さで、ヘッド数による中央値の差は最大 { PCT($heads_spread) } でした。
hl-smallest = { $smallest ->
    [found] すべてのシードで解けたいちばん小さな形は、{ $smallest_layers } 層、ヘッド { $smallest_heads } 個、パラメータ { NUM($smallest_params) } 個でした。
   *[none] すべてのシードで解けた形はありませんでした。
  }
hl-paper-premise = Olsson らが調べたのは、本物の文章で学習した言語モデルの帰納ヘッドです。私たちの課題は 2 段階が要るように作ったおもちゃで、モデルもとても小さなものです。その前提の中で確かめたのは、「1 層の Attention ではこの探しものには足りない」という一点だけです。
hl-about = キーと数字の組 { $pairs } 個（{ $length } トークン）の連想記憶。Transformer の幅 { $width }、どの形も { NUM($steps) } ステップ学習し、形ごとに自分の学習率を選んだ。
hl-paper = Olsson ら 2022：帰納ヘッドには 2 層の Attention が要る

## 結論（verdicts: far_recall, compute_cost, length_generalisation, data_efficiency）

short-far = { $beats ->
    [transformer] ずっと前のカードを思い出すのは、Transformer の勝ちでした。
   *[no_separation] ずっと前のカードを思い出す問題では、差がつきませんでした。
  }
short-speed = { $threads ->
    [1] CPU の 1 スレッドでは、
   *[other] CPU の { $threads } スレッドでは、
  }{ $speed ->
    [slower_everywhere] Attention の方が遅くなりました。
    [faster_then_slower] 短い列は Attention、長い列は LSTM が速めでした。
    [faster_at] Attention の方が速い長さがありました。
    [slower_from] 長い列で Attention の方が遅くなりました。
   *[tie] 速さにはっきりした差は出ませんでした。
  }
short-parity = { $story ->
    [lstm_only] 練習より長い列で数え続けられたのは、LSTM だけでした。
   *[other] 練習より長い列では、論文どおりの差は出ませんでした。
  }
short-data = { $in_short ->
    [not_held] データが少なくても、LSTM が有利とはなりませんでした。
    [not_held_unlearned] データが少なくても LSTM は有利にならず、例が { NUM($unlearned_up_to) } 個以下ではどちらも覚えられませんでした。
    [held] データが少ないときは、LSTM が有利でした。
   *[depends] データが少ないときの有利不利は、量によって変わりました。
  }

## 比較表（verdicts: far_recall, data_efficiency, length_generalisation, compute_cost）

glance-ask = よく見る比較表に、この記事で測った行を下に足しました。
glance-head = | | LSTM | Attention（Transformer） |
glance-strength = | いちばんの強み | 順番に沿って記憶を持ち運べる | 前のどの位置にも直接手が届く |
glance-how = | 計算のしかた | 1 歩ずつ順番に | すべての位置をいっせいに |
glance-uses = | よく使われる場面 | 時系列、センサーのデータ、短め〜中くらいの文章、小さな機器 | 翻訳、要約、対話、長い文書 |
glance-far = | カード当て、長さ { $row_length }（{ $seeds } 回の学習の中央値と、最悪〜最良） | { PCT($row_lstm, digits: 1) }（{ PCT($row_lstm_low, digits: 1) }〜{ PCT($row_lstm_high, digits: 1) }） | { PCT($row_transformer, digits: 1) }（{ PCT($row_transformer_low, digits: 1) }〜{ PCT($row_transformer_high, digits: 1) }） |
glance-data = | カード当て、学習に使った例 { NUM($row_size) } 個（{ $seeds } 回の学習の中央値） | { PCT($row_lstm, digits: 1) } | { PCT($row_transformer, digits: 1) } |
glance-parity = | パリティ、{ $max_length } ビット以下で学習して { $longest } ビットで試す（{ $seeds } 回の学習の中央値） | { PCT($lstm_at_longest, digits: 1) } | { PCT($transformer_at_longest, digits: 1) } |
glance-time = | 学習 1 ステップの時間、長さ { $longest }（CPU { $threads } スレッド。最速〜最遅） | { NUM($lstm_ms, digits: 3) } ms（{ NUM($lstm_ms_low, digits: 3) }〜{ NUM($lstm_ms_high, digits: 3) }） | { NUM($fused_ms, digits: 3) } ms（{ NUM($fused_ms_low, digits: 3) }〜{ NUM($fused_ms_high, digits: 3) }） |
glance-flops = | 学習 1 ステップの計算量、長さ { $longest }（1 GFLOP は 10 億回） | { NUM($lstm_gflop, digits: 3) } GFLOP | { NUM($attention_gflop, digits: 3) } GFLOP |
glance-row-note = { $row_rule ->
    [both] カード当ての行には、両方のモデルのどの回も当てずっぽうをはっきり上回っていた、いちばん長い長さを選びました。どちらも何かを学べている状態どうしの比較です。
    [one] カード当ての行には、少なくとも一方のモデルのどの回も当てずっぽうをはっきり上回っていた、いちばん長い長さを選びました。
   *[none] どの長さでも、どちらのモデルも当てずっぽうをはっきり上回れなかったので、カード当ての行はいちばん短い長さです。
  }
glance-footnote = { $lstm_quicker ->
    [everywhere] よくある表の「すべての位置をいっせいに」には注意書きが要ります。それは Attention にできることで、私たちの測定の条件ではありません。私たちの CPU では、どの長さでも LSTM の 1 ステップの方が短い時間で済みました。
   *[not_everywhere] 時間の行は 1 つの長さだけです。ほかの長さは、時間の節で見られます。
  }
glance-threads = { $threads ->
    [1] 測ったのは CPU の 1 スレッドで、何もいっせいには動かない環境です。
   *[other] 測ったのは CPU の { $threads } スレッドです。
  }
glance-advice = 迷ったら、この記事と同じことをしてみてください。自分のデータで両方を小さく学習させ、一度に重みを直す幅である学習率や、重みの初期値を決めるシードをいくつか変えて、数字で比べるのです。

## 放課後の会話（verdicts: far_recall, length_generalisation, compute_cost）

school-lstm = { $lstm ->
    [drops] 間に関係ない空白がたくさんはさまると、グラフみたいにごちゃごちゃになっちゃう。
   *[steady] グラフだと、空白がたくさんはさまっても、けっこう覚えていられたよ。
  }
school-parity = { $story ->
    [lstm_only] 練習したより長い列で 1 の数を数える問題だと、LSTM は数え続けられたのに、Transformer はだめだった。
   *[other] 練習したより長い列で 1 の数を数える問題も、そう単純じゃなかった。
  }
school-cpu = { $lstm_quicker ->
    [everywhere] それに、私たちが測った CPU だと、1 ステップの時間は LSTM の方が短かったし。
   *[not_everywhere] それに、私たちが測った CPU だと、どっちが速いかは列の長さ次第だった。
  }

## まとめ（verdicts: far_recall, seq2seq_reversal, compute_cost, length_generalisation, heads_layers）

sum-far = { $beats ->
    [transformer] 遠くのカードを探す問題では、Transformer のどの回も、LSTM のどの回より上でした。
   *[no_separation] 遠くのカードを探す問題では、Transformer と LSTM の差ははっきりしませんでした。
  }
sum-s2s = { $longest_winner ->
    [attention] 小さな翻訳では、大きさをそろえたうえで、いちばん長い文で Attention ありが上回りました。
    [plain] 小さな翻訳では、いちばん長い文で Attention なしが上回りました。
   *[tie] 小さな翻訳では、いちばん長い文でも、あり・なしの差ははっきりしませんでした。
  }
sum-cost = { $threads ->
    [1] CPU の 1 スレッドでは、
   *[other] CPU の { $threads } スレッドでは、
  }{ $speed ->
    [slower_everywhere] 試したどの長さでも、Attention の 1 ステップの方が LSTM より時間がかかりました。
    [faster_then_slower] 短い列では Attention の 1 ステップの方が速く、長い列では遅くなりました。
    [faster_at] Attention の 1 ステップの方が速い長さがあり、遅い長さはありませんでした。
    [slower_from] 長い列で Attention の 1 ステップの方が時間がかかりました。
   *[tie] 1 ステップの速さにはっきりした差は出ませんでした。
  }{ $cause ->
    [arithmetic] 差の大部分は、Attention の計算の多さです。
   *[per_flop] 差の大部分は、計算の量ではなく、計算の進み方の遅さです。
  }
sum-parity = { $story ->
    [lstm_only] パリティでは、どちらも学習した短い列は覚えましたが、長い列でも数え続けられたのは LSTM だけでした。
   *[other] 学習より長い列でのパリティは、Delétang らの報告どおりには分かれませんでした。
  }
sum-heads = { $depth ->
    [matters] 2 段階の探しものには、Attention の層が 2 つ以上必要でした。
    [one_layer_enough] 2 段階の探しものでも、Attention の層は 1 つで足りました。
   *[unclear] 2 段階の探しものでは、層の数ではっきりした差は出ませんでした。
  }{ $deep_enough ->
    [every_seed] 層を増やすと、どの回も解けました。
   *[not_every_seed] 層を増やしても、解けない回がありました。
  }
