"""The five record kinds and the discriminated union that holds them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, ClassVar, Literal

from pydantic import Field, ValidationInfo, field_validator

from sinorus.models.actors import ActorCode
from sinorus.models.base import LARGEST_INTEGER, Citation, Discrepancy, FrozenModel, Money, Quantity, RecordId, Text
from sinorus.models.edtf import EDTF

__all__ = [
    "ActorRole",
    "Agreement",
    "ArmsTransfer",
    "Event",
    "Exercise",
    "ExerciseService",
    "FactRecord",
    "Force",
    "OutletKind",
    "Record",
    "RecordBase",
    "RecordKind",
    "Source",
]

RecordKind = Literal["event", "exercise", "agreement", "arms_transfer", "source"]
LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2}$")]
"""An ISO 639-1 language code (`en`, `ru`, `zh`)."""
ActorRole = Literal["participant", "observer", "host", "supplier", "recipient"]
"""How an actor figures in a record: took part (a participant, a party, an event's actor),
observed, hosted, supplied or received."""


def _not_before(later: EDTF | None, earlier: EDTF | None, later_name: str, earlier_name: str) -> None:
    if later is not None and earlier is not None and later.latest < earlier.earliest:
        raise ValueError(f"{later_name} ({later}) is before {earlier_name} ({earlier})")


class RecordBase(FrozenModel):
    """Fields every record has."""

    id: RecordId
    """Stable, unique id; renaming or removing one is a breaking data change."""
    kind: RecordKind
    """The record kind, which selects the model."""
    name: Text
    """The name a reader would look for, in English."""
    aliases: tuple[Text, ...] = ()
    """Other names and spellings, including Chinese and Russian ones a source gives."""
    citations: tuple[Citation, ...] = Field(default=(), validate_default=True)
    """The passages that state this record's facts."""
    discrepancies: tuple[Discrepancy, ...] = ()
    """Alternative values stated elsewhere, each with its citation and a note."""
    related: tuple[RecordId, ...] = ()
    """Ids of other records this one is tied to."""
    notes: Text | None = None
    """Free-text remarks: context, caveats, how a value was read."""
    requires_citation: ClassVar[bool] = True
    actor_fields: ClassVar[dict[str, ActorRole]] = {}
    """The fields that hold actor codes, each with the role its actors play."""
    type_field: ClassVar[str] = "kind"
    """The field that gives the record's type within its kind."""
    reference_fields: ClassVar[dict[str, RecordKind]] = {}
    """The fields that hold the id of another record, each with the kind it must point at
    (`related` may point at any record)."""

    def actor_roles(self) -> tuple[tuple[str, ActorRole, str], ...]:
        """Every `(field, role, actor code)` the record names, in field order."""
        found: list[tuple[str, ActorRole, str]] = []
        for name, role in self.actor_fields.items():
            value = getattr(self, name)
            if isinstance(value, tuple):
                found += [(name, role, code) for code in value]
            elif value:
                found.append((name, role, value))
        return tuple(found)

    @field_validator("citations")
    @classmethod
    def _cited(cls, citations: tuple[Citation, ...]) -> tuple[Citation, ...]:
        if cls.requires_citation and not citations:
            raise ValueError("a record that is not a source needs at least one citation")
        return citations

    @property
    def date_value(self) -> EDTF | None:
        """The date that places the record on a timeline, when it has one."""
        return None

    def __repr__(self) -> str:
        from sinorus.models.display import record_repr

        return record_repr(self)

    def __str__(self) -> str:
        from sinorus.models.display import record_text

        return record_text(self)

    def _repr_html_(self) -> str:
        from sinorus.models.display import record_html

        return record_html(self)

    def references(self) -> tuple[tuple[str, str], ...]:
        """Every `(field path, id)` this record points at, for integrity checks."""
        refs: list[tuple[str, str]] = [(f"related.{i}", ref) for i, ref in enumerate(self.related)]
        citation_groups = [("citations", self.citations)] + [
            (f"discrepancies.{i}.citations", d.citations) for i, d in enumerate(self.discrepancies)
        ]
        for prefix, citations in citation_groups:
            for i, citation in enumerate(citations):
                refs += _pointers(citation, Citation.reference_fields, f"{prefix}.{i}.")
        return tuple(refs + _pointers(self, self.reference_fields, ""))

    @classmethod
    def reference_kind(cls, path: str) -> str | None:
        """The kind the reference at a field path (`series`, `citations.0.source`) must point at."""
        name = path.rsplit(".", 1)[-1]
        fields: Mapping[str, str] = Citation.reference_fields if "citations." in path else cls.reference_fields
        return fields.get(name)


def _pointers(model: object, fields: Mapping[str, str], prefix: str) -> list[tuple[str, str]]:
    """`(field path, id)` for each reference field of a model that holds an id."""
    return [(prefix + name, value) for name in fields if (value := getattr(model, name)) is not None]


class FactRecord(RecordBase):
    """Fields of every record that states facts about the world (every kind but `source`)."""

    context: bool = False
    """True for a record that involves neither China nor Russia (nor the USSR) as an actor and
    is kept because a source ties it to their relations; counts of cooperation leave it out."""


EventType = Literal[
    "meeting",
    "visit",
    "call",
    "consultation",
    "summit",
    "conference",
    "forum",
    "statement",
    "announcement",
    "publication",
    "proposal",
    "test",
    "launch",
    "sanction",
    "vote",
    "deployment",
    "military_operation",
    "appointment",
    "other",
]


class Event(FactRecord):
    """A dated happening: a meeting, call, visit, statement, test, sanction, launch, vote."""

    actor_fields: ClassVar[dict[str, ActorRole]] = {"actors": "participant"}
    type_field: ClassVar[str] = "event_type"

    kind: Literal["event"] = "event"
    """Always `event`."""
    event_type: EventType
    """What sort of happening it was."""
    date: EDTF | None = None
    """When it happened, as precisely as the source says."""
    actors: tuple[ActorCode, ...] = ()
    """The states and organisations that took part or acted."""
    location: Text | None = None
    """Where it happened (a city, region or country), as the source names it."""

    @property
    def date_value(self) -> EDTF | None:
        return self.date


ExerciseDomain = Literal[
    "land",
    "sea",
    "air",
    "missile_defence",
    "command_post",
    "computer_simulated",
    "counter_terrorism",
    "patrol",
    "special_forces",
    "logistics",
    "cyber",
    "space",
]


class Force(FrozenModel):
    """The forces one participant (or all participants together) committed."""

    participant: ActorCode | None = None
    """Whose forces; absent when the figures are totals across participants."""
    troops: Quantity | None = None
    """Personnel."""
    ships: Quantity | None = None
    """Surface ships and vessels."""
    submarines: Quantity | None = None
    """Submarines."""
    aircraft: Quantity | None = None
    """Fixed-wing aircraft and helicopters."""
    vehicles: Quantity | None = None
    """Tanks, armoured and other vehicles."""


ExerciseService = Literal["armed_forces", "internal_security", "coast_guard", "border_guard"]


class Exercise(FactRecord):
    """A military exercise, drill or joint patrol, or a series of them."""

    actor_fields: ClassVar[dict[str, ActorRole]] = {
        "participants": "participant",
        "observers": "observer",
        "host": "host",
    }
    type_field: ClassVar[str] = "level"
    reference_fields: ClassVar[dict[str, RecordKind]] = {"series": "exercise"}

    kind: Literal["exercise"] = "exercise"
    """Always `exercise`."""
    level: Literal["instance", "series"] = "instance"
    """`instance` for one exercise; `series` for a recurring series that instances link to."""
    series: RecordId | None = None
    """The id of the series record this exercise belongs to."""
    ordinal: Annotated[int, Field(ge=1, le=LARGEST_INTEGER, strict=True)] | None = None
    """The instance's number in its series, where sources count them ("the eighth joint air patrol")."""
    service: ExerciseService = "armed_forces"
    """Which forces drilled: `armed_forces`, `internal_security` (national guard, internal troops,
    armed police), `coast_guard` or `border_guard`."""
    date: EDTF | None = None
    """When it took place (usually an interval)."""
    domains: tuple[ExerciseDomain, ...] = ()
    """What the exercise practised."""
    participants: tuple[ActorCode, ...] = ()
    """The states and organisations whose forces took part."""
    observers: tuple[ActorCode, ...] = ()
    """States and organisations that observed without taking part."""
    host: ActorCode | None = None
    """The state on whose territory or waters it was held."""
    location: Text | None = None
    """Where it took place, as the source names it."""
    forces: tuple[Force, ...] = ()
    """Force numbers, per participant or in total."""

    @property
    def date_value(self) -> EDTF | None:
        return self.date

    @field_validator("series", "ordinal")
    @classmethod
    def _instance_only(cls, value: object, info: ValidationInfo) -> object:
        if value is not None and info.data.get("level") == "series":
            raise ValueError(f"a series record has no {info.field_name}: only its instances do")
        return value


AgreementType = Literal[
    "treaty",
    "agreement",
    "memorandum",
    "roadmap",
    "programme",
    "plan",
    "joint_statement",
    "declaration",
    "communique",
    "contract",
    "protocol",
    "resolution",
    "strategy",
    "other",
]
AgreementDomain = Literal[
    "military",
    "military_technical",
    "security",
    "border",
    "nuclear",
    "space",
    "cyber",
    "information",
    "economic",
    "political",
    "other",
]


class Agreement(FactRecord):
    """A treaty, agreement, memorandum, roadmap, programme, statement, contract or strategy."""

    actor_fields: ClassVar[dict[str, ActorRole]] = {"parties": "participant"}
    type_field: ClassVar[str] = "agreement_type"

    kind: Literal["agreement"] = "agreement"
    """Always `agreement`."""
    agreement_type: AgreementType
    """What sort of instrument it is."""
    parties: tuple[ActorCode, ...] = ()
    """The states and organisations party to it (one for a unilateral strategy)."""
    signed: EDTF | None = None
    """When it was signed, adopted or issued."""
    in_force: EDTF | None = None
    """When it entered into force."""
    expires: EDTF | None = None
    """When it expires or expired."""
    extended: EDTF | None = None
    """When it was extended or renewed."""
    domains: tuple[AgreementDomain, ...] = ()
    """The fields it covers."""
    summary: Text | None = None
    """What it provides, in a sentence or two from the source."""

    @property
    def date_value(self) -> EDTF | None:
        return self.signed or self.in_force

    @field_validator("expires")
    @classmethod
    def _expires_after_signing(cls, expires: EDTF | None, info: ValidationInfo) -> EDTF | None:
        _not_before(expires, info.data.get("signed"), "expires", "signed")
        return expires


TransferCategory = Literal[
    "aircraft",
    "helicopters",
    "air_defence",
    "missiles",
    "engines",
    "ships",
    "submarines",
    "armoured_vehicles",
    "artillery",
    "sensors",
    "electronics",
    "space",
    "small_arms",
    "technology",
    "other",
]
DealType = Literal[
    "sale",
    "licence",
    "co_production",
    "joint_development",
    "technical_assistance",
    "technology_transfer",
    "unlicensed_copy",
    "lease",
    "aid",
    "other",
]
TransferStatus = Literal[
    "proposed",
    "negotiating",
    "ordered",
    "delivering",
    "delivered",
    "suspended",
    "cancelled",
    "refused",
    "unknown",
]


class ArmsTransfer(FactRecord):
    """A transfer of weapons, components or military technology between states."""

    actor_fields: ClassVar[dict[str, ActorRole]] = {"supplier": "supplier", "recipient": "recipient"}
    type_field: ClassVar[str] = "deal_type"
    reference_fields: ClassVar[dict[str, RecordKind]] = {"agreement": "agreement"}

    kind: Literal["arms_transfer"] = "arms_transfer"
    """Always `arms_transfer`."""
    supplier: ActorCode
    """The supplying state."""
    recipient: ActorCode
    """The receiving state."""
    designation: Text | None = None
    """The system's designation as the source gives it (`Su-35`, `S-400`)."""
    category: TransferCategory
    """What kind of equipment or technology."""
    deal_type: DealType = "sale"
    """How it was transferred."""
    status: TransferStatus = "unknown"
    """How far the transfer got, as of the source."""
    ordered: Quantity | None = None
    """Number of items ordered."""
    delivered: Quantity | None = None
    """Number of items delivered."""
    order_date: EDTF | None = None
    """When the order or deal was made."""
    delivery_date: EDTF | None = None
    """When the items were delivered (often an interval)."""
    talks_date: EDTF | None = None
    """When the deal was offered, requested or negotiated; for a deal never ordered, its only date."""
    value: Money | None = None
    """The value of the deal."""
    agreement: RecordId | None = None
    """The id of the agreement or contract the transfer falls under."""

    @property
    def date_value(self) -> EDTF | None:
        return self.order_date or self.delivery_date or self.talks_date

    @field_validator("delivery_date")
    @classmethod
    def _delivered_after_order(cls, delivered: EDTF | None, info: ValidationInfo) -> EDTF | None:
        _not_before(delivered, info.data.get("order_date"), "delivery_date", "order_date")
        return delivered


SourceType = Literal[
    "report",
    "chapter",
    "journal_article",
    "book",
    "news",
    "opinion",
    "interview",
    "press_release",
    "official_document",
    "database",
    "website",
    "other",
]


OutletKind = Literal[
    "government",
    "state_media",
    "news_agency",
    "newspaper",
    "trade_press",
    "think_tank",
    "academic",
    "encyclopedia",
    "aggregator",
    "blog",
]


class Source(RecordBase):
    """A document: report, chapter, article, news item, database or official document."""

    kind: Literal["source"] = "source"
    """Always `source`."""
    source_type: SourceType
    """What sort of document."""
    authors: tuple[Text, ...] = ()
    """Authors as printed, in order."""
    title: Text | None = None
    """The title in its original language, exactly as printed; absent when no text gives it
    (never the outlet's name in its place)."""
    title_en: Text | None = None
    """The English title (absent when `title` is English): as the citing text gives it, or the
    dataset's translation for a web page."""
    outlet: Text | None = None
    """The journal, newspaper, publisher or institution."""
    outlet_kind: OutletKind | None = None
    """What kind of outlet published it: `government` (a government, ministry or armed forces,
    their papers and sites included), `state_media` (state-owned media), `news_agency` (a
    non-state agency), `newspaper` (a non-state newspaper, magazine or broadcaster),
    `trade_press` (defence or maritime trade press), `think_tank`, `academic` (a journal or
    university press), `encyclopedia`, `aggregator` (a mirror or re-publisher) or `blog`
    (a blog or forum)."""
    date: EDTF | None = None
    """The publication date."""
    url: Text | None = None
    """The address given for the document."""
    language: LanguageCode | None = None
    """The ISO 639-1 code of the document's language (`en`, `ru`, `zh`)."""
    part_of: RecordId | None = None
    """The id of the source this one is part of (a chapter's report)."""

    requires_citation: ClassVar[bool] = False
    type_field: ClassVar[str] = "source_type"
    reference_fields: ClassVar[dict[str, RecordKind]] = {"part_of": "source"}

    @property
    def date_value(self) -> EDTF | None:
        return self.date


Record = Annotated[Event | Exercise | Agreement | ArmsTransfer | Source, Field(discriminator="kind")]
"""Any record, told apart by its `kind`."""

RECORD_TYPES: dict[str, type[RecordBase]] = {
    "event": Event,
    "exercise": Exercise,
    "agreement": Agreement,
    "arms_transfer": ArmsTransfer,
    "source": Source,
}
"""Each record kind's model class."""
