"""The phone side of the group quiz without a network: the code, the tokens, one answer per phone, the limits."""

from __future__ import annotations

import random

import pytest

from course.content.model import Option, Question
from course.group import phones
from course.group.phones import Outcome, PhoneRoom

ONE = Question(id="first", title="Calling in sick", prompt="What do you do?", options=(
    Option("a", "Make the call", False, "No."),
    Option("b", "Say no, kindly", True, "Yes."),
    Option("c", "Ignore it", False, "No."),
))
ALL = Question(id="signs", title="Warning signs", prompt="Which are signs?", options=(
    Option("a", "Skipping meetings", True, "Yes."),
    Option("b", "New old friends", True, "Yes."),
    Option("c", "Going to work", False, "No."),
))


def room(seed: int = 1) -> PhoneRoom:
    return PhoneRoom(rng=random.Random(seed))


def joined(r: PhoneRoom, token: str, address: str = "10.0.0.2") -> str:
    question = r.question
    assert question is not None
    assert r.join(token, question.code, address) is Outcome.JOINED
    return token


def test_codes_are_four_characters_easy_to_read_aloud_and_new_each_time() -> None:
    r = room()
    codes = []
    for _ in range(200):
        codes.append(r.open(ONE).code)
        r.close()
    assert all(len(code) == 4 for code in codes)
    assert not set("".join(codes)) & set("0O1IL")
    assert len(set(codes)) == len(codes)  # never one used before in the same quiz


def test_typed_codes_are_forgiving_about_case_and_spaces() -> None:
    r = room()
    code = r.open(ONE).code
    typed = f" {code[:2].lower()} {code[2:]} "
    assert r.join(phones.new_token(), typed, "10.0.0.2") is Outcome.JOINED


def test_a_wrong_code_an_expired_code_and_no_question_open_are_told_apart() -> None:
    r = room()
    token = phones.new_token()
    assert r.join(token, "ABCD", "10.0.0.2") is Outcome.NOT_OPEN
    first = r.open(ONE).code
    r.close()
    second = r.open(ONE).code
    assert r.join(token, first, "10.0.0.2") is Outcome.EXPIRED_CODE
    wrong = next(c for c in ("ABCD", "WXYZ", "HJKM") if c not in (first, second))
    assert r.join(token, wrong, "10.0.0.2") is Outcome.WRONG_CODE
    assert r.join(token, "", "10.0.0.2") is Outcome.WRONG_CODE
    assert not r.is_joined(token)
    assert r.join(token, second, "10.0.0.2") is Outcome.JOINED and r.is_joined(token)


def test_guessing_codes_is_stopped_per_address() -> None:
    r = room()
    code = r.open(ONE).code
    wrongs = [c for c in ("ABCD", "WXYZ", "HJKM", "PQRS", "TUVW", "2345", "6789", "ACEG", "BDFH", "KMNP", "RSTU")
              if c != code][:phones.WRONG_CODES_PER_ADDRESS]
    for wrong in wrongs:
        assert r.join(phones.new_token(), wrong, "10.0.0.9") is Outcome.WRONG_CODE
    assert r.join(phones.new_token(), code, "10.0.0.9") is Outcome.TOO_MANY_TRIES
    assert r.join(phones.new_token(), code, "10.0.0.10") is Outcome.JOINED  # another phone is not held up
    r.close()
    assert r.join(phones.new_token(), r.open(ONE).code, "10.0.0.9") is Outcome.JOINED  # a new question, new tries


def test_one_answer_per_phone_and_a_new_one_replaces_it_while_open() -> None:
    r = room()
    serial = r.open(ONE).serial
    ana, ben = joined(r, phones.new_token()), joined(r, phones.new_token(), "10.0.0.3")
    assert r.answer(ana, "10.0.0.2", serial, ["a"]) is Outcome.COUNTED
    assert r.answer(ben, "10.0.0.3", serial, ["b"]) is Outcome.COUNTED
    assert r.answered == 2 and r.counts() == {"a": 1, "b": 1, "c": 0}
    assert r.answer(ana, "10.0.0.2", serial, ["b"]) is Outcome.REPLACED
    assert r.answered == 2 and r.counts() == {"a": 0, "b": 2, "c": 0}
    assert r.chosen(ana) == frozenset({"b"})


def test_choose_one_takes_one_option_and_choose_all_takes_several() -> None:
    r = room()
    serial = r.open(ONE).serial
    token = joined(r, phones.new_token())
    for wrong in ([], ["a", "b"], ["z"], ["a", "a"]):
        assert r.answer(token, "10.0.0.2", serial, wrong) is Outcome.BAD_CHOICE
    assert r.answered == 0
    r.close()
    serial = r.open(ALL).serial
    assert r.answer(token, "10.0.0.2", serial, ["a", "b"]) is Outcome.COUNTED
    assert r.answer(token, "10.0.0.2", serial, ["b"]) is Outcome.REPLACED
    assert r.counts() == {"a": 0, "b": 1, "c": 0}
    assert r.answer(token, "10.0.0.2", serial, []) is Outcome.BAD_CHOICE


