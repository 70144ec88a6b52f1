"""Shared helpers: clauses and documents built directly, without the parser."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from resdiff.model import Clause, ClauseKind, Document
from resdiff.signals.lens import Lens, load_lens
from tests.builders import clause as make_clause
from tests.builders import document as make_document

# The first operative paragraphs of the two seed drafts (written for resdiff; modelled on
# the March 2024 drafts): a ceasefire tied to hostage release vs both demanded.
OP1_TIED = (
    "Determines the imperative of an immediate and sustained ceasefire to protect civilians "
    "on all sides, to allow essential humanitarian assistance to reach those in need and to "
    "ease humanitarian suffering, and to that end unequivocally supports the ongoing "
    "international diplomatic efforts to secure such a ceasefire in connection with the "
    "release of all remaining hostages;"
)
OP1_DEMANDS = (
    "Demands an immediate ceasefire for the month of Ramadan, respected by all parties and "
    "leading to a lasting sustainable ceasefire, and also demands the immediate and "
    "unconditional release of all hostages, as well as guaranteed humanitarian access to meet "
    "their medical and other humanitarian needs, and further demands that the parties abide "
    "by their obligations under international law with respect to all persons in their "
    "detention;"
)


@pytest.fixture(scope="session")
def lens() -> Lens:
    return load_lens()


def clause(
    cid: str, text: str, kind: ClauseKind = "operative", opener: str | None = None
) -> Clause:
    """A lone clause for a signals test: unlabelled, of the kind given."""
    return make_clause(cid, text, kind=kind, label=None, opener=opener)


def document(doc_id: str, clauses: Sequence[Clause], source: str | None = None) -> Document:
    return make_document(doc_id, clauses, source=source)
