# GRU vs LSTM, English. One message per sentence or paragraph; the variables come from
# verdicts.py (chigai.site.words). Main lines are plain; exact numbers live in the folds.

## In short, and how we judge

short-memory = { $outcome ->
    [tie] **Memory.** Holding a number in sequences of up to { $longest } steps, neither the GRU nor the LSTM did clearly better than the other.
    [gru] **Memory.** Holding a number in sequences of up to { $longest } steps, the GRU did clearly better than the LSTM at some lengths.
    [lstm] **Memory.** Holding a number in sequences of up to { $longest } steps, the LSTM did clearly better than the GRU at some lengths.
   *[split] **Memory.** Holding a number in sequences of up to { $longest } steps, each cell did clearly better than the other at some length.
  }
short-counting = { $winner ->
    [lstm] **Counting.** Asked to keep counting past what they had practised, the LSTM went clearly further than the GRU.
    [gru] **Counting.** Asked to keep counting past what they had practised, the GRU went clearly further than the LSTM.
   *[tie] **Counting.** Asked to keep counting past what they had practised, neither cell went clearly further.
  }
short-cost = { $torch_speed ->
    [faster] **Cost.** A GRU has { PCT($params_ratio) } of an LSTM's weights, and on our computer PyTorch's GRU was also quicker at every size we timed.
    [slower] **Cost.** A GRU has { PCT($params_ratio) } of an LSTM's weights, yet on our computer PyTorch's GRU was slower at every size we timed.
    [mostly_faster] **Cost.** A GRU has { PCT($params_ratio) } of an LSTM's weights, and on our computer PyTorch's GRU was quicker at most sizes we timed.
    [mostly_slower] **Cost.** A GRU has { PCT($params_ratio) } of an LSTM's weights, yet on our computer PyTorch's GRU was slower at most sizes we timed.
    [both_ways] **Cost.** A GRU has { PCT($params_ratio) } of an LSTM's weights, yet PyTorch's GRU was quicker only at some sizes and slower at others.
    [some_faster] **Cost.** A GRU has { PCT($params_ratio) } of an LSTM's weights, and PyTorch's GRU was never slower, and quicker at some sizes.
    [some_slower] **Cost.** A GRU has { PCT($params_ratio) } of an LSTM's weights, yet PyTorch's GRU was never quicker, and slower at some sizes.
   *[neither] **Cost.** A GRU has { PCT($params_ratio) } of an LSTM's weights, but PyTorch's GRU was not clearly quicker at any size we timed.
  }
short-gates = { $bias_speed ->
    [lstm_bias1] **Gates.** On one small task, an LSTM whose forget gate starts out more open learned clearly faster than the usual one, in every run.
    [lstm] **Gates.** On one small task, an LSTM whose forget gate starts out more open learned clearly slower than the usual one, in every run.
   *[tie] **Gates.** On one small task, starting an LSTM's forget gate out more open did not make it learn clearly faster.
  }
short-music = { $gru_vs_lstm ->
    [gru] **Real music.** Predicting the next beat of Bach's chorales with one size of model on one computer, the GRU did clearly better than the LSTM.
    [lstm] **Real music.** Predicting the next beat of Bach's chorales with one size of model on one computer, the LSTM did clearly better than the GRU.
   *[undecided] **Real music.** Predicting the next beat of Bach's chorales with one size of model on one computer, neither cell did clearly better.
  }
judging = We trained every model several times, each time from different random starting weights. One such run is called a *seed*, after the random number that starts it. We call one model *clearly ahead* only when every one of its seeds beat the other model's best seed by a margin fixed in the experiment's code; otherwise it is a tie.

## What a GRU saves, and what it costs to run (verdict: step_cost)

