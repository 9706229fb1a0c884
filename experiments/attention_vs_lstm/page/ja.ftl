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
map-main = 同じシードの Transformer で、いちばん長い列のテスト全体を見ると、ヘッドをまとめた重みは { PCT($looks_transformer) } の質問で答えのカードに最も強く向いていました。LSTM の Attention は読み取りにくく、くわしくは下の数字のとおりです。
map-example = この例では、Transformer の { $heads } つのヘッドのうち { $heads_on_answer } つが、答えのカードにいちばん大きな重みを置いていました。シード { $map_seed } のモデルで長さ { $map_length } のテスト全体を見ると、ヘッドの重みの平均が答えのカードで最大になった質問は { PCT($looks_transformer) }、LSTM の Attention では { PCT($looks_lstm_attention) } でした。
map-lstm = この例の LSTM の Attention は、どの位置にも { PCT($lstm_attention_peak, digits: 1) } 以下しか重みを置いていません。{ $positions } か所に均等に配ると { PCT($even_share, digits: 1) } ずつです。LSTM の状態はそれまでに読んだものすべてが混ざったものなので、カードの情報がカードの位置に残っているとは限りません。ただ、これは確かめていません。
map-about = シード { $map_seed } のモデル（学習率は Transformer { NUM($map_lr_transformer) }、LSTM＋Attention { NUM($map_lr_lstm_attention) }）、長さ { $map_length }。Transformer は最後の層の、最後の位置（質問）からの Attention をヘッドごとに示す。LSTM＋Attention は自分の過去の状態への重み。

## 小さな翻訳で比べる：Attention あり・なし（verdict: seq2seq_reversal）

s2s-ask = Attention が有名になったきっかけは機械翻訳でした。RNN でできた翻訳モデルは 2 つの部分からなります。文を読む*エンコーダー*と、訳を書く*デコーダー*です。Attention が登場する前は、エンコーダーが文をまるごと 1 つの決まった大きさの記憶に詰め込み、デコーダーはそれだけを頼りに訳していました。Cho らは 2014 年に、このやり方では文が長くなるほど訳が悪くなることを示しました。同じ年、Bahdanau・Cho・Bengio は決まった大きさの記憶こそが原因だと考え、訳しながら入力の単語を振り返って見られるようにしました。これが Attention です。彼らが使ったのは、LSTM によく似たゲートつきのユニットでした。
s2s-setup = ここではおもちゃの言語で試しました。ランダムな単語の並びを「逆順に並べ替える」ことを翻訳と見なします。大きさをそろえた LSTM の翻訳モデルを 2 つ用意し、片方にだけ Bahdanau 型の Attention をつけました。1 単語でも間違えたら不正解、という厳しい採点です。
s2s-figure = 文の長さごとの、完全に正しく訳せた割合。線は { $seeds } 回の学習の中央値、帯はいちばん悪い回から良い回まで。
s2s-main-plain = { $plain ->
    [drops] Attention なしでは、文が長くなるほど訳が崩れました。
   *[steady] Attention なしでも、文が長くなって訳がはっきり崩れることはありませんでした。
  }
s2s-main-attention = { $attention ->
    [holds] Attention ありでは、いちばん長い文でも、どの回もほぼすべての文を正しく訳しました。
   *[slips] Attention ありでも、いちばん長い文では「解けた」と言える水準に届かない回がありました。
  }
s2s-main-longest = { $longest_winner ->
    [attention] その長さでは、Attention ありのどの回も、なしのどの回より上でした。
    [plain] その長さでは、Attention なしのどの回も、ありのどの回より上でした。
   *[tie] その長さでは、あり・なしの成績の幅が重なり、引き分けでした。
  }
s2s-paper-premise = Bahdanau らは、本物の英語をフランス語に訳しました。学習に使った文は 50 単語まで、モデルもずっと大きなものです。私たちが試したのは、{ $longest } 単語までの作りものの文を逆順にするだけの課題です。この小さな条件の中で言えば、{ $paper ->
    [agrees] 彼らの結果を小さく再現できました。
    [partly] 向きは彼らの結果と同じですが、全部ではありません。{ $longest } 単語で { PCT($solved_from) } 以上の文を正しく訳せたのは、Attention ありでも { $seeds } 回のうち { $attention_solved } 回でした。
   *[disagrees] 彼らの結果とは違いました。文が短すぎるか、モデルが小さすぎるのかもしれません。
  }
