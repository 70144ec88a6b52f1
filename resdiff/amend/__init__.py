"""Amendments: the UN-style instructions that turn one draft into another.

``amendments(comparison)`` writes them from a comparison, ``read_amendments(text)``
parses an amendment document as delegations write it, and ``apply_amendments(draft,
amendments)`` applies a list to the draft as tabled. All three share one value,
``AmendmentList``, and one grammar (``grammar.toml``; docs/amendments.md).
"""

from resdiff.amend.model import Amendment, AmendmentList, Target
from resdiff.amend.write import amendments, write_amendments

__all__ = ["Amendment", "AmendmentList", "Target", "amendments", "write_amendments"]
