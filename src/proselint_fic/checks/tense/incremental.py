"""The tense analysis of an edited document, read again only for the scene that changed.

The model (:mod:`.model`) reads each scene on its own, given two facts of the whole
document: which capitalised words are names, and the tense most of the narration is in.
Both are sums of the scenes' own evidence. So each scene (and each scene break or
heading, which can name a character too) is kept by its text: its name evidence, its
reading under the names it contains, and its findings under the document's tense. An edit
re-reads one scene; a new name re-reads only the scenes that contain the word.

The result equals :func:`.model.analyse` of the whole document; ``tests/test_incremental.py``
compares them over random edits.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from proselint_fic.checks.tense.events import SentenceReader
from proselint_fic.checks.tense.lexicon import Tense, VerbTables, tables
from proselint_fic.checks.tense.model import (
    Analysis,
    Finding,
    NameEvidence,
    ParagraphReadings,
    _SceneData,
    document_tense,
    is_name,
    judge_scene,
    name_evidence,
    read_scene,
    remember,
)
from proselint_fic.checks.tense.narration import lowered, narration_view
from proselint_fic.checks.tense.tagged import SentenceTags
from proselint_fic.document import Document, Piece, Scene, Span, Typography
from proselint_fic.document.structure import between_breaks, clip, window

_Key = tuple[str, tuple[Span, ...], tuple[Span, ...]]  # window text, paragraphs, emphasis
# the window, the typography, and whether emphasis is sought in the text (see narration_view)
_PartKey = tuple[_Key, Typography, bool]
_Judged = tuple[Tense | None, list[Finding]]


@dataclass(slots=True, eq=False)  # compared and hashed by identity: one object per text
class _Part:
    """A scene or a scene break, read on its own, with what was made of it since: its
    readings by the names among its words, and their judgements by the document's tense
    and the configured one. It stays the same object while its text is unchanged, so an
    edit elsewhere finds all of that without hashing the scene's key again."""

    view: str
    lower_view: str
    scene: Scene | None  # None for a break or heading: it only names
    evidence: NameEvidence
    readings: dict[frozenset[str], _SceneData] = field(default_factory=dict)
    judged: dict[tuple[frozenset[str], Tense | None, Tense | None], _Judged] = field(
        default_factory=dict
    )
    # The names it was last asked about (the same object while the document's names stay
    # the same) and those among its words.
    names: frozenset[str] | None = None
    relevant: frozenset[str] = frozenset()

    def names_among(self, names: frozenset[str]) -> frozenset[str]:
        if names is not self.names:
            self.names, self.relevant = names, names & self.evidence.capitalised
        return self.relevant


# Readings and judgements kept per part: a writer adding and removing a name keeps a few.
_KEPT_PER_PART = 4
# Tagged sentences kept across edits: far more than one scene asks for, far fewer than a
# long session of typing would pile up.
_KEPT_SENTENCES = 4096