# explains: how the cells are built, by design, not a measurement
cost-ask = Count the weights first. An LSTM layer has four blocks of weights: three gates and the *candidate*, the new content it may store. A GRU layer has three. At the same *width* (the size of the state), the GRU layer has { PCT($params_ratio) } of the LSTM's weights, and less arithmetic to do.
# explains: how the experiment was set up, not a result
cost-how = Less arithmetic need not mean less time, since some code is tuned harder than other code. So we timed one *training step*, in which the model reads a batch of sequences, measures how wrong it was and adjusts every weight once. We timed it two ways: with PyTorch's ready-made layers, `nn.GRU` and `nn.LSTM`, and with one hand-written loop that runs both cells with the same code, so that only the cell differs. All of it ran on one computer's processor (its CPU), using one of its cores.
cost-figure = Time of one training step against the width of the state (both axes log scale), { $batch } sequences of { $length } steps at a time. Solid: PyTorch's layers; dashed: the same hand-written loop for both cells. Lines: the median of every timed step over { $rounds } rounds; bands: fastest to slowest step. Measured on { $device }.
cost-main = { $torch_speed ->
    [faster] With PyTorch's layers, the GRU's step was quicker at every width.
    [slower] With PyTorch's layers, the GRU's step was slower at every width, although it does less arithmetic.
    [mostly_faster] With PyTorch's layers, the GRU's step was quicker at most widths, though not at all of them.
    [mostly_slower] Although it does less arithmetic, with PyTorch's layers the GRU's step was slower at most widths, though not at all of them.
    [both_ways] With PyTorch's layers, the GRU's step was quicker at some widths and slower at others.
    [some_faster] With PyTorch's layers, the GRU's step was never slower, and quicker at some widths.
    [some_slower] With PyTorch's layers, the GRU's step was never quicker, and slower at some widths.
   *[neither] With PyTorch's layers, neither step was clearly quicker at any width.
  }
cost-loop = { $loop_speed ->
    [faster] In the hand-written loop, the GRU's step was quicker at every width: there its smaller amount of arithmetic shows.
    [slower] Even in the hand-written loop, the GRU's step was slower at every width.
    [mostly_faster] In the hand-written loop, the GRU's step was quicker at most widths: there its smaller amount of arithmetic shows.
    [mostly_slower] Even in the hand-written loop, the GRU's step was slower at most widths.
    [both_ways] In the hand-written loop too, the GRU's step was quicker at some widths and slower at others.
    [some_faster] In the hand-written loop, the GRU's step was never slower, and quicker at some widths.
    [some_slower] In the hand-written loop, the GRU's step was never quicker, and slower at some widths.
   *[neither] In the hand-written loop, neither step was clearly quicker at any width.
  }
cost-gap = { $gap ->
    [implementation] The loop never made the GRU slower, so where PyTorch's GRU was slower, the cause lies in how PyTorch builds its two layers for this computer, not in the cells. We did not measure why, and we timed no GPU, where both layers run other code.
   *[none] {""}
  }
cost-rule = *Quicker* and *slower* mean at least { PCT($faster_by) } apart in every one of the { $rounds } rounds of timing; otherwise neither.
cost-arithmetic = Across the widths the GRU had { PCT($params_low, digits: 1) } to { PCT($params_high, digits: 1) } of the LSTM's weights, and one training step did { PCT($flops_ratio) } of its matrix arithmetic: the FLOPs (floating-point operations, single multiplications and additions) of the matrix products, counted by PyTorch's FLOP counter. The gates' element-wise work is not counted.
cost-ratios = The GRU's step took { NUM($torch_low) } to { NUM($torch_high) } times as long as the LSTM's with PyTorch's layers, and { NUM($loop_low) } to { NUM($loop_high) } times in the hand-written loop (per width, the median over the rounds; the table gives each width with its range over the rounds).
cost-gap-numbers = { $gap ->
    [implementation] At width { $width }, PyTorch ran the LSTM's step in { NUM($torch_lstm_ms) } ms against { NUM($loop_lstm_ms) } ms in our loop, but the GRU's in { NUM($torch_gru_ms) } ms against { NUM($loop_gru_ms) } ms: its LSTM ran { NUM($lstm_speedup, digits: 2) } times as fast as our loop, its GRU { NUM($gru_speedup, digits: 2) } times.
   *[none] {""}
  }
cost-table-width = width
cost-table-params = GRU weights ÷ LSTM weights
cost-table-flops = GRU FLOPs ÷ LSTM FLOPs
cost-table-torch = GRU time ÷ LSTM time, PyTorch: median (range over rounds)
cost-table-torch-quicker = quicker, PyTorch (–: neither)
cost-table-loop = GRU time ÷ LSTM time, hand-written loop
cost-table-loop-quicker = quicker, loop
cost-about = One layer of each cell at each width, reading batches of { $batch } random sequences of { $length } steps; every training step (forward and backward) timed after { $warmup } untimed warm-up steps, { $repeats } timed steps per round, in { $rounds } rounds with fresh weights. Nothing was trained for a score, so no learning rate was chosen. FLOPs of the matrix products counted with PyTorch's FlopCounterMode; both cells of one width have the same state size, not the same number of weights.
# explains: a paper's claim as published, not our measurement
cost-paper = Cho et al. 2014: the GRU, modelled on the LSTM, is 'much simpler to compute and implement', with two gating units (we check what that means at the same width: fewer weights and less matrix arithmetic; the time of a step is our own question)

