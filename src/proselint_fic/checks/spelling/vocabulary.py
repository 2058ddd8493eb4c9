"""What the spelling analysis knows of a text before it reads a single occurrence.

How often each form is written, the same counts lowercased and by capitalised core
(names), which forms are suspects and which are rare dictionary words, and how many words
are spelled each dialect's way. All of it is a sum over paragraphs, so an edited text
adds the paragraphs that came and takes away those that went, instead of walking its
whole vocabulary again (``proselint_fic.checks.spelling.kept``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass, field


def straighten(word: str) -> str:
    return word.replace("’", "'")


def strip_possessive(word: str) -> str:
    if word.lower().endswith("'s") and len(word) > 2:
        return word[:-2]
    return word


def core_of(form: str) -> str:
    """A written form without quotes around it or a possessive: dogs' -> dogs, Ann's -> Ann."""
    return form if form.isalpha() else strip_possessive(straighten(form).strip("'"))


# A spelling written this often is a recurring one (a name, a coinage), which a one-off
# spelling near it may be a slip of.
RECURRING = 3


@dataclass
class Vocabulary:
    """The counts and word classes of one text (see the module's docs)."""

    own_code: str  # the word list's code for the document's dialect: "u" or "g"
    dialect_code: Callable[[str], str]  # lowercase word -> "a", "u", "g" or ""
    rare_table: Container[str]
    counts: Counter[str] = field(default_factory=Counter)
    by_lower: Counter[str] = field(default_factory=Counter)  # form.lower()
    lower_counts: Counter[str] = field(default_factory=Counter)  # core, lowercased
    cased_counts: Counter[str] = field(default_factory=Counter)  # capitalised cores
    # The entries of cased_counts and lower_counts written RECURRING times or more, kept as
    # the counts change, so that an edit does not walk the whole vocabulary for them.
    recurring_cased: dict[str, int] = field(default_factory=dict)
    recurring_lower: dict[str, int] = field(default_factory=dict)
    suspects: set[str] = field(default_factory=set)
    rare: set[str] = field(default_factory=set)  # forms whose lowercase is a rare word
    # How often a word joined or left the recurring entries, and what the spelling analysis
    # built from them when the count was that (its pools of names and coinages) with the
    # entries it built them from: an edit that only changes how often recurring words are
    # written, or that takes a word out and puts it back, reuses the pools.
    recurring_changes: int = 0
    kept_pools: tuple[int, object, frozenset[str], frozenset[str]] | None = None
    own_words: int = 0  # words spelled only this dialect's way, with repeats
    other_words: int = 0
    other_spellings: int = 0  # distinct words spelled only the other dialect's way

    def add(self, counts: Mapping[str, int], suspect: Callable[[str], bool], sign: int = 1) -> None:
        """Add (``sign`` 1) or take away (-1) a stretch's form counts; ``suspect`` says
        whether a form the text did not hold before is a suspect."""
        for form, count in counts.items():
            self._add_form(form, sign * count, suspect)

    def _add_form(self, form: str, delta: int, suspect: Callable[[str], bool]) -> None:
        before = self.counts[form]
        after = before + delta
        _bump(self.counts, form, delta)
        lower = form.lower()
        _bump(self.by_lower, lower, delta)
        core = core_of(form)
        core_lower = core.lower()
        was = self.lower_counts[core_lower]
        _bump(self.lower_counts, core_lower, delta)
        self.recurring_changes += _track(self.recurring_lower, core_lower, was + delta)
        self._tally_dialect(core_lower, was, was + delta)
        if core[:1].isupper():
            _bump(self.cased_counts, core, delta)
            self.recurring_changes += _track(self.recurring_cased, core, self.cased_counts[core])
        if before == 0 and after > 0:
            if suspect(form):
                self.suspects.add(form)
            if lower in self.rare_table:
                self.rare.add(form)
        elif before > 0 and after <= 0:
            self.suspects.discard(form)
            self.rare.discard(form)

    def _tally_dialect(self, lower: str, was: int, now: int) -> None:
        code = self.dialect_code(lower)
        if not code or code == "a":
            return
        if code == self.own_code:
            self.own_words += now - was
        else:
            self.other_words += now - was
            self.other_spellings += (now > 0) - (was > 0)


def _track(recurring: dict[str, int], key: str, count: int) -> int:
    """Keep ``key``'s count in ``recurring`` while it recurs; 1 when it joined or left."""
    if count >= RECURRING:
        joined = key not in recurring
        recurring[key] = count
        return joined
    return recurring.pop(key, None) is not None


def _bump(counter: Counter[str], key: str, delta: int) -> None:
    left = counter[key] + delta
    if left > 0:
        counter[key] = left
    else:
        counter.pop(key, None)
