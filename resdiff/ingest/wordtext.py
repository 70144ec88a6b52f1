"""What Word shows of a paragraph's runs, and what it leaves out on purpose.

A ``w:t`` element is more than its ``.text``: XML comments, processing instructions and
entity references may sit inside it, and Word and LibreOffice show the text around and
after them - so do we. Fields show their result, not their code (the runs between a
field's ``begin`` and ``separate`` markers). Runs marked hidden (``w:vanish``, directly or
through a style) are neither shown nor printed by default. What is left out is counted in
``Omitted`` and said in the parse note, so a reader learns that the file holds text that
was not compared.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from lxml import etree

from resdiff.ingest.wordnumbering import w

_TEXT = (w("t"), w("delText"))
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MC_ALTERNATE = f"{_MC}AlternateContent"
MC_CHOICE = f"{_MC}Choice"
MC_FALLBACK = f"{_MC}Fallback"
TEXT_BOX = w("txbxContent")
FIELD_CHAR = w("fldChar")
_OFF = frozenset({"0", "false", "off"})


@dataclass(slots=True)
class Omitted:
    """What a file holds that is not compared as text, counted for the parse note."""

    hidden: int = 0  # characters of hidden (w:vanish) runs
    field_code: int = 0  # characters of w:t inside a field's code part
    declared_entities: int = 0  # entity references read with their declared text
    other_entities: int = 0  # references to external entities, kept as written
    unpaired_fields: bool = False
    declared_by_part: dict[object, dict[str, str | None]] = field(default_factory=dict)

    def notes(self) -> tuple[str, ...]:
        out = []
        if self.hidden:
            out.append(
                f"hidden text (w:vanish) is not compared, as Word does not show it: "
                f"{self.hidden} characters"
            )
        if self.field_code:
            out.append(
                f"text inside field codes is not compared (Word shows the field's result): "
                f"{self.field_code} characters"
            )
        if self.unpaired_fields:
            out.append("field markers (w:fldChar) do not pair up: field text read as text")
        read = [
            f"{n} {how}"
            for n, how in (
                (self.declared_entities, "read with their declared text"),
                (self.other_entities, "external, kept as written (&name;)"),
            )
            if n
        ]
        if read:
            out.append(f"the XML uses entities, which Word refuses: {'; '.join(read)}")
        return tuple(out)


def text_of(t: etree._Element, omitted: Omitted) -> str:
    """The text of a ``w:t`` as displayed: every text node in order, comments and
    processing instructions skipped but the text after them kept, entities expanded."""
    parts = [t.text or ""]
    for node in t:
        if node.tag is etree.Entity:
            parts.append(_entity_text(node, omitted))
        elif isinstance(node.tag, str):  # not WordprocessingML inside w:t; its text shows
            parts.append(text_of(node, omitted))
        parts.append(node.tail or "")
    return "".join(parts)


def _entity_text(node: etree._Element, omitted: Omitted) -> str:
    """An internal entity's declared text (libxml2 bounds how far entities may
    amplify); an external one is never fetched and stays as written, ``&name;``."""
    root = node.getroottree().getroot()
    declared = omitted.declared_by_part.get(root)
    if declared is None:
        dtd = node.getroottree().docinfo.internalDTD
        entities = dtd.iterentities() if dtd is not None else ()
        declared = omitted.declared_by_part[root] = {e.name: e.content for e in entities}
    if declared.get(str(node.text)[1:-1]) is None:
        omitted.other_entities += 1
        return str(node.text)
    omitted.declared_entities += 1
    return str(etree.tostring(node, method="text", encoding="unicode", with_tail=False))


def run_chars(run: etree._Element, omitted: Omitted) -> int:
    """How many characters of text a run holds (for counting what was left out)."""
    return sum(len(text_of(t, omitted)) for t in run.iter(*_TEXT))


@dataclass(slots=True)
class Fields:
    """Where the walk is among a story's fields: inside a field's code part (after
    ``begin``, before ``separate``) text is not shown. With unpaired markers the fields
    are ignored and everything reads as text, rather than hiding the rest of a story."""

    honour: bool
    stack: list[bool] = field(default_factory=list)  # per open field: in its code part?

    def mark(self, fld_char: etree._Element) -> None:
        if not self.honour:
            return
        kind = fld_char.get(w("fldCharType"))
        if kind == "begin":
            self.stack.append(True)
        elif kind == "separate" and self.stack:
            self.stack[-1] = False
        elif kind == "end" and self.stack:
            self.stack.pop()

    @property
    def in_code(self) -> bool:
        return any(self.stack)


def fields_pair_up(markers: Iterator[etree._Element]) -> bool:
    """Do the field markers of a story, in order, open and close properly?"""
    depth = 0
    separated: list[bool] = []
    for marker in markers:
        kind = marker.get(w("fldCharType"))
        if kind == "begin":
            depth += 1
            separated.append(False)
        elif kind == "separate":
            if not depth or separated[-1]:
                return False
            separated[-1] = True
        elif kind == "end":
            if not depth:
                return False
            depth -= 1
            separated.pop()
    return depth == 0


def chosen(alternate: etree._Element) -> etree._Element | None:
    """The branch of an ``mc:AlternateContent`` that is read: its first ``mc:Choice``
    (what Word shows; Word understands every ``Requires`` a Word file carries), else its
    ``mc:Fallback`` (the copy for older readers: the same text again, or a picture of
    it). Never both, or a text box would be read twice."""
    fallback = None
    for branch in alternate:
        if branch.tag == MC_CHOICE:
            return branch
        if branch.tag == MC_FALLBACK and fallback is None:
            fallback = branch
    return fallback


def text_boxes(drawing: etree._Element) -> Iterator[etree._Element]:
    """The text boxes (``w:txbxContent``) a drawing or a VML picture holds, in order;
    one inside another is found when its own paragraphs are read."""
    stack = [iter(drawing)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == TEXT_BOX:
            yield child
        elif child.tag == MC_ALTERNATE:
            branch = chosen(child)
            if branch is not None:
                stack.append(iter(branch))
        elif isinstance(child.tag, str):
            stack.append(iter(child))


def visible_markers(story: etree._Element, dropped: Collection[str]) -> Iterator[etree._Element]:
    """The ``w:fldChar`` elements of a story that the text walk will meet, in order: not
    inside a revision side being dropped or another skipped element, nor in a text box
    (a story of its own) or an ``mc:AlternateContent`` branch that is not read."""
    stack = [iter(story)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in dropped or tag == TEXT_BOX:
            continue
        if tag == FIELD_CHAR:
            yield child
        elif tag == MC_ALTERNATE:
            branch = chosen(child)
            if branch is not None:
                stack.append(iter(branch))
        else:
            stack.append(iter(child))


@dataclass(slots=True)
class Hiding:
    """Which runs are hidden (``w:vanish``): direct formatting first, then the run's
    character style, then its paragraph's style, then the document defaults."""

    styles: dict[str, etree._Element]
    default: bool = False

    @classmethod
    def from_styles(cls, root: etree._Element | None, styles: dict[str, etree._Element]) -> Hiding:
        defaults = None
        if root is not None:
            defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        return cls(styles, bool(_vanish(defaults)))

    def paragraph(self, style_id: str | None) -> bool:
        """Whether runs of a paragraph with this style are hidden unless they say."""
        found = self._through_styles(style_id)
        return self.default if found is None else found

    def run(self, run: etree._Element, paragraph_default: bool) -> bool:
        props = run.find(w("rPr"))
        direct = _vanish(props)
        if direct is not None:
            return direct
        style = props.find(w("rStyle")) if props is not None else None
        found = self._through_styles(style.get(w("val")) if style is not None else None)
        return paragraph_default if found is None else found

    def _through_styles(self, style_id: str | None) -> bool | None:
        for style in style_chain(style_id, self.styles):
            found = _vanish(style.find(w("rPr")))
            if found is not None:
                return found
        return None


def _vanish(props: etree._Element | None) -> bool | None:
    mark = props.find(w("vanish")) if props is not None else None
    if mark is None:
        return None
    return str(mark.get(w("val"), "true")).lower() not in _OFF


def style_chain(
    style_id: str | None, styles: dict[str, etree._Element]
) -> Iterator[etree._Element]:
    """A style and the styles it is based on, nearest first (a cycle ends the chain)."""
    seen: set[str] = set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        style = styles.get(style_id)
        if style is None:
            return
        yield style
        based = style.find(w("basedOn"))
        style_id = based.get(w("val")) if based is not None else None
