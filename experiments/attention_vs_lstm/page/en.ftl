# Attention vs LSTM, English. One message per sentence or paragraph; the variables come
# from verdicts.py (chigai.site.words). Main lines are plain; exact numbers live in the folds.

## Experiment 1: recall a card seen long ago (verdict: far_recall)

far-ask = We show a model { $cards } cards, each with a letter and a number, like "C=5". Then come some blank steps, and at the end a question such as "C?": what number was on card C? The more blanks, the farther back the answer lies.
# explains: names the three models; their sizes are matched in code and printed in the box
far-models = Three models of about the same size take part: an LSTM, the same kind of LSTM with attention over its own earlier steps, and a small Transformer, which is built from attention.
far-figure = Accuracy by sequence length: the cards, the blanks and the question counted together (the cards come first, the question last). Dashed: guessing. Lines: the median (the middle one) of { $seeds } training runs; band: from the worst run to the best.
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
# explains: what the paper's claim predicts and how our setup differs, not a result
far-paper-premise = Vaswani et al. (2017) did not run this task. Their point is about paths: attention links any two positions in one step, a recurrent layer (one that reads step by step, like an LSTM) needs as many steps as lie between them. Our models are tiny, and a new model is trained for each length; we check only what that point predicts for the Transformer against the plain LSTM: that a far card stays within the Transformer's reach and drifts out of the LSTM's. The LSTM with attention is not part of that check.
far-table-length = length
far-table-lstm = LSTM
far-table-lstm-attention = LSTM + attention
far-table-transformer = Transformer
far-table-note = Accuracies in the table are medians of { $seeds } seeds ({ $seed_list }).
far-about = Card recall with { $cards } cards; sequence lengths { $shortest } to { $longest } tokens. Weights: LSTM { NUM($lstm_params) }, LSTM + attention { NUM($lstm_attention_params) }, Transformer { NUM($transformer_params) } (widths chosen to match). All trained for the same number of steps on the same data; training, validation and test sequences never repeat across sets.
far-paper = Vaswani et al. 2017: self-attention links any two positions in one step, a recurrent layer in n steps

## Where did attention look? (verdict: far_recall)

# explains: how to read the figure
map-ask = Attention has a bonus: you can read where it looked. The picture shows one question from the longest test, answered by the models of one training run. Each row is one attention *head* (one of several lookups a Transformer layer makes side by side) or the LSTM's attention. The red frame marks the card that holds the answer. Most of the long run of blanks is squeezed into one column that adds up their weights, so that column can look dark even where no single blank got much attention.
# explains: how to read the colours
map-figure = Attention from the question to each position of one example. Darker means more attention.
map-main = For that run's Transformer, over the whole longest test, its heads taken together looked hardest at the answer card in { PCT($looks_transformer) } of the questions. { $heads_on_answer ->
    [0] In the example drawn, no single head put its largest weight there.
    [one] In the example drawn, one head does this on its own: its row is dark inside the red frame.
   *[other] In the example drawn, { $heads_on_answer } heads do this on their own: their rows are dark inside the red frame.
  } The LSTM's attention is harder to read, as the numbers below show.
map-example = In this example, { $heads_on_answer } of the Transformer's { $heads } heads put { $heads_on_answer ->
    [one] its
   *[other] their
  } largest weight on the answer card. Over the whole test at length { $map_length } (the models of seed { $map_seed }), the heads' average weight peaked on the answer card in { PCT($looks_transformer) } of the questions; the LSTM's attention did so in { PCT($looks_lstm_attention) }.
# explains: a measured bound, given as a number
map-lstm = In the example, the LSTM's attention put at most { PCT($lstm_attention_peak, digits: 1) } on any one position, where an even spread over all { $positions } would give { PCT($even_share, digits: 1) }. Its states mix everything it has read, so the card's information need not sit at the card's own position; we did not test this.
map-about = The models of seed { $map_seed } (learning rates: Transformer { NUM($map_lr_transformer) }, LSTM + attention { NUM($map_lr_lstm_attention) }) at length { $map_length }. Transformer: attention from the last position (the question) in its last layer, per head. LSTM + attention: its weights over its own states.

## A tiny translation: with and without attention (verdict: seq2seq_reversal)

reversal-ask = Attention first became famous in machine translation. A translator built from networks that read word by word, like an LSTM, has two parts: an *encoder* that reads the sentence and a *decoder* that writes the translation. Before attention, the encoder had to squeeze the whole sentence into one fixed-size memory before the decoder wrote a word, and Cho et al. (2014) found that such translations got worse as sentences grew. Bahdanau, Cho and Bengio (2014) blamed that fixed-size memory and let the decoder look back at the input words while it writes. Their networks used gated units much like an LSTM's.
# explains: sizes matched in code; test_seq2seq_reversal asserts ±10%
reversal-setup = We replayed this on a toy language: the "translation" of a sentence of random words is the same sentence backwards. Two LSTM translators of about the same size learned it, one with Bahdanau's attention and one without. A sentence counts as right only if every word is right.
reversal-figure = Share of sentences translated exactly right, by sentence length. Lines: the median of { $seeds } training runs; band: from the worst run to the best.
reversal-main-plain = { $plain ->
    [drops] Without attention, the translations fell apart as the sentences grew longer.
   *[steady] Without attention, the translations did not clearly get worse as the sentences grew longer.
  }