## A long memory (verdict: long_memory)

mem-ask = We reuse the adding problem from the [RNN vs LSTM](rnn-vs-lstm.md) article: numbers go by one at a time, two of them are marked, and at the end the model must give their sum.
# explains: how the experiment was set up, not a result
mem-task = The sequence is T steps long; we call T the *lag*. The first marked number comes in the first half, so the model has to hold it for at least T/2 steps. This time three models get the same number of weights: an LSTM, a GRU and a plain RNN.
mem-figure = Test error for each lag T (log scale); lower means the model remembered. Dashed: the blind guess, always answering the average; dotted: a seed must get under it to count as solved. Lines: the median of { $seeds } seeds; bands: from the worst seed to the best.
mem-main = { $outcome ->
    [tie] Up to a lag of { $longest } steps, neither gated cell was clearly ahead of the other at any lag.
    [gru] Up to a lag of { $longest } steps, the GRU was clearly ahead of the LSTM at some lags, and the LSTM at none.
    [lstm] Up to a lag of { $longest } steps, the LSTM was clearly ahead of the GRU at some lags, and the GRU at none.
   *[split] Up to a lag of { $longest } steps, each gated cell was clearly ahead of the other at some lag.
  }
mem-solved = { $solved ->
    [all] Both solved every lag in every seed.
   *[not_all] Not every seed of both solved every lag; the counts are below.
  }
mem-rnn = { $over_rnn ->
    [both_everywhere] With the same number of weights, both were clearly ahead of the plain RNN at every lag.
    [both_somewhere] With the same number of weights, both were clearly ahead of the plain RNN at some lags.
    [gru_only] Of the two, only the GRU was clearly ahead of the plain RNN anywhere.
    [lstm_only] Of the two, only the LSTM was clearly ahead of the plain RNN anywhere.
   *[neither] Neither was clearly ahead of the plain RNN at any lag.
  }
mem-rnn-guess = { $rnn ->
    [guessing] The RNN stayed near the blind guess at every lag.
   *[learned] The RNN got well below the blind guess's error in at least one seed.
  }
mem-rule = A seed *solved* a lag when its test error fell under { PCT($solved_share) } of the blind guess's ({ NUM($base) }); *near the blind guess* means above { PCT($guess_share) } of it. *Clearly ahead*: every seed beat the other's best by more than { PCT($margin_share) } of the blind guess's error.
mem-models = { $matched ->
    [matched] The weight counts were matched within { PCT($params_gap, digits: 2) }:
   *[not_matched] The weight counts differ by up to { PCT($params_gap, digits: 2) }:
  } an LSTM of width { $lstm_width } ({ NUM($lstm_params) } weights), a GRU of width { $gru_width } ({ NUM($gru_params) }) and an RNN of width { $rnn_width } ({ NUM($rnn_params) }).
mem-gru-lower = { $gru_lower_count ->
    [0] {""}
    [one] At lag { $gru_lower_lags }, every GRU seed had a lower error than every LSTM seed, but not by the margin, so it counts as a tie.
   *[other] At lags { $gru_lower_lags }, every GRU seed had a lower error than every LSTM seed, but not by the margin, so they count as ties.
  }
mem-lstm-lower = { $lstm_lower_count ->
    [0] {""}
    [one] At lag { $lstm_lower_lags }, every LSTM seed had a lower error than every GRU seed, but not by the margin, so it counts as a tie.
   *[other] At lags { $lstm_lower_lags }, every LSTM seed had a lower error than every GRU seed, but not by the margin, so they count as ties.
  }
mem-margin = { $lower ->
    [within_margin] There every seed of both had an error smaller than the margin itself, so our test could not have told them apart.
    [beyond_margin] There the errors themselves were larger than the margin, but the gap between the two cells was not.
   *[none] {""}
  }
mem-chung = Chung et al. (2014) compared these cells on music, written as notes, and on recorded speech. Like us, they gave each model about the same number of weights; unlike us, they used real data, where ours is one made-up task. Within that task, { $paper ->
    [agrees] we saw what they found: both gated cells beat the plain RNN, and the two came out close.
    [partly] we saw what they found only in part.
   *[disagrees] we did not see what they found.
  }
