# RNN vs LSTM, English. One message per sentence or paragraph; the variables come from
# verdicts.py (chigai.site.words). Main lines are plain; exact numbers live in the folds.

## In short (verdicts: adding_problem, marked_recall, small_data)

short-adding = { $outcome ->
    [agrees] Asked to add two numbers seen long ago, the LSTM bridged a gap at which the plain RNN only guessed.
    [partly] Asked to add two numbers seen long ago, the LSTM did better at some gaps, but never while the RNN was left guessing.
   *[disagrees] Asked to add two numbers seen long ago, the LSTM was not clearly better than the plain RNN.
  }
short-recall = { $outcome ->
    [agrees] Asked which symbol was marked, the LSTM still knew after a gap where the RNN could only guess.
    [partly] Asked which symbol was marked, the LSTM did better at some gaps, but the RNN was never left just guessing there.
   *[disagrees] Asked which symbol was marked, the LSTM was not clearly better than the RNN.
  }
short-gradients = { $gradients ->
    [agrees] The usual explanation, a learning signal that fades on its way back, showed up in the one pair of models we probed.
    [partly] The usual explanation, a learning signal that fades on its way back, held only in part in the one pair of models we probed.
   *[disagrees] The usual explanation, a learning signal that fades on its way back, did not show up in the one pair of models we probed.
  }
short-small = { $outcome ->
    [rnn_somewhere] With short sequences and little data, the plain RNN sometimes did better, and it is the smaller model.
    [lstm_only] Even with short sequences and little data, the plain RNN never did clearly better; its strength is being small.
   *[neither] With short sequences and little data, the two tied, and the RNN is the smaller model.
  }

## The two models, drawn (verdict: architecture)

rnn-figure = An RNN laid out over four steps: the state h is handed from one step to the next, and the red bar is what is left of the first input.
cell-figure = One LSTM step. The cell runs along the top like a conveyor belt; the three gates act as switches on it.
# explains: what an LSTM layer's weights are made of; the ratio is the architecture result, not a comparison of how the models did
arch-cost = The switches are not free. Each of the three gates needs as many weights as a whole RNN, and so does the part that makes the new content to write in. So an LSTM layer has { NUM($lstm_ratio, digits: 2) } times the weights of an RNN layer whose note is the same size.
arch-formula = With input size I and state size H (how many numbers the note holds), a layer has blocks × (H·I + H·H + 2H) weights: H·I read the input, H·H read the note, and 2H are biases, numbers added on their own. An RNN has one block; a GRU (a slimmed-down LSTM) has three, two gates plus the new content; an LSTM has four, its three gates plus the new content. Counted from PyTorch's own layers, with input size { $input_size }:
arch-ratio = At state size H = { $largest_hidden }, the LSTM layer has { NUM($lstm_ratio, digits: 2) } times the weights of the RNN layer and the GRU layer { NUM($gru_ratio, digits: 2) } times.
arch-table-hidden = state size H
arch-about = We built PyTorch's nn.RNN, nn.GRU and nn.LSTM, counted their weights and checked the counts against the formula above. Nothing was trained.

## Experiment 1: adding two numbers (verdict: adding_problem)

add-main = { $outcome ->
    [agrees] At a lag of { $lag } steps the two parted ways: every LSTM run solved the sum, and every RNN run did no better than the blind guess.
    [partly] The LSTM did clearly better at some lags, but at no lag did every LSTM run solve the sum while every RNN run stayed at the blind guess.
   *[disagrees] At no lag we tried did the LSTM do clearly better than the RNN.
  }
add-last = { $last_lstm ->
    [some] At the longest lag we tried, though, even the LSTM solved it in only some runs.
   *[all] {""}
  }
add-figure = Test error (mean squared error, MSE) at each lag T, on a log scale: lower means the model remembered. Dashed: the blind guess; dotted: the error a run must get under to count as solved. { $seeds ->
    [one] One run (seed { $seed_list }), so there is no band.
   *[other] Lines: the median of { $seeds } runs; band: from the worst run to the best.
  }