reversal-main-attention = { $attention ->
    [holds] With attention, every run still got nearly every sentence right at the longest length.
   *[slips] With attention, { $attention_solved } of { $seeds } runs still got nearly every sentence right at the longest length.
  }
reversal-main-longest = { $longest_winner ->
    [attention] At that length, every run with attention beat every run without.
    [plain] At that length, every run without attention beat every run with it.
   *[tie] At that length, the runs with and without attention overlapped: a tie.
  }
reversal-paper-premise = Bahdanau et al. translated real English sentences into French, training on sentences of up to 50 words, with far bigger models; ours reverse made-up sentences of at most { $longest } words. Inside that small setting, { $paper ->
    [agrees] this is their result in miniature.
    [partly] this is the direction of their result, but not all of it: at { $longest } words, only { $attention_solved } of { $seeds } runs with attention kept { PCT($solved_from) } of the sentences exact.
   *[disagrees] this is not what they found; our sentences may be too short, or our models too small, to show it.
  }
reversal-rule = Each model was trained { $seeds } times from different random starting weights (*seeds*), each at the learning rate its validation data chose. "Solved" means at least { PCT($solved_from) } of the sentences exactly right. Attention adds weights, so the model without it got a wider memory to make up for them: a state of { $plain_hidden } numbers against { $attention_hidden }, { NUM($plain_params) } weights against { NUM($attention_params) }.
reversal-plain-numbers = Without attention: { PCT($plain_at_shortest) } exact at { $shortest } words, { PCT($plain_at_longest) } at { $longest } words (medians).
reversal-attention-numbers = { $attention ->
    [holds] With attention: every seed got at least { PCT($solved_from) } right at { $longest } words (median { PCT($attention_at_longest) }).
   *[slips] With attention: { $attention_solved } of { $seeds } seeds reached { PCT($solved_from) } at { $longest } words (seeds from { PCT($attention_low) } to { PCT($attention_high) }).
  }
reversal-handled = { $attention_handled ->
    [0] {""}
   *[other] Every seed with attention reached { PCT($solved_from) } up to { $attention_handled } words.
  }
reversal-attention-lengths = { $attention_count ->
    [0] {""}
   *[other] At { $attention_lengths } words, every seed with attention beat every seed without it.
  }
reversal-plain-lengths = { $plain_count ->
    [0] {""}
   *[other] At { $plain_lengths } words it was the other way round: every seed without attention beat every seed with it.
  }
reversal-tie-lengths = { $tie_count ->
    [0] {""}
   *[other] At { $tie_lengths } words the seeds overlapped: a tie.
  }
reversal-table-length = words
reversal-table-plain = no attention
reversal-table-attention = with attention
reversal-table-note = Shares in the table are medians of { $seeds } seeds ({ $seed_list }).
reversal-about = Reversing sentences of random words from a vocabulary of { $vocab }. LSTM encoder-decoders: without attention a state of { $plain_hidden } ({ NUM($plain_params) } weights), with attention { $attention_hidden } ({ NUM($attention_params) }). Trained with teacher forcing (the decoder is shown the right previous word while it learns), scored by greedy decoding (it writes its own best guess, word by word); training, validation and test sentences never repeat across sets.
# explains: quotes the paper's claim that our result is compared with
reversal-paper = Bahdanau et al. 2014: with attention, translation quality holds up on long sentences where an encoder-decoder without it degrades

align-ask = The attention version also leaves a trail we can read: for each word it wrote, how much it looked at each input word. Reversing means that to write the first word it should look at the last input word, and so on backwards. In the picture, that is a dark band from the top right to the bottom left.
# explains: how to read the colours
align-figure = Which input word (across) the model looked at for each word it wrote (down), on one sentence. Darker means more attention.
align-main = For the one model drawn here, over all the test sentences, the strongest look fell on the word being copied, or the one next to it, for { PCT($near_copied) } of the words it wrote.
align-neighbour = We count the neighbour too: the encoder reads left to right, so its state one word later has also read the word being copied.
align-about = The alignment weights of the attention model of seed { $align_seed } (learning rate { NUM($align_lr) }) at length { $align_length }, on the first test sentence, { $align_correct ->
    [correct] which it translated correctly.
   *[wrong] which it did not translate correctly.
  }

## One step at a time, or all at once (verdict: compute_cost)

# explains: almost the same number of weights: params_gap under 2%, asserted by test_quick_findings (0.5% in the full result)
cost-ask = People often say attention is fast because it works in parallel, on all positions at once. To check, we timed one training step of an LSTM layer and of one Transformer block of almost the same size, on sequences of growing length, { $threads ->
    [one] on a single CPU thread.
   *[other] on { $threads } CPU threads.
  } A training step is a forward pass, which computes the answer, and a backward pass, which works out how each weight should change.
