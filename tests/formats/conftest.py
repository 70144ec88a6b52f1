"""Session fixtures: the binary drafts are built once per test run, in a temp folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.formats.builders import SAMPLE, make_docx, make_pdf

SEEDS_WITH_BLANK_LINES = (
    "s-2024-9001-tied.txt",
    "s-2024-9002-demands.txt",
    "s-2024-9000-earlier.txt",
)


def seed_text(name: str) -> str:
    """A seed draft's text (a missing seed is a failure, not a skip)."""
    from resdiff.seeds import seed_dir

    return (seed_dir() / name).read_text("utf-8")


@pytest.fixture(scope="session")
def drafts_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("drafts")


@pytest.fixture(scope="session")
def sample_files(drafts_dir: Path) -> dict[str, Path]:
    """The invented ``SAMPLE`` draft as .txt, .docx and .pdf."""
    files = {
        "txt": drafts_dir / "sample.txt",
        "docx": drafts_dir / "sample.docx",
        "pdf": drafts_dir / "sample.pdf",
    }
    files["txt"].write_text(SAMPLE, "utf-8")
    files["docx"].write_bytes(make_docx(SAMPLE))
    files["pdf"].write_bytes(make_pdf(SAMPLE))
    return files


@pytest.fixture(scope="session", params=SEEDS_WITH_BLANK_LINES)
def seed_files(request: pytest.FixtureRequest, drafts_dir: Path) -> dict[str, Path]:
    """One seed draft as .txt, .docx and .pdf."""
    name = request.param
    text = seed_text(name)
    stem = name.removesuffix(".txt")
    files = {
        "txt": drafts_dir / name,
        "docx": drafts_dir / f"{stem}.docx",
        "pdf": drafts_dir / f"{stem}.pdf",
    }
    files["txt"].write_text(text, "utf-8")
    files["docx"].write_bytes(make_docx(text))
    files["pdf"].write_bytes(make_pdf(text))
    return files
