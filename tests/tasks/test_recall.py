import torch

from chigai.tasks.recall import associative_recall


def test_pairs_then_a_query_key_whose_value_is_the_target():
    tokens, targets = associative_recall(300, 5, 10, 6, torch.Generator().manual_seed(0))
    assert tokens.shape == (300, 11) and targets.shape == (300,)
    keys, values, query = tokens[:, 0:-1:2], tokens[:, 1:-1:2], tokens[:, -1]
    assert (keys < 10).all() and (values >= 10).all() and (values < 16).all()
    assert all(len(set(row.tolist())) == 5 for row in keys)  # keys distinct in a sequence
    position = (keys == query.unsqueeze(1)).float().argmax(dim=1)
    assert ((keys == query.unsqueeze(1)).sum(dim=1) == 1).all()
    assert torch.equal(values[torch.arange(300), position] - 10, targets)