mem-table-lag = lag T
mem-table-rnn = RNN error
mem-table-gru = GRU error
mem-table-lstm = LSTM error
# explains: a table heading; the cells under it come from the verdicts
mem-table-solved = seeds that solved it: GRU · LSTM · RNN
mem-table-ahead = clearly ahead (–: neither)
mem-table-lower = lower error in every seed
mem-table-note = Errors are medians of { $seeds } seeds, in percent of the blind guess's error (100 means no better than guessing).
# explains: how the experiment was set up, not a result
mem-about = The adding problem (Hochreiter & Schmidhuber 1997, in the two-channel form of Le, Jaitly & Hinton 2015). RNN, GRU and LSTM had the same number of weights within { PCT($params_gap, digits: 2) }: { NUM($rnn_params) }, { NUM($gru_params) } and { NUM($lstm_params) }. For each seed all three were trained on the same data for the same number of steps at every learning rate of the list below; for each model and lag we kept the rate with the lowest median error on a separate validation set, then scored it on test sequences it had never seen.
# explains: a paper's claim as published, not our measurement
mem-paper = Chung et al. 2014: gated units (GRU, LSTM) beat a tanh RNN, and the GRU and the LSTM come out close to each other

## Real music (verdict: bach_chorales)

# explains: how the experiment was set up, not a result
music-ask = So far every task was made up. Real music is closer to what these networks are used for, and Chung et al. (2014) compared these cells on music too (and on speech). We used { $chorales } chorales by J. S. Bach: short hymns for four voices, soprano, alto, tenor and bass.
# explains: how the experiment was set up, not a result
music-task = We write each chorale as a *piano roll*: one row per beat, marking which of the piano's 88 keys sound on that beat. The model hears the chorale one beat at a time, and before each new beat it gives every key a chance of sounding next. Its score is how surprised it was by the notes Bach actually wrote (the *NLL*, explained below); lower is better.
music-figure = The chorale { $shown }, which no model saw while learning. Rows are piano keys, columns are beats. The darker a square, the more sure the model was, before the beat, that this key would sound; the dots are the notes Bach wrote. Seed 1 of each model.
music-main = { $gru_vs_lstm ->
    [gru] On Bach's chorales, with one size of model on one computer, the GRU predicted the next beat clearly better than the LSTM: it was ahead in { $gru_ahead } of { $seeds } seeds.
    [lstm] On Bach's chorales, with one size of model on one computer, the LSTM predicted the next beat clearly better than the GRU: it was ahead in { $lstm_ahead } of { $seeds } seeds.
   *[undecided] On Bach's chorales, with one size of model on one computer, neither the GRU nor the LSTM predicted the next beat clearly better: the GRU was ahead in { $gru_ahead } of { $seeds } seeds, the LSTM in { $lstm_ahead }.
  }
music-rnn = { $over_rnn ->
    [both] Both gated cells predicted clearly better than the plain RNN.
    [gru_only] Only the GRU predicted clearly better than the plain RNN.
    [lstm_only] Only the LSTM predicted clearly better than the plain RNN.
   *[neither] Neither gated cell predicted clearly better than the plain RNN.
  }
music-rnn-ahead = { $rnn_ahead ->
    [gru] And the plain RNN predicted clearly better than the GRU.
    [lstm] And the plain RNN predicted clearly better than the LSTM.
    [both] And the plain RNN predicted clearly better than both of them.
   *[none] {""}
  }
music-narrow = { $narrow ->
    [gru] The GRU's win over the RNN was the narrowest our rule accepts, and RNN runs were still improving when they stopped, so longer training could change it.
    [lstm] The LSTM's win over the RNN was the narrowest our rule accepts, and RNN runs were still improving when they stopped, so longer training could change it.
   *[none] {""}
  }
music-seeds-figure = Test NLL per beat for each model (lower is better). Dots: the { $seeds } seeds; a thin line joins the three runs of one seed; bars: medians; stars: what Chung et al. (2014) published.
music-capped = { $capped_any ->
    [some] { $capped } of the { $runs } final runs were still improving when they reached the step limit, so those scores may not be the models' best.
   *[none] {""}
  }
music-chung = { $paper ->
    [agrees] This matches Chung et al. (2014): on the same kind of music, both gated units beat the plain RNN.
    [partly] This matches Chung et al. (2014) only in part: they found that both gated units beat the plain RNN, and here only one did.
   *[disagrees] This is not what Chung et al. (2014) found: in their runs both gated units beat the plain RNN.
  } { $gru_vs_lstm ->
    [lstm] In their runs the GRU scored better than the LSTM, a gap they did not call decisive; here the LSTM was clearly ahead.
    [gru] In their runs the GRU also scored better than the LSTM.
   *[undecided] In their runs the GRU scored better than the LSTM, a gap they did not call decisive; here neither was clearly ahead.
  } The table below puts their numbers beside ours, with what we did differently.
