"""One pass over a document that decides, for every word the dictionary does not know,
whether it is a typo, a known misspelling, a stray spelling of a name, or the story's own.

The three ``typo`` rules share this pass (it is cached per document), so a word is
reported by one rule at most and the document is read once.

How a word earns a pass (docs/spelling.md gives the reasons and the measurements):

* Always: dictionary words in the configured dialect, the project's words, fiction's own
  vocabulary (slang, eye dialect, sounds), contractions and possessives of any of these,
  words touching digits or code characters, web and e-mail addresses, ALL-CAPS and
  camelCase words, stutters (``th-the``), cut-off words in dialogue (``wha-``), names
  (capitalised away from a sentence start, written capitalised twice, or followed by
  another capitalised word), stretched words, dropped g's and respellings in dialogue
  (``nooo``, ``nothin``, ``kaboodle``), and the other dialect's spellings when they recur
  or the document keeps to that dialect.
* Unless one slip from a common word, and the more deliberate the word looks the smaller
  the slip must be: a recurring coinage (``bookwyrm``), a compound (``woodsmoke``), a
  capitalised word opening a sentence (a name used once), a word in italics, a derivation
  or regular inflection of a real word (``pupiled``, ``macking``).
* A coinage built on a word and far from every dictionary word (``wyrmguard``).
"""

from __future__ import annotations

import sys
import weakref
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple, cast

import regex

from proselint_fic.checks.spelling import (
    attested,
    fiction,
    misspellings,
    morphology,
    rare_words,
    tokens,
)
from proselint_fic.checks.spelling.dialects import is_dialect_variant, ize_twin
from proselint_fic.checks.spelling.lexicon import Dialect, lexicon
from proselint_fic.checks.spelling.suggest import close_match, nearby, nearest_cost, suggest
from proselint_fic.checks.spelling.vocabulary import (
    RECURRING,
    Vocabulary,
    straighten,
    strip_possessive,
)
from proselint_fic.checks.tense.words import TITLES, wordset
from proselint_fic.patterns import compile_pattern, lazy
from proselint_fic.text_case import match_case

# Slip costs (see suggest.weighted_distance): a doubled or undoubled letter costs 0.5, a
# swapped pair or a wrong vowel 0.6-0.7, a neighbouring key 0.75-0.8, anything else 1.
SLIGHT_SLIP = 0.5
CLOSE_COST = 0.8
PLAIN_EDIT = 1.0
# No planted slip in the development corpus is further than 1.1 from its word; invented
# words are usually 1.75 or more from any (see docs/spelling.md).
FAR_COST = 1.5
# Frequency class 20 is a word seen about a thousand times in the subtitle counts.
CLOSE_RANK = 20
VERY_COMMON_RANK = 30
SENTENCE_START_RANK = 36  # something, because, thanks, maybe, people
# A document with at least this many other-dialect spellings, and more than three times
# as many as spellings of its configured dialect, is written in the other dialect.
OTHER_DIALECT_EVIDENCE = 2
OTHER_DIALECT_RATIO = 3  # the, and, seen, because: seen tens of thousands of times
COMPOUND_RANK = 24
# Words built on a base (macking, pupiled, luv) need a base that is not itself obscure:
# SCOWL's rarest words (thro, haver) would otherwise excuse slips of common ones.
BASE_RANK = 10
# A word written this often is the writer's, unless it is a doubled or dropped letter.
COINAGE_REPEATS = 3
# From this length a capitalised word one plain edit from a dictionary word is a slip.
LONG_WORD = 8

if TYPE_CHECKING:
    from proselint_fic.document import Document, Piece

UNKNOWN = "typo.unknown-word"
KNOWN = "typo.known-misspelling"
INCONSISTENT = "typo.inconsistent-name"
RARE = "typo.rare-word"
APOSTROPHE = "punctuation.missing-apostrophe"
# Words either side of a rare word that are read to recognise a fixed phrase (to and fro).
_PHRASE_REACH = 3

# Oaths that speech puts inside a word (tmesis): abso-fucking-lutely, fan-bloody-tastic.
_INFIXED_OATHS = frozenset(
    {
        "fucking",
        "fuckin",
        "freaking",
        "freakin",
        "frigging",
        "friggin",
        "frickin",
        "bloody",
        "flipping",
        "effing",
        "damn",
        "goddamn",
        "motherfucking",
        "fecking",
        "bleeding",
        "sodding",
        "blooming",
    }
)

# Prefixes written with a hyphen: re-enter, co-pilot, ex-wife.
_HYPHEN_PREFIXES = frozenset(morphology.PREFIXES) | {
    "ex",
    "pro",
    "mid",
    "all",
    "vice",
    "quasi",
    "e",
}
_LONGEST_CONTRACTION = 8  # shouldnt
# ... and the endings a writer puts after an apostrophe on a word that takes none well:
# demo'ing, OK'd, x'ed.
_CONTRACTION_ENDINGS = ("'s", "'ll", "'d", "'ve", "'re", "'m", "n't", "s'", "'", "'ing", "'ed")


# ALL-CAPS words: from this length a cheap slip of a common word is reported anywhere
# (acronyms are shorter), and from the shorter length in a line written in capitals.
_CAPS_WORD = 5
_FORMATION_SLIP_LENGTH = 5
_CAPS_HEADING_WORD = 3
_CAPS_LINE = 80

# Longer than any dictionary word (the longest English ones run to about 30 letters).
_LONGEST_WORD = 45
# A recurring spelling this long within a close slip of a dictionary word is a habit of
# misspelling it (oxyacetelene), not a coinage: coinages land far from long words.
_LONG_RECURRING = 11
_LONG_CAPITAL = 7
_SHIFTED_NAME_TAIL = 3
_LOWERCASED_NAME_LENGTH = 4
# Titles that stand before a name, whose slips the name after them cannot excuse.
_NAME_TITLES = TITLES | wordset(
    "colonel lieutenant major admiral president senator governor inspector doctor count "
    "countess duke duchess baron baroness emperor empress reverend bishop cardinal "
    "chancellor minister marshal commissioner constable professor private corporal"
)
# A paragraph is written in a voice when at least this many of its words, and this share,
# are elided or unknown (measured on dialect speech in Twain, Harris and Dickens).
_VOICE_MARKS = 3
_VOICE_SHARE = 0.08


class Finding(NamedTuple):
    rule: str
    start: int
    end: int
    word: str
    replacements: tuple[str, ...]
    message: str

    def moved(self, offset: int) -> Finding:
        return self._replace(start=self.start + offset, end=self.end + offset)


@dataclass
class Analysis:
    findings: dict[str, list[Finding]] = field(default_factory=lambda: defaultdict(list))


class Occurrence(NamedTuple):
    start: int  # of the word's letters (a leading apostrophe excluded)
    end: int
    form: str  # as written, apostrophes straightened, edge apostrophes removed
    core: str  # possessive ``'s`` removed
    opens_sentence: bool
    in_name: bool  # followed by another capitalised word: Haye Park, Daven Holloway
    dialogue: bool
    message: bool  # in a text message, where "dont" and "im" are the register
    emphasis: bool
    excused: bool  # address, code, stutter, cut-off, hyphen prefix: never a typo

    def moved(self, offset: int) -> Occurrence:
        """The same occurrence ``offset`` characters further on (a kept paragraph moved)."""
        if not offset:
            return self
        return self._replace(start=self.start + offset, end=self.end + offset)


_CACHE: weakref.WeakKeyDictionary[Document, Analysis] = weakref.WeakKeyDictionary()


def analyse(document: Document) -> Analysis:
    cached = _CACHE.get(document)
    if cached is None:
        cached = _Analyser(document).run()
        _CACHE[document] = cached
    return cached


_Pool = tuple[tuple[str, ...], tuple[str, ...]]  # spellings (sorted) and the same lowercased
OccurrencesOf = Callable[[set[str]], list[Occurrence]]


def analyse_kept(
    analyser: _Analyser, vocabulary: Vocabulary, occurrences_of: OccurrencesOf
) -> None:
    """Analyse the analyser's document from parts kept across edits
    (proselint_fic.checks.spelling.kept): its vocabulary, summed paragraph by paragraph,
    and a way to find the occurrences of some words. The rules then read this analysis,
    which equals :func:`analyse`'s."""
    _CACHE[analyser.document] = analyser.run(vocabulary, occurrences_of)


def _writes_honorifics(vocabulary: Vocabulary) -> bool:
    """Whether the text writes a Japanese honorific (Rena-san, Onii-chan) at all; nee is
    left out, since English writes it too (Mrs. Hale, nee Beresford)."""
    counts = vocabulary.counts
    return any(counts[honorific] for honorific in _TELLING_HONORIFICS)


_TELLING_HONORIFICS = tuple(sorted(fiction.HONORIFICS - {"nee"}))


