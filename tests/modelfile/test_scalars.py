"""The writer's own text of one-line scalars (`modelfile.scalars`) against the emitter it
stands in for: wherever it does not decline, the text is the emitter's, byte for byte,
and reads back (with the loader's yaml_rs and with ruamel.yaml) as the same value."""

from __future__ import annotations

import string

import yaml_rs
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from eaframework.modelfile.scalars import RESOLVED_FIRST, float_text, scalar_text
from eaframework.modelfile.style import model_yaml
from eaframework.modelfile.emitted import emitted_float_alone, emitted_text_alone

# Characters where the emitter's choices differ: indicators, spaces, quotes, digits and
# number signs, reserved words' letters, a few non-ASCII ones (also beyond the BMP), and
# some the writer declines (tab, line breaks, byte order mark, control characters).
_TRICKY = (string.ascii_letters[:8] + "yYnNoOtTfF" + string.digits + " -+._~:#?,[]{}&*!|>'\"%@`"
           "=<\\/äöÅ€\u00a0\u2028\u2029\ufeff\x85\t\x07😀")
TEXTS = st.one_of(
    st.text(alphabet=_TRICKY, max_size=12),
    st.text(max_size=12),
    st.sampled_from(["yes", "No", "on", "null", "~", "1:30", "0777", "0x1F", "1e5", "1_000",
                     ".inf", "-.5", "2024-02-30", "2024-02-03", "---x", "...", "- a", "a: b",
                     "a:b", "a #b", "a#b", "?", ":", "-", "=", "<<", "@x", "x:", "1190056-4",
                     "01.99.00", "10 v", "https://x.fi/a", "x@y.fi", "a; b.", "' a", "é"]),
)
_SETTINGS = settings(max_examples=1500, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(TEXTS)
@example("Päätöksenteko: verkkoasiointi")
@example('say "hi" \\ there')
def test_text_is_the_emitters(value):
    text = scalar_text(value)
    if text is None:
        return
    assert text == emitted_text_alone(value)
    assert yaml_rs.loads(f"k: {text}\n", parse_datetime=False) == {"k": value}
    assert model_yaml().load(f"k: {text}\n") == {"k": value}


def test_it_declines_what_it_does_not_know():
    for value in ("", "a\nb", "a\tb", "\ufeffa", "a\u2028b", "\x07", "x" * 2001, "2024-01-01"):
        assert scalar_text(value) is None


@_SETTINGS
@given(st.floats(allow_nan=True, allow_infinity=True))
@example(100.0)
@example(-0.0)
@example(1e16)
@example(0.1)
def test_float_is_the_emitters(value):
    text = float_text(repr(value))
    if text is None:
        return
    assert text == emitted_float_alone(repr(value))
    assert yaml_rs.loads(f"k: {text}\n") == {"k": value}


def test_the_resolver_has_rules_only_for_the_first_characters_known():
    from ruamel.yaml.resolver import VersionedResolver

    assert set(VersionedResolver().versioned_resolver) - {""} <= RESOLVED_FIRST