# explains: how the experiment was set up, not a result
music-nll = *NLL* (negative log-likelihood) measures surprise. For each key the right answer is whether it sounds or stays silent: if the model gave that answer a chance of 1/2, the key costs 0.69; a chance of 1/100 costs 4.6. We add this up over the 88 keys of a beat and average over every beat of the { $test } test chorales.
music-rule = Here we used a different rule from the sections above, with more seeds. Seed *s* gave all three models the same order of training chorales, so each seed is a fair head-to-head. { $decidable ->
    [yes] One model is *clearly better* when it beat the other by more than { NUM($margin) } per beat in at least { $needed } of { $seeds } seeds. If the two were equally good, luck alone would give that at most { PCT($chance, digits: 1) } of the time.
   *[no] With only { $seeds } seeds no count of wins is rare enough to decide, so every comparison here is undecided.
  }
music-models = { $matched ->
    [matched] The weight counts were matched within { PCT($params_gap, digits: 2) }:
   *[not_matched] The weight counts differ by up to { PCT($params_gap, digits: 2) }:
  } an LSTM of width { $lstm_width } ({ NUM($lstm_params) } weights), a GRU of width { $gru_width } ({ NUM($gru_params) }) and an RNN of width { $rnn_width } ({ NUM($rnn_params) }).
music-tuning = { $bound_hit ->
    [some] Each model's learning rate was searched on { $tuning_seeds } seeds, tripling or dividing by three until the best one had a worse rate on each side; for at least one model a limit we set stopped the search first. Every seed then trained at the rate chosen.
   *[none] Each model's learning rate was searched on { $tuning_seeds } seeds, tripling or dividing by three until the best one had a worse rate on each side. Every seed then trained at the rate chosen.
  }
music-gap = Our medians differ from Chung et al.'s numbers by { NUM($gap_low, digits: 2) } to { NUM($gap_high, digits: 2) } per beat. Of the { $capped } final runs still improving at the step limit, { $rnn_capped } were the RNN's, { $gru_capped } the GRU's and { $lstm_capped } the LSTM's.
music-table-model = model
music-table-ours = our NLL (median)
music-table-spread = our seeds, lowest–highest
music-table-published = Chung et al. 2014
music-table-lr = learning rate
music-table-params = weights
music-table-improving = seeds still improving at the step limit
music-table-note = The chorales were split by piece: { $train } to learn from, { $validation } to choose the learning rate and when to stop, { $test } to test. Chung et al. used the JSB split (229, 76, 77), RMSProp with weight noise and their own training schedule (RMSProp and Adam are two recipes for adjusting the weights). We used Adam, no weight noise, our own derivation of the chorales from music21, and stopped each run when validation NLL had not improved for a while (at most { NUM($cap) } steps).
# explains: how the experiment was set up, not a result
music-about = Next-beat prediction on { $chorales } Bach chorales from music21, written as piano rolls in the manner of Boulanger-Lewandowski et al. (2012): one row per quarter note over the 88 piano keys, transposed to C major or C minor. RNN, GRU and LSTM had { NUM($rnn_params) }, { NUM($gru_params) } and { NUM($lstm_params) } weights. Learning rates were searched on { $tuning_seeds } seeds; { $seeds } paired seeds trained at the chosen rate until validation NLL stopped improving or { NUM($cap) } steps had passed, and were scored on test chorales they had never seen.
# explains: a paper's claim as published, not our measurement
music-paper = Chung et al. 2014: on JSB chorales, test NLL 8.54 (GRU), 8.67 (LSTM), 9.10 (tanh RNN); gated units beat the tanh RNN

## Counting (verdict: counting_anbn)

count-ask = Here is a task that needs a counter. The model reads a string of a's followed by b's, one letter at a time. After each letter it says "yes" if what it has read so far is *n a's followed by exactly n b's*, and "no" otherwise. To answer, it has to count the a's and then count them off again.
count-test = Both cells practised on strings up to n = { $trained }, then we tested them on longer ones, up to n = { $last }. A seed *gets n right* when every answer along that string is right.
count-figure = For each n past the training range, the share of the { $seeds } seeds that got aⁿbⁿ right at every step. LSTM solid, GRU dashed; shaded: the n's of the training range.
count-fit = { $fit ->
    [all] Both cells learned every string they practised on, in every seed.
   *[not_all] Not every seed learned all the strings it practised on; the counts are in the fold.
  }
