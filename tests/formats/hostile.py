"""Hostile containers built by the tests: Word files with odd XML, hand-made PDFs.

Everything is written here, byte by byte where it matters; nothing binary is checked in.
``word_file`` makes the smallest .docx that Word's package rules (and python-docx) accept,
with any XML - comments, processing instructions, a DTD with entities - in its parts;
``raw_pdf`` writes PDF objects with a correct cross-reference table, so pypdf reaches the
hostile part instead of stopping at a broken file.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from resdiff.ingest.wordnumbering import W

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
#: Part name -> (relationship type, content type) for the parts the reader uses.
_PARTS = {
    "styles": ("styles", f"{_WML}.styles+xml"),
    "numbering": ("numbering", f"{_WML}.numbering+xml"),
    "footnotes": ("footnotes", f"{_WML}.footnotes+xml"),
}


def document_xml(body: str, prolog: str = "") -> bytes:
    """A ``word/document.xml`` around ``body`` (``w`` predeclared); ``prolog`` goes before
    the root element (a DOCTYPE with entity declarations, say)."""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
        f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    ).encode()


def paragraphs_xml(*texts: str) -> str:
    """Plain paragraphs, one run each (texts are XML: escape them first if needed)."""
    return "".join(f'<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>' for t in texts)


def part_xml(kind: str, inner: str) -> bytes:
    """A styles, numbering or footnotes part holding ``inner``."""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:{kind} xmlns:w="{W}">{inner}</w:{kind}>'
    ).encode()


def word_file(document: bytes, **parts: bytes) -> bytes:
    """The smallest .docx holding ``document`` and any of ``styles``, ``numbering``,
    ``footnotes`` (each the bytes of its part)."""
    overrides = [
        f'<Override PartName="/word/document.xml" ContentType="{_WML}.document.main+xml"/>'
    ]
    rels = []
    for n, name in enumerate(sorted(parts), 1):
        rel_type, content_type = _PARTS[name]
        overrides.append(f'<Override PartName="/word/{name}.xml" ContentType="{content_type}"/>')
        rels.append(f'<Relationship Id="rId{n}" Type="{_REL}/{rel_type}" Target="{name}.xml"/>')
    files = {
        "[Content_Types].xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{_CT}">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f"{''.join(overrides)}</Types>"
        ).encode(),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" '
            'Target="word/document.xml"/></Relationships>'
        ).encode(),
        "word/_rels/document.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
            f"{''.join(rels)}</Relationships>"
        ).encode(),
        "word/document.xml": document,
        **{f"word/{name}.xml": data for name, data in parts.items()},
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(
                zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED
            )
    return out.getvalue()


# --- PDF --------------------------------------------------------------------------------


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of the given object bodies (object 1 is the catalogue), with a correct
    cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def stream(data: bytes, flate: bool = False) -> bytes:
    if flate:
        data = zlib.compress(data, 9)
    extra = b"/Filter /FlateDecode " if flate else b""
    return b"<< /Length %d %s>>\nstream\n%s\nendstream" % (len(data), extra, data)


def one_page_pdf(content: bytes, flate: bool = False) -> bytes:
    """One page whose content stream is ``content`` (font /F1 is Helvetica)."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            stream(content, flate),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def text_content(*lines: str) -> bytes:
    """A content stream showing ``lines`` top to bottom (ASCII, parentheses escaped)."""
    ops = [b"BT /F1 11 Tf 72 740 Td 14 TL"]
    for line in lines:
        safe = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(%s) Tj T*" % safe.encode("latin-1", "replace"))
    ops.append(b"ET")
    return b"\n".join(ops)


def deep_page_tree(depth: int) -> bytes:
    """A page tree nested ``depth`` levels deep, one page at the bottom."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        number = 2 + level
        parent = b"/Parent %d 0 R " % (number - 1) if level else b""
        objects.append(b"<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>" % (parent, number + 1))
    objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] >>" % (depth + 1))
    return raw_pdf(objects)