class SceneTense:
    """Keeps the tense model's work per scene across the edits of one text."""

    def __init__(self) -> None:
        self._parts: dict[_PartKey, _Part] = {}
        self._names = _Names()
        # A scene's part by the identities of its paragraphs' pieces, which stay the same
        # objects until an edit touches the paragraph or the space beside it (with each
        # part, its key; the pieces stay alive in the document the part was read from).
        self._by_pieces: dict[tuple[int, ...], tuple[_PartKey, _Part]] = {}
        self._alive: tuple[Piece, ...] = ()
        # Sentence words to their tags, for the scenes read again (see SentenceTags).
        self._tags: dict[tuple[str, ...], list[str]] = {}
        # Paragraph readings, for the scenes read again (see read_scene).
        self._paragraphs: ParagraphReadings = {}

    def prepare(self, document: Document) -> None:
        typography = document.typography
        if typography is None:
            return  # not an incremental document: the model reads it whole
        scenes = document.scenes
        pieces = document.paragraph_pieces
        grouped = between_breaks(pieces, document.kept_breaks)
        parts = [
            self._scene_part(document, scene, pieces, typography)
            for scene, pieces in zip(scenes, grouped, strict=True)
        ]
        self._alive = document.paragraph_pieces  # so that no kept id is reused meanwhile
        self._by_pieces = {
            tuple(map(id, pieces)): kept for pieces, kept in zip(grouped, parts, strict=True)
        }
        named = [
            self._break(document, piece, typography)
            for piece, is_break in zip(pieces, document.kept_breaks, strict=True)
            if is_break
        ]
        table = tables()
        names = self._names.update(parts + named, table)
        readings = []
        for (_, part), scene in zip(parts, scenes, strict=True):
            relevant = part.names_among(names)
            data = part.readings.get(relevant)
            if data is None:
                assert part.scene is not None
                if len(part.readings) >= _KEPT_PER_PART:
                    part.readings.clear()
                reader = SentenceReader(table, relevant)
                tags = SentenceTags(self._tags)
                data = read_scene(
                    part.view, part.lower_view, part.scene, reader, tags, kept=self._paragraphs
                )
                part.readings[relevant] = data
            readings.append((part, relevant, data, window(document.text, scene.span).start))
        pinned = document.options.tense
        overall = pinned or document_tense(data for _, _, data, _ in readings)
        findings: list[Finding] = []
        tenses: list[Tense | None] = []
        for part, relevant, data, offset in readings:
            judged_key = (relevant, overall, pinned)
            judged = part.judged.get(judged_key)
            if judged is None:
                if len(part.judged) >= _KEPT_PER_PART:
                    part.judged.clear()
                judged = part.judged[judged_key] = judge_scene(data, overall, pinned)
            tenses.append(judged[0])
            findings.extend(_moved(f, offset) for f in judged[1])
        self._forget_unused(parts + named)
        if len(self._tags) > _KEPT_SENTENCES:
            self._tags.clear()
        if len(self._paragraphs) > _KEPT_SENTENCES:
            self._paragraphs.clear()
        remember(document, Analysis(tuple(findings), tuple(tenses)))

    def _scene_part(
        self,
        document: Document,
        scene: Scene,
        pieces: tuple[Piece, ...],
        typography: Typography,
    ) -> tuple[_PartKey, _Part]:
        kept = self._by_pieces.get(tuple(map(id, pieces)))
        if kept is not None:
            return kept
        return self._part(document, scene.span, scene.paragraphs, typography, True)

    def _part(
        self,
        document: Document,
        span: Span,
        paragraphs: tuple[Span, ...],
        typography: Typography,
        is_scene: bool,
    ) -> tuple[_PartKey, _Part]:
        text = document.text
        start, end = window(text, span)
        relative = tuple(Span(p.start - start, p.end - start) for p in paragraphs)
        emphasis = clip(document.prose.emphasis, Span(start, end))
        key = ((text[start:end], relative, emphasis), typography, not document.prose.emphasis)
        return key, self._read_part(key, document, is_scene=is_scene)

    def _read_part(self, key: _PartKey, document: Document, *, is_scene: bool) -> _Part:
        """The part of ``key``, kept, or read now."""
        kept = self._parts.get(key)
        if kept is not None:
            return kept
        (piece, relative, emphasis), typography, plain_emphasis = key
        alone = Document.alone(piece, relative, typography, document.options, emphasis=emphasis)
        view = narration_view(alone, plain_emphasis=plain_emphasis)
        scene = Scene(Span(relative[0].start, relative[-1].end), relative) if is_scene else None
        part = self._parts[key] = _Part(view, lowered(view), scene, name_evidence(view))
        return part

    def _break(
        self, document: Document, piece: Piece, typography: Typography
    ) -> tuple[_PartKey, _Part]:
        """A scene break or heading, read on its own: it only names."""
        key = (
            (piece.text, (piece.paragraph,), piece.emphasis),
            typography,
            not document.prose.emphasis,
        )
        return key, self._read_part(key, document, is_scene=False)

    def _forget_unused(self, used: list[tuple[_PartKey, _Part]]) -> None:
        """Keep only the parts the current text uses once the cache outgrows it (old
        versions of the edited scene pile up as the writer types)."""
        if len(self._parts) > 2 * len(used) + 64:
            keys = {key for key, _ in used}
            self._parts = {k: v for k, v in self._parts.items() if k in keys}


class _Names:
    """The document's names, from the name evidence of its parts, kept as a running sum:
    an edit subtracts the evidence of the parts that went, adds that of the parts that
    came, and asks again only about the words whose counts changed."""

    def __init__(self) -> None:
        self._parts: Counter[_Part] = Counter()
        self._counts: Counter[str] = Counter()
        self._mid_sentence: Counter[str] = Counter()
        self._names: set[str] = set()
        self._frozen: frozenset[str] = frozenset()

    def update(self, parts: list[tuple[_PartKey, _Part]], table: VerbTables) -> frozenset[str]:
        present = Counter(part for _, part in parts)
        gone, came = self._parts - present, present - self._parts
        if not gone and not came:
            return self._frozen
        touched: set[str] = set()
        for part, times in gone.items():
            self._add(part.evidence, -times, touched)
        for part, times in came.items():
            self._add(part.evidence, times, touched)
        self._parts = present
        counts, mid_sentence = self._counts, self._mid_sentence
        for word in touched:
            if is_name(word, counts, mid_sentence, table):
                self._names.add(word)
            else:
                self._names.discard(word)
        self._frozen = frozenset(self._names)
        return self._frozen

    def _add(self, evidence: NameEvidence, times: int, touched: set[str]) -> None:
        for total, counted in (
            (self._counts, evidence.counts),
            (self._mid_sentence, evidence.mid_sentence),
        ):
            for word, count in counted.items():
                total[word] += count * times
                if not total[word]:
                    del total[word]
            touched.update(counted)


def _moved(finding: Finding, offset: int) -> Finding:
    if not offset:
        return finding
    return Finding(
        finding.start + offset,
        finding.end + offset,
        finding.word,
        finding.kind,
        finding.scene_tense,
        finding.replacement,
        finding.reason,
        finding.counts,
    )
