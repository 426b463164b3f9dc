import pytest

from sitrep.resolve.numbers import parse_count


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("at least four", 4),
        ("all five", 5),
        ("one", 1),
        ("18", 18),
        ("More than 90", 90),
        ("around 1,200", 1200),
        ("twenty-one", 21),
        ("several", 3),
        ("dozens", 12),
        ("hundreds", 100),
        ("no casualties", 0),
        ("Five people", 5),
        ("", None),
        ("the group", None),
    ],
)
def test_parse_count(text: str, value: int | None) -> None:
    assert parse_count(text) == value


def test_absurd_numbers_are_refused() -> None:
    assert parse_count("10,000,000") is None
