# Attention vs LSTM, English. One message per sentence or paragraph; the variables come
# from verdicts.py (chigai.site.words). Main lines are plain; exact numbers live in the folds.

## Experiment 1: recall a card seen long ago (verdict: far_recall)

far-ask = We show a model { $cards } cards, each with a letter and a number, like "C=5". Then come some blank steps, and at the end a question such as "C?": what number was on card C? The more blanks, the farther back the answer lies.
far-models = Three models of about the same size take part: an LSTM, the same kind of LSTM with attention over its own earlier steps, and a small Transformer, which is built from attention.
far-figure = Accuracy by sequence length. The cards come first and the question last. Dashed: guessing. Lines: the median of { $seeds } training runs; band: from the worst run to the best.
far-main-transformer = { $transformer ->
    [holds] The Transformer kept answering correctly even with the cards { $longest_gap } blank steps back.
   *[slips] Even the Transformer slipped when the cards lay far back.
  }
far-main-lstm = { $lstm ->
    [drops] The LSTM got worse the farther back the cards lay. To the Transformer, a card far back is one look away, like a card right next door; the LSTM has to carry every card through every blank step.
   *[steady] The LSTM did not clearly get worse as the blanks grew.
  }
far-main-guessing = { $lstm_far ->
    [guessing] With the cards farthest back, no LSTM run did clearly better than guessing.
    [above] Even with the cards farthest back, every LSTM run stayed clearly above guessing.
   *[mixed] With the cards farthest back, only some LSTM runs stayed clearly above guessing.
  }
far-main-helps = { $helps ->
    [helps] Giving the LSTM attention of its own helped there.
   *[unclear] Giving the LSTM attention of its own did not clearly help there.
  }
far-main-solves = { $helped_solves ->
    [solved] That LSTM with attention solved the task even with the cards farthest back.
   *[short] That LSTM with attention did not solve the task with the cards farthest back.
  }
far-rule = Each model was trained { $seeds } times, each time from different random starting weights (a different *seed*). "Solved" means at least { PCT($solved_from) } correct; "clearly above guessing" means above { PCT($above_from, digits: 1) }; guessing gets { PCT($chance, digits: 1) }. Each model learned at the learning rate (the size of its training steps) that scored best on validation data, questions kept apart from both training and test.
far-transformer-numbers = { $transformer ->
    [holds] Transformer: at length { $longest } every seed answered at least { PCT($solved_from) } correctly (median { PCT($transformer_at_longest) }).
   *[slips] Transformer: at length { $longest }, { $transformer_solved } of { $seeds } seeds reached { PCT($solved_from) } (median { PCT($transformer_at_longest) }).
  }
far-lstm-numbers = LSTM: { PCT($lstm_at_shortest) } at length { $shortest }, { PCT($lstm_at_longest) } at length { $longest } (seeds from { PCT($lstm_low) } to { PCT($lstm_high) }).
far-lstm-above = { $lstm_above_until ->
    [0] No length had every LSTM seed clearly above guessing.
   *[other] The longest length at which every LSTM seed stayed clearly above guessing was { $lstm_above_until }.
  }
far-helps-numbers = LSTM with attention at length { $longest }: { PCT($lstm_attention_at_longest) } (seeds from { PCT($lstm_attention_low) } to { PCT($lstm_attention_high) }), against { PCT($lstm_at_longest) } for the plain LSTM; { $helps ->
    [helps] every seed with attention beat every seed without.
   *[unclear] the seeds overlapped, or both stayed near guessing.
  }
far-paper-premise = Vaswani et al. (2017) did not run this task. Their point is about paths: attention links any two positions in one step, a recurrent layer needs as many steps as lie between them. Our models are tiny, and a new model is trained for each length; we check only what that point predicts here, that a far card stays within reach of attention.
far-table-length = length
far-table-lstm = LSTM
far-table-lstm-attention = LSTM + attention
far-table-transformer = Transformer
far-table-note = Accuracies in the table are medians of { $seeds } seeds ({ $seed_list }).
far-about = Card recall with { $cards } cards; sequence lengths { $shortest } to { $longest } tokens. Weights: LSTM { NUM($lstm_params) }, LSTM + attention { NUM($lstm_attention_params) }, Transformer { NUM($transformer_params) } (widths chosen to match). All trained for the same number of steps on the same data; training, validation and test sequences never repeat across sets.
far-paper = Vaswani et al. 2017: self-attention links any two positions in one step, a recurrent layer in n steps

## Where did attention look? (verdict: far_recall)

map-ask = Attention has a bonus: you can read where it looked. The picture shows one question from the longest test, answered by the models of one seed. Each row is one attention *head* (one of several lookups a Transformer layer makes side by side) or the LSTM's attention. The red frame marks the card that holds the answer; the long run of blanks in the middle is squeezed into one column that holds their weights added up.
map-figure = Attention from the question to each position of one example. Darker means more attention.
map-main = For that seed's Transformer, over the whole longest test, its heads taken together looked hardest at the answer card in { PCT($looks_transformer) } of the questions. The LSTM's attention is harder to read, as the numbers below show.
map-example = In this example, { $heads_on_answer } of the Transformer's { $heads } heads put { $heads_on_answer ->
    [one] its
   *[other] their
  } largest weight on the answer card. Over the whole test at length { $map_length } (the models of seed { $map_seed }), the heads' average weight peaked on the answer card in { PCT($looks_transformer) } of the questions; the LSTM's attention did so in { PCT($looks_lstm_attention) }.