count-main = { $winner ->
    [lstm] With one small model of each kind, every LSTM seed kept counting right further than every GRU seed.
    [gru] With one small model of each kind, every GRU seed kept counting right further than every LSTM seed.
   *[tie] With one small model of each kind, neither cell kept counting right clearly further than the other.
  }
count-reach = { $reach ->
    [lstm_only] Only the LSTM got every n right to twice the training range, and only in { $lstm_twice } of its { $seeds } seeds.
    [gru_only] Only the GRU got every n right to twice the training range, and only in { $gru_twice } of its { $seeds } seeds.
    [both] Both cells had seeds that got every n right to twice the training range.
   *[neither] No seed of either cell got every n right to twice the training range.
  }
# explains: Weiss et al.'s argument from how the cells are built, and how our setup differs
count-setup = Weiss, Goldberg and Yahav (2018) predicted a split here. An LSTM's cell can hold a number that keeps growing, so it can keep a running count. A GRU's state is squeezed between −1 and 1, so its count blurs as n grows. Our test is not theirs: we trained on short strings, for a fixed number of steps, with one small model of each kind, and a string counts as right only when every answer along it is right.
count-paper = { $paper_case ->
    [agrees] Within those limits we saw their split: every LSTM seed reached twice the training range, no GRU seed did, and the LSTM counted clearly further.
    [lstm_ahead] Within those limits, their prediction held only in part: the LSTM counted clearly further, but not every LSTM seed reached twice the training range.
    [lstm_reach] Within those limits, their prediction held only in part: as they predict, no GRU seed counted right to twice the training range, but only { $lstm_twice } of the { $seeds } LSTM seeds did, and the LSTM was not clearly ahead.
    [tie] Within those limits, their prediction held only in part: the LSTM was not clearly ahead.
   *[disagrees] Within those limits we saw the opposite: the GRU counted clearly further.
  }
# explains: what we did not measure, and a later study's finding
count-caveat = We did not look inside the cells, so we cannot say whether the LSTM's best seed kept its count in its cell, as Weiss et al. saw theirs do. A later study found an LSTM's counting to depend a great deal on how it is trained (Suzgun, Belinkov & Shieber 2019).
count-rule = The models practised on every n from 1 to { $trained } except { $held_out }, kept aside to choose each model's learning rate (how big a step the weights take as it learns). Then we tested every n from { $first } to { $last }. Every string runs two b's past the balance point, so it asks about one and two b's too many as well as too few.
count-models = { $matched ->
    [matched] The GRU's and the LSTM's weight counts are matched
   *[not_matched] The GRU's and the LSTM's weight counts are not matched
  } ({ NUM($gru_params) } and { NUM($lstm_params) }).
count-lstm = LSTM: { $lstm_fits } of { $seeds } seeds got every training string right. Without a miss, its seeds got every n right up to somewhere between n = { $lstm_low } and n = { $lstm_high } (median { $lstm_median }); { $lstm_twice } of them reached twice the training range ({ $twice }), and { $lstm_end } reached the end of the test ({ $last }).
count-gru = GRU: { $gru_fits } of { $seeds } seeds got every training string right. Without a miss, its seeds got every n right up to somewhere between n = { $gru_low } and n = { $gru_high } (median { $gru_median }); { $gru_twice } of them reached twice the training range ({ $twice }), and { $gru_end } reached the end of the test ({ $last }).
count-win-rule = { $winner ->
    [lstm] Every LSTM seed counted further than every GRU seed, by more than { NUM($margin) } in n.
    [gru] Every GRU seed counted further than every LSTM seed, by more than { NUM($margin) } in n.
   *[tie] A win needs one model's worst seed to beat the other's best by more than { NUM($margin) } in n; here neither did, so it is a tie.
  }
# explains: one model's own seeds quoted from the result, no comparison typed
count-best = The best LSTM seed got every n right up to { $lstm_high }, { NUM($lstm_best_times, digits: 2) } times the largest n it practised; { $lstm_short } of the { $seeds } LSTM seeds fell short of twice the training range.
count-table-n = n up to
count-table-lstm = LSTM seeds right on every n (of { $seeds })
count-table-gru = GRU seeds right on every n (of { $seeds })
# explains: how the experiment was set up, not a result
count-about = aⁿbⁿ with a yes/no answer after every letter. One-layer GRU and LSTM with { NUM($gru_params) } and { NUM($lstm_params) } weights, trained on n = 1 to { $trained } except the held-out n's, at every learning rate of the list below, with { $seeds } seeds; each model's rate was chosen on the held-out n's by their loss, then every n up to { $last } was tested.
count-paper-line = Weiss, Goldberg & Yahav 2018: an LSTM learns to count and recognises aⁿbⁿ beyond the n it trained on; a GRU does not

