"""Detect the language of an article's text, deterministically (seeded ``langdetect``)."""

from __future__ import annotations

import re

MIN_LETTERS = 40
"""Below this many letters a guess is not worth making."""
MIN_PROBABILITY = 0.7

_URL_RE = re.compile(r"\(?https?://\S+|\[|\]")


def detect_language(text: str) -> str | None:
    """A language code such as ``fr``, ``en`` or ``zh-CN``, or None when unsure."""
    text = _URL_RE.sub(" ", text)
    if sum(c.isalpha() for c in text) < MIN_LETTERS:
        return None
    from langdetect import DetectorFactory, detect_langs  # import on use: loads profiles
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        guesses = detect_langs(text)
    except LangDetectException:
        return None
    if not guesses or guesses[0].prob < MIN_PROBABILITY:
        return None
    code: str = guesses[0].lang
    if "-" in code:
        language, region = code.split("-", 1)
        code = f"{language}-{region.upper()}"
    return code
