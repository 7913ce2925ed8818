"""The vocabulary has a word for everything the model can show, in every language, and
every output reads the same word from it."""

from __future__ import annotations

import pytest

from eaframework.model import KINDS, REVERSE
from eaframework.model import vocabulary as v
from eaframework.model.vocabulary.kinds import KINDS as KIND_WORDS
from eaframework.model.vocabulary.relations import RELATIONS as RELATION_WORDS
from eaframework.model.vocabulary.values import VALUES

NAMES = set(REVERSE) | set(REVERSE.values())  # relation types and their reverse names


@pytest.mark.parametrize("lang", v.LANGUAGES)
def test_every_kind_has_all_its_forms(lang):
    forms = 3 if lang == "fi" else 2  # the partitive is Finnish
    table = KIND_WORDS[lang]
    assert set(table) == set(KINDS)
    assert not [k for k, words in table.items() if len(words) != forms or not all(words)]


@pytest.mark.parametrize("lang", v.LANGUAGES)
def test_every_relation_has_a_label_and_prose_in_both_directions(lang):
    table = RELATION_WORDS[lang]
    assert set(table) == NAMES
    assert not [n for n, words in table.items() if len(words) != 2 or not all(words)]


@pytest.mark.parametrize("lang", v.LANGUAGES)
def test_every_enum_value_has_a_word(lang):
    table = VALUES[lang]
    assert {name.partition("/")[0] for name in table} == set(v.ENUMS)
    for name, words in table.items():
        enum = v.ENUMS[name.partition("/")[0]]
        assert set(words) == {m.value for m in enum}, name
        assert all(words.values()), name


def test_every_enum_of_the_model_is_in_the_vocabulary():
    import enum
    import inspect

    from eaframework import model

    found = {name for name, obj in inspect.getmembers(model, inspect.isclass)
             if issubclass(obj, enum.StrEnum) and obj is not enum.StrEnum}
    assert found <= set(v.ENUMS)


def test_the_languages_agree_on_their_tables():
    assert set(KIND_WORDS) == set(RELATION_WORDS) == set(VALUES) == set(v.LANGUAGES)
    assert set(VALUES["fi"]) == set(VALUES["sv"]) == set(VALUES["en"])
    assert set(v.OUTPUT_LANGUAGES) <= set(v.LANGUAGES) and v.DEFAULT_LANGUAGE in v.LANGUAGES


@pytest.mark.parametrize("lang", v.LANGUAGES)
def test_no_two_kinds_share_a_singular(lang):
    singulars = [words[0] for words in KIND_WORDS[lang].values()]
    assert len(set(singulars)) == len(singulars)


def test_forms_and_fallbacks():
    assert v.kind_word("information-system", "fi", "partitive") == "tietojärjestelmää"
    assert v.kind_word("information-system", "en", "partitive") == "information systems"
    assert v.kind_word("no-such-kind", "fi") == "no-such-kind"
    assert v.relation_word("owned-by", "fi", "reverse") == v.relation_word("owner-of", "fi",
                                                                           "prose")
    assert v.relation_word("masters", "fi") == "master"
    assert v.relation_word("no-such-relation", "en", "prose") == "no-such-relation"
    assert v.enum_word(v.ENUMS["TransferMethod"]("view"), "en") == "database view"
    assert v.enum_word("messaging", "fi", "ServiceCategory") == "viestinvälitys"
    assert v.enum_word("nonsense", "fi") == "nonsense"
    assert v.phase_word("in-production", "xx") == v.phase_word("in-production",
                                                               v.DEFAULT_LANGUAGE)
    assert v.viewpoint_word("cross", "fi", "short") == "yhteiset"
    assert v.capital("saaS") == "SaaS"


def test_impact_assessment_reads_the_same_everywhere():
    from eaframework.changes import wording
    from eaframework.diagrams import words
    from eaframework.report.texts import translate

    for lang in v.OUTPUT_LANGUAGES:
        word = v.kind_word("impact-assessment", lang)
        assert words.kind_name("impact-assessment", lang).lower() == word
        assert wording.kind_name("impact-assessment", lang) == word
        assert translate(lang, "kind.impact-assessment").lower() == word
        assert translate(lang, "projects.impact").lower() == word


@pytest.mark.parametrize("lang", v.LANGUAGES)
def test_severities_read_the_same_in_report_diagram_and_diff(lang):
    from eaframework.changes import wording
    from eaframework.diagnostics import SEVERITY_WORDS, Severity
    from eaframework.diagrams.computed import Finding
    from eaframework.diagrams.drawing import _finding_line

    assert set(SEVERITY_WORDS[lang]) == {s.value for s in Severity}
    for severity in Severity:
        word = severity.word(lang)
        assert word and word != severity.value or lang == "en"
        assert wording.severity(severity.value, lang) == word
        line = _finding_line(Finding("EA301", severity.value, "no owner"), lang)
        assert f"({word})" in line
