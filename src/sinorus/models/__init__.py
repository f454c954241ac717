"""The record models: what a sinorus record is and which values it may hold."""

from sinorus.models.actors import ORGANISATIONS, ActorCode, actor_name, is_state
from sinorus.models.base import Citation, Discrepancy, FrozenModel, Money, Quantity, RecordId
from sinorus.models.edtf import EDTF, EDTFError
from sinorus.models.records import (
    RECORD_TYPES,
    Agreement,
    ArmsTransfer,
    Event,
    Exercise,
    Force,
    Record,
    RecordBase,
    RecordKind,
    Source,
)

__all__ = [
    "EDTF",
    "ORGANISATIONS",
    "RECORD_TYPES",
    "ActorCode",
    "Agreement",
    "ArmsTransfer",
    "Citation",
    "Discrepancy",
    "EDTFError",
    "Event",
    "Exercise",
    "Force",
    "FrozenModel",
    "Money",
    "Quantity",
    "Record",
    "RecordBase",
    "RecordId",
    "RecordKind",
    "Source",
    "actor_name",
    "is_state",
]
