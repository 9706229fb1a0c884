import torch

from chigai.models.seq2seq import Seq2Seq


def test_teacher_forced_logits_and_greedy_alignments_have_the_right_shapes():
    torch.manual_seed(0)
    model = Seq2Seq(vocab=6, hidden=8, attention=True)
    source = torch.randint(1, 7, (3, 5))
    assert model(source, source.flip(dims=[1])).shape == (3, 5, 7)
    words, alignments = model.greedy(source, 5)
    assert words.shape == (3, 5) and alignments.shape == (3, 5, 5)
    assert torch.allclose(alignments.sum(dim=-1), torch.ones(3, 5))  # Bahdanau weights sum to 1


def test_without_attention_there_are_no_alignments():
    model = Seq2Seq(vocab=4, hidden=8, attention=False)
    words, alignments = model.greedy(torch.randint(1, 5, (2, 3)), 3)
    assert words.shape == (2, 3) and alignments is None