map-lstm = In the example, the LSTM's attention put at most { PCT($lstm_attention_peak, digits: 1) } on any one position, where an even spread over all { $positions } would give { PCT($even_share, digits: 1) }. Its states mix everything it has read, so the card's information need not sit at the card's own position; we did not test this.
map-about = The models of seed { $map_seed } (learning rates: Transformer { NUM($map_lr_transformer) }, LSTM + attention { NUM($map_lr_lstm_attention) }) at length { $map_length }. Transformer: attention from the last position (the question) in its last layer, per head. LSTM + attention: its weights over its own states.

## A tiny translation: with and without attention (verdict: seq2seq_reversal)

s2s-ask = Attention first became famous in machine translation. A translator built from recurrent networks has two parts: an *encoder* that reads the sentence and a *decoder* that writes the translation. Before attention, the encoder had to squeeze the whole sentence into one fixed-size memory before the decoder wrote a word, and Cho et al. (2014) found that such translations got worse as sentences grew. Bahdanau, Cho and Bengio (2014) blamed that fixed-size memory and let the decoder look back at the input words while it writes. Their networks used gated units much like an LSTM's.
s2s-setup = We replayed this on a toy language: the "translation" of a sentence of random words is the same sentence backwards. Two LSTM translators of about the same size learned it, one with Bahdanau's attention and one without. A sentence counts as right only if every word is right.
s2s-figure = Share of sentences translated exactly right, by sentence length. Lines: the median of { $seeds } training runs; band: from the worst run to the best.
s2s-main-plain = { $plain ->
    [drops] Without attention, the translations fell apart as the sentences grew longer.
   *[steady] Without attention, the translations did not clearly get worse as the sentences grew longer.
  }
s2s-main-attention = { $attention ->
    [holds] With attention, every run still got nearly every sentence right at the longest length.
   *[slips] With attention, not every run stayed at the level we count as solved at the longest length.
  }
s2s-main-longest = { $longest_winner ->
    [attention] At that length, every run with attention beat every run without.
    [plain] At that length, every run without attention beat every run with it.
   *[tie] At that length, the runs with and without attention overlapped: a tie.
  }
s2s-paper-premise = Bahdanau et al. translated real English sentences into French, training on sentences of up to 50 words, with far bigger models; ours reverse made-up sentences of at most { $longest } words. Inside that small setting, { $paper ->
    [agrees] this is their result in miniature.
    [partly] this is the direction of their result, but not all of it: at { $longest } words, only { $attention_solved } of { $seeds } runs with attention kept { PCT($solved_from) } of the sentences exact.
   *[disagrees] this is not what they found; our sentences may be too short, or our models too small, to show it.
  }
s2s-rule = Each model was trained { $seeds } times from different random starting weights (*seeds*), each at the learning rate its validation data chose. "Solved" means at least { PCT($solved_from) } of the sentences exactly right. Attention adds weights, so the model without it got a wider memory to make up for them: a state of { $plain_hidden } numbers against { $attention_hidden }, { NUM($plain_params) } weights against { NUM($attention_params) }.
s2s-plain-numbers = Without attention: { PCT($plain_at_shortest) } exact at { $shortest } words, { PCT($plain_at_longest) } at { $longest } words (medians).
s2s-attention-numbers = { $attention ->
    [holds] With attention: every seed got at least { PCT($solved_from) } right at { $longest } words (median { PCT($attention_at_longest) }).
   *[slips] With attention: { $attention_solved } of { $seeds } seeds reached { PCT($solved_from) } at { $longest } words (seeds from { PCT($attention_low) } to { PCT($attention_high) }).
  }
s2s-handled = { $attention_handled ->
    [0] {""}
   *[other] Every seed with attention reached { PCT($solved_from) } up to { $attention_handled } words.
  }
s2s-attention-lengths = { $attention_count ->
    [0] {""}
   *[other] At { $attention_lengths } words, every seed with attention beat every seed without it.
  }
s2s-plain-lengths = { $plain_count ->
    [0] {""}
   *[other] At { $plain_lengths } words it was the other way round: every seed without attention beat every seed with it.
  }
s2s-tie-lengths = { $tie_count ->
    [0] {""}
   *[other] At { $tie_lengths } words the seeds overlapped: a tie.
  }
s2s-table-length = words
s2s-table-plain = no attention
s2s-table-attention = with attention
s2s-table-note = Shares in the table are medians of { $seeds } seeds ({ $seed_list }).
s2s-about = Reversing sentences of random words from a vocabulary of { $vocab }. LSTM encoder-decoders: without attention a state of { $plain_hidden } ({ NUM($plain_params) } weights), with attention { $attention_hidden } ({ NUM($attention_params) }). Trained with teacher forcing (the decoder is shown the right previous word while it learns), scored by greedy decoding (it writes its own best guess, word by word); training, validation and test sentences never repeat across sets.
s2s-paper = Bahdanau et al. 2014: with attention, translation quality holds up on long sentences where an encoder-decoder without it degrades

align-ask = The attention version also leaves a trail we can read: for each word it wrote, how much it looked at each input word. Reversing means that to write the first word it should look at the last input word, and so on backwards. In the picture, that is a dark band from the top right to the bottom left.
align-figure = Which input word (across) the model looked at for each word it wrote (down), on one sentence. Darker means more attention.
align-main = For the one model drawn here, over all the test sentences, the strongest look fell on the word being copied, or the one next to it, for { PCT($near_copied) } of the words it wrote.
align-neighbour = We count the neighbour too: the encoder reads left to right, so its state one word later has also read the word being copied.
align-about = The alignment weights of the attention model of seed { $align_seed } (learning rate { NUM($align_lr) }) at length { $align_length }, on the first test sentence, { $align_correct ->
    [correct] which it translated correctly.
   *[wrong] which it did not translate correctly.
  }
