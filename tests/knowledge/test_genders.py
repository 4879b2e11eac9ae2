"""Which pronoun a person takes, from the words that name them."""

from __future__ import annotations

from dateline.knowledge.genders import first_name_gender, gender_of


def test_first_names_given_mostly_to_one_sex_tell_it() -> None:
    assert first_name_gender("Hillary") == "f"
    assert first_name_gender("DONALD") == "m"
    assert first_name_gender("Leslie") is None  # given to both
    assert first_name_gender("Xi") is None  # not in the lists


def test_words_in_the_text_outweigh_the_first_name() -> None:
    assert gender_of("Carly Fiorina") == "f"
    assert gender_of("Sen. Claire McCaskill") == "f"  # the word after a title
    assert gender_of("Jordan Smith", ["Mrs. Smith"]) == "f"
    assert gender_of("Patty Judge", ["the former congresswoman"]) == "f"
    assert gender_of("Lee", ["the first lady"]) == "f"
    assert gender_of("Lee", ["Mr. Lee", "his wife"]) is None  # the words disagree
    assert gender_of("Xi Jinping") is None
