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
from proselint_fic.document import Document, Piece, Span, Typography

_Key = tuple[str, Span, str | None]  # the paragraph's window, the paragraph in it, scene tense


class ParagraphAgreement:
    """Keeps each paragraph's agreement slips across the edits of one text."""

    def __init__(self) -> None:
        self._tense = SceneTense()
        self._slips: dict[_Key, tuple[Slip, ...]] = {}
        self._typography: Typography | None = None  # what the kept slips were found with
        # The last version's paragraphs by the identity of their pieces (each entry holds
        # its piece, so no identity is reused while it is kept).
        self._last: dict[int, tuple[Piece, Tense | None, _Key, tuple[Slip, ...]]] = {}

    def prepare(self, document: Document) -> None:
        typography = document.typography
        if typography is None:
            return
        if typography != self._typography:
            self._slips.clear()  # kept under another typography: keys leave it out (speed)
            self._last = {}
            self._typography = typography
        if not model.is_known(document):
            self._tense.prepare(document)
        tenses = model.analyse(document).scene_tenses
        kept = self._slips
        last = self._last
        found: list[Slip] = []
        keys: list[_Key] = []
        now: dict[int, tuple[Piece, Tense | None, _Key, tuple[Slip, ...]]] = {}
        for paragraph, piece, tense in zip(
            document.paragraphs,
            document.paragraph_pieces,
            _tense_of_each(document, tenses),
            strict=True,
        ):
            # An unchanged paragraph is the same piece as in the last version: found by
            # identity, without hashing its text again.
            same = last.get(id(piece))
            if same is not None and same[0] is piece and same[1] == tense:
                key, slips = same[2], same[3]
            else:
                key = (piece.text, piece.paragraph, tense)
                found_before = kept.get(key)
                if found_before is None:
                    found_before = kept[key] = _check(key, typography, document)
                slips = found_before
            keys.append(key)
            now[id(piece)] = (piece, tense, key, slips)
            if slips:
                start = piece.start_for(paragraph)
                found.extend(_moved(slip, start) for slip in slips)
        self._last = now
        if len(kept) > 2 * len(keys) + 256:  # old versions of the edited paragraphs
            used = set(keys)
            self._slips = {k: v for k, v in kept.items() if k in used}
        remember(document, tuple(found))


def _tense_of_each(document: Document, tenses: tuple[Tense | None, ...]) -> list[Tense | None]:
    """The tense of each paragraph's scene: a break or heading takes the tense of the
    scene before it, and one before every scene None."""
    paragraphs = document.paragraphs
    found: list[Tense | None] = []
    tense: Tense | None = None
    for scene, scene_tense in zip(document.scenes, tenses, strict=True):
        first = scene.paragraphs[0]
        while paragraphs[len(found)] != first:  # breaks and headings, a few at most
            found.append(tense)
        tense = scene_tense
        found.extend([tense] * len(scene.paragraphs))
    found.extend([tense] * (len(paragraphs) - len(found)))
    return found


def _check(key: _Key, typography: Typography, document: Document) -> tuple[Slip, ...]:
    piece, paragraph, tense = key
    alone = Document.alone(piece, (paragraph,), typography, document.options)
    return tuple(find_slips(alone, lambda _offset: tense))


def _moved(slip: Slip, offset: int) -> Slip:
    if not offset:
        return slip
    return Slip(slip.start + offset, slip.end + offset, slip.replacements, slip.message)
