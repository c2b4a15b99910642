"""Fenced code blocks by CommonMark's rules, as every stage now reads them (model/fences.py)."""

from __future__ import annotations

import pytest

from briefbook.model.fences import in_code

CASES = [
    (["a", "```", "x", "```", "b"], [False, True, True, True, False]),
    (["~~~~", "```", "~~~", "~~~~"], [True, True, True, True]),  # closes only on ~~~~ or more
    (["```python", "x", "```  ", "y"], [True, True, True, False]),
    (["    ```", "x"], [False, False]),  # four spaces: an indented block, not a fence
    (["``` a`b", "x"], [False, False]),  # a backtick fence's info string holds no backtick
    (["```", "x", "``` not a close", "y"], [True, True, True, True]),  # unclosed to the end
    (["   ~~~", "x", "   ~~~"], [True, True, True]),
]


@pytest.mark.parametrize(("lines", "expected"), CASES)
def test_fence_rules(lines: list[str], expected: list[bool]) -> None:
    assert in_code(lines) == expected
