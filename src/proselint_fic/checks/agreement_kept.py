"""Subject-verb agreement for an edited document, checked again only where it changed.

A slip lies inside one paragraph and depends on nothing outside it but the tense of its
scene (which of the two agreeing forms is offered first). So the slips of each paragraph
are kept by its text and its scene's tense; the scene tenses come from the tense model,
itself kept scene by scene (:mod:`proselint_fic.checks.tense.incremental`).
"""

from __future__ import annotations

from proselint_fic.checks.agreement import Slip, find_slips, remember
from proselint_fic.checks.tense import model
from proselint_fic.checks.tense.incremental import SceneTense
from proselint_fic.checks.tense.lexicon import Tense
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
        kept = self._slips
        found: list[Slip] = []
        keys: list[_Key] = []
        for paragraph, piece, tense in zip(
            document.paragraphs,
            document.paragraph_pieces,
            _tense_of_each(document, tenses),
            strict=True,
        ):
            key = (piece.text, piece.paragraph, tense)
            keys.append(key)
            slips = kept.get(key)
            if slips is None:
                slips = kept[key] = _check(key, typography, document)
            if slips:
                start = piece.start_for(paragraph)
                found.extend(_moved(slip, start) for slip in slips)
        if len(kept) > 2 * len(keys) + 256:  # old versions of the edited paragraphs
            used = set(keys)
            self._slips = {k: v for k, v in kept.items() if k in used}
        remember(document, tuple(found))


def _tense_of_each(document: Document, tenses: tuple[Tense | None, ...]) -> list[Tense | None]:
    """The tense of each paragraph's scene (None outside scenes, as a break is), walking the
    paragraphs and the scenes side by side."""
    starts = [scene.span.start for scene in document.scenes]
    found: list[Tense | None] = []
    scene = -1
    for paragraph in document.paragraphs:
        while scene + 1 < len(starts) and starts[scene + 1] <= paragraph.start:
            scene += 1
        found.append(tenses[scene] if 0 <= scene < len(tenses) else None)
    return found


def _check(key: _Key, typography: Typography, document: Document) -> tuple[Slip, ...]:
    piece, paragraph, tense = key
    alone = Document.alone(piece, (paragraph,), typography, document.options)
    return tuple(find_slips(alone, lambda _offset: tense))


def _moved(slip: Slip, offset: int) -> Slip:
    if not offset:
        return slip
    return Slip(slip.start + offset, slip.end + offset, slip.replacements, slip.message)
