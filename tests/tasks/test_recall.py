import pytest
import torch

from chigai.tasks.recall import associative_recall, card_recall, card_vocabulary


def test_pairs_then_a_query_key_whose_value_is_the_target():
    tokens, targets = associative_recall(300, 5, 10, 6, torch.Generator().manual_seed(0))
    assert tokens.shape == (300, 11) and targets.shape == (300,)
    keys, values, query = tokens[:, 0:-1:2], tokens[:, 1:-1:2], tokens[:, -1]
    assert (keys < 10).all() and (values >= 10).all() and (values < 16).all()
    assert all(len(set(row.tolist())) == 5 for row in keys)  # keys distinct in a sequence
    position = (keys == query.unsqueeze(1)).float().argmax(dim=1)
    assert ((keys == query.unsqueeze(1)).sum(dim=1) == 1).all()
    assert torch.equal(values[torch.arange(300), position] - 10, targets)


def test_cards_then_blanks_then_a_question_about_one_card():
    keys, values, gap = 6, 4, 7
    tokens, targets = card_recall(200, 5, keys, values, gap, torch.Generator().manual_seed(0))
    assert tokens.shape == (200, 5 + gap + 1)
    assert int(tokens.max()) < card_vocabulary(keys, values)
    cards, blanks, question = tokens[:, :5], tokens[:, 5:-1], tokens[:, -1]
    assert (cards < keys * values).all() and (blanks == keys * values).all()
    asked = question - (keys * values + 1)
    assert ((asked >= 0) & (asked < keys)).all()
    card_keys, card_values = cards // values, cards % values
    assert all(len(set(row.tolist())) == 5 for row in card_keys)  # one card per key
    matches = card_keys == asked.unsqueeze(1)
    assert (matches.sum(dim=1) == 1).all()  # the asked key is on exactly one card
    assert torch.equal(card_values[matches], targets)


def test_card_recall_refuses_a_negative_gap():
    with pytest.raises(ValueError, match="gap >= 0"):
        card_recall(3, 2, 4, 4, -1, torch.Generator())