add-rule = The error is the mean squared error: each answer's miss, squared, averaged over the test sequences. The blind guess always answers 1.0, the average sum, and its mean squared error is { NUM($baseline) }. A seed has **solved** a lag when its error is under { NUM($solved_below) } ({ PCT($solved_share) } of the guess's), and is **at the guess** when its error stays above { NUM($at_baseline) } ({ PCT($at_share) } of the guess's). A lag counts as solved only when every seed solved it. "Clearly better": every seed of one model beat the other's best seed by more than { NUM($margin, digits: 2) } ({ PCT($margin_share) } of the guess's error).
add-solved = { $lstm_all_count ->
    [0] No lag was solved by every LSTM seed.
    [one] Every LSTM seed solved the lag of { $lstm_all_lags } steps.
   *[other] Every LSTM seed solved the lags of { $lstm_all_lags } steps.
  } { $rnn_all_count ->
    [0] No lag was solved by every RNN seed.
    [one] Every RNN seed solved the lag of { $rnn_all_lags } steps.
   *[other] Every RNN seed solved the lags of { $rnn_all_lags } steps.
  }
add-holds = { $holds_count ->
    [0] {""}
   *[other] At { $holds_lags } steps the two parted completely: every RNN seed was left with { PCT($holds_rnn_min, digits: 1) } to { PCT($holds_rnn_max, digits: 1) } of the blind guess's error, so it had kept next to nothing of the numbers, while every LSTM seed solved it ({ PCT($holds_lstm_min, digits: 1) } to { PCT($holds_lstm_max, digits: 1) }).
  }
add-last-numbers = { $last_lstm ->
    [some] At { $longest_lag } steps the LSTM solved it in { $last_lstm_solved } of { $seeds } seeds (errors from { PCT($last_lstm_low, digits: 1) } to { PCT($last_lstm_high, digits: 1) } of the guess's).
   *[all] {""}
  }
add-ties = { $both_solved_count ->
    [0] {""}
   *[other] At { $both_solved_lags } steps it was a tie with both solving it.
  }{ $both_low_count ->
    [0] {""}
   *[other] {" "}At { $both_low_lags } steps it was a tie with both at the guess.
  }{ $undecided_count ->
    [0] {""}
   *[other] {" "}At { $undecided_lags } steps it was a tie: the seeds of the two overlapped.
  }
edge-lags = { $edge ->
    [all] At every lag, the learning rate chosen for at least one model was the smallest or the largest on our list, so a rate we did not try might have done better.
    [some] At { $edge_lags } steps, the learning rate chosen for at least one model was the smallest or the largest on our list, so a rate we did not try might have done better there.
   *[none] Every chosen learning rate lay inside our list, at neither end.
  }
add-seeds-note = Errors are shares of the blind guess's error { NUM($baseline) }: 100% means no better than guessing. The first table gives the median of { $seeds } seeds ({ $seed_list }) and how many seeds solved each lag; the second gives every seed.
add-table-lag = lag T
add-table-seed = seed
add-table-rnn = RNN error
add-table-lstm = LSTM error
add-table-rnn-median = RNN error (median)
add-table-lstm-median = LSTM error (median)
# explains: a table's column heading; its cells come from the verdicts
add-table-rnn-solved = RNN seeds that solved it (of { $seeds })
# explains: a table's column heading; its cells come from the verdicts
add-table-lstm-solved = LSTM seeds that solved it (of { $seeds })
table-better = clearly better (–: a tie)
# explains: how the models were set up (sizes are matched or stated in code), not a result
add-about = The adding problem of Hochreiter & Schmidhuber (1997), in the two-channel form of Le, Jaitly & Hinton (2015). { $sizes_match ->
    [same] RNN and LSTM had the same state size, { $lstm_hidden },
   *[different] RNN and LSTM had state sizes { $rnn_hidden } and { $lstm_hidden },
  } but not the same number of weights: { NUM($rnn_params) } (RNN) and { NUM($lstm_params) } (LSTM). For each seed both were trained on the same data for the same number of steps, at every learning rate of the list below; for each model and lag we kept the rate with the lowest median error on the validation data, then scored it by mean squared error on test sequences it had never seen.
# explains: what the paper claims; whether ours agrees is the verdict v.adding_problem.paper
add-paper = Hochreiter & Schmidhuber 1997 (Exp. 4), with lags of 100 to 1,000 steps: an LSTM learns the adding problem at long lags, where recurrent nets trained by gradient descent fail. Our lags stop at { $longest_lag } steps, one model trained per lag, so this checks only the short end of their claim

## Experiment 1: naming the marked symbol (verdict: marked_recall)

recall-ask = Numbers are one thing; we also tried symbols. A row of T symbols, drawn from { $symbols } kinds in random order, goes by, and one of them, somewhere in the first half, is marked. At the end we ask: which symbol was marked? Guessing gets one in { $symbols } right.
recall-main = { $outcome ->
    [agrees] At a lag of { $lag } steps every RNN run was down to guessing, while every LSTM run still named the symbol.
    [partly] The LSTM did clearly better at some lags, but at no lag did every LSTM run name the symbol while every RNN run was guessing.
   *[disagrees] At no lag we tried did the LSTM do clearly better than the RNN.
  }
recall-last = { $last_lstm ->
    [some] At the longest lag we tried, even the LSTM got there in only some runs.
   *[all] {""}
  }
recall-figure = Accuracy at each lag T: higher means the model remembered. Dashed: guessing; dotted: the accuracy a run must reach to count as solved. { $seeds ->
    [one] One run (seed { $seed_list }), so there is no band.
   *[other] Lines: the median of { $seeds } runs; band: from the worst run to the best.
  }
recall-rule = Guessing gets { PCT($chance, digits: 1) } right. A seed has **solved** a lag when it answers at least { PCT($solved_from) } of the test questions right, and is **guessing** when it gets under { PCT($near_chance) } right (twice chance). A lag counts as solved only when every seed solved it. "Clearly better": every seed of one model beat the other's best seed by more than { NUM($margin_points) } percentage points; two models both guessing are a tie.
recall-solved = { $lstm_all_count ->
    [0] No lag was solved by every LSTM seed.
    [one] Every LSTM seed solved the lag of { $lstm_all_lags } steps.
   *[other] Every LSTM seed solved the lags of { $lstm_all_lags } steps.
  } { $rnn_all_count ->
    [0] No lag was solved by every RNN seed.
    [one] Every RNN seed solved the lag of { $rnn_all_lags } steps.
   *[other] Every RNN seed solved the lags of { $rnn_all_lags } steps.
  }
recall-guessing = { $rnn_low_count ->
    [0] At no lag was every RNN seed guessing.
   *[other] At { $rnn_low_lags } steps every RNN seed scored between { PCT($rnn_low_min) } and { PCT($rnn_low_max) }, close to the { PCT($chance, digits: 1) } of guessing: the marked symbol was as good as gone.
  }
recall-after = { $after_guessing ->
    [lstm_solved] Every LSTM seed solved it at { $holds_lags } steps.
    [lstm_half] At { $lstm_half_lags } steps every LSTM seed got at least { PCT($well_above) } right, but not every seed reached { PCT($solved_from) }.
   *[lstm_neither] Where the RNN guessed, the LSTM did not get { PCT($well_above) } right in every seed either.
  }
recall-last-numbers = { $last_lstm ->
    [some] At { $longest_lag } steps the LSTM solved it in { $last_lstm_solved } of { $seeds } seeds; its seeds scored from { PCT($last_lstm_low) } to { PCT($last_lstm_high) }.
   *[all] {""}
  }
recall-ties = { $both_solved_count ->
    [0] {""}
   *[other] At { $both_solved_lags } steps it was a tie with both solving it.
  }{ $both_low_count ->
    [0] {""}
   *[other] {" "}At { $both_low_lags } steps it was a tie with both guessing.
  }{ $undecided_count ->
    [0] {""}
   *[other] {" "}At { $undecided_lags } steps it was a tie: the seeds of the two overlapped.
  }
recall-seeds-note = The first table gives the median accuracy of { $seeds } seeds ({ $seed_list }) and how many seeds solved each lag; the second gives every seed.
recall-table-rnn = RNN accuracy
recall-table-lstm = LSTM accuracy
recall-table-rnn-median = RNN accuracy (median)
recall-table-lstm-median = LSTM accuracy (median)
# explains: how the models were set up (sizes are matched or stated in code), not a result
recall-about = Marked-symbol recall. { $sizes_match ->
    [same] RNN and LSTM had the same state size, { $lstm_hidden },
   *[different] RNN and LSTM had state sizes { $rnn_hidden } and { $lstm_hidden },
  } but not the same number of weights: { NUM($rnn_params) } (RNN) and { NUM($lstm_params) } (LSTM). For each seed both were trained on the same data for the same number of steps, at every learning rate of the list below; for each model and lag we kept the rate with the highest median accuracy on the validation data, then scored it on test sequences it had never seen. The next three figures come from the models of this experiment trained at a lag of { $probe_lag } from seed { $probe_seed } (learning rates: RNN { NUM($rnn_lr) }, LSTM { NUM($lstm_lr) }).
# explains: what the paper claims; whether ours agrees is the verdict v.marked_recall.paper
recall-paper = Hochreiter & Schmidhuber 1997, with lags of up to 1,000 steps: an LSTM bridges long time lags at which a plain RNN fails. Our lags stop at { $longest_lag } steps, one model trained per lag, so this checks only the short end of their claim

## Vanishing gradients (verdict: marked_recall)

grad-main = We measured this in one model of each kind, before and after training, not in every run. { $untrained_rnn ->
    [vanished] Before training, the RNN's gradient had vanished { $distance } steps back, just as the theory says.
   *[kept] Before training, the RNN's gradient had not vanished { $distance } steps back.
  } { $untrained_lstm ->
    [vanished] So had the untrained LSTM's.
   *[kept] The untrained LSTM's had not.
  } { $trained_rnn ->
    [vanished] After training, the RNN's gradient vanished there too.
   *[kept] After training, the RNN's gradient did not vanish there.
  } { $lstm_reach ->
    [further] And the trained LSTM's gradient reached further back than the RNN's.
   *[not_further] And the trained LSTM's gradient did not reach further back than the RNN's.
  }
grad-figure = Gradient size (log scale) against how many steps back from the answer, in one model of each kind. Dotted: before training; solid: after.
grad-setup = The two models are the ones trained from seed { $probe_seed } at a lag of { $probe_lag } (learning rates: RNN { NUM($rnn_lr) }, LSTM { NUM($lstm_lr) }), reading sequences { $probe_length } steps long. The table reads off how much of the gradient was left { $distance } steps back from the answer: 1 means as large as at the answer, above 1 larger.
grad-table-model = gradient left { $distance } steps back (seed { $probe_seed })
grad-table-before = before training
grad-table-after = after training
grad-untrained = { $untrained_rnn ->
    [vanished] Before training, the RNN kept { NUM($rnn_init, digits: 2) } of its gradient there, under the { NUM($vanished_below) } below which we call it vanished.
   *[kept] Before training, the RNN kept { NUM($rnn_init, digits: 2) } of its gradient there, not under the { NUM($vanished_below) } below which we call it vanished.
  } { $untrained_lstm ->
    [vanished] The untrained LSTM's had vanished too ({ NUM($lstm_init, digits: 2) }).
   *[kept] The untrained LSTM kept { NUM($lstm_init, digits: 2) }, more than that.
  }
grad-trained = { $trained_rnn ->
    [vanished] After training, the RNN's gradient there was { NUM($rnn_trained, digits: 2) } times its size at the answer: still vanished.
   *[kept] After training, the RNN's gradient there was { NUM($rnn_trained, digits: 2) } times its size at the answer.
  }
grad-lstm = { $lstm_reach ->
    [further] The trained LSTM kept { NUM($lstm_trained, digits: 2) } of its gradient there, { NUM($lstm_over_rnn, digits: 2) } times the RNN's share: at least the { NUM($reaches_further) } times we ask for before saying it reaches further. This alone does not show which part of the LSTM is responsible.
   *[not_further] The trained LSTM kept { NUM($lstm_trained, digits: 2) } of its gradient there, { NUM($lstm_over_rnn, digits: 2) } times the RNN's share, not the { NUM($reaches_further) } times or more we ask for before saying it reaches further.
  }
grad-verdict = { $gradients ->
    [agrees] That is the picture of Bengio et al. and of the LSTM's design, in one model of each kind.
    [partly] So this run agrees with Bengio et al. only in part.
   *[disagrees] So this run shows neither the vanishing gradient of Bengio et al. nor the LSTM's gradient reaching further.
  } { $probe_rnn ->
    [solved] The RNN measured here answered { PCT($probe_rnn_accuracy) } right at a lag of { $probe_lag }.
   *[short] The RNN measured here answered { PCT($probe_rnn_accuracy) } right at a lag of { $probe_lag }, short of the { PCT($solved_from) } we count as solved.
  } One model is one look, not a rule.
# explains: how the models were set up (sizes are matched or stated in code), not a result
grad-about = Sequences of length { $probe_length } from the marked-recall task; the gradient of the loss with respect to every state h was read through a step-by-step twin of each model that shares its weights. Before training: the freshly initialised models of seed { $probe_seed }; after: the same models trained at a lag of { $probe_lag } (learning rates RNN { NUM($rnn_lr) }, LSTM { NUM($lstm_lr) }). The table divides the gradient size { $distance } steps back by its size at the answer. One model of each kind: other seeds may differ.
# explains: what the paper claims; whether ours agrees is the verdict v.marked_recall.paper
grad-paper = Bengio, Simard & Frasconi 1994, a theory for any RNN that must hold on to information through noise: in a plain RNN the gradient shrinks exponentially with the distance back in time. We checked it in one trained model of each kind, { $distance } steps back

## What do the gates do? (verdict: marked_recall)

gate-main = { $example ->
    [held] The cells that carry the answer, those whose value at the end tells which symbol was marked, held on to what they had at the mark until the question, like the conveyor belt in the drawing.
   *[moved] The cells that carry the answer, those whose value at the end tells which symbol was marked, did not keep what they had at the mark: by the question they had moved far away from it.
  } { $typically ->
    [held] In at least half of the other test examples they held too.
   *[moved] In at least half of the other test examples they moved like this too.
  }
gate-figure = Inside one trained LSTM on one example. Top: how far the three gates are open; each number of the note has gates of its own, and the lines show their average. Bottom: the { $cells } cells that carry the answer. Red dashed line: the marked symbol arrives. Grey dashed line: the question.
gate-setup = The LSTM is the one trained from seed { $probe_seed } at a lag of { $probe_lag } (learning rate { NUM($lstm_lr) }); it read the first test sequence it answered correctly. We followed the { $cells } cells whose value just before the question says most about which symbol was marked: across { $sequences } test sequences, the marked symbol accounts for { $answer_shares } percent of how their values vary at that step.
gate-mark = { $mark ->
    [later] At the marked symbol the average forget gate went from { NUM($forget_before, digits: 2) } to { NUM($forget_at, digits: 2) } and the input gate from { NUM($input_before, digits: 2) } to { NUM($input_at, digits: 2) }.
   *[first] At the marked symbol, the first step, the average forget gate stood at { NUM($forget_at, digits: 2) } and the input gate at { NUM($input_at, digits: 2) }.
  } The cells held { $cells_at_mark } at the mark and { $cells_before_question } one step before the question.
gate-example = { $example ->
    [held] From the mark to the step before the question they moved by { PCT($example_drift) } of their value at the mark; we call anything under { PCT($held_below) } "held".
   *[moved] From the mark to the step before the question they moved by { NUM($example_drift, digits: 2) } times their value at the mark, far past the { PCT($held_below) } we would still call "held": { NUM($moved, digits: 2) } in all, against a summed size of { NUM($size_at_mark, digits: 2) } at the mark.
  }
gate-typical = { $typically ->
    [held] Across { $sequences } test sequences the median movement was { PCT($median_drift) }, and the cells held in { PCT($held_share) } of them.
   *[moved] Across { $sequences } test sequences the cells held in { PCT($held_share) } of them; the median movement was { NUM($median_drift, digits: 2) } times the value at the mark. The LSTM's design allows a cell to keep a value untouched, but nothing in training asked this network to use it that way.
  }
gate-answered = { $answered ->
    [right] The model answered this example correctly.
   *[wrong] The model got this example wrong.
  }
# explains: how the models were set up (sizes are matched or stated in code), not a result
gate-about = The LSTM trained at a lag of { $probe_lag } from seed { $probe_seed } (state size { $lstm_hidden }, learning rate { NUM($lstm_lr) }) read the first test sequence it answered correctly; a step-by-step twin with the same weights as PyTorch's LSTM recorded the gates and the cells. The { $cells } cells are those whose value one step before the question the marked symbol explains best (share of their variance over { $sequences } test sequences). Movement: the change of the cells from the marked step to the step before the question, divided by their size at the marked step, summed over the cells.

## Where does each model look? (verdict: marked_recall)

sens-main = { $recency ->
    [rnn_leans] In the one model of each kind we measured, the RNN leaned on the last few inputs more than the LSTM did.
   *[no_gap] In the one model of each kind we measured, the RNN did not lean on the last few inputs more than the LSTM did.
  }
sens-figure = Where the influence on the answer comes from, position by position, in one model of each kind. Grey: the first half, where the marked symbol is.
sens-numbers = The RNN took { PCT($rnn_recent) } of its influence from the last { $recent_steps } of { $positions } steps and the LSTM { PCT($lstm_recent) }; an even spread would give { PCT($even_recent) }. From the first half, where the answer lies, the RNN took { PCT($rnn_first_half) } and the LSTM { PCT($lstm_first_half) }. { $recency ->
    [rnn_leans] The RNN's share of the last steps beat the LSTM's by more than the { PCT($recent_margin) } of all the influence that we ask for.
   *[no_gap] We would say the RNN leans on them only if its share beat the LSTM's by more than { PCT($recent_margin) } of all the influence.
  }
sens-about = The RNN and LSTM trained at a lag of { $probe_lag } from seed { $probe_seed } (learning rates RNN { NUM($rnn_lr) }, LSTM { NUM($lstm_lr) }) read a batch of test sequences; the size of the loss gradient with respect to each input position was averaged over the batch and scaled to sum to 100%.

## What the measurements add up to

sum-papers = The textbook story comes from Hochreiter and Schmidhuber, who tested lags of 100 to 1,000 steps. We trained one model for each lag, up to { $longest_lag } in the adding task, so what follows checks the story only at its short end.
sum-adding = { $outcome ->
    [agrees] In the adding task it held: at a lag of { $lag } steps every LSTM run solved it while every RNN run was at the blind guess.
    [partly] In the adding task it held only in part: the LSTM was clearly better at some lags, but the RNN was never left at the blind guess there.
   *[disagrees] In the adding task it did not hold: the LSTM was not clearly better at any lag.
  }
sum-recall = { $outcome ->
    [agrees] In the symbol task, with lags up to { $longest_lag }, it held: at a lag of { $lag } steps every LSTM run named the symbol while every RNN run was guessing.
    [partly] In the symbol task, with lags up to { $longest_lag }, it held only in part: the LSTM was clearly better at some lags, but the RNN was never left just guessing there.
   *[disagrees] In the symbol task, with lags up to { $longest_lag }, it did not hold: the LSTM was not clearly better at any lag.
  }
sum-gradients = { $gradients ->
    [agrees] The gradient measurement fits the usual explanation, in one model of each kind.
    [partly] The gradient measurement fits the usual explanation only in part, in one model of each kind.
   *[disagrees] The gradient measurement does not show the usual explanation in this run.
  } { $trained_rnn ->
    [vanished] After training, the RNN's signal still faded on its way back.
   *[kept] After training, the RNN's signal no longer faded on its way back.
  }
sum-cell = { $typically ->
    [held] Inside the one LSTM we opened, the cells that carry the answer held their value through the wait, much as drawn.
   *[moved] Inside the one LSTM we opened, the cells that carry the answer did not keep a still copy from the mark: the answer was built up in them during the wait. The conveyor belt is what the design makes possible, not a picture of what every trained network does.
  }

## Is there still a job for the plain RNN? (verdict: small_data)

small-ask = People often say a plain RNN is the right tool for short sequences and small data sets. So we gave both models a short memory task, with training sets from very small to large.
small-main = { $outcome ->
    [rnn_somewhere] With some training-set sizes the plain RNN did clearly better than the LSTM, and it is the smaller model too.
    [lstm_only] Even on short sequences with little data, the plain RNN never did clearly better than the LSTM.
   *[neither] Neither model did clearly better at any training-set size.
  }
small-speed = { $speed ->
    [rnn_faster] What the RNN does save is size and time: the LSTM has { NUM($params_ratio, digits: 2) } times as many weights, and on the one CPU we timed, the RNN's training step was the quicker one in every pair of runs.
   *[not_faster] What the RNN does save is size: the LSTM has { NUM($params_ratio, digits: 2) } times as many weights. On the one CPU we timed, its training step was not the quicker one in every pair of runs, so we do not call it faster.
  }
small-advice = { $outcome ->
    [rnn_somewhere] So there are settings where the plain RNN is the better pick.
    [lstm_only] So "RNNs suit short or small data" is better read as "an RNN is smaller: use it where that is enough".
   *[neither] Where the two tie, the RNN's smaller size is a fair reason to pick it.
  }
small-figure = Accuracy on a short memory task (a lag of { $lag } steps) as the training set grows. Dashed: guessing. Lines: the median of { $seeds } runs; band: from the worst run to the best.
small-rule = "Clearly better" means that every seed of one model beat the other model's best seed by more than { NUM($margin_points) } percentage points. Each size was trained with { $seeds } seeds.
small-lstm-sizes = { $lstm_count ->
    [0] {""}
   *[other] With { $lstm_sizes } training examples the LSTM was clearly better: its worst seed beat the RNN's best by at least { NUM($least_lead_points, digits: 2) } points.
  }{ $unlearned_count ->
    [0] {""}
   *[other] {" "}With { $unlearned_sizes } examples, though, no seed of either model got { PCT($learned_from) } right (guessing gets { PCT($chance, digits: 1) }): the LSTM led while neither had learned the task.
  }
small-rnn-sizes = { $rnn_count ->
    [0] {""}
   *[other] With { $rnn_sizes } training examples the RNN was clearly better.
  }
small-tie-sizes = { $tie_count ->
    [0] {""}
   *[other] With { $tie_sizes } examples it was a tie.
  }
edge-sizes = { $edge ->
    [all] At every training-set size, the learning rate chosen for at least one model was the smallest or the largest on our list, so a rate we did not try might have done better.
    [some] With { $edge_sizes } training examples, the learning rate chosen for at least one model was the smallest or the largest on our list, so a rate we did not try might have done better there.
   *[none] Every chosen learning rate lay inside our list, at neither end.
  }
# explains: measured times and counts quoted as numbers; the word for who was faster is chosen in small-speed
small-cost = The LSTM has { NUM($lstm_params) } weights and the RNN { NUM($rnn_params) } ({ NUM($params_ratio, digits: 2) } times as many), and it does { NUM($flops_ratio, digits: 2) } times the multiply-adds per training step. A median training step took { NUM($rnn_step_ms, digits: 2) } ms for the RNN and { NUM($lstm_step_ms, digits: 2) } ms for the LSTM; paired run by run ({ $pairs } pairs with the same size, seed and learning rate), the LSTM's step took { NUM($step_ratio, digits: 2) } times as long (from { NUM($step_ratio_low, digits: 2) } to { NUM($step_ratio_high, digits: 2) } times).
small-table-size = training examples
small-table-rnn = RNN accuracy (median)
small-table-lstm = LSTM accuracy (median)
small-about = Marked-symbol recall with a lag of { $lag } steps; only the number of training examples changes. { $sizes_match ->
    [same] Both models had a state of { $lstm_hidden } numbers
   *[different] The RNN's state held { $rnn_hidden } numbers and the LSTM's { $lstm_hidden }
  }, but not the same number of weights ({ NUM($rnn_params) } and { NUM($lstm_params) }). Both got the same number of training steps, with the learning rate chosen per model and size on validation data. Step times: { $timed_steps } training steps timed after { $warmup_steps } untimed warm-up steps; a run's step time is the median of those. Multiply-adds: those of the matrix products of one training step (forward and backward), counted from the layer sizes.
# explains: what the paper claims; whether ours agrees is the verdict v.small_data.paper
small-paper = Chung et al. 2014, on music and speech data: gated units (LSTM, GRU) beat a plain tanh RNN at modelling sequences. Ours is a short memory task with small training sets, so this checks their direction only

## After school

talk-guessing-yuta = { $rnn_low_count ->
    [0] But in the symbol chart the RNN never sank all the way to guessing.
   *[other] And in the symbol chart, at a lag of { $guessing_lag } the RNN really was just guessing.
  }
talk-guessing-misaki = { $guessing ->
    [lstm_solved] Every run of it. And every LSTM run got at least { PCT($solved_from) } right there.
    [lstm_short] Every run of it. But the LSTM didn't get every run to the finish line there either.
   *[never] Not at the lags we tried, no.
  }
talk-cell = { $typically ->
    [held] In the model we looked inside, mostly yes: in at least half of the test examples, the cells that carry the answer stayed close to what they stored.
   *[moved] I thought so too, but no! In the model we looked inside, the answer was not put in at the mark and left alone: it was built up during the wait. The box makes keeping possible; how it gets used is up to the training.
  }
talk-small = { $outcome ->
    [rnn_somewhere] Not every time. On our short task with { $rnn_sizes } examples, the light RNN came out clearly ahead.
    [lstm_only] On our short task the LSTM came out clearly ahead with { $lstm_sizes } examples. What the RNN has going for it is being small.
   *[neither] On our short task it was a tie at every size, and the RNN is the smaller one.
  }

## Summary

sum-arch = An RNN mixes each new input into one note; an LSTM adds a cell that its gates can write to, keep and read, at the price of { NUM($lstm_ratio, digits: 2) } times the weights per layer.
summary-adding = { $outcome ->
    [agrees] Adding two numbers, there was a lag ({ $lag } steps) at which every LSTM run solved it and every RNN run was at the blind guess.
    [partly] Adding two numbers, the LSTM was clearly better at some lags, but never with the RNN left at the blind guess.
   *[disagrees] Adding two numbers, the LSTM was not clearly better than the RNN at any lag.
  }
summary-recall = { $outcome ->
    [agrees] Naming a marked symbol, there was a lag ({ $lag } steps) at which every LSTM run solved it and every RNN run was guessing.
    [partly] Naming a marked symbol, the LSTM was clearly better at some lags, but never with the RNN left guessing.
   *[disagrees] Naming a marked symbol, the LSTM was not clearly better than the RNN at any lag.
  }
summary-cell = { $typically ->
    [held] In the one LSTM we looked inside, the cells that carry the answer held still until the question.
   *[moved] In the one LSTM we looked inside, the cells that carry the answer did not sit still; the answer was built up in them during the wait.
  }
summary-small = { $outcome ->
    [rnn_somewhere] On a short task the plain RNN was clearly better with { $rnn_sizes } training examples.
    [lstm_only] On a short task the LSTM was clearly better with { $lstm_sizes } training examples, and the plain RNN at no size.
   *[neither] On a short task neither model was clearly better at any training-set size.
  }
summary-speed = { $speed ->
    [rnn_faster] What the RNN offers is being small and, on our CPU, quicker per training step.
   *[not_faster] What the RNN offers is being small; per training step it was not reliably quicker on our CPU.
  }