def _slight_slips(lower: str) -> Iterator[str]:
    """The words a slight slip may have come from, first letter kept: a letter doubled or
    undoubled, two neighbours swapped, one vowel for another (the slips that cost 0.6 or
    less in suggest.weighted_distance). Generating them is cheaper, on a cold start, than
    building the index of near words."""
    for at in range(1, len(lower)):
        if lower[at] == lower[at - 1]:
            yield lower[:at] + lower[at + 1 :]
        yield lower[:at] + lower[at] + lower[at:]
        if at + 1 < len(lower) and lower[at] != lower[at + 1]:
            yield lower[:at] + lower[at + 1] + lower[at] + lower[at + 2 :]
        if lower[at] in _PLAIN_VOWELS:
            for vowel in _PLAIN_VOWELS - {lower[at]}:
                yield lower[:at] + vowel + lower[at + 1 :]


_PLAIN_VOWELS = frozenset("aeiou")
_VOWELS_AND_Y = frozenset("aeiouy")


def _past_with_an_ending(lower: str) -> str | None:
    """The past form that a word gives an -s ending (tooks, wents: took, went), if any:
    the past of an irregular verb that is no noun and no verb of its own takes no ending
    (thoughts, felts and saws are nouns). In dialogue it may be a voice ("I tooks it")."""
    from proselint_fic.checks.tense.lexicon import tables

    table = tables()
    stem = lower[:-1]
    irregular = stem in table.past and stem not in table.forms
    return stem if lower.endswith("s") and irregular and not table.readings.get(stem) else None


def _twin_first(lower: str, options: tuple[str, ...]) -> tuple[str, ...]:
    """The replacements with the word's other-dialect twin first (mitre: miter before mite,
    which is commoner but another word)."""
    for at, option in enumerate(options[:_TWIN_REACH]):
        if is_dialect_variant(lower, option.lower()):
            return (option, *options[:at], *options[at + 1 :])
    return options


_TWIN_REACH = 5


def _elided(word: str) -> bool:
    """An apostrophe that is no contraction's or possessive's: roun', 'crease, b'lieve."""
    bare = word.strip("'") if word.endswith("'") or word.startswith("'") else word
    if bare != word:
        return not word.endswith("s'")  # the dogs' (a plural possessive)
    for ending in _STANDARD_ENDINGS:
        if bare.endswith(ending):
            bare = bare[: -len(ending)]
            break
    return "'" in bare


def marks_elision(word: str, known: Callable[[str], bool]) -> bool:
    """Whether a word's apostrophe (lowercase, straight) marks letters a voice leaves out:
    b'lieve, roun', 'bout. One at the edge of a plain word is a single quotation mark
    instead ('Defend our Homeland', 'be gone'), unless the word is a known elision
    ('bout, an', 'em)."""
    if not _elided(word):
        return False
    if word[:1] != "'" and word[-1:] != "'":
        return True  # k'yer, b'lieve
    return not known(word.strip("'")) or fiction.is_elision(word, known)


def spelled_as_a_voice(text: str, dialect: Dialect) -> bool:
    """Whether a stretch writes words as a voice sounds them: an apostrophe for letters
    left out, or a lowercase word no dictionary holds (wittles, oncommon)."""
    known = partial(_known, dialect=dialect)
    if any(marks_elision(straighten(w).lower(), known) for w in _APOSTROPHED.findall(text)):
        return True
    return any(not known(word.lower()) for word in _LOWERCASE_WORD.findall(text))


_LOWERCASE_WORD = lazy(r"(?<![\w'’-])[a-z]+(?![\w'’-])")
_STANDARD_ENDINGS = ("n't", "'s", "'ll", "'d", "'ve", "'re", "'m")
# The words of a text that hold an apostrophe, the only ones that can be elided.
_APOSTROPHED = regex.compile(r"[\p{L}'’]*['’][\p{L}'’]*")


@lru_cache(maxsize=4096)  # by paragraph, which an edited document mostly keeps
def _has_elision(paragraph: str) -> bool:
    return any(_elided(straighten(w).lower()) for w in _APOSTROPHED.findall(paragraph))


@lru_cache(maxsize=8)
def _lowered(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w.lower().replace("’", "'") for w in words)


# What a verdict on one occurrence depends on: the paragraph's piece, the occurrence with
# offsets into the piece, whether the story uses the word as a name, how often it writes
# it in lowercase, whether it writes Japanese honorifics, and the document's dialect facts
# (other dialect, none of its own spellings, several of the other's).
_JudgedKey = tuple["Piece", "Occurrence", bool, int, bool, bool, bool, bool]


@dataclass
class WordVerdicts:
    """What the analysis decides about a written word, by word, and about one occurrence
    of it, by what that verdict reads. A full lint makes them afresh;
    proselint_fic.checks.spelling.kept keeps them across edits (and forgets
    ``used_as_name`` for the words an edit touches: it reads the whole text)."""

    suspect: dict[str, bool] = field(default_factory=dict)
    accepted: dict[str, bool] = field(default_factory=dict)
    listed: dict[str, bool] = field(default_factory=dict)  # a listed misspelling
    used_as_name: dict[str, bool] = field(default_factory=dict)
    # The findings of a verdict, with offsets into the piece (see _JudgedKey).
    judged: dict[_JudgedKey, tuple[tuple[str, Finding], ...]] = field(default_factory=dict)
    # The recurring spellings one slip from a word, for the pools they were sought in.
    near: dict[str, list[str]] = field(default_factory=dict)
    near_pools: object = None


