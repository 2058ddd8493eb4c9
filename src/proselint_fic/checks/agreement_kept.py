"""Subject-verb agreement for an edited document, checked again only where it changed.

A slip lies inside one paragraph and depends on nothing outside it but the tense of its
scene (which of the two agreeing forms is offered first). So the slips of each paragraph
are kept by its text and its scene's tense; the scene tenses come from the tense model,
itself kept scene by scene (:mod:`proselint_fic.checks.tense.incremental`).
"""

from __future__ import annotations

from bisect import bisect_right

from proselint_fic.checks.agreement import Slip, find_slips, remember
from proselint_fic.checks.tense import model
from proselint_fic.checks.tense.incremental import SceneTense
from proselint_fic.document import Document, Span, Typography

_Key = tuple[str, Span, str | None]  # the paragraph's window, the paragraph in it, scene tense


class ParagraphAgreement:
    """Keeps each paragraph's agreement slips across the edits of one text."""

    def __init__(self) -> None:
        self._tense = SceneTense()
        self._slips: dict[_Key, tuple[Slip, ...]] = {}
        self._typography: Typography | None = None  # what the kept slips were found with

    def prepare(self, document: Document) -> None:
        typography = document.typography
        if typography is None:
            return
        if typography != self._typography:
            self._slips.clear()  # kept under another typography: keys leave it out (speed)
            self._typography = typography
        if not model.is_known(document):
            self._tense.prepare(document)
        tenses = model.analyse(document).scene_tenses
        starts = [scene.span.start for scene in document.scenes]
        found: list[Slip] = []
        used: set[_Key] = set()
        for paragraph, piece in zip(document.paragraphs, document.paragraph_pieces, strict=True):
            index = bisect_right(starts, paragraph.start) - 1
            tense = tenses[index] if 0 <= index < len(tenses) else None
            key = (piece.text, piece.paragraph, tense)
            used.add(key)
            slips = self._slips.get(key)
            if slips is None:
                slips = _check(key, typography, document)
                self._slips[key] = slips
            if slips:
                start = piece.start_for(paragraph)
                found.extend(_moved(slip, start) for slip in slips)
        if len(self._slips) > 2 * len(used) + 256:
            self._slips = {k: v for k, v in self._slips.items() if k in used}
        remember(document, tuple(found))


def _check(key: _Key, typography: Typography, document: Document) -> tuple[Slip, ...]:
    piece, paragraph, tense = key
    alone = Document.alone(piece, (paragraph,), typography, document.options)
    return tuple(find_slips(alone, lambda _offset: tense))


def _moved(slip: Slip, offset: int) -> Slip:
    if not offset:
        return slip
    return Slip(slip.start + offset, slip.end + offset, slip.replacements, slip.message)
