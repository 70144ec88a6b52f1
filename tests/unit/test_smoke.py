"""The package imports and the pipeline runs end to end."""

from resdiff import compare
from resdiff.ingest import SourceText
from resdiff.parse.structure import parse_source


def test_compare_runs_end_to_end() -> None:
    a = parse_source(SourceText("a.txt", "txt", "Alpha beta.\n\nGamma."), "A")
    b = parse_source(SourceText("b.txt", "txt", "Alpha delta.\n\nGamma."), "B")
    result = compare(a, b)
    assert result.differs
    assert [p.status for p in result.comparisons[0].pairs] == ["modified", "unchanged"]
