"""Shared building blocks of every element: ids, names in several languages, lifecycle,
suppressions and the element base class.

The model knows nothing of files: source positions live in the loader's source map.
"""

from enum import StrEnum
from typing import Annotated, Any, ClassVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)
from pydantic_core import PydanticCustomError

from .values import LINE_PATTERN, PROSE_PATTERN, Date, Line, Prose

ID_PATTERN = r"^[a-z][a-z0-9-]*$"
ElementId = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=120)]
# A reference is a bare id; ids are unique across all kinds, so no kind prefix is needed.
Ref = ElementId


def kebab(name: str) -> str:
    return name.replace("_", "-")


class Strict(BaseModel):
    """Base for every structure in a model file: frozen, unknown keys rejected, kebab keys."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        alias_generator=kebab,
        # Python code may use snake_case names; the loader passes by_name=False so that
        # files must use the kebab-case keys the JSON Schema documents.
        validate_by_name=True,
        validate_by_alias=True,
        use_enum_values=False,
        str_strip_whitespace=True,
        # Built when first used, not at import: the loader validates every element through
        # one union (see `elements.Element`), which builds each class once, inline; building
        # each class on its own too cost `ea` about 0.05 s at every start.
        defer_build=True,
    )


def _plain_string_is_finnish(value: Any) -> Any:
    return {"fi": value} if isinstance(value, str) else value


def _one_line_name(value: Any) -> Any:
    """A name or title as written: plain text is Finnish, and no language may hold a line
    break or tab (leading and trailing ones are stripped, as from every string)."""
    texts = {"fi": value} if isinstance(value, str) else value
    if isinstance(texts, dict):
        for lang, text in texts.items():
            if isinstance(text, str) and ("\n" in text or "\t" in text):
                inner = text.strip()
                what = "a line break" if "\n" in inner else "a tab" if "\t" in inner else ""
                if what:
                    raise PydanticCustomError(
                        "text_not_one_line",
                        "must be one line, but its {lang} text holds {what}",
                        {"lang": str(lang), "what": what},
                    )
    return texts


class Text(Strict):
    """Text in Finnish (required) with optional Swedish and English translations.

    In a file either `name: Asianhallinta` (Finnish) or
    `name: {fi: Asianhallinta, en: Case management}`.
    """

    fi: Annotated[str, StringConstraints(min_length=1, pattern=PROSE_PATTERN)]
    sv: Prose | None = None
    en: Prose | None = None

    def get(self, lang: str = "fi") -> str:
        """The text in `lang`, falling back to Finnish where no translation exists."""
        return getattr(self, lang, None) or self.fi

    def languages(self) -> dict[str, str]:
        return {lang: text for lang in ("fi", "sv", "en") if (text := getattr(self, lang))}

    def __str__(self) -> str:
        return self.fi


# A description: Finnish as plain text, or several languages; several lines allowed.
LocalText = Annotated[
    Text, BeforeValidator(_plain_string_is_finnish, json_schema_input_type=Prose | Text)
]
# A name or title: the same, on one line in every language.
LocalName = Annotated[
    Text,
    BeforeValidator(_one_line_name, json_schema_input_type=Line | Text),
]


class Phase(StrEnum):
    PLANNED = "planned"
    IN_PRODUCTION = "in-production"
    PHASING_OUT = "phasing-out"
    RETIRED = "retired"


class State(StrEnum):
    AS_IS = "as-is"
    TO_BE = "to-be"


class Lifecycle(Strict):
    """Where an element is in its life, with the dates that matter for the roadmap."""

    phase: Phase
    start: Date | None = Field(None, description="taken into use (or planned to be)")
    end: Date | None = Field(None, description="retired, or planned to be retired")


class Suppression(Strict):
    """An accepted exception to one rule on this element, with its reason."""

    rule: Annotated[str, StringConstraints(min_length=1, pattern=LINE_PATTERN)] = Field(
        description="rule code or name, e.g. EA302 or procured-system-open-api"
    )
    reason: Prose | None = Field(None, description="why the exception is accepted")
    expires: Date | None = None
    approved_by: Prose | None = None


class Viewpoint(StrEnum):
    """The JHS 179 viewpoints, plus what spans them."""

    OPERATIONS = "operations"  # toiminta-arkkitehtuuri
    INFORMATION = "information"  # tietoarkkitehtuuri
    SYSTEMS = "systems"  # tietojärjestelmäarkkitehtuuri
    TECHNOLOGY = "technology"  # teknologia-arkkitehtuuri
    CROSS = "cross"  # principles, development projects, impact assessments


class ElementBase(Strict):
    """Fields every element has. Subclasses set `kind` (the discriminator) and `viewpoint`."""

    viewpoint: ClassVar[Viewpoint]
    # Fields holding references to other elements, mapped to the relation they express.
    # Filled by subclasses; the loader turns them into typed relations.
    reference_fields: ClassVar[dict[str, str]] = {}

    id: ElementId
    name: LocalName
    description: LocalText | None = None
    tags: tuple[Line, ...] = ()
    properties: dict[Line, Prose] = Field(default_factory=dict)
    lifecycle: Lifecycle | None = None
    state: State = State.AS_IS
    suppress: tuple[Suppression, ...] = ()

    @property
    def label(self) -> str:
        return self.name.fi

    # -- where the element is in its life: the one definition rules, report and publish use
    @property
    def is_retired(self) -> bool:
        return self.lifecycle is not None and self.lifecycle.phase is Phase.RETIRED

    @property
    def is_live(self) -> bool:
        """Not retired: planned, in production, phasing out, or with no lifecycle at all."""
        return not self.is_retired

    @property
    def is_planned(self) -> bool:
        """Not yet part of the as-is architecture: the lifecycle phase says so where given
        (planned), else the state (to-be)."""
        if self.lifecycle is not None:
            return self.lifecycle.phase is Phase.PLANNED
        return self.state is State.TO_BE

    @property
    def is_in_production(self) -> bool:
        """Running now and not on its way out: phase `in-production`, or no lifecycle on an
        as-is element."""
        if self.lifecycle is None:
            return self.state is State.AS_IS
        return self.lifecycle.phase is Phase.IN_PRODUCTION

    @property
    def is_phasing_out(self) -> bool:
        return self.lifecycle is not None and self.lifecycle.phase is Phase.PHASING_OUT

    @property
    def is_current(self) -> bool:
        """In use now: neither retired nor only planned."""
        return not self.is_retired and not self.is_planned

    def references(self) -> list[tuple[str, str, str]]:
        """(field, relation type, target id) for each reference this element writes."""
        # Called once per element on every load: field values straight from the instance
        # dict, and no generator per field (about twice as fast as getattr + extend).
        found = []
        values = self.__dict__
        for field, relation in self.reference_fields.items():
            try:
                value = values[field]
            except KeyError:
                value = getattr(self, field)
            if value is None:
                continue
            if isinstance(value, str):
                found.append((field, relation, value))
            elif value:  # a tuple of ids, or a dict (e.g. cost allocation: unit id -> share)
                for target in value:
                    found.append((field, relation, target))
        return found