s2s-rule = どちらのモデルも、重みの初期値（シード）を変えて { $seeds } 回ずつ学習し、学習率は検証データで選びました。「解けた」とは、{ PCT($solved_from) } 以上の文を完全に正しく訳せたことです。Attention には重みが要るので、その分 Attention なしの方の記憶を大きくしています。記憶の大きさは { $plain_hidden } と { $attention_hidden }、重みは { NUM($plain_params) } 個と { NUM($attention_params) } 個です。
s2s-plain-numbers = Attention なし：{ $shortest } 単語で { PCT($plain_at_shortest) }、{ $longest } 単語で { PCT($plain_at_longest) } が完全に正解（中央値）。
s2s-attention-numbers = { $attention ->
    [holds] Attention あり：{ $longest } 単語でも、すべてのシードが { PCT($solved_from) } 以上を正しく訳しました（中央値 { PCT($attention_at_longest) }）。
   *[slips] Attention あり：{ $longest } 単語で { PCT($solved_from) } に届いたのは { $seeds } つのシードのうち { $attention_solved } つです（シードごとに { PCT($attention_low) }〜{ PCT($attention_high) }）。
  }
s2s-handled = { $attention_handled ->
    [0] {""}
   *[other] すべてのシードが { PCT($solved_from) } に届いたのは { $attention_handled } 単語までです。
  }
s2s-attention-lengths = { $attention_count ->
    [0] {""}
   *[other] { $attention_lengths } 単語では、Attention ありのどのシードも、なしのどのシードより上でした。
  }
s2s-plain-lengths = { $plain_count ->
    [0] {""}
   *[other] { $plain_lengths } 単語では逆に、Attention なしのどのシードも、ありのどのシードより上でした。
  }
s2s-tie-lengths = { $tie_count ->
    [0] {""}
   *[other] { $tie_lengths } 単語ではシードの幅が重なったので、引き分けです。
  }
s2s-table-length = 単語数
s2s-table-plain = Attention なし
s2s-table-attention = Attention あり
s2s-table-note = 表の割合は { $seeds } つのシード（{ $seed_list }）の中央値です。
s2s-about = { $vocab } 種類の単語からなるランダムな文を逆順にする課題。LSTM のエンコーダー・デコーダーで、Attention なしは記憶の大きさ { $plain_hidden }（重み { NUM($plain_params) } 個）、Attention ありは { $attention_hidden }（{ NUM($attention_params) } 個）。教師強制（学習中はデコーダーに正しい 1 つ前の単語を見せる）で学習し、貪欲法（自分がいちばんよいと思う単語を 1 つずつ書く）で訳して採点。学習・検証・テストのあいだで同じ文は出さない。
s2s-paper = Bahdanau ら 2014：Attention があると、長い文でも訳の質が保たれ、Attention のないエンコーダー・デコーダーは質が落ちる

align-ask = Attention つきのモデルは、読み取れる手がかりも残してくれます。訳語を 1 つ書くたびに、入力のどの単語をどれだけ見たかです。逆順に並べ替えるには、最初の単語を書くときに入力の最後の単語を見て、そこから順に前へさかのぼればよいはずです。図でいえば、右上から左下へ濃い帯が走る形になります。
align-figure = 1 つの文について、書いた単語（縦）ごとに、入力のどの単語（横）を見たか。色が濃いほど強く注目している。
align-main = 図のモデル 1 つについて、テストの文全体を見ると、書いた単語の { PCT($near_copied) } で、いちばん強い注目が写している単語か、その隣に向いていました。
align-neighbour = 隣も数えるのは、エンコーダーが左から右へ読むので、1 単語あとの状態も、写している単語をすでに読んでいるからです。
align-about = シード { $align_seed } の Attention つきモデル（学習率 { NUM($align_lr) }）の、長さ { $align_length } での対応づけの重み。テストの最初の文で、{ $align_correct ->
    [correct] 正しく訳せた文。
   *[wrong] 正しく訳せなかった文。
  }