def test_no_answer_is_taken_while_no_question_is_open_or_for_an_earlier_question() -> None:
    r = room()
    token = phones.new_token()
    assert r.answer(token, "10.0.0.2", 1, ["a"]) is Outcome.CLOSED
    first = r.open(ONE).serial
    joined(r, token)
    r.close()
    assert r.answer(token, "10.0.0.2", first, ["a"]) is Outcome.CLOSED
    second = r.open(ONE).serial
    assert second != first
    assert r.answer(token, "10.0.0.2", first, ["a"]) is Outcome.CLOSED  # a page left open on the last question
    assert r.answered == 0
    assert r.answer(token, "10.0.0.2", second, ["a"]) is Outcome.COUNTED


def test_a_phone_must_join_with_the_code_once_then_stays_in_for_the_next_questions() -> None:
    r = room()
    serial = r.open(ONE).serial
    stranger = phones.new_token()
    assert r.answer(stranger, "10.0.0.2", serial, ["a"]) is Outcome.NOT_JOINED
    token = joined(r, phones.new_token())
    r.close()
    serial = r.open(ONE).serial
    assert r.answer(token, "10.0.0.2", serial, ["c"]) is Outcome.COUNTED


def test_a_missing_or_made_up_token_is_not_a_phone() -> None:
    r = room()
    serial = r.open(ONE).serial
    assert r.join("", r.question.code if r.question else "", "10.0.0.2") is Outcome.NO_TOKEN
    assert r.join("x" * 500, r.question.code if r.question else "", "10.0.0.2") is Outcome.NO_TOKEN
    assert r.answer("", "10.0.0.2", serial, ["a"]) is Outcome.NO_TOKEN
    assert phones.valid_token(phones.new_token())
    assert not phones.valid_token("<script>")


def test_one_address_cannot_stuff_the_count() -> None:
    r = room()
    serial = r.open(ONE).serial
    counted = []
    for _ in range(phones.PHONES_PER_ADDRESS + 3):
        token = joined(r, phones.new_token(), "10.0.0.66")
        counted.append(r.answer(token, "10.0.0.66", serial, ["a"]))
    assert counted.count(Outcome.COUNTED) == phones.PHONES_PER_ADDRESS
    assert counted[-1] is Outcome.ADDRESS_FULL
    assert r.counts()["a"] == phones.PHONES_PER_ADDRESS
    other = joined(r, phones.new_token(), "10.0.0.67")
    assert r.answer(other, "10.0.0.67", serial, ["a"]) is Outcome.COUNTED


def test_closing_gives_the_counts_and_forgets_every_answer() -> None:
    r = room()
    serial = r.open(ONE).serial
    tokens = [joined(r, phones.new_token(), f"10.0.0.{i}") for i in range(5)]
    for i, token in enumerate(tokens):
        r.answer(token, f"10.0.0.{i}", serial, ["abc"[i % 3]])
    assert r.close() == {"a": 2, "b": 2, "c": 1}
    assert r.question is None and r.answered == 0 and r.counts() == {}
    assert all(r.chosen(token) is None for token in tokens)
    assert r.close() == {}  # closing twice is harmless


def test_every_change_is_told_to_the_listener() -> None:
    seen: list[int] = []
    r = PhoneRoom(rng=random.Random(3), changed=lambda: seen.append(r.answered))
    serial = r.open(ONE).serial
    token = joined(r, phones.new_token())
    r.answer(token, "10.0.0.2", serial, ["a"])
    r.answer(token, "10.0.0.2", serial, ["b"])
    r.answer(token, "10.0.0.2", serial, ["zz"])  # refused: nothing changed
    r.close()
    assert seen == [0, 1, 1, 0]


@pytest.mark.parametrize(("stored", "hands", "phone"), [
    ({"first": {"a": 1}}, {"first": {"a": 1}}, {}),
    ({"first:phones": {"a": 4}}, {}, {"first": {"a": 4}}),
    ({"first": {"a": 1}, "first:phones": {"a": 4, "b": 2}}, {"first": {"a": 1}}, {"first": {"a": 4, "b": 2}}),
])
def test_phone_counts_are_kept_beside_the_hand_counts(stored: dict[str, dict[str, int]],
                                                       hands: dict[str, dict[str, int]],
                                                       phone: dict[str, dict[str, int]]) -> None:
    assert phones.split_tallies(stored) == (hands, phone)
    assert phones.tally_id("first") == "first:phones"


def test_hands_and_phones_add_up_per_option() -> None:
    assert phones.combined({"a": 1, "b": 2}, {"b": 5, "c": 1}) == {"a": 1, "b": 7, "c": 1}
    assert phones.combined(None, {"a": 2}) == {"a": 2}
    assert phones.combined({"a": 2}, None) == {"a": 2}
    assert phones.combined(None, None) is None