class _Analyser:
    def __init__(self, document: Document, verdicts: WordVerdicts | None = None) -> None:
        self.document = document
        verdicts = WordVerdicts() if verdicts is None else verdicts
        self._suspects = verdicts.suspect
        self._accepted = verdicts.accepted
        self._listed = verdicts.listed
        self._used_as_name_verdicts = verdicts.used_as_name
        self._judged = verdicts.judged
        self._verdicts = verdicts
        self.text = document.text
        self.dialect: Dialect = document.options.dialect
        self.lexicon = lexicon()
        self.project = _lowered(document.options.words)
        self.entries = misspellings.load()
        self.analysis = Analysis()
        self.other_dialect = False
        self.romanises_japanese = False
        self.own_dialect_words = 0
        self.other_dialect_spellings = 0  # distinct words spelled the other dialect's way
        # paragraph start -> (its speech is written in a voice, it holds speech)
        self._voices: dict[int, tuple[bool, bool]] = {}

    # -- words on their own ----------------------------------------------------------------

    def known(self, lower: str) -> bool:
        return _known(lower, self.dialect)

    def accepted(self, lower: str) -> bool:
        """Whether a lowercase word is fine wherever it stands (no context needed)."""
        verdict = self._accepted.get(lower)
        if verdict is None:
            verdict = self._accept(lower)
            self._accepted[lower] = verdict
        return verdict

    def _accept(self, lower: str) -> bool:
        if self.known(lower) or lower in self.project or lower in fiction.fiction_words():
            return True
        bare = lower.strip("'")
        if bare != lower and (self.known(bare) or bare in self.project):
            return True  # 'Hello' in single quotes, or a plural possessive: the dogs'
        if fiction.is_sound(bare) or fiction.is_elision(lower, self.known):
            return True
        if morphology.is_archaic_verb_form(lower, _is_verb_lemma):
            return True  # thou askest, he goeth
        for ending in _CONTRACTION_ENDINGS:
            if lower.endswith(ending) and len(lower) > len(ending) + 1:
                base = lower[: -len(ending)]
                if self.accepted(base):
                    return True
        return fiction.is_eye_dialect_join(lower, self.known, self.accepted)

    def rank(self, lower: str) -> int:
        """Frequency class of a lowercase dictionary word; -1 for others and proper nouns."""
        return _rank(lower, self.dialect)

    def common(self, lower: str) -> bool:
        """A lowercase dictionary word a writer might build on (not a name such as Leda)."""
        return _rank(lower, self.dialect) >= BASE_RANK

    # -- the pass ------------------------------------------------------------------------

    def vocabulary(self) -> Vocabulary:
        """An empty vocabulary for this analyser's dialect, to fill with :meth:`is_suspect`."""
        return Vocabulary(_OWN_CODE[self.dialect], _code, rare_words.table())

    def is_suspect(self, form: str) -> bool:
        """Whether a written form needs a closer look (remembered across edits)."""
        verdict = self._suspects.get(form)
        if verdict is None:
            verdict = self._suspects[form] = self._suspect(form)
        return verdict

    def run(
        self, vocabulary: Vocabulary | None = None, occurrences_of: OccurrencesOf | None = None
    ) -> Analysis:
        if vocabulary is None:
            vocabulary = self.vocabulary()
            vocabulary.add(tokens.count_words(self.text), self.is_suspect)
        self._rare_slips(vocabulary)
        suspects = vocabulary.suspects
        if not suspects:
            return self.analysis
        lower_counts = vocabulary.lower_counts
        cased_counts = vocabulary.cased_counts
        self.other_dialect = self._written_in_other_dialect(vocabulary)
        self.romanises_japanese = _writes_honorifics(vocabulary)
        # Settled without reading a single occurrence: a capitalised word written three
        # times or more is a name (most of a novel's suspects are its cast), and the other
        # dialect's spelling is the writer's when it recurs or the whole text keeps to it.
        settled = set()
        for form in sorted(suspects):
            core = strip_possessive(straighten(form).strip("'"))
            if self._listed_misspelling(form):
                continue
            name = form[:1].isupper() and cased_counts[core] >= RECURRING
            lower = core.lower()
            dialect = bool(_code(lower)) and (self.other_dialect or lower_counts[lower] >= 2)
            if (name or dialect) and self._shift_held(core) is None:
                settled.add(form)
        occurrences = (occurrences_of or self._occurrences)(suspects - settled)
        names = self._names(occurrences, cased_counts)
        consistent = self._inconsistent(occurrences, vocabulary)
        judge = self._judge if self.document.kept_pieces is None else self._judge_kept
        for occurrence in occurrences:
            if occurrence.excused or occurrence.start in consistent:
                continue
            judge(occurrence, names, lower_counts)
        self._drop_foreign_phrases()
        return self.analysis

    def _drop_foreign_phrases(self) -> None:
        """Unknown words side by side, none within a far slip of a common word, are a phrase
        in another language ("Ma buoni uomini", "poetiszka vaidintuve"): a writer's typos
        come one at a time among known words."""
        findings = self.analysis.findings[UNKNOWN]
        if len(findings) < 2:
            return
        listed = {f.start for f in self.analysis.findings[KNOWN]}
        ordered = sorted(findings, key=lambda f: f.start)
        foreign: set[int] = set()
        for first, second in pairwise(ordered):
            if (
                self.text[first.end : second.start].strip(" ")
                or {first.start, second.start} & listed
            ):
                continue
            if self._foreign_like(first.word) and self._foreign_like(second.word):
                foreign.update((first.start, second.start))
        foreign.update(self._dense_runs(ordered, listed))
        if foreign:
            self.analysis.findings[UNKNOWN] = [f for f in findings if f.start not in foreign]

    def _dense_runs(self, ordered: list[Finding], listed: set[int]) -> set[int]:
        """Unknown words packed together (three or more different ones, each at most two
        words from the next) are a spell, a chant or a sentence in another language ("Revertere quod
        ademit, haec sana corporis per me"), however near some come to English words: a
        writer's typos come one in a hundred words or more."""
        found: set[int] = set()
        run: list[Finding] = []
        for finding in [*ordered, None]:
            if (
                finding is not None
                and run
                and finding.start not in listed
                and finding.start - run[-1].end <= _RUN_REACH
                and len(_WORD_RUNS.findall(self.text, run[-1].end, finding.start)) <= _RUN_GAP
                and "\n" not in self.text[run[-1].end : finding.start]
            ):
                run.append(finding)
                continue
            if len({f.word.lower() for f in run}) >= _RUN_LENGTH:  # "teh ... teh" is a habit
                found.update(f.start for f in run)
            run = [] if finding is None or finding.start in listed else [finding]
        return found

    def _foreign_like(self, word: str) -> bool:
        lower = strip_possessive(straighten(word).lower())
        return close_match(lower, self.dialect, FAR_COST, CLOSE_RANK) is None

    def _rare_slips(self, vocabulary: Vocabulary) -> None:
        """Report rare dictionary words written once that are slips of common words."""
        if not vocabulary.rare:
            return
        table = rare_words.table()
        lower_counts = vocabulary.by_lower
        for form in sorted(vocabulary.rare):
            lower = form.lower()
            if form.isupper() and len(form) > 1:
                continue  # an acronym or shouting: WAT, ERE
            if lower in self.project or rare_words.family_count(lower, lower_counts) > 1:
                continue
            if fiction.is_sound(lower) or lower in fiction.fiction_words():
                continue  # oof, ooh, yer: a noise or eye dialect, whatever word it is near
            fixes = tuple(f for f in table[lower] if self.known(f))
            if not fixes:
                continue
            for occurrence in self._occurrences({form}):
                if self._rare_word_meant(occurrence, lower, fixes):
                    continue
                replacements = tuple(match_case(occurrence.core, fix) for fix in fixes)
                self._add(
                    RARE,
                    occurrence,
                    replacements,
                    f"'{occurrence.form}' is a rare word one slip from '{replacements[0]}': "
                    f"check the spelling. If it is meant, add it with "
                    f"`proselint-fic add-word {occurrence.core}`.",
                )

    def _rare_word_meant(self, occurrence: Occurrence, lower: str, fixes: tuple[str, ...]) -> bool:
        """Context that shows a rare word is the writer's: a name, a text message, code,
        a fixed phrase such as *to and fro*, or a determiner before it that none of its
        ``fixes`` could follow (*the hue*, where *he* cannot stand)."""
        if occurrence.excused or occurrence.message or occurrence.in_name:
            return True
        if self._in_voice(occurrence):
            return True  # "one er deze yer natchul pacers"
        if occurrence.form[:1].isupper() and not occurrence.opens_sentence:
            return True  # capitalised in mid-sentence: a name (Wat Tyler)
        text = self.text
        window = _PHRASE_REACH * 16
        start, end = occurrence.start, occurrence.end
        before = tuple(
            straighten(w).lower() for w in tokens.WORD.findall(text, max(0, start - window), start)
        )[-_PHRASE_REACH:]
        after = tuple(straighten(w).lower() for w in tokens.WORD.findall(text, end, end + window))[
            :_PHRASE_REACH
        ]
        if _after_noun_opener(before) and _none_can_follow_a_determiner(fixes):
            return True  # "no hue of its own": "no he" is no English, the rare word is meant
        return rare_words.in_phrase(lower, before, after)

    def _written_in_other_dialect(self, vocabulary: Vocabulary) -> bool:
        """True when the document keeps to the other dialect's spelling (colour, realise in a
        project set to en-US): then those spellings are the writer's, not slips."""
        self.own_dialect_words = mine = vocabulary.own_words
        self.other_dialect_spellings = vocabulary.other_spellings
        theirs = vocabulary.other_words
        return theirs >= OTHER_DIALECT_EVIDENCE and theirs > OTHER_DIALECT_RATIO * mine

    def _listed_misspelling(self, form: str) -> bool:
        verdict = self._listed.get(form)
        if verdict is None:
            core = strip_possessive(straighten(form).lower().strip("'"))
            verdict = misspellings.find(core, self.entries, self.known) is not None
            self._listed[form] = verdict
        return verdict

    def _suspect(self, form: str) -> bool:
        if len(form) > _LONGEST_WORD:
            # No word is this long, and every look-up below grows with a word's length
            # (a 128 KB "word" once took 55 s and 7 GB): a run like this is not prose.
            return False
        if form.isalpha() and form.islower():
            # The common case, kept short: a plain lowercase word.
            if form in self.entries:
                return True
            verdict = self._accepted.get(form)
            if verdict is None:
                verdict = self.accepted(form)
            if verdict:
                return self._lowercased_name(form)
        if not form.isascii() and _other_script(form):
            return False  # Greek, Cyrillic, CJK: not English words, and not typos of them (μm)
        word = straighten(form)
        lower = word.lower()
        if strip_possessive(lower.strip("'")) in self.entries:
            return True
        if self._shift_held(strip_possessive(word.strip("'"))) is not None:
            return True
        if self.accepted(lower):
            return False
        if self._listed_misspelling(form):
            return True
        letters = word.strip("'")
        if len(letters) < 2:
            return False
        if letters.isupper():
            # Acronyms, mostly; judged per occurrence, since a heading or a shouted word
            # can still be a slip (CHAPTRE).
            return len(letters) >= _CAPS_HEADING_WORD
        # Inner capitals (McKenna, iPhone) are names, unless the shift key caught a
        # doubled first letter (iIt, tThe) or was held a letter too long (THe, HAve).
        return (
            not any(c.isupper() for c in letters[1:])
            or self._doubled_initial(letters) is not None
            or self._shift_held(letters) is not None
            or morphology.glued_to_name(letters) is not None
        )

    def _lowercased_name(self, form: str) -> bool:
        """A short word in lowercase that the dictionary lists only capitalised, as a name
        or an acronym (*tue*, *nd*, *ot* for Tue, Nd, OT): in lowercase it is most often a
        slip of a common word (the, and, or). Words the story or the fiction list accept
        in lowercase (ok) are not."""
        if len(form) > _LOWERCASED_NAME_LENGTH or not form.islower():
            return False
        if form in self.project or form in fiction.fiction_words():
            return False
        return self.known(form) and _rank(form, self.dialect) < 0

    def _doubled_initial(self, core: str) -> str | None:
        """The word a doubled first letter hides (Tthe, Wwhile, iIt): the letter twice, in
        either case, before the rest of a common word, which the doubling is not itself
        (Llama, Eerie, Ooze are words; Aaron and Lloyd leave no word behind)."""
        if len(core) < 3 or core[0].lower() != core[1].lower() or core[0] == core[1]:
            return None
        rest = core[1:].lower()
        if self.known(core.lower()) or self.rank(rest) < BASE_RANK:
            return None
        if not any(letter in _VOWELS_AND_Y for letter in rest):
            return None  # Mmph, Hhm: a sound, or an abbreviation doubled (mph)
        return core[0] + core[2:].lower() if core[0].isupper() else rest

    def _shift_held(self, core: str) -> str | None:
        """The word behind a shift key held one letter too long (THe, HAve, WHen): two
        capitals, then lowercase letters that with them spell a common word. A plural of
        an acronym (IDs, TVs) keeps its capitals, and so does a prefix stressed on purpose
        (EXtraordinary, not ORdinary; INconvenience) or a ligature written out (AEsthetics)."""
        head, rest = core[:2], core[2:]
        if not (head.isalpha() and head.isupper() and rest.isalpha() and rest.islower()):
            return None
        if rest == "s" or head.lower() in _STRESSED_HEADS:
            return None
        lower = core.lower()
        if self.known(lower) and self.rank(lower) >= BASE_RANK:
            return core[0] + core[1:].lower()
        # A name the dictionary lists (GIlgamesh), when enough lowercase letters follow
        # to tell it from an acronym with an ending (IDs, DVDs).
        entry = lexicon().lookup(lower)
        name = entry.form if entry is not None else ""
        if len(rest) >= _SHIFTED_NAME_TAIL and name[:1].isupper() and name[1:].islower():
            return name if entry is not None and entry.rank >= BASE_RANK else None
        return None

    def _occurrences(self, suspects: set[str]) -> list[Occurrence]:
        document, text = self.document, self.text
        found: list[Occurrence] = []
        spots = sorted((at, raw) for raw in suspects for at in tokens.find_word(text, raw))
        for at, raw in spots:
            start, end = at, at + len(raw)
            word = straighten(raw)
            if word.startswith("'") and not fiction.is_elision(word.lower(), self.known):
                word, start = word[1:], start + 1
            if word.endswith("'") and not fiction.is_elision(word.lower(), self.known):
                word, end = word[:-1], end - 1
            paragraph = document.paragraph_at(start)
            paragraph_start = paragraph.start if paragraph is not None else 0
            dialogue = document.in_dialogue(start)
            excused = self._excused(start, end, dialogue) or tokens.in_address(text, start, end)
            found.append(
                Occurrence(
                    start=start,
                    end=end,
                    form=word,
                    core=strip_possessive(word),
                    opens_sentence=tokens.sentence_start(text, start, paragraph_start),
                    in_name=tokens.before_capitalised_word(text, end),
                    dialogue=dialogue,
                    message=dialogue and document.in_message(start),
                    emphasis=document.in_emphasis(start),
                    excused=excused,
                )
            )
        return found

    def _excused(self, start: int, end: int, dialogue: bool) -> bool:
        """Context that rules a word out as a typo: code, numbers, stutters, prefixes."""
        text = self.text
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        if before in tokens.NOT_PROSE_NEIGHBOURS or after in tokens.NOT_PROSE_NEIGHBOURS:
            return True
        if after == "." and end + 1 < len(text) and text[end + 1].isalnum():
            return True  # an abbreviation or file name: e.g., Ph.D, index.html
        word = text[start:end].lower()
        if after == "." and word in tokens.ABBREVIATIONS:
            return True  # a title or other abbreviation: Det. Okafor, Insp. Reid

        if after in tokens.DASHES:
            following = tokens.WORD.match(text, end + 1)
            if following is None:
                return dialogue  # cut off: "Wha-"
            next_word = straighten(following.group().lower())
            if next_word.startswith(word) or word in _HYPHEN_PREFIXES:
                return True  # th-the, I-I, re-enter
        if "-" in (before, after):
            chunk = tokens.hyphenated_chunk(text, start, end)
            if chunk is not None and self._accepted_compound(chunk):
                return True
        return False

    def _accepted_compound(self, chunk: str) -> bool:
        """A hyphenated whole that is listed: tete-a-tete, uh-huh, a project's Jean-Luc."""
        lower = morphology.fold(straighten(chunk).lower())
        return (
            lower in self.project
            or lower in fiction.fiction_words()
            or self.known(lower)
            or self.known(lower.replace("-", ""))
            or self._split_by_expletive(lower.split("-"))
        )

    def _split_by_expletive(self, parts: list[str]) -> bool:
        """A word with an oath put in its middle: abso-bloody-lutely, fan-freaking-tastic."""
        return len(parts) == 3 and parts[1] in _INFIXED_OATHS and self.known(parts[0] + parts[2])

    def _used_as_name(self, form: str) -> bool:
        """Whether a capitalised dictionary word (Gryphon, Hope) names someone here: it is
        capitalised away from a sentence start at least once."""
        verdict = self._used_as_name_verdicts.get(form)
        if verdict is None:
            verdict = self._used_as_name_verdicts[form] = self._find_use_as_name(form)
        return verdict

    def _find_use_as_name(self, form: str) -> bool:
        pattern = compile_pattern(
            rf"(?<![\p{{L}}\p{{M}}'’]){regex.escape(form)}(?![\p{{L}}\p{{M}}])", cache=False
        )
        for match in pattern.finditer(self.text):
            paragraph = self.document.paragraph_at(match.start())
            start = paragraph.start if paragraph is not None else 0
            if not tokens.sentence_start(self.text, match.start(), start):
                return True
        return False

    def _names(self, occurrences: list[Occurrence], cased_counts: Counter[str]) -> set[str]:
        """Capitalised words the story uses as names: mid-sentence, or twice anywhere."""
        names = {o.core for o in occurrences if o.core[:1].isupper() and not o.opens_sentence}
        names.update(form for form, count in cased_counts.items() if count >= 2)
        return names

    # -- verdicts ------------------------------------------------------------------------

    def _judge_kept(
        self, occurrence: Occurrence, names: set[str], lower_counts: Counter[str]
    ) -> None:
        """:meth:`_judge`, remembered across edits by all that the verdict reads (see
        _JudgedKey): the text it looks at lies on the occurrence's own lines, which its
        paragraph's piece holds."""
        pieces = self.document.kept_pieces
        index = self.document.paragraph_index_at(occurrence.start)
        if pieces is None or index is None:
            self._judge(occurrence, names, lower_counts)
            return
        piece = pieces[index]
        base = piece.start_for(self.document.paragraphs[index])
        key = (
            piece,
            occurrence.moved(-base),
            occurrence.core in names,
            lower_counts[occurrence.core.lower()],
            self.other_dialect,
            self.romanises_japanese,
            self.own_dialect_words == 0,
            self.other_dialect_spellings >= OTHER_DIALECT_EVIDENCE,
        )
        findings = self.analysis.findings
        kept = self._judged.get(key)
        if kept is None:
            before = {rule: len(found) for rule, found in findings.items()}
            self._judge(occurrence, names, lower_counts)
            kept = self._judged[key] = tuple(
                (rule, finding.moved(-base))
                for rule, found in findings.items()
                for finding in found[before.get(rule, 0) :]
            )
            return
        for rule, finding in kept:
            findings[rule].append(finding.moved(base))

    def _judge(self, occurrence: Occurrence, names: set[str], lower_counts: Counter[str]) -> None:
        lower = occurrence.form.lower()
        core = occurrence.core.lower()
        hit = misspellings.find(core, self.entries, self.known)
        named = occurrence.form[:1].isupper() and not occurrence.opens_sentence
        if hit is not None and occurrence.message and _apostrophe_dropped(core, hit[1]):
            return  # "dont argue" in a text message is texting, not a slip
        if hit is not None and core not in self.project and not (named and self.known(core)):
            # (A listed spelling that is also an obscure dictionary word, capitalised in
            # mid-sentence, is more likely a name: Pavillion.)
            self._report_known(occurrence, hit[1])
            return
        if self._reported_shift_slip(occurrence):
            return
        if self._lowercased_name(occurrence.form):
            if not (
                occurrence.message
                or occurrence.emphasis
                or self._in_voice(occurrence)
                or self._beside_a_foreign_word(occurrence)
            ):
                self._report_lowercased(occurrence)
            return
        if self.accepted(lower) or self.accepted(core):
            return
        if _lowercase_numeral(occurrence.core):
            return  # chapter vii, clause (iii)
        if occurrence.dialogue and _in_eye_dialect(occurrence.form):
            return  # "I heerd him", "on'y a p'int": speech written as it sounds
        if self._reported_shape_slip(occurrence, core):
            return
        if occurrence.core.isupper():
            if self._caps_slip(occurrence, core):
                self._report_unknown(occurrence)
            return
        capitalised = occurrence.form[:1].isupper()
        if capitalised and fiction.before_honorific(self.text, occurrence.end):
            return  # Mordin-sama: a name
        if self._romanised(core):
            return
        if capitalised and self._capitalised_slip(occurrence, core, lower_counts):
            self._report_unknown(occurrence)
            return
        if capitalised and occurrence.core in names:
            return
        if (
            capitalised
            and occurrence.in_name
            and not self._slip_before_a_name(occurrence, core, lower_counts)
        ):
            return
        if occurrence.dialogue and self._voiced(core):
            return
        if occurrence.message and self._contraction_without_apostrophe(core):
            return  # "dont argue", "im late" in a text message is texting, not a slip
        if self._in_voice(occurrence):
            return
        # A sentence's first word may run on too (Youmight), unless it recurs as a name or
        # is a name that writers use (Hassan, not has + san).
        run_on = not capitalised or (
            occurrence.opens_sentence
            and lower_counts[core] == 1
            and not attested.attested(core, capitalised=True)
        )
        if run_on and not occurrence.message and not _code(core):
            split = (
                morphology.run_together(core, self.rank)
                or self._glued_to_contraction(core)
                or self._contraction_glued(core)
            )
            if split is not None:
                self._report_run_together(occurrence, split)
                return
        if _code(core) and self._dialect_choice(core, lower_counts):
            return
        if not occurrence.dialogue and self._reported_verb_form(occurrence, core):
            return
        # mack -> macking: a regular form of a real word, unless it is one doubled or
        # undoubled letter from a common word (flatterred).
        if morphology.is_inflection(core, self.common) and (
            close_match(core, self.dialect, SLIGHT_SLIP, CLOSE_RANK) is None
        ):
            return
        if attested.attested(core, capitalised=capitalised):
            return
        if (
            not capitalised
            and morphology.is_inflection(core, _attested_word)
            and nearest_cost(core, self.dialect) > SLIGHT_SLIP
        ):
            # hackathons, from hackathon: writers use the word, the list lacks it. Not
            # one doubled letter from a listed word (buffetting), since the frequency
            # counts behind attested words fold names into lowercase (buffett).
            return
        if self._excused_unless_slip(core, capitalised, occurrence.emphasis, lower_counts):
            return
        self._report_unknown(occurrence)

    def _reported_shift_slip(self, occurrence: Occurrence) -> bool:
        """Report a shift key held a letter too long (THe), before the word's lowercase
        form, a dictionary word, would let it pass."""
        held = self._shift_held(occurrence.core)
        if held is None or occurrence.core.lower() in self.project:
            return False
        tail = occurrence.form[len(occurrence.core) :]
        message = (
            f"'{occurrence.form}' has a second capital by a slip of the shift key: "
            f"write '{held}{tail}'."
        )
        self._add(UNKNOWN, occurrence, (held + tail,), message)
        return True

    def _reported_shape_slip(self, occurrence: Occurrence, core: str) -> bool:
        """Report a slip whose shape gives it away, whatever else the word might be (a
        name, a coinage): a doubled first letter (Tthe), a negative that lost its 't
        (couldn), a function word glued to a name (viaHedwig)."""
        form = occurrence.form
        tail = form[len(occurrence.core) :]
        undoubled = self._doubled_initial(occurrence.core)
        if undoubled is not None and core not in self.project:
            message = f"'{form}' doubles its first letter: write '{undoubled}{tail}'."
            self._add(UNKNOWN, occurrence, (undoubled + tail,), message)
            return True
        if self._clipped_negative(core):
            fix = form + "'t"
            message = f"'{form}' has lost the 't of its contraction: write '{fix}'."
            self._add(UNKNOWN, occurrence, (fix,), message)
            return True
        glued = morphology.glued_to_name(occurrence.core)
        if glued is not None and core not in self.project:
            self._report_run_together(occurrence, glued)
            return True
        return False

    def _dialect_choice(self, core: str, lower_counts: Counter[str]) -> bool:
        """Whether the other dialect's spelling is the writer's: used throughout or more
        than once, a habit of the text, or nothing in the text spelled this dialect's way
        (so nothing shows that "colour" is a slip; a rare word of the other list, matres,
        still is one)."""
        if lower_counts[core] >= 2 or self.other_dialect:
            return True
        if self._mixed_dialect_habit(core):
            return True
        return self.own_dialect_words == 0 and self._has_twin(core)

    def _reported_verb_form(self, occurrence: Occurrence, core: str) -> bool:
        """Report a verb form that English does not make: a regular form of an irregular
        verb (teached) or a past given an ending (tooks)."""
        irregular = morphology.regularised(core, self.known, _irregular_past)
        if irregular is not None:
            self._report_regularised(occurrence, irregular)
            return True
        past = _past_with_an_ending(core)
        if past is not None:
            fix = match_case(occurrence.core, past) + occurrence.form[len(occurrence.core) :]
            message = f"'{occurrence.form}' is a past form with an ending: write '{fix}'."
            self._add(UNKNOWN, occurrence, (fix,), message)
            return True
        return False

    def _in_voice(self, occurrence: Occurrence) -> bool:
        """Whether a lowercase word stands in speech (or, in a paragraph without speech,
        narration) spelled as a voice speaks."""
        if not (occurrence.form[:1].islower() or occurrence.opens_sentence):
            return False  # a voice does not capitalise its words in mid-sentence
        paragraph = self.document.paragraph_at(occurrence.start)
        if paragraph is None:
            return False
        voice = self._voices.get(paragraph.start)
        if voice is None:
            voice = self._voices[paragraph.start] = self._voice(paragraph.start, paragraph.end)
        voiced, spoken = voice
        # In a paragraph with speech, the speech is the voice and the narration is not.
        return voiced and (occurrence.dialogue or not spoken)

    def _voice(self, start: int, end: int) -> tuple[bool, bool]:
        """Whether a paragraph's speech is spelled as a voice speaks ("I doan' k'yer what
        de widder say"), and whether it holds speech at all. In such speech many words
        are elided with an apostrophe or are no dictionary word: a writer's slips come one
        in hundreds of words, a voice marks one word in ten and marks some of them as
        elisions on purpose. Without speech, the whole paragraph is weighed (a narrator's
        own voice)."""
        document = self.document
        if not _has_elision(self.text[start:end]):
            return False, False  # no elision, no voice: most paragraphs end here, cheaply
        found = list(tokens.WORD.finditer(self.text, start, end))
        spoken = [m for m in found if document.in_dialogue(m.start())]
        words = [straighten(m.group()) for m in (spoken or found)]
        elided = sum(1 for word in words if marks_elision(word.lower(), self.known))
        unknown = sum(
            1
            for word in words
            if word[:1].islower()
            and not _elided(word)
            and not self.accepted(word.lower().strip("'"))
        )
        marks = elided + unknown
        voiced = elided >= 1 and marks >= _VOICE_MARKS and marks >= _VOICE_SHARE * len(words)
        return voiced, bool(spoken)

    def _capitalised_slip(
        self, occurrence: Occurrence, core: str, lower_counts: Counter[str]
    ) -> bool:
        """A capitalised word in mid-sentence that the story writes once and that is a
        doubled, undoubled, swapped or wrong-vowel slip of a long common noun or other
        lowercase word, keeping its first letter (the Board of Governers, Circus
        Commision, the Mirrror): names recur, and seldom sit that close to a long common
        word. Slips of other names are not reported: real names come in many spellings
        (Kirstin, Kirsten; Giuseppi, Giuseppe). Before a name, only a slipped title is
        (Genearl Paulus)."""
        if occurrence.opens_sentence or lower_counts[core] > 1 or len(core) < _LONG_CAPITAL:
            return False
        if occurrence.in_name and occurrence.form == occurrence.core:
            # Before a name only a slipped title gives itself away (Genearl Paulus,
            # Captian Hook): any other capitalised word there may be the name's own.
            return any(slip in _NAME_TITLES for slip in _slight_slips(core))
        if occurrence.form != occurrence.core or occurrence.in_name:
            return False  # a possessive (the Gallegher's) or part of a name (Notting Hill)
        before = tokens.capitalised_word_before(self.text, occurrence.start)
        if before is not None and not self._common_word_of_a_name(*before):
            return False  # St. Pancras, Lady Assomption, Notting Hill
        # After a capitalised common word, which may be a given name as well (Joe, Bill,
        # Grace), only a slip of a frequent word: Joe Buggles is no slip of "bugles".
        least = BASE_RANK if before is None else CLOSE_RANK
        return any(self.rank(slip) >= least for slip in _slight_slips(core))

    def _common_word_of_a_name(self, word: str, period: bool) -> bool:
        """Whether a capitalised word is a common word that names a body or an office
        with the next (Circus Commision, the International Conferation), rather than a
        title or a name of its own (Lady Assomption, St. Pancras, Notting Hill)."""
        lower = word.lower()
        return not period and lower not in TITLES and self.common(lower)

    def _slip_before_a_name(
        self, occurrence: Occurrence, core: str, lower_counts: Counter[str]
    ) -> bool:
        """A sentence's first word, written once, before a name, that is a close slip of
        one of the commonest words (Buit Jake has given you nothing; Becuase Harry): the
        name is the next word's alone."""
        return (
            occurrence.opens_sentence
            and lower_counts[core] == 1
            and close_match(core, self.dialect, CLOSE_COST, SENTENCE_START_RANK) is not None
        )

    def _glued_to_contraction(self, lower: str) -> tuple[str, str] | None:
        """A common word and a contraction with the space between them lost:
        situationisn't, doorwasn't."""
        if "'" not in lower:
            return None
        for cut in range(3, lower.index("'") - 1):
            left, right = lower[:cut], lower[cut:]
            if self.known(right) and self.common(left):
                return left, right
        return None

    def _contraction_glued(self, lower: str) -> tuple[str, str] | None:
        """A contraction and the word after it with the space between them lost:
        didn'tdie, wasn'table, it'sgone."""
        for ending in ("n't", "'s", "'ll", "'re", "'ve", "'d", "'m"):
            cut = lower.find(ending)
            if cut <= 0:
                continue
            left, right = lower[: cut + len(ending)], lower[cut + len(ending) :]
            if len(right) >= 2 and self.common(left) and self.common(right):
                return left, right
        return None

    def _clipped_negative(self, lower: str) -> bool:
        """couldn, didn, wasn: a negative contraction without its 't. Word counts attest
        them (tokenizers cut "couldn't" there), but in prose they stand only by a slip."""
        return lower.endswith("n") and self.known(lower + "'t")

    def _caps_slip(self, occurrence: Occurrence, core: str) -> bool:
        """Whether an ALL-CAPS word is a slip: one cheap slip from a common word, and long
        (acronyms are short) or in a heading written in capitals (CHAPTRE ONE)."""
        if len(core) < _CAPS_WORD:
            if self.text[occurrence.end : occurrence.end + 1] == ".":
                return False  # an abbreviation: "EDW. GARDINER"
            if not self._in_caps_line(occurrence.start):
                return False
        if _ROMAN_NUMERAL.fullmatch(occurrence.core):
            return False  # CHAPTER LII, BOOK XIV
        lower = core.lower()
        if occurrence.dialogue and self._voiced(lower):
            return False  # shouted and stretched: "NOOOO", "HELLLP"
        return close_match(lower, self.dialect, CLOSE_COST, CLOSE_RANK) is not None

    def _in_caps_line(self, offset: int) -> bool:
        """Whether the paragraph holding ``offset`` is a short line in capitals."""
        paragraph = self.document.paragraph_at(offset)
        if paragraph is None or paragraph.end - paragraph.start > _CAPS_LINE:
            return False
        line = self.text[paragraph.start : paragraph.end]
        return not any(c.islower() for c in line)

    def _excused_unless_slip(
        self, core: str, capitalised: bool, emphasis: bool, lower_counts: Counter[str]
    ) -> bool:
        """Words with a story-side explanation pass unless they are one slip from a common
        word; the more deliberate the word looks, the smaller the slip must be."""
        if lower_counts[core] >= 2:
            # Written the same way twice: a coinage (bookwyrm), unless it is a doubled
            # letter away from a common word, or one slip from a very common one (hte, anf).
            # Three times or more, only a doubled letter or swapped neighbours count (a
            # habit such as "teh"): a story says "wyrm" as often as it likes, nobody slips
            # from "warm" three times.
            if lower_counts[core] >= COINAGE_REPEATS:
                very_common_slip = self._swapped_from_very_common(core)
            else:
                very_common_slip = (
                    close_match(core, self.dialect, CLOSE_COST, VERY_COMMON_RANK) is not None
                )
            long_slip = len(core) >= _LONG_RECURRING and (
                close_match(core, self.dialect, CLOSE_COST, BASE_RANK) is not None
            )
            return (
                close_match(core, self.dialect, SLIGHT_SLIP, CLOSE_RANK) is None
                and not very_common_slip
                and not long_slip
            )
        if morphology.is_compound(core, self.rank):
            # Two common words run together (woodsmoke), unless a common long word is one
            # plain edit away (newpaper for newspaper).
            return (
                close_match(core, self.dialect, PLAIN_EDIT, CLOSE_RANK) is None
                and close_match(core, self.dialect, SLIGHT_SLIP, BASE_RANK) is None
            )
        # A capitalised word opening a sentence may be a name: when the story writes it
        # again, only a slip of a very common word (Somehting, Becasue) gives it away,
        # since names often sit one letter from a rarer word (Marek, mark; Alys, alas).
        if capitalised:
            # A word the story never writes again is another matter, and so is a long one:
            # a name recurs, and names seldom sit one plain edit from a long dictionary
            # word (Porcelian, Handwriten).
            # The slip must keep the first letter: writers seldom miss the first letter
            # of a word, and a name is often a common word with another initial
            # (Kessel, vessel).
            plain_slip = (lower_counts[core] == 1 or len(core) >= LONG_WORD) and (
                _close_keeping_initial(core, self.dialect, PLAIN_EDIT, BASE_RANK)
            )
            return not plain_slip and (
                close_match(core, self.dialect, CLOSE_COST, SENTENCE_START_RANK) is None
            )
        # Italics often hold foreign words; a derivation may be coined.
        if emphasis or morphology.is_derivation(core, self.common):
            # ... but not one doubled or dropped letter from a real word, however rare that
            # word is in the counts (centraly for centrally, stoped for stopped), nor one
            # plain edit from a common long word (remakable, outsie).
            return (
                close_match(core, self.dialect, CLOSE_COST, CLOSE_RANK) is None
                and close_match(core, self.dialect, SLIGHT_SLIP, BASE_RANK) is None
                and (emphasis or not self._plain_slip_of_common(core))
            )
        # A coinage built on a word (wyrmguard, glimmerwisp) and far from every dictionary
        # word: a slip leaves a word closer to where it started.
        return (
            morphology.has_word_at_an_end(core, self.rank)
            and nearest_cost(core, self.dialect) > FAR_COST
        )

    def _plain_slip_of_common(self, lower: str) -> bool:
        """Whether one plain edit turns a word of six letters or more into a common one:
        a derivation (remake + able, out + sie) does not excuse a slip of a word everyone
        writes (remarkable, outside). Inflections keep their excuse: slang and voices
        inflect freely (macking, "I runned")."""
        return len(lower) >= _FORMATION_SLIP_LENGTH and (
            close_match(lower, self.dialect, PLAIN_EDIT, CLOSE_RANK) is not None
        )

    def _swapped_from_very_common(self, lower: str) -> bool:
        """ "teh", "hte", "adn": two neighbouring letters of a very common word swapped."""
        for i in range(len(lower) - 1):
            swapped = lower[:i] + lower[i + 1] + lower[i] + lower[i + 2 :]
            if swapped != lower and self.rank(swapped) >= VERY_COMMON_RANK:
                return True
        return False

    def _mixed_dialect_habit(self, lower: str) -> bool:
        """A common word of the other dialect in a text that spells several words that
        way (armor beside recognise and honouring): many writers mix the two, and such a
        word is their habit, not a slip. A rare word of the other list (matres) still is."""
        other: Dialect = "en-GB" if self.dialect == "en-US" else "en-US"
        return (
            self.other_dialect_spellings >= OTHER_DIALECT_EVIDENCE
            and _rank(lower, other) >= BASE_RANK
        )

    def _has_twin(self, lower: str) -> bool:
        """The other dialect's form of a word this dialect spells its own way (colour)."""
        return any(is_dialect_variant(lower, other) for other in suggest(lower, self.dialect)[:3])

    def _contraction_without_apostrophe(self, lower: str) -> bool:
        """dont, im, thats, youre: a contraction with its apostrophe left out."""
        return len(lower) <= _LONGEST_CONTRACTION and any(
            self.known(f"{lower[:cut]}'{lower[cut:]}") for cut in range(1, len(lower))
        )

    def _romanised(self, lower: str) -> bool:
        """Japanese in the Latin alphabet (Higurashi, kakushi, nii-san), in a text that
        writes Japanese honorifics: a translation or fan fiction, whose names and terms no
        English dictionary holds. A word one doubled or undoubled letter from a common
        English word is still judged as English (takke)."""
        if not (self.romanises_japanese and fiction.is_romanised_japanese(lower)):
            return False
        near = close_match(lower, self.dialect, SLIGHT_SLIP, CLOSE_RANK)
        return near is None or not self.common(near.lower())  # nii is not Ni, saan not San

    def _voiced(self, lower: str) -> bool:
        """Speech spelled as it sounds: nooo, nothin, kaboodle, luv."""
        return (
            fiction.is_stretched_word(lower, self.known)
            or fiction.is_dropped_g(lower, self.known)
            or fiction.is_marked_elision(lower, self.known, self.common)
            or morphology.is_respelling(lower, self.common)
        )

    def _report_known(self, occurrence: Occurrence, rights: tuple[str, ...]) -> None:
        fixes = [r for r in rights if all(self.known(part.lower()) for part in r.split())]
        fix = match_case(occurrence.core, (fixes or list(rights))[0])
        replacement = fix + occurrence.form[len(occurrence.core) :]
        self._add(
            KNOWN,
            occurrence,
            (replacement,),
            f"'{occurrence.form}' is a common misspelling of '{replacement}'.",
        )
        # The same word as an unknown word, so that ignoring the known-misspelling rule
        # does not hide it; when both rules run the engine keeps one (the known one).
        self._add(
            UNKNOWN,
            occurrence,
            (replacement,),
            f"'{occurrence.form}' is not in the dictionary: did you mean '{replacement}'?",
        )

    def _report_unknown(self, occurrence: Occurrence) -> None:
        core = occurrence.core
        tail = occurrence.form[len(core) :]
        options = tuple(match_case(core, s) + tail for s in suggest(core.lower(), self.dialect))
        word = occurrence.form
        if _code(core.lower()):
            other = "British" if self.dialect == "en-US" else "American"
            options = _twin_first(core.lower(), options)
            variant = options and is_dialect_variant(core.lower(), options[0].lower())
            hint = f"; {self.dialect} spells it '{options[0]}'" if variant else ""
            message = (
                f"'{word}' is the {other} spelling{hint}. If the story is meant to use "
                f"{other} spelling, set `dialect` in the configuration."
            )
        else:
            hint = f"did you mean '{options[0]}'? " if options else ""
            message = (
                f"'{word}' is not in the dictionary: {hint}If it is a name or a word of "
                f"your story, add it with `proselint-fic add-word {core}`."
            )
        self._add(UNKNOWN, occurrence, options, message)

    def _beside_a_foreign_word(self, occurrence: Occurrence) -> bool:
        """A word next to one no dictionary knows: a phrase of another language (au
        revoir, carpe diem, que sera), where short capitalised entries abound."""
        text = self.text
        # Within the paragraph only: an editor's re-lint keeps verdicts by paragraph.
        paragraph = self.document.paragraph_at(occurrence.start)
        low, high = (0, len(text)) if paragraph is None else paragraph
        before = tokens.WORD.findall(text, max(low, occurrence.start - 40), occurrence.start)
        after = tokens.WORD.findall(text, occurrence.end, min(high, occurrence.end + 40))
        near = [w for w in (before[-1:] + after[:1]) if w.isalpha()]
        return any(not self.accepted(straighten(w).lower()) for w in near)

    def _report_lowercased(self, occurrence: Occurrence) -> None:
        lower = occurrence.form
        entry = lexicon().lookup(lower)
        listed = entry.form if entry is not None else lower
        words = [s for s in suggest(lower, self.dialect) if s.islower() and s != lower]
        if occurrence.in_name or not words:
            # Before a name it is the title or name itself in lowercase: mr Smith.
            options: tuple[str, ...] = (listed, *words[:3])
            hint = f"write '{listed}'. "
        else:
            options = (*words[:3], listed)
            hint = f"did you mean '{words[0]}', or '{listed}'? "
        self._add(
            UNKNOWN,
            occurrence,
            options,
            f"'{lower}' is a word only as '{listed}': {hint}If it is a word of your story, "
            f"add it with `proselint-fic add-word {lower}`.",
        )

    def _report_regularised(self, occurrence: Occurrence, right: str) -> None:
        fix = match_case(occurrence.core, right) + occurrence.form[len(occurrence.core) :]
        message = (
            f"'{occurrence.form}' follows the regular pattern, but this word's form is "
            f"irregular: use '{fix}'."
        )
        self._add(UNKNOWN, occurrence, (fix,), message)

    def _report_run_together(self, occurrence: Occurrence, split: tuple[str, str]) -> None:
        left, right = split
        core = occurrence.core
        tail = occurrence.form[len(core) :]
        fix = f"{core[: len(left)]} {core[len(left) :]}{tail}"
        message = (
            f"'{occurrence.form}' runs two words together: put a space between "
            f"'{left}' and '{right}'."
        )
        self._add(UNKNOWN, occurrence, (fix,), message)

    def _add(
        self, rule: str, occurrence: Occurrence, replacements: tuple[str, ...], message: str
    ) -> None:
        if (
            rule in (UNKNOWN, KNOWN)
            and replacements
            and _apostrophe_only(occurrence.form, replacements[0])
        ):
            # The letters are right and only the apostrophe is missing: punctuation.
            rule = APOSTROPHE
            replacements = replacements[:1]
            message = f"'{occurrence.form}' is missing its apostrophe: write '{replacements[0]}'."
        self.analysis.findings[rule].append(
            Finding(rule, occurrence.start, occurrence.end, occurrence.form, replacements, message)
        )

    def _inconsistent(self, occurrences: list[Occurrence], vocabulary: Vocabulary) -> set[int]:
        """Report a rare spelling one slip from a recurring name; return the offsets used."""
        used: set[int] = set()
        cased_counts, lower_counts = vocabulary.cased_counts, vocabulary.lower_counts
        pools = self._recurring_pools(vocabulary)
        if not pools[0][0] and not pools[1][0]:
            return used
        verdicts: dict[str, str | None] = {}
        for occurrence in occurrences:
            core = occurrence.core
            if occurrence.excused or len(core) < 4:
                continue
            if core not in verdicts:
                verdicts[core] = self._recurring_spelling(core, pools, cased_counts, lower_counts)
            best = verdicts[core]
            if best is None:
                continue
            fix = best + occurrence.form[len(core) :]
            used.add(occurrence.start)
            self._add(
                INCONSISTENT,
                occurrence,
                (fix,),
                f"'{occurrence.form}' is spelled '{best}' everywhere else in this document.",
            )
        return used

    def _recurring_pools(self, vocabulary: Vocabulary) -> tuple[_Pool, _Pool]:
        """The recurring capitalised spellings (names) and the recurring lowercase ones no
        dictionary knows (coinages), each with its lowercased copy; kept on the vocabulary
        until a word joins or leaves its recurring entries."""
        kept = vocabulary.kept_pools
        if kept is not None and kept[0] == vocabulary.recurring_changes:
            return cast(tuple[_Pool, _Pool], kept[1])
        cased_keys, lower_keys = (
            vocabulary.recurring_cased.keys(),
            vocabulary.recurring_lower.keys(),
        )
        if kept is not None and kept[2] == cased_keys and kept[3] == lower_keys:
            vocabulary.kept_pools = (vocabulary.recurring_changes, *kept[1:])
            return cast(tuple[_Pool, _Pool], kept[1])
        cased = tuple(sorted(f for f in vocabulary.recurring_cased if len(f) >= 4))
        coined = tuple(
            sorted(
                f
                for f in vocabulary.recurring_lower
                if len(f) >= 5 and not self.accepted(f) and not _code(f)
            )
        )
        pools = ((cased, tuple(f.lower() for f in cased)), (coined, coined))
        vocabulary.kept_pools = (
            vocabulary.recurring_changes,
            pools,
            frozenset(cased_keys),
            frozenset(lower_keys),
        )
        return pools

    def _recurring_spelling(
        self,
        core: str,
        pools: tuple[_Pool, _Pool],
        cased_counts: Counter[str],
        lower_counts: Counter[str],
    ) -> str | None:
        """The recurring spelling (a name or coinage) that ``core`` is a one-off slip of;
        ``pools`` hold the recurring capitalised and lowercase spellings, each with its
        lowercased copy (in no particular order)."""
        lower = core.lower()
        capitalised = core[:1].isupper()
        if self.accepted(lower) or (not capitalised and _code(lower)):
            return None
        count = cased_counts[core] if capitalised else lower_counts[lower]
        if count > 2:
            return None
        totals = cased_counts if capitalised else lower_counts
        # The most frequent first, ties by spelling: the same in any order of edits.
        near = sorted(self._near_spellings(core, pools), key=lambda f: (-totals[f], f))
        for form in near:
            if totals[form] < 3 * count:
                continue
            # A frequent dictionary word is a name only if the story capitalises it mid-
            # sentence (Gryphon, Hope); "Have" at sentence starts is not one.
            if capitalised and self.known(form.lower()) and not self._used_as_name(form):
                continue
            return form
        return None

    def _near_spellings(self, core: str, pools: tuple[_Pool, _Pool]) -> list[str]:
        """:func:`_near_spellings` in the pool for ``core``'s case, remembered while the
        pools stay the same (they change only when a word starts or stops recurring)."""
        verdicts = self._verdicts
        if verdicts.near_pools is not pools:
            verdicts.near, verdicts.near_pools = {}, pools
        near = verdicts.near.get(core)
        if near is None:
            pool, lowered = pools[0] if core[:1].isupper() else pools[1]
            near = verdicts.near[core] = _near_spellings(core, pool, lowered)
        return near