## Which parts of an LSTM matter? (verdict: gate_ablations)

# explains: the papers' questions, and how the forget-gate bias works by design
abl-ask = A GRU is, roughly, an LSTM with parts taken out and two gates tied together. Greff and colleagues asked which parts of an LSTM can go: they removed one part at a time and trained thousands of networks. Jozefowicz, Zaremba and Sutskever tried over ten thousand recurrent designs in search of a better one. One of their findings concerns the forget gate's *bias*, a number added inside the gate before it decides. Start it at 0 and a new LSTM's forget gate starts half open; start it at 1 and the gate starts about three-quarters open, so it keeps more of its memory instead of letting it fade. They found that this closes the gap between the LSTM and the GRU.
abl-task = We built one LSTM cell with switches and trained { $variants } models on a task where letting go matters. A stream of { $length } symbols goes by, with 2 to { $marks } of them marked. At the end the model must name the symbol at the **last** mark. Each new mark makes the stored answer wrong, so a model has to drop it and keep the new one. Guessing gets { PCT($chance, digits: 1) } right.
abl-figure = Test accuracy of each model: bars are the median of { $seeds } seeds, dots the seeds one by one; dashed: guessing.
abl-main = { $accuracy ->
    [all_tie] In accuracy on this task, every model tied with the plain LSTM: no change made a clear difference.
   *[some_differ] In accuracy on this task, some changes made a clear difference; the table below says which.
  }
abl-weak = { $test ->
    [weak_both] That test could not show much here. The plain LSTM's best seed came so close to 100% that no model could have counted as clearly better. And its worst seed did not solve the task, so a model would have had to do even worse in every seed to count as clearly worse.
    [weak] That test could not show much here: the plain LSTM's best seed came so close to 100% that no model could have counted as clearly better.
   *[fair] {""}
  }
abl-speed = { $bias_speed ->
    [lstm_bias1] How fast they learned did set the two LSTMs apart. With its forget gate starting open, the LSTM's training *loss*, a score of how wrong its answers were, fell to half the loss of guessing sooner than the plain LSTM's, in every seed.
    [lstm] How fast they learned set them apart another way: the plain LSTM's training *loss*, a score of how wrong its answers were, fell to half the loss of guessing sooner than that of the LSTM whose forget gate started open, in every seed.
   *[tie] In how fast they learned, the two LSTMs did not separate: the training *loss*, a score of how wrong the answers were, fell to half the loss of guessing at overlapping times in the seeds of both.
  }
abl-gru-speed = { $gru_speed ->
    [fastest] The GRU was quicker than both.
   *[not_fastest] The GRU was not clearly quicker than both.
  }
abl-rates = { $rates ->
    [same] Every model chose the same *learning rate*, the size of the steps its weights take as it learns, on *validation data*: examples kept apart from training and used only to choose settings. So the rate does not explain a gap in speed.
    [pair_same] Each model chose its own *learning rate*, the size of the steps its weights take as it learns, on *validation data*: examples kept apart from training and used only to choose settings. The two LSTMs chose the same rate, so the rate does not explain the gap between them; the other models chose other rates, so part of their speed may come from the rate.
   *[differ] Each model learned at its own *learning rate*, the size of the steps its weights take as it learns, chosen on *validation data*: examples kept apart from training and used only to choose settings. The rates differ, so part of a gap in speed may come from the rate.
  }
abl-loss-figure = Training loss (log scale) of the plain LSTM, the LSTM with forget bias 1 and the GRU, each at its chosen learning rate. Dotted: half the loss of guessing, the level we time. Lines: the median of { $seeds } seeds; bands: from the best seed to the worst.
abl-greff-setup = Greff et al. measured speech, handwriting and music, and tried many settings per variant. Their LSTM also has *peephole connections*, wires that let the gates look at the memory cell directly, which ours lacks. They suggested that the output tanh matters where the cell's values grow large, which a short task may never bring about. Ours is one small task with { $seeds } seeds per model. On it, in accuracy:
abl-nfg = { $nfg ->
    [hurts] removing the forget gate clearly hurt;
    [helps] removing the forget gate clearly helped;
   *[tie] removing the forget gate made no clear difference;
  }
abl-noaf = { $noaf ->
    [hurts] removing the output tanh clearly hurt;
    [helps] removing the output tanh clearly helped;
   *[tie] removing the output tanh made no clear difference;
  }