# explains: what the two kernels do, not what we measured
cost-ask-ways = Attention ran two ways: PyTorch's fused version, which never stores the whole table of attention weights, and the textbook formula ("explicit" in the figures), which does. Beside the time we counted the arithmetic of each step: its *FLOPs*, the multiplications and additions of its matrix products.
cost-figure = Time of one training step by sequence length (both axes logarithmic: each step along an axis multiplies the value instead of adding to it). Lines: the median of all { $timed_steps } timed steps; band: from the fastest step to the slowest.
cost-main = { $speed ->
    [slower_everywhere] On our CPU, attention was **not** faster: at every length we tried, even the fused version's step took longer than the LSTM's.
    [faster_then_slower] On our CPU, the fused attention was faster than the LSTM on the shorter sequences and slower on the longer ones.
    [faster_at] On our CPU, the fused attention was faster than the LSTM at some lengths and slower at none.
    [slower_from] On our CPU, the LSTM was the faster one on the longer sequences.
   *[tie] On our CPU, the step times of the fused attention and the LSTM overlapped at every length: a tie.
  }
cost-gpu = { $gpu ->
    [none] We have not measured a GPU, where many cores work side by side, so this page says nothing about one.
    [slower_everywhere] On the GPU ({ $gpu_device }, dashed lines), the fused attention was slower than the LSTM at every length too.
    [slower_from] On the GPU ({ $gpu_device }, dashed lines), the fused attention was not slower than the LSTM up to length { $gpu_slower_from } and was slower from there on.
    [faster_at] On the GPU ({ $gpu_device }, dashed lines), the fused attention beat the LSTM at length { $gpu_faster_at }: there the parallel work paid off, while the LSTM still waited for each step.
   *[tie] On the GPU ({ $gpu_device }, dashed lines), the two overlapped at every length.
  }
cost-why = { $cause ->
    [arithmetic] Why? Mostly the arithmetic.
   *[per_flop] Why? Not mainly the arithmetic: attention did more of it, but it also got through each operation more slowly.
  } Attention compares every position with every other, so its work grows with the square of the length; an LSTM's grows in step with the length (Vaswani et al. 2017, Table 1). { $table_1 ->
    [as_table_1] Our counts agree: at the longest length, most of attention's arithmetic went into comparing pairs of positions.
   *[differs] Our counts did not quite show that.
  }