def _in_eye_dialect(form: str) -> bool:
    return form.lower().strip("'") in fiction.eye_dialect()


# A Roman numeral in capitals, as chapters and books are numbered.
_ROMAN_NUMERAL = lazy(r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_SMALL_NUMERAL_LETTERS = frozenset("ivx")


def _lowercase_numeral(core: str) -> bool:
    """A Roman numeral in lowercase: three letters or more (vii, xiv, lxi), or two of
    i, v and x (ii, iv, xi), since two-letter words with c, d, l or m are too often slips."""
    if not (core.islower() and core.isascii() and len(core) >= 2):
        return False
    if len(core) == 2 and not set(core) <= _SMALL_NUMERAL_LETTERS:
        return False
    return _ROMAN_NUMERAL.fullmatch(core.upper()) is not None


def _near_spellings(core: str, pool: tuple[str, ...], lowered: tuple[str, ...]) -> list[str]:
    """Spellings in ``pool`` (``lowered`` is the same lowercased) one slip from ``core``,
    plurals aside, in the pool's order."""
    lower = core.lower()
    limit = 1 if len(core) < 8 else 2
    found: list[str] = []
    for index in _within_reach(lower, lowered, limit):
        other = lowered[index]
        if other == lower or _inflected(other, lower) or _inflected(lower, other):
            continue  # Gryphons beside Gryphon is a plural, not a slip
        if not core[:1].isupper() and other[:-1] == lower[:-1]:
            continue  # an ending, not a slip: favourably beside favourable
        found.append(pool[index])
    return found


# Pools smaller than this are first narrowed in Python by a bound on the distance, so a
# chapter whose few rare words are near nothing never imports rapidfuzz (10-20 ms). Once
# it is imported (an editor's process), measuring in C is quicker than the bound.
_SMALL_POOL = 200


def _within_reach(
    lower: str, pool: tuple[str, ...], limit: int, *, narrow: bool | None = None
) -> list[int]:
    """Indices, in order, of the spellings in ``pool`` at most ``limit`` edits (optimal
    string alignment) from ``lower``; ``narrow`` chooses the bound first (by default, for
    a small pool before rapidfuzz is imported)."""
    if narrow is None:
        narrow = len(pool) < _SMALL_POOL and "rapidfuzz" not in sys.modules
    candidates: Sequence[int] = range(len(pool))
    if narrow:
        # An edit changes the length by at most one and the letters by at most two (a
        # substitution): spellings beyond either bound cannot be within reach.
        letters = Counter(lower)
        candidates = [
            i
            for i in candidates
            if abs(len(pool[i]) - len(lower)) <= limit
            and _letter_difference(letters, pool[i]) <= 2 * limit
        ]
        if not candidates:
            return []
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    # The distance is measured in C; the few within reach are then checked in Python.
    chosen = [pool[i] for i in candidates]
    near = process.extract(lower, chosen, scorer=OSA.distance, score_cutoff=limit, limit=None)
    return sorted(candidates[match[2]] for match in near)


def _letter_difference(letters: Counter[str], other: str) -> int:
    theirs = Counter(other)
    return sum(((letters - theirs) + (theirs - letters)).values())


# Words after which only a noun phrase can come: "the hue", "no hue", "its hue".
_NOUN_OPENERS = frozenset(
    {"a", "an", "the", "no", "every", "each", "its", "his", "her", "their", "my", "your", "our"}
)
# Tags of words that never follow a determiner: pronouns, prepositions, conjunctions,
# wh-words, modals and the finite forms of be and have.
_CLOSED_TAGS = frozenset({"PRP", "IN", "CC", "WRB", "WP", "MD", "TO", "VBZ", "VBP", "VBD", "DT"})


def _after_noun_opener(before: tuple[str, ...]) -> bool:
    """Whether the words before open a noun phrase: a determiner, or a determiner and a
    word shaped like an adjective ("by the reddish hue", "a faintly golden")."""
    if not before:
        return False
    if before[-1] in _NOUN_OPENERS:
        return True
    return (
        len(before) >= 2 and before[-2] in _NOUN_OPENERS and before[-1].endswith(_ADJECTIVE_ENDINGS)
    )


_ADJECTIVE_ENDINGS = ("ish", "ous", "ful", "less", "ic", "ive", "able", "ible", "en", "est")


def _none_can_follow_a_determiner(fixes: tuple[str, ...]) -> bool:
    """Whether every fix is a function word that a determiner never precedes, by the
    tagger's dictionary of words the treebank always tags one way (he, of, when, was)."""
    from proselint_fic.document.tags import tagger

    tagdict = tagger().tagdict
    return bool(fixes) and all(tagdict.get(fix.lower()) in _CLOSED_TAGS for fix in fixes)


def _inflected(longer: str, shorter: str) -> bool:
    """Whether ``longer`` is ``shorter`` with an ending (Gryphons, Gryphon's, Smallweedy,
    inkwhiched) rather than one stray letter (Tristand beside Tristan)."""
    if not longer.startswith(shorter):
        return False
    tail = longer[len(shorter) :]
    return len(tail) > 1 or tail in ("s", "y")


@lru_cache(maxsize=65536)
def _close_keeping_initial(lower: str, dialect: Dialect, max_cost: float, min_rank: int) -> bool:
    """Whether a dictionary word at most ``max_cost`` away, at least ``min_rank`` common,
    starts with the same letter."""
    for cost, rank_, form in nearby(lower, dialect):
        if cost > max_cost:
            return False
        if rank_ >= min_rank and form[:1].lower() == lower[:1]:
            return True
    return False


def _irregular_past(lemma: str) -> str | None:
    """A verb's past forms from the shipped verb tables ("taught", "dreamed/dreamt")."""
    from proselint_fic.checks.tense.lexicon import tables

    forms = tables().forms.get(lemma)
    return forms.split("|", 1)[0] if forms else None


@lru_cache(maxsize=65536)
def _code(lower: str) -> str:
    """The word list's dialect code for a lowercase word (accents folded if need be)."""
    lex = lexicon()
    code = lex.code(lower)
    if not code and not lower.isascii():
        code = lex.code(morphology.fold(lower))
    if not code:
        twin = ize_twin(lower)
        if twin is not None and lex.code(twin) in {"a", "u"}:
            return "g"  # a British form the list lacks: treated as its listed ones are
    return code


_ACCEPTED_CODES: dict[str, frozenset[str]] = {
    "en-US": frozenset({"a", "u"}),
    "en-GB": frozenset({"a", "g"}),
}
_OWN_CODE = {"en-US": "u", "en-GB": "g"}
# A run of unknown words this long, each at most _RUN_GAP words from the next, is a
# phrase in another language (_Analyser._dense_runs).
_RUN_LENGTH = 3
_RUN_GAP = 2
# Characters within which two words can stand (a longer gap holds more than _RUN_GAP
# words, and counting them across a novel on every lint would cost more than the test).
_RUN_REACH = 64
_WORD_RUNS = lazy(r"\w+")


def _other_script(form: str) -> bool:
    """Whether a word holds letters of a script other than Latin (Greek, Cyrillic, CJK):
    past the Latin, Latin-1, Latin Extended and IPA blocks, outside Latin Extended
    Additional."""
    return any(
        char.isalpha() and ord(char) >= 0x370 and not 0x1E00 <= ord(char) <= 0x1EFF for char in form
    )


# Two capitals that a writer types on purpose: a stressed prefix or a spelt-out ligature.
_STRESSED_HEADS = frozenset(
    {"ae", "oe", "ex", "in", "im", "il", "ir", "re", "un", "de", "co", "or", "en", "em", "up"}
)


def _known(lower: str, dialect: Dialect) -> bool:
    return _code(lower) in _ACCEPTED_CODES[dialect]


def _attested_word(lower: str) -> bool:
    return attested.attested(lower, capitalised=False)


def _is_verb_lemma(lower: str) -> bool:
    from proselint_fic.checks.tense.lexicon import tables

    return lower in tables().forms


def is_dictionary_word(lower: str, dialect: Dialect) -> bool:
    """Whether a lowercase word is in the word list of ``dialect`` (for other families)."""
    return _known(lower, dialect)


@lru_cache(maxsize=65536)
def _rank(lower: str, dialect: Dialect) -> int:
    """The frequency class of a lowercase dictionary word, or -1 (unknown, or a name)."""
    entry = lexicon().lookup(morphology.fold(lower))
    if entry is None or not entry.accepted_in(dialect) or entry.form != entry.key:
        return -1
    return entry.rank


def _apostrophe_only(written: str, fix: str) -> bool:
    """Whether ``fix`` is ``written`` with an apostrophe put in and nothing else changed
    (thats -> that's, dont -> don't; not Ruby -> Ruby's)."""
    bare = fix.replace("'", "").replace("’", "")
    return bare != fix and bare == written and fix.count("'") + fix.count("’") == 1


def _apostrophe_dropped(core: str, rights: tuple[str, ...]) -> bool:
    """True when ``core`` is one of ``rights`` written without its apostrophe (dont, im)."""
    return any(right.replace("'", "").replace("’", "").lower() == core for right in rights)
