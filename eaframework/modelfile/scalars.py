"""The emitter's text of the common one-line scalars, without running the emitter.

ruamel.yaml (`style.model_yaml`) stays the reference, but setting it up costs about a
millisecond a call, and an import of 10,000 elements has thousands of texts with a colon,
an address or a leading digit, and numbers. For a one-line text of printable characters,
the emitter's choice is simple: plain where its analysis allows a block plain scalar and
the text reads back as text, else double quotes (the model files' only quoting style),
escaping only `"` and `\\`. This follows ruamel.yaml 0.19's `Emitter.analyze_scalar` and
`choose_scalar_style` for exactly that subset; anything else (empty, multi-line, a tab or
another character it escapes, very long) is declined with None and left to the emitter.
`tests/modelfile/test_scalars.py` checks, with Hypothesis, that both give the same text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .style import plain_is_ambiguous

# One line of characters that the emitter writes as they are (allow_unicode): no line
# break (\x85, \u2028, \u2029 are ones), no byte order mark, no control character.
_SIMPLE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                     "\U00010000-\U0010ffff]{1,2000}")
# What makes the emitter refuse a block plain scalar, given one line of _SIMPLE text:
# a leading or trailing space, a document marker, a leading indicator, `?`, `:` or `-`
# alone or before a space, `: ` or a final `:`, and ` #`.
_NOT_PLAIN = re.compile(r"^[ #,\[\]{}&*!|>'\"%@`]|^(?:---|\.\.\.)|^[?:-](?: |$)| $|:(?: |$)"
                        r"| #")
_FLOAT = re.compile(r"-?[0-9]+\.[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # may be a date, which is not text
_STR_TAG = "tag:yaml.org,2002:str"


@lru_cache(maxsize=1 << 14)
def scalar_text(value: str) -> str | None:
    """`value` as the emitter writes it after `key: `, or None where it cannot tell."""
    if not _SIMPLE.fullmatch(value) or _DATE.fullmatch(value):
        return None
    if plain_is_ambiguous(value) or _NOT_PLAIN.search(value) or not _reads_as_text(value):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


def float_text(text: str) -> str | None:
    """The emitter's text of a float given as its repr: the repr itself for a decimal
    without an exponent (checked against the emitter for many); None for the rest."""
    return text if _FLOAT.fullmatch(text) else None


# The first characters ruamel.yaml's resolver (YAML 1.2) has rules for; other texts are
# text to it, and ruamel.yaml need not be imported to say so.
RESOLVED_FIRST = frozenset("!&*+-.0123456789<=FNTfnt~")


@lru_cache(maxsize=4096)
def _reads_as_text(value: str) -> bool:
    """Whether ruamel.yaml's own resolver takes the plain text for text."""
    if value[0] not in RESOLVED_FIRST:
        return True
    from ruamel.yaml.nodes import ScalarNode

    return _resolver().resolve(ScalarNode, value, (True, False)) == _STR_TAG


@lru_cache(maxsize=1)
def _resolver():
    from ruamel.yaml.resolver import VersionedResolver

    return VersionedResolver()
