# RNN vs LSTM, English. One message per sentence or paragraph; the variables come from
# verdicts.py (chigai.site.words). Main lines are plain; exact numbers live in the folds.

## Is there still a job for the plain RNN? (verdict: small_data)

small-ask = People often say a plain RNN is the right tool for short sequences and small data sets. So we gave both models a short memory task, with training sets from very small to large.
small-main = { $outcome ->
    [rnn_somewhere] With some training-set sizes the plain RNN did clearly better than the LSTM, and it is the smaller model too.
    [lstm_only] Even on short sequences with little data, the plain RNN never did clearly better than the LSTM.
   *[neither] Neither model did clearly better at any training-set size.
  }
small-speed = { $speed ->
    [rnn_faster] What the RNN does save is size and time: the LSTM has { NUM($params_ratio, digits: 2) } times as many weights, and the RNN's training step was the quicker one in every pair of runs we timed.
   *[not_faster] What the RNN does save is size: the LSTM has { NUM($params_ratio, digits: 2) } times as many weights. Its training step was not the quicker one in every pair of runs we timed, so we do not call it faster.
  }
small-advice = { $outcome ->
    [rnn_somewhere] So there are settings where the plain RNN is the better pick.
    [lstm_only] So "RNNs suit short or small data" is better read as "an RNN is smaller: use it where that is enough".
   *[neither] Where the two tie, the RNN's smaller size is a fair reason to pick it.
  }
small-figure = Accuracy on a short memory task (a gap of { $lag } steps) as the training set grows. Dashed: guessing. Lines: the median of { $seeds } runs; band: from the worst run to the best.
small-rule = "Clearly better" means that every run of one model beat the other model's best run by more than { NUM($margin_points) } percentage points. Each size was trained { $seeds } times, with different random starting weights (a different *seed* each time).
small-lstm-sizes = { $lstm_count ->
    [0] {""}
   *[other] With { $lstm_sizes } training examples the LSTM was clearly better: its worst run beat the RNN's best by at least { NUM($least_lead_points, digits: 2) } points.
  }
small-rnn-sizes = { $rnn_count ->
    [0] {""}
   *[other] With { $rnn_sizes } training examples the RNN was clearly better.
  }
small-tie-sizes = { $tie_count ->
    [0] {""}
   *[other] With { $tie_sizes } examples it was a tie.
  }
small-cost = The LSTM has { NUM($lstm_params) } weights and the RNN { NUM($rnn_params) } ({ NUM($params_ratio, digits: 2) } times as many), and it does { NUM($flops_ratio, digits: 2) } times the multiply-adds per training step. A median training step took { NUM($rnn_step_ms, digits: 2) } ms for the RNN and { NUM($lstm_step_ms, digits: 2) } ms for the LSTM; paired run by run ({ $pairs } pairs with the same size, seed and learning rate), the LSTM's step took { NUM($step_ratio, digits: 2) } times as long (from { NUM($step_ratio_low, digits: 2) } to { NUM($step_ratio_high, digits: 2) } times).
small-table-size = training examples
small-table-rnn = RNN accuracy (median)
small-table-lstm = LSTM accuracy (median)
small-table-better = clearly better (– : a tie)
small-about = Marked-symbol recall with a gap of { $lag } steps; only the number of training examples changes. { $sizes_match ->
    [same] Both models had a state of { $lstm_hidden } numbers
   *[different] The RNN's state held { $rnn_hidden } numbers and the LSTM's { $lstm_hidden }
  }, but not the same number of weights ({ NUM($rnn_params) } and { NUM($lstm_params) }). Both got the same number of training steps, with the learning rate chosen per model and size on validation data. Step times: { $timed_steps } training steps timed after { $warmup_steps } untimed warm-up steps; a run's step time is the median of those. Multiply-adds: those of the matrix products of one training step (forward and backward), counted from the layer sizes.
small-paper = Chung et al. 2014: gated units (LSTM, GRU) beat a plain tanh RNN on sequence modelling