abl-cifg = { $cifg ->
    [hurts] and tying the input gate to the forget gate clearly hurt.
    [helps] and tying the input gate to the forget gate clearly helped.
   *[tie] and tying the input gate to the forget gate made no clear difference.
  }
abl-greff = { $paper_greff ->
    [agrees] That is what Greff et al. found.
    [partly] Greff et al. found that the first two hurt and the third does not, so we agree with them only in part.
   *[disagrees] That is not what Greff et al. found: in their runs the first two hurt and the third did not.
  }
# explains: a paper's claim as published, not our measurement
abl-joz-setup = Jozefowicz et al. scored the best of many tuned runs on larger tasks; here each model ran at the one learning rate it chose, on one small task. Their picture has three parts: the GRU does not lose to the LSTM, a forget-gate bias of 1 helps the LSTM, and with that bias the GRU is no longer ahead.
abl-joz-gru = { $gru_accuracy ->
    [tie] Here, in accuracy the GRU neither lost to the plain LSTM nor beat it.
    [gru] Here, in accuracy the GRU beat the plain LSTM.
   *[lstm] Here, in accuracy the GRU lost to the plain LSTM.
  }
abl-joz-bias = { $bias_helps ->
    [accuracy] The bias of 1 helped the LSTM in accuracy.
    [speed] The bias of 1 helped the LSTM clearly in speed, but not clearly in accuracy.
   *[no] The bias of 1 did not clearly help the LSTM, in accuracy or in speed.
  }
abl-joz-gap = { $gru_over_bias1 ->
    [accuracy] And the GRU stayed ahead of the LSTM with the bias, in accuracy.
    [speed] In accuracy the GRU and the LSTM with the bias tied, but the GRU still learned clearly faster.
   *[no] And the GRU was no longer ahead of the LSTM with the bias.
  }
abl-joz = { $paper_jozefowicz ->
    [agrees] So their picture holds here.
    [partly] So their picture holds here only in part.
   *[disagrees] So their picture does not hold here.
  }
abl-weights = All { $variants } models have a state of width { $width }. Removing or tying a gate also removes weights: NFG, CIFG and the GRU have { PCT($fewer_share) } of the LSTM's { NUM($lstm_params) }.
# explains: one model's own seeds quoted from the result, no comparison typed
abl-lstm-seeds = The plain LSTM's seeds scored { PCT($lstm_low, digits: 1) } to { PCT($lstm_high, digits: 1) } (median { PCT($lstm_median, digits: 1) }) and solved the task in { $lstm_solved } of { $seeds }. So a model counts as clearly worse only with every seed under { PCT($hurt_below, digits: 1) }, and clearly better only with every seed over { PCT($help_above) }.
abl-rule = *Solved*: at least { PCT($solved_from) } of the test questions right. *Clearly* more accurate: every seed beat the other's best seed by more than { PCT($win_margin) } of the test questions. *Quicker* to the mark: its slowest seed got there more than { $step_margin } steps before the other's fastest; a seed that never got there counts as one check past the end of its { NUM($steps) } steps.
abl-table-model = model
abl-table-params = weights
abl-table-lr = learning rate
abl-table-accuracy = test accuracy: median (worst–best seed)
abl-table-solved = seeds solved
abl-table-steps = steps to the mark, median seed (–: never)
abl-table-never = seeds that never reached it
# explains: a table heading; the cells under it come from the verdicts
abl-table-accurate = clearly more accurate than the plain LSTM (–: neither)
# explains: a table heading; the cells under it come from the verdicts
abl-table-quicker = clearly quicker than the plain LSTM (–: neither)
# explains: how the experiment was set up, not a result
abl-about = The last of several marked symbols, { $length } steps, { $symbols } symbols, 2 to { $marks } marks, the last one at least { $hold } steps before the question. { $lstm_variants } LSTMs from one hand-written cell with switches (no peephole connections, which Greff et al.'s LSTM has) and PyTorch's GRU, all of state width { $width }, biases starting at 0 except the forget bias of the second. Each was trained for { NUM($steps) } steps at every learning rate of the list below from { $seeds } seeds; each variant's rate was chosen on a separate validation set (ties on accuracy broken by validation loss), then scored on test sequences it had never seen. The task's minimum gap and the number of training steps were set after trial runs, so that the plain LSTM learns in most seeds.
# explains: a paper's claim as published, not our measurement
abl-paper = Greff et al. 2017: without the forget gate or the output tanh an LSTM does much worse, coupling the input and forget gates costs little; Jozefowicz et al. 2015: the GRU matches or beats the LSTM, and a forget-gate bias of 1 closes the gap
