"""`resdiff amendments` and `resdiff apply` end to end, as a user runs them."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import jsonschema
import pytest

from resdiff.amend.words import canonical
from resdiff.cli import main
from resdiff.pipeline import load
from resdiff.render.schema import load_schema
from tests.conftest import SEEDS

A = str(SEEDS / "s-2024-9001-tied.txt")
B = str(SEEDS / "s-2024-9002-demands.txt")
EXAMPLE = str(SEEDS / "s-2024-9001-amendments.txt")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argument errors, reported by argparse
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_amendments_on_the_bundled_pair(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "amendments")
    assert code == 1 and err == ""
    assert out.startswith("Amendments to draft resolution S/2024/9001\n")
    assert "\n17. In operative paragraph 6, replace the word “Encourages” with “Urges”.\n" in out
    assert _run(capsys, "amendments", A, A)[:2] == (
        0,
        "Amendments to draft resolution S/2024/9001\n\nAmendments that turn S/2024/9001 into "
        "S/2024/9001, written by resdiff.\n\nNo amendments: the two drafts say the same.\n",
    )


def test_write_then_apply_gives_the_other_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed, amended = tmp_path / "am.txt", tmp_path / "amended.txt"
    assert _run(capsys, "amendments", A, B, "-o", str(listed))[0] == 1
    code, out, err = _run(capsys, "apply", A, str(listed), "-o", str(amended))
    assert (code, out, err) == (0, "", "")
    got, want = load(str(amended)), load(B)
    assert [(c.id, c.kind, canonical(c.text)) for c in got.walk()] == [
        (c.id, c.kind, canonical(c.text)) for c in want.walk()
    ]


def test_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "amendments", A, B, "--format", "json")
    data = json.loads(out)
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    assert [d["symbol"] for d in data["documents"]] == ["S/2024/9001", "S/2024/9002"]
    assert len(data["amendments"]) == 21
    _, out, _ = _run(capsys, "amendments", A, B, "--format", "md")
    assert out.startswith("# Amendments to draft resolution S/2024/9001\n")
    assert "**9.** Replace operative paragraph 1 with the following:\n\n> “Demands" in out
    target = tmp_path / "am.docx"
    assert _run(capsys, "amendments", A, B, "-o", str(target))[0] == 1
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    assert paragraphs[0] == "Amendments to draft resolution S/2024/9001"
    assert (
        "5. Move the sixth preambular paragraph to follow the ninth preambular paragraph."
        in paragraphs
    )
    assert _run(capsys, "apply", "-o", str(tmp_path / "amended.md"))[0] == 0
    markdown = (tmp_path / "amended.md").read_text("utf-8")
    assert "\n\n2\\. Demands the immediate and unconditional release of all hostages;\n" in markdown
    assert _run(capsys, "apply", "-o", str(tmp_path / "amended.docx"))[0] == 0
    assert zipfile.is_zipfile(tmp_path / "amended.docx")


def test_apply_the_bundled_example_and_only_some(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "apply")
    assert (code, err) == (0, "")
    assert "\n1. Demands an immediate and permanent ceasefire to protect civilians" in out
    assert "\n7. Emphasizes the importance of preventing the spread of the conflict" in out
    code, out, _ = _run(capsys, "apply", A, EXAMPLE, "--only", "5,7")
    assert "\n7. Condemns all attacks against civilians" in out  # OP7 deleted, OP8 renumbered
    assert "renewed displacement of the civilian population" in out
    assert "Determines the imperative of" in out


@pytest.mark.parametrize(
    ("amendment", "problem"),
    [
        ("1. Delete operative paragraph 13.", "instruction 1: operative paragraph 13 not found"),
        (
            "1. Delete operative paragraph 3.\n\n2. In operative paragraph 3, delete “obstacles”.",
            "instruction 2: overlaps instruction 1",
        ),
        (
            "1. In operative paragraph 3, replace “peace” with “war”.",
            "instruction 1: the words “peace”",
        ),
    ],
)
def test_an_instruction_that_cannot_apply_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], amendment: str, problem: str
) -> None:
    doc = tmp_path / "am.txt"
    doc.write_text(amendment, encoding="utf-8")
    target = tmp_path / "out.txt"
    code, out, err = _run(capsys, "apply", A, str(doc), "-o", str(target))
    assert (code, out) == (2, "") and not target.exists()
    assert err.startswith(f"resdiff: {doc}: {problem}") and err.count("\n") == 1


def test_bad_arguments_and_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "apply", A, EXAMPLE, "-o", A)
    assert code == 2 and "refusing to overwrite an input file" in err
    code, _, err = _run(capsys, "apply", A, EXAMPLE, "--only", "0")
    assert code == 2 and "not instruction numbers" in err
    code, _, err = _run(capsys, "apply", A, EXAMPLE, "--only", "12")
    assert code == 2 and "no instruction 12 (the document has 1 to 9)" in err
    code, _, err = _run(capsys, "apply", A)
    assert code == 2 and "give two files" in err
    code, _, err = _run(capsys, "apply", A, EXAMPLE, "--format", "json")
    assert code == 2 and err.startswith("resdiff: argument --format")
    code, _, err = _run(capsys, "amendments", A, B, "--format", "docx")
    assert code == 2 and "needs -o FILE" in err
    code, _, err = _run(capsys, "apply", B, EXAMPLE)
    assert code == 2 and "these amendments are to S/2024/9001, but the draft is S/2024/9002" in err
    code, _, err = _run(capsys, "apply", A, str(tmp_path / "missing.txt"))
    assert code == 2 and "missing.txt" in err


def test_an_amendment_document_in_word(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = docx.Document()
    document.add_paragraph("Algeria: amendment to draft resolution S/2024/9001")
    document.add_paragraph("1. In operative paragraph 6, replace “Encourages” with “Urges”.")
    document.add_paragraph(
        "2. Insert a new operative paragraph after operative paragraph 12, to read:"
    )
    document.add_paragraph("“Requests the Secretary-General to report back;”")
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "amendments.docx"
    path.write_bytes(buffer.getvalue())
    code, out, err = _run(capsys, "apply", A, str(path))
    assert (code, err) == (0, "")
    assert "\n6. Urges Member States" in out and out.endswith(
        "\n13. Requests the Secretary-General to report back;\n"
    )


def test_the_installed_command_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "resdiff", "apply", A, EXAMPLE, "--only", "1"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0 and "Demands an immediate and permanent ceasefire" in done.stdout