cost-rule = We call one model faster at a length only when every one of its timed steps was quicker than every one of the other's. The LSTM layer has { NUM($lstm_params) } weights, the Transformer block { NUM($attention_params) }.
cost-ratios = { $speed ->
    [slower_everywhere] The fused attention's median step took { NUM($ratio_shortest, digits: 2) } times the LSTM's at length { $shortest } and { NUM($ratio_longest, digits: 2) } times at { $longest }.
    [faster_then_slower] The fused attention was faster at length { $faster_at } and slower from length { $slower_from } on ({ NUM($ratio_longest, digits: 2) } times the LSTM's median at { $longest }).
    [faster_at] The fused attention was faster at length { $faster_at } ({ NUM($ratio_longest, digits: 2) } times the LSTM's median at { $longest }).
    [slower_from] From length { $slower_from } on, every LSTM step was quicker than every fused attention step; at { $longest } the attention step took { NUM($ratio_longest, digits: 2) } times as long.
   *[tie] At no length was either one faster by this rule ({ NUM($ratio_longest, digits: 2) } times the LSTM's median at { $longest }).
  } The textbook version took { NUM($explicit_ratio_longest, digits: 2) } times as long as the LSTM at { $longest }.
cost-ties = { $tie_count ->
    [0] {""}
   *[other] At length { $tie_at } the two sets of step times overlapped, so we call it a tie.
  }
cost-flops = Our counts at length { $longest }: { NUM($attention_gflop, digits: 3) } billion FLOPs per step for attention against { NUM($lstm_gflop, digits: 3) } billion for the LSTM, { NUM($flop_ratio_longest, digits: 2) } times as many; { PCT($quadratic_share) } of attention's came from the n × n table of attention weights (n: the sequence length). { $table_1 ->
    [as_table_1] That is Table 1's picture: the LSTM's count grew in step with the length (exponent { NUM($lstm_flops_growth, digits: 2) }) and at the longest length the n² term made up most of attention's.
   *[differs] That is not quite Table 1's picture (the LSTM's count grew with exponent { NUM($lstm_flops_growth, digits: 2) }; attention's n² share was { PCT($quadratic_share) } at the longest length).
  }
cost-cause = { $cause ->
    [arithmetic] So of the fused version's { NUM($ratio_longest, digits: 2) } times longer step there, a factor of { NUM($flop_ratio_longest, digits: 2) } is more arithmetic and a factor of { NUM($per_flop_ratio, digits: 2) } is a slower rate per FLOP: the extra arithmetic is the bigger part.
   *[per_flop] Yet the arithmetic explains the smaller part of the fused version's { NUM($ratio_longest, digits: 2) } times longer step there: { NUM($flop_ratio_longest, digits: 2) } times the FLOPs, done { NUM($per_flop_ratio, digits: 2) } times slower per FLOP.
  }
cost-tracks = { $tracks ->
    [unfit] Too few of the lengths were long enough to leave the fixed costs behind, so we could not fit how the time ratio grew with the FLOP ratio.
    [tracks] As the length grew, the time ratio rose roughly in proportion to the FLOP ratio (fitted exponent { NUM($ratio_exponent, digits: 2) }).
   *[drifts] The time ratio did not simply track the FLOP ratio, though: as the length grew it rose like the FLOP ratio to the power { NUM($ratio_exponent, digits: 2) }, so attention also lost speed per operation on longer sequences.
    [trails] The time ratio did not simply track the FLOP ratio, though: as the length grew it rose only like the FLOP ratio to the power { NUM($ratio_exponent, digits: 2) }, so per operation attention got relatively quicker on longer sequences.
  }
cost-per-op = { $per_op ->
    [lstm] Per operation the LSTM was the quicker one: at that length it got through { NUM($lstm_gflop_per_s, digits: 3) } billion FLOPs per second, the fused attention { NUM($fused_gflop_per_s, digits: 3) }. What the LSTM's step-by-step order costs where many cores could work side by side, we did not measure.
    [attention] Per operation the fused attention was the quicker one ({ NUM($fused_gflop_per_s, digits: 3) } against { NUM($lstm_gflop_per_s, digits: 3) } billion FLOPs per second at that length).
   *[even] Per operation neither was clearly quicker ({ NUM($lstm_gflop_per_s, digits: 3) } billion FLOPs per second for the LSTM, { NUM($fused_gflop_per_s, digits: 3) } for the fused attention, at that length).
  }
cost-fit-intro = How the median step time grew with length, fitted on a log–log scale from the first length whose step takes at least { NUM($overhead_factor, digits: 2) } times the shortest one's (below that, fixed costs dominate):
cost-fit-head = | model | fitted range | time exponent | largest miss of the fit | FLOP exponent | over all lengths: exponent (largest miss) |
cost-fit-lstm = | LSTM | { $lstm_fitted ->
    [fitted] { $lstm_start }–{ $lstm_end } ({ $lstm_points } lengths) | { NUM($lstm_exponent, digits: 2) } | { PCT($lstm_miss) } | { NUM($lstm_flop_exponent, digits: 2) }
   *[too_few] — | — | — | —
  } | { NUM($lstm_all_exponent, digits: 2) } ({ PCT($lstm_all_miss) }) |
cost-fit-fused = | attention (fused) | { $fused_fitted ->
    [fitted] { $fused_start }–{ $fused_end } ({ $fused_points } lengths) | { NUM($fused_exponent, digits: 2) } | { PCT($fused_miss) } | { NUM($fused_flop_exponent, digits: 2) }
   *[too_few] — | — | — | —
  } | { NUM($fused_all_exponent, digits: 2) } ({ PCT($fused_all_miss) }) |
cost-fit-explicit = | attention (textbook) | { $explicit_fitted ->
    [fitted] { $explicit_start }–{ $explicit_end } ({ $explicit_points } lengths) | { NUM($explicit_exponent, digits: 2) } | { PCT($explicit_miss) } | { NUM($explicit_flop_exponent, digits: 2) }
   *[too_few] — | — | — | —
  } | { NUM($explicit_all_exponent, digits: 2) } ({ PCT($explicit_all_miss) }) |
cost-laws = { $laws ->
    [both] The LSTM's and the fused attention's fits hold within { PCT($tolerance) } at every fitted length, so over those fitted lengths it is fair to say that the LSTM's time grew like n^{ NUM($lstm_exponent, digits: 2) } and the fused attention's like n^{ NUM($fused_exponent, digits: 2) }.
   *[not_both] A single power of n does not describe both the LSTM's and the fused attention's curves within { PCT($tolerance) }, or rests on too few lengths, so read their exponents as a rough slope, not a law.
  }
cost-explicit-law = { $explicit_law ->
    [law] The textbook version's fit holds within { PCT($tolerance) } too.
    [misses] The textbook version's fit misses by { PCT($explicit_miss) }, so it gets no single exponent.
   *[too_few] Too few lengths lie past the textbook version's fixed costs, so it gets no single exponent.
  }
cost-follows = { $fused_follows ->
    [follows] The fused attention's time grew in step with its FLOP count.
   *[not] The fused attention's time did not grow in step with its FLOP count.
  }
cost-about = One LSTM layer (a state of { $hidden } numbers) against one Transformer block (width { $width }, { $heads } heads), a batch of { $batch } random sequences. { $timed_steps } timed steps per length: { $rounds } independent rounds of { $repeats }, each after { $warmup ->
    [one] one warm-up step
   *[other] { $warmup } warm-up steps
  } that were not counted; { $threads ->
    [one] a single CPU thread
   *[other] { $threads } CPU threads
  }. A model is called faster at a length only when all its timed steps were quicker than all of the other's. FLOPs: the matrix products of one forward and backward step, counted with PyTorch's FlopCounterMode on the unfused versions of the same layers.
cost-paper = Vaswani et al. 2017, Table 1: self-attention does n²·d work per layer, a recurrent layer n·d²

mem-ask = { $fused_memory ->
    [never_larger] Memory is a different matter.
   *[larger] Memory adds to attention's cost.
  } To learn, a network keeps what it computed on the way forward until the backward pass needs it.
mem-figure = Memory kept for the backward pass, by sequence length (both axes logarithmic).
mem-main = { $fused_memory ->
    [never_larger] The fused attention never needed more of it than the LSTM at any length we tried: it works the attention weights out again instead of storing them.
   *[larger] Even the fused attention, which works the attention weights out again instead of storing them, needed more of it than the LSTM at some lengths.
  } The textbook version stores the whole table, one weight for every pair of positions.
mem-explicit = { $explicit_larger_from ->
    [0] Even so, it never needed more memory than the LSTM at the lengths we tried.
   *[other] From length { $explicit_larger_from } on, it needed more memory than the LSTM.
  }
mem-end = { $fused_memory ->
    [never_larger] So on memory, attention's cost depends on how it is computed.
   *[larger] {""}
  }
mem-numbers = Fitted over every length, the LSTM's memory grew with exponent { NUM($lstm_memory_exponent, digits: 2) } and the fused attention's with { NUM($fused_memory_exponent, digits: 2) }. The textbook version's table was { PCT($explicit_table_share_shortest) } of what it kept at length { $shortest } and { PCT($explicit_table_share) } at { $longest }; with a share that moves like that, no single exponent describes it (the fit over all lengths gives { NUM($explicit_memory_exponent, digits: 2) }, on the way to the table's 2).
mem-about = The same runs as the timing above. Memory is the size of the tensors autograd saves for the backward pass, weights excluded, measured the same way on every device.

## When there is little data (verdict: data_efficiency)

# explains: the setup: sizes matched in code, the weights printed in the numbers fold
data-ask = A common piece of advice says that an LSTM is the steadier choice when data is scarce. We trained an LSTM and a small Transformer of about the same size on the card recall from above, without the blanks, with training sets from very small to large and the same number of training steps for every size.
data-figure = Card-recall accuracy by number of training examples. Dashed: guessing. Lines: the median of { $seeds } training runs; band: from the worst run to the best.
data-main = { $advice ->
    [not_held] On this lookup the advice did not hold: the LSTM was not ahead at any size we tried.
    [held] On this lookup the advice held: the LSTM was ahead at some sizes and never behind.
   *[depends] On this lookup, which model learned more from few examples depended on the size of the training set.
  }
data-main-lstm = { $lstm_learned ->
    [never] The LSTM never learned it, not even from the largest training set.
   *[somewhere] {""}
  }
data-main-unlearned = { $unlearned_up_to ->
    [0] {""}
   *[other] With { NUM($unlearned_up_to) } training examples or fewer, neither model learned the lookup.
  }
data-main-transformer = { $transformer_count ->
    [0] {""}
   *[other] The Transformer was ahead with { $transformer_sizes } training examples.
  }
data-rule = Each size was trained { $seeds } times from different random starting weights (*seeds*), each model at its own learning rate. A model is ahead at a size only when every one of its seeds beat every seed of the other by more than { NUM($margin_points) } percentage points. We say a model has learned the lookup when it reaches { PCT($learned_from, digits: 1) }, halfway from guessing ({ PCT($chance, digits: 1) }) to 100%. { $cards } cards; training sets from { NUM($smallest) } to { NUM($largest) } examples; { NUM($lstm_params) } weights in the LSTM, { NUM($transformer_params) } in the Transformer.
data-transformer-numbers = { $transformer_count ->
    [0] {""}
   *[other] With { $transformer_sizes } examples the Transformer was ahead (at { NUM($transformer_size) }: seeds from { PCT($transformer_low, digits: 1) } to { PCT($transformer_high, digits: 1) }, against the LSTM's { PCT($transformer_lstm_low, digits: 1) } to { PCT($transformer_lstm_high, digits: 1) }).
  }
data-lstm-numbers = { $lstm_count ->
    [0] {""}
   *[other] With { $lstm_sizes } examples the LSTM was ahead (at { NUM($lstm_size) }: seeds from { PCT($lstm_low, digits: 1) } to { PCT($lstm_high, digits: 1) }, against the Transformer's { PCT($lstm_transformer_low, digits: 1) } to { PCT($lstm_transformer_high, digits: 1) }).
  }
data-tie-numbers = { $tie_count ->
    [0] {""}
   *[other] With { $tie_sizes } examples we call it a tie: the seed ranges overlapped or were less than { NUM($margin_points) } points apart, or both models stayed near guessing.
  }
data-unlearned = { $unlearned_count ->
    [0] {""}
   *[other] With { $unlearned_sizes } examples no seed of either model reached { PCT($learned_from, digits: 1) }.
  }
data-table-size = training examples
data-table-lstm = LSTM
data-table-transformer = Transformer
data-table-note = Accuracies in the table are medians of { $seeds } seeds ({ $seed_list }).
# explains: the setup: the same training steps for every size, by design
data-about = Card recall with { $cards } cards and no blanks. LSTM ({ NUM($lstm_params) } weights) and Transformer ({ NUM($transformer_params) }), the same number of training steps for every size; training, validation and test cards never repeat across sets. A model is ahead at a size only when all its seeds beat all of the other's by more than { PCT($margin) }.
data-paper = none: this tests a common piece of advice, not a published result

## Counting on strings longer than any it trained on (verdict: length_generalisation)

par-ask = **Parity** asks whether a string of bits, 0s and 1s, holds an odd number of ones. A model that reads in order can keep a one-bit running tally, odd or even so far, which works at any length. Delétang et al. (2023) used tasks like this to test *length generalisation*: train on short strings, test on longer ones. In their study LSTMs kept solving parity on the longer strings, while Transformers fell to guessing, although, the authors note, their models could fit the training data perfectly.
par-setup = We did the same on a small scale. Two models of about the same size trained on strings of every length up to { $max_length } bits; then we tested them on longer random strings. The Transformer marks positions with the sine waves of Vaswani et al., which give a value at every position, but positions that far out never occurred in its training.
par-figure = Parity accuracy by string length: held-out strings of the training lengths (left), then longer strings. Dashed: guessing; dotted: the line we count as generalising. Lines: the median of { $seeds } training runs; band: from the worst run to the best.
par-main-lstm = { $lstm ->
    [generalises] The LSTM kept counting on strings far longer than any it had practised on, in every run.
    [fits_but_fails_longer] The LSTM learned its training strings, but no run of it held up on the longest strings.
    [does_not_fit] The LSTM did not even learn its training strings.
   *[mixed] The LSTM's runs disagreed: some held up on longer strings and some did not.
  }
par-main-transformer = { $transformer ->
    [generalises] The Transformer, too, kept counting on the longer strings in every run.
    [fits_but_fails_longer] The Transformer learned its training strings too, yet no run of it held up on the longest strings: it learned something that works only at the lengths it saw.
    [does_not_fit] The Transformer did not even learn its training strings, so its scores on longer strings say nothing about length.
   *[mixed] The Transformer's runs disagreed: some held up on longer strings and some did not.
  }
par-paper-premise = Delétang et al. trained far larger models for far longer, on longer strings than ours. Their claim concerns models that can fit their training strings; judged on that premise, { $paper ->
    [agrees] our small run shows what they report.
    [disagrees] our small run shows the opposite of what they report.
   *[partly] our small run agrees with them only in part.
  }
par-rule = Training strings of every length from 1 to { $max_length } bits, shorter ones padded on the left; the learning rate was chosen on held-out strings of those lengths, which no model trained on. Test: { NUM($test_size) } random strings for each of { $test_lengths } bits. Guessing gets { PCT($chance) }; a model generalises at a length when it stays at or above { PCT($generalises_from) }. Weights: LSTM { NUM($lstm_params) }, Transformer { NUM($transformer_params) }.
par-lstm-numbers = { $lstm ->
    [generalises] LSTM: fitted its training strings in every seed and stayed at or above { PCT($generalises_from) } on the longest strings in every seed ({ PCT($lstm_at_longest) } median at { $longest } bits).
    [fits_but_fails_longer] LSTM: fitted its training strings (median { PCT($lstm_train) }; held-out strings of those lengths { PCT($lstm_held_out) }), but fell to { PCT($lstm_at_longest) } at { $longest } bits (best seed { PCT($lstm_best_seed) }), next to guessing's { PCT($chance) }.
    [does_not_fit] LSTM: did not fit its training strings (median training accuracy { PCT($lstm_train) }).
   *[mixed] LSTM: { $lstm_fits } of { $seeds } seeds fitted the training strings, and at { $longest } bits { $lstm_generalises } of { $seeds } stayed at or above { PCT($generalises_from) } (median { PCT($lstm_at_longest) }).
  }
par-transformer-numbers = { $transformer ->
    [generalises] Transformer: fitted its training strings in every seed and stayed at or above { PCT($generalises_from) } on the longest strings in every seed ({ PCT($transformer_at_longest) } median at { $longest } bits).
    [fits_but_fails_longer] Transformer: fitted its training strings (median { PCT($transformer_train) }; held-out strings of those lengths { PCT($transformer_held_out) }), but fell to { PCT($transformer_at_longest) } at { $longest } bits (best seed { PCT($transformer_best_seed) }), next to guessing's { PCT($chance) }.
    [does_not_fit] Transformer: did not fit its training strings (median training accuracy { PCT($transformer_train) }).
   *[mixed] Transformer: { $transformer_fits } of { $seeds } seeds fitted the training strings, and at { $longest } bits { $transformer_generalises } of { $seeds } stayed at or above { PCT($generalises_from) } (median { PCT($transformer_at_longest) }).
  }
par-table-length = bits
par-table-lstm = LSTM
par-table-transformer = Transformer
par-table-note = Accuracies in the table are medians of { $seeds } seeds ({ $seed_list }), on { NUM($test_size) } random strings per length.
# explains: the setup: the same steps and learning-rate candidates, by design
par-about = Parity. Training strings of every length from 1 to { $max_length } (shorter ones padded on the left with a separate token); validation: held-out strings of the same lengths; test: random strings of { $test_lengths } bits. LSTM ({ NUM($lstm_params) } weights) and Transformer with sinusoidal positions ({ NUM($transformer_params) }), the same steps and learning-rate candidates.
par-paper = Delétang et al. 2023: LSTMs generalise parity to longer strings, Transformers do not

## Do heads and layers matter? (verdict: heads_layers)

# explains: what the task needs, by its design
hl-ask = A Transformer has two obvious knobs: how many attention heads look side by side in each layer, and how many layers are stacked. We tried several shapes on a lookup where keys and numbers are separate tokens ("A 3 B 7 … B?"). To answer, the model must first link every number to the key just before it, and only then find the key asked for: two steps of attention. Olsson et al. (2022) found that this kind of lookup, done by an "induction head", needs at least two layers.
hl-main = { $depth ->
    [matters] Depth made the difference: the best shape with more than one layer beat every one-layer shape, in every run.
    [one_layer_enough] One layer was enough here: a one-layer shape solved it in every run.
   *[unclear] Depth did not clearly decide it here: the runs of one-layer and deeper shapes overlapped.
  }
hl-enough = { $deep_enough ->
    [every_seed] Every run of every deeper shape solved it.
   *[not_every_seed] But depth alone was not enough: some runs of the deeper shapes still failed.
  }
hl-heads = { $heads ->
    [no] At the same depth, no number of heads beat another in every run.
    [matter] The number of heads mattered too, at { $heads_layers } layers: there one head count beat another in every run.
   *[one_count] We tried a single head count, so this says nothing about heads.
  }
hl-rule = Accuracies are medians of { $seeds } seeds ({ $seed_list }); "seeds solved" counts the seeds at or above { PCT($solved_from) }; guessing gets { PCT($chance, digits: 1) }. More heads do not add weights: the heads share out the same width between them.
hl-table-heads = heads
hl-table-layers = layers
hl-table-params = parameters
hl-table-accuracy = accuracy
hl-table-solved = seeds solved
hl-depth-numbers = { $depth ->
    [matters] The best one-layer shape reached { PCT($one_layer_best) } (no one-layer seed above { PCT($one_layer_max_seed) }); every seed of the best deeper shape ({ $best_layers } layers, a head count of { $best_heads }) beat every one-layer seed, { PCT($deeper_best) } median.
    [one_layer_enough] The best one-layer shape reached { PCT($one_layer_best) }.
   *[unclear] One layer reached { PCT($one_layer_best) } at best, deeper shapes { PCT($deeper_best) }; the seed ranges overlapped.
  }
hl-deep-numbers = { $deep_enough ->
    [every_seed] Across the deeper shapes, all { $deep_seeds } seeds solved it.
   *[not_every_seed] Across the deeper shapes, { $deep_solved } of { $deep_seeds } seeds solved it, and the worst scored { PCT($deep_worst, digits: 1) }; the medians in the table hide those seeds.
  }
hl-heads-numbers = At the same depth, the medians of different head counts differed by at most { PCT($heads_spread) }.
hl-smallest = { $smallest ->
    [found] The smallest shape that solved it in every seed had { $smallest_layers } layers, a head count of { $smallest_heads } and { NUM($smallest_params) } parameters.
   *[none] No shape solved it in every seed.
  }
# explains: the premise of the paper check, not a result
hl-paper-premise = Olsson et al. studied induction heads in language models trained on real text; our task is a toy built to need two steps, and our models are tiny. Inside that premise we only check their one claim: one layer of attention is not enough for this lookup.
hl-about = Associative recall with { $pairs } key-number pairs ({ $length } tokens), Transformer width { $width }, { NUM($steps) } training steps for every shape, each shape at its own learning rate.
hl-paper = Olsson et al. 2022: an induction head needs two layers of attention

## In short (verdicts: far_recall, compute_cost, length_generalisation, data_efficiency)

short-far = { $beats ->
    [transformer] Recalling a card seen long ago, every Transformer run beat every LSTM run.
   *[no_separation] Recalling a card seen long ago, neither the Transformer nor the LSTM came out clearly ahead.
  }
short-speed = { $threads ->
    [one] On one CPU thread,
   *[other] On { $threads } CPU threads,
  } { $speed ->
    [slower_everywhere] attention was not faster: its training step took longer at every length.
    [faster_then_slower] attention was faster on short sequences and slower on long ones.
    [faster_at] attention was faster at some lengths and slower at none.
    [slower_from] attention was slower on the longer sequences.
   *[tie] neither attention nor the LSTM was clearly faster.
  }
short-parity = { $story ->
    [lstm_only] Counting ones past the lengths it practised on, only the LSTM kept going.
   *[other] Counting ones past the lengths they practised on, the two did not split as the paper says.
  }
short-data = { $in_short ->
    [not_held] With little data, the LSTM was not the steadier one on our lookup.
    [not_held_unlearned] With little data, the LSTM was not the steadier one on our lookup: with { NUM($unlearned_up_to) } examples or fewer, neither model learned it.
    [held] With little data, the LSTM was the steadier one on our lookup.
   *[depends] With little data, which model did better depended on how little.
  }

## At a glance (verdicts: far_recall, data_efficiency, length_generalisation, compute_cost)

glance-ask = The usual comparison table, with rows we measured added at the bottom.
glance-head = | | LSTM | Attention (Transformer) |
glance-strength = | main strength | follows things in order, keeps a running memory | reaches any earlier position directly |
glance-how = | how it computes | one step after another | all positions at once |
glance-uses = | typical uses | time series, sensor data, short to medium text, small devices | translation, summarising, chat, long documents |
glance-far = | card recall, length { $row_length } (median of { $seeds } training runs; worst–best) | { PCT($row_lstm, digits: 1) } ({ PCT($row_lstm_low, digits: 1) }–{ PCT($row_lstm_high, digits: 1) }) | { PCT($row_transformer, digits: 1) } ({ PCT($row_transformer_low, digits: 1) }–{ PCT($row_transformer_high, digits: 1) }) |
glance-data = | card recall from { NUM($row_size) } training examples (median of { $seeds } training runs) | { PCT($row_lstm, digits: 1) } | { PCT($row_transformer, digits: 1) } |
glance-parity = | parity on { $longest }-bit strings after training on ≤ { $max_length } bits (median of { $seeds } training runs) | { PCT($lstm_at_longest, digits: 1) } | { PCT($transformer_at_longest, digits: 1) } |
glance-time = | time per training step, length { $longest } ({ $threads ->
    [one] 1 CPU thread
   *[other] { $threads } CPU threads
  }; fastest–slowest) | { NUM($lstm_ms, digits: 3) } ms ({ NUM($lstm_ms_low, digits: 3) }–{ NUM($lstm_ms_high, digits: 3) }) | { NUM($fused_ms, digits: 3) } ms ({ NUM($fused_ms_low, digits: 3) }–{ NUM($fused_ms_high, digits: 3) }) |
glance-flops = | arithmetic per training step, length { $longest } (1 GFLOP: a billion FLOPs) | { NUM($lstm_gflop, digits: 3) } GFLOP | { NUM($attention_gflop, digits: 3) } GFLOP |
glance-row-note = { $row_rule ->
    [both] The card-recall row is the longest length at which every run of both models stayed clearly above guessing, so it compares two models that both learned something.
    [one] The card-recall row is the longest length at which every run of at least one model stayed clearly above guessing.
   *[none] At no length did every run of either model stay clearly above guessing; the card-recall row shows the shortest length.
  }
glance-footnote = { $lstm_quicker ->
    [everywhere] One row of the classic table needs a footnote: "all positions at once" is what attention allows, not what our measurement ran on. On our CPU the LSTM step was the quicker one at every length.
   *[not_everywhere] The time row is one length; the section on time shows the others.
  }
glance-threads = { $threads ->
    [one] We timed a single CPU thread, where nothing runs at once.
   *[other] We timed { $threads } CPU threads.
  }
glance-advice = When in doubt, do what we did here: train a small version of each on your own data, with a few learning rates (how big each correction is) and a few seeds (random starts), and compare the numbers.

## After school (verdicts: far_recall, length_generalisation, compute_cost)

school-lstm = { $lstm ->
    [drops] With lots of blanks in between, it got mixed up in our chart.
   *[steady] In our chart it held up even with lots of blanks in between.
  }
school-parity = { $story ->
    [lstm_only] On counting ones in strings longer than any it had practised on, the LSTM kept going and the Transformer didn't.
   *[other] On counting ones in strings longer than any they had practised on, it wasn't that simple either.
  }
school-cpu = { $lstm_quicker ->
    [everywhere] And on the CPU we timed, the LSTM even took less time per step.
   *[not_everywhere] And on the CPU we timed, speed depended on the length.
  }

## Summary (verdicts: far_recall, seq2seq_reversal, compute_cost, length_generalisation, heads_layers)

sum-far = { $beats ->
    [transformer] Looking up a card far back, every Transformer run beat every LSTM run.
   *[no_separation] Looking up a card far back, the Transformer and the LSTM did not separate.
  }
sum-s2s = { $longest_winner ->
    [attention] In the toy translation, the model with attention beat the one without on the longest sentences, with both about the same size.
    [plain] In the toy translation, the model without attention beat the one with it on the longest sentences.
   *[tie] In the toy translation, neither model beat the other on the longest sentences.
  }
sum-cost = { $threads ->
    [one] On one CPU thread,
   *[other] On { $threads } CPU threads,
  } { $speed ->
    [slower_everywhere] an attention step took longer than an LSTM step at every length we tried.
    [faster_then_slower] an attention step was quicker than an LSTM step on short sequences and slower on long ones.
    [faster_at] an attention step was quicker than an LSTM step at some lengths and never slower.
    [slower_from] an attention step took longer than an LSTM step on the longer sequences.
   *[tie] neither step was clearly quicker.
  } { $cause ->
    [arithmetic] Most of the gap is attention's extra arithmetic.
   *[per_flop] Most of the gap is not the arithmetic but how fast it ran.
  }
sum-parity = { $story ->
    [lstm_only] On parity, both learned the short strings they trained on; only the LSTM kept counting on longer ones.
   *[other] On parity beyond the training lengths, the two did not split the way Delétang et al. report.
  }
sum-heads = { $depth ->
    [matters] The two-step lookup needed more than one attention layer.
    [one_layer_enough] One attention layer was enough for the two-step lookup.
   *[unclear] Layers did not clearly decide the two-step lookup here.
  } { $deep_enough ->
    [every_seed] With more layers, every run solved it.
   *[not_every_seed] Even with more layers, not every run solved it.
  }
