"""The ``typo`` family: unknown words, known misspellings and stray spellings of names.

All three rules share one pass over the document (:mod:`.analysis`), so a word is reported
by one of them at most. See docs/spelling.md for how names are learned, what fiction
vocabulary is accepted and how the word list was built and measured.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar

from proselint_fic.diagnostic import Severity
from proselint_fic.rule import FixExample, Match, MetaRule, Rule, RuleMeta

if TYPE_CHECKING:
    from proselint_fic.checks.spelling.kept import KeptSpelling
    from proselint_fic.document import Document

__all__ = ["SpellingRule", "rules"]

_ADD_WORD = (
    "Names and coined words are learned from the manuscript; to teach one for good, run "
    "`proselint-fic add-word WORD` or list it under `words` or `word-files` in the "
    "configuration."
)

UNKNOWN_WORD = RuleMeta(
    id="typo.unknown-word",
    category="typo",
    severity=Severity.WARNING,
    scope="both",
    summary="A word that is in no dictionary for the chosen dialect, with ranked replacements.",
    message=(
        "This word is not in the dictionary: fix the spelling, or add it to the project's "
        "word list if it is a name or a word of your story."
    ),
    docs=(
        "Checks every word against a SCOWL word list for the configured dialect (en-US or "
        "en-GB) and offers replacements ranked by how people really slip (swapped, doubled "
        "or dropped letters, neighbouring keys, sound-alikes) and how common each "
        "replacement is. The story's own vocabulary passes: names (capitalised away from a "
        "sentence start, or recurring), recurring coinages, slang and eye dialect, sounds "
        "such as hmm or argh, stretched words and dropped g's in dialogue, contractions, "
        "possessives, oaths put inside a word (abso-bloody-lutely), words run together "
        "as spoken with an apostrophe (one'a, more'n, "
        "hadn'a, y'ain't; a misplaced apostrophe as in did'nt is still reported), "
        "hyphenated compounds of real words, the old forms of verbs (thou askest, he "
        "speaketh), numbers, lowercase Roman numerals (vii, xiv), "
        "web addresses, Japanese written in the Latin alphabet (Higurashi, nii) in a text "
        "that writes Japanese honorifics (Rena-san), unless one doubled letter from a "
        "common word, and "
        "ALL-CAPS acronyms (an ALL-CAPS word is reported only when it is one cheap slip "
        "from a common word and long, or in a heading in capitals: CHAPTRE). A writer who spells "
        "several words the other dialect's way (armor beside recognise and honouring) "
        "keeps that habit: its common words pass. A doubled first "
        "letter in two cases before a word with a vowel (Tthe, Wwhile, iIt; not Mmph) is a "
        "shift-key slip and is reported even "
        "where a capitalised word would pass as a name; so is a second capital on a common "
        "word (THe, HAve), unless it stresses a prefix (EXtraordinary) or spells out a "
        "ligature (AEsthetics). A contraction run into the next word (didn'tdie) is a "
        "missing space. Speech spelled as a voice speaks "
        "passes: an apostrophe for letters left out of a word's end or middle (roun', "
        "wouldn', b'lieve, hund'd), and, in a paragraph whose speech marks one word in "
        "twelve or more as elided or unknown with at least one elision (I doan' k'yer what "
        "de widder say), its other lowercase unknown words; the narration around that "
        "speech is still checked. A derivation or compound one plain slip from a fairly "
        "common word is reported (fondy, hankerchief, gallopped). " + _ADD_WORD
    ),
    flags=(
        "A tinker asleep on his pakc by the hearth.",
        "She lay awake on the lumpy matres all night.",
        "He was defnitely not coming back.",
        "Somehting moved in the dark.",
        "Porcelian dolls lined the shelf.",
        "Wendow light fell across the floor.",
        "CHAPTRE ONE",
        "Wwhile Tilly slept, the rain came.",
        "The boat began to capsise in the gale.",
        "Teh cta slept by the fire.",
        "He checked twice, and iIt was still there.",
        "He did'nt answer, and she could'nt ask again.",
        "He took a hankerchief from his pocket.",
        "The Board of Governers met on Tuesday.",
        "The boy tooks one look at us and ran.",
        "Your situationisn't that bad. Youmight be able to use it.",
        "Buit Jake has given you nothing.",
        "Ava smiled fondy at the child.",
        '"Get \'em, boys," he said, "teh dogs are loose."',
        "THe wind was cold. WHen he came back, the door was open.",
        "He didn'tdie that night, though the fever was high.",
        "Rena-san thought it was a bizzare story.",
        "'I think it is teh best way home,' he said. 'Come along with me now.'",
        "He emerged at dawn with deep bagsunder his eyes.",
    ),
    passes=(
        "Lloyd and Aaron fed the llama at an eerie hour.",
        "His armor was dented. She did not recognise him until she realised who he honoured.",
        "Mira laughed. \"Y'know, I'm gonna need 'em back, Dav.\"",
        "Marek shrugged. Marek always shrugged when the talk turned to money.",
        '"Hmm," said Corwin. "Nooo, I was just goin\' home. Argh."',
        "The Thornwatch's sigil was pressed into the wax at Carrowmere.",
        "It's a well-known, sixty-three-year-old recipe from the 1890s; see www.example.com.",
        "The bookwyrm curled on the shelf. Every bookwyrm in the library hissed.",
        'They shouted "NO WAY" at the 3rd-floor window and the T-shirt vendor.',
        "\"Y'ain't one'a us. I seen more trouble'n you, an' I'd'a told you so.\"",
        "Welp. He snarked at the dog, yoinked the leash, and hummed sotto voce.",
        '"Abso-bloody-lutely," she said of the sci-fi film.',
        "In her favourite theatre the vapour rose, and she hated their infantilising tone.",
        '"Ma buoni uomini," he said, and the waiter bowed.',
        "They took the train from St. Pancras and walked up from Notting Hill.",
        "They were demo'ing the product. Pff, so full of it. His thoughts were elsewhere.",
        "\"I b'lieve you, Huck. I doan' k'yer what de widder say; she couldn' git roun' it.\"",
        "\"Yes, b'jiminey, an' I doan' see no sich thing heah, en de chile kin stay.\"",
        "The IDs and TVs were gone. If you're EXtraordinary you can't be ORdinary.",
        "I'm sure I'd know. The Science of AEsthetics lay open on the desk.",
        '"Treat this as priority one. Hassan will drive you to the airport."',
        "The particles were no larger than 3 μm, and the Ωmega sign glowed.",
        '"Mmph," she said. It was in Book vii, clause (iii), of the treaty.',
        "Rena-san smiled. The higurashi were crying, and Mion laughed at Keiichi-kun.",
        '"Thou knowest it well," said the priest. "He speaketh truly; thou blamest me."',
        "「What is it, Cornelius-niisama?」 she asked. Mordin-sama nodded to Witch-dono.",
        'She spoke slowly, "Revertere quod ademit, haec sana corporis per me." It worked.',
    ),
    fixes=(
        FixExample("A tinker asleep on his pakc.", "A tinker asleep on his pack."),
        FixExample("THe door was open.", "The door was open."),
        FixExample("Somehting moved in the dark.", "Something moved in the dark."),
        FixExample(
            "The color of the bishop's mitre was red.", "The color of the bishop's miter was red."
        ),
    ),
)

KNOWN_MISSPELLING = RuleMeta(
    id="typo.known-misspelling",
    category="typo",
    severity=Severity.ERROR,
    scope="both",
    fix_safety="safe",
    summary="A common misspelling from the shipped list, with its inflections and a safe fix.",
    message="This is a common misspelling: use the suggested spelling.",
    docs=(
        "Reports words from rules/spelling/misspellings.txt (`wrong -> right` lines). An "
        "entry also catches its inflections: `eminate -> emanate` catches eminates, "
        "eminated and eminating and fixes each to the matching form of emanate. The fix "
        "follows the configured dialect and keeps the writer's capitalisation. Words in "
        "the project's word list are never reported."
    ),
    flags=(
        "A pale light was eminating from the cellar.",
        "She sank onto the matress.",
        "I definately saw it.",
        "Did you recieve my letter?",
    ),
    passes=(
        "A pale light was emanating from the cellar.",
        "She sank onto the mattress.",
        "I definitely saw it, and I received your letter.",
    ),
    fixes=(
        FixExample("A light eminated from the cellar.", "A light emanated from the cellar."),
        FixExample("Matress springs creaked.", "Mattress springs creaked."),
        FixExample("SHE SANK ONTO THE MATRESS.", "SHE SANK ONTO THE MATTRESS."),
    ),
)

INCONSISTENT_NAME = RuleMeta(
    id="typo.inconsistent-name",
    category="typo",
    severity=Severity.WARNING,
    scope="both",
    summary="A one-off spelling of a name or coinage that the story spells another way.",
    message="This name is spelled differently everywhere else: use the recurring spelling.",
    docs=(
        "Names and coinages are learned from the manuscript, so a rare spelling one slip "
        "away from a recurring one (one Gryphen beside many Gryphon) is probably a typo "
        "of the name. Plurals, possessives, diminutives and other endings of two letters "
        "or more (Gryphons, Gryphon's, Gryphony, Gryphonish) are not reported; one stray "
        "letter at the end (Tristand beside Tristan) is. " + _ADD_WORD
    ),
    flags=(
        "Gryphon landed. The crowd cheered for Gryphon, and Gryphon bowed. Gryphen slept.",
        "Ysolde ran. Ysolde hid. Ysolde waited while Ysodle's brother searched.",
        "So Tristan came, then Tristan sat, and Tristan ate before Tristand left.",
    ),
    passes=(
        "Gryphon landed. Gryphon roared. Gryphon folded his wings beside the Gryphons.",
        "Mira met Mina. Mira laughed, Mira left, and Mina stayed with Mina's aunt.",
        "Old Smallweed woke. Smallweed coughed, Smallweed swore: 'Smallweedy, my dear!'",
    ),
    fixes=(
        FixExample(
            "They cheered for Gryphon. Gryphon bowed to Gryphon's mother, and Gryphen left.",
            "They cheered for Gryphon. Gryphon bowed to Gryphon's mother, and Gryphon left.",
        ),
    ),
)

RARE_WORD = RuleMeta(
    id="typo.rare-word",
    category="typo",
    severity=Severity.WARNING,
    scope="both",
    summary="A rare dictionary word, written once, that is one slip from a far more common word.",
    message="This rare word is probably a slip of a common one: check the spelling.",
    docs=(
        "SCOWL's largest word lists, which let names, loan words and period vocabulary "
        "pass, also hold short forms that in modern fiction are nearly always typos: "
        "*wat* for *what*, *fro* for *for*, *nad* for *and*. Such a word is reported when "
        "the manuscript writes it (or an inflection of it) only once, the project does not "
        "list it, it is not capitalised in mid-sentence (a name), not in a text message, "
        "not after a determiner that none of its fixes could follow (*no hue*: *no he* "
        "is not English), and not part of a fixed phrase from "
        "rules/spelling/rare-word-phrases.txt (*to and fro*, *not a jot*). The table of "
        "rare words is built from wordfreq frequencies; "
        "docs/spelling.md gives the thresholds and how they were measured. " + _ADD_WORD
    ),
    flags=(
        "Wat are you doing out here so late?",
        "I told him to go fro here and never come back.",
        "She set the cup down nad left the room.",
    ),
    passes=(
        "She paced to and fro across the room.",
        "It did not matter a jot to him.",
        "Wat Tyler led the revolt, they said.",
        "The nay-sayers lost: nay after nay was drowned out, and the nays fell silent.",
        "Oof. The punch folded him in half.",
        "A chameleon spirit with no hue of its own.",
        "The shore lay in the reddish hue of the low sun.",
    ),
    fixes=(FixExample("Wat are you doing?", "What are you doing?"),),
)


MISSING_APOSTROPHE = RuleMeta(
    id="punctuation.missing-apostrophe",
    category="punctuation",
    severity=Severity.WARNING,
    scope="both",
    fix_safety="unsafe",
    summary="A contraction written without its apostrophe (thats, dont, youre).",
    message="This contraction is missing its apostrophe: write the suggested form.",
    docs=(
        "A word the dictionary does not know, or a listed misspelling, whose first fix is "
        "the same letters with an apostrophe put in (*thats* -> *that's*, *dont* -> "
        "*don't*): the spelling is right and a mark is missing, so it is reported as "
        "punctuation rather than as a typo. Texting keeps its own register and is left "
        "alone, as for every spelling rule, and so are words the story or the fiction "
        "list accepts (*ur*, *thx*)."
    ),
    flags=('"Oh thats right, more importantly," she said.', "He dont know the way."),
    passes=('"Oh, that\'s right," she said.', "He doesn't know the way."),
    fixes=(FixExample("He dont know the way.", "He don't know the way."),),
)


def kept_spelling() -> KeptSpelling:
    """The analysis an editor's re-lint keeps paragraph by paragraph (proselint_fic.incremental)."""
    from proselint_fic.checks.spelling.kept import KeptSpelling

    return KeptSpelling()


class SpellingRule(MetaRule):
    """One of the ``typo`` rules: it reports its share of the shared analysis."""

    incremental_analysis: ClassVar[Callable[[], KeptSpelling]] = kept_spelling

    def check(self, document: Document) -> Iterable[Match]:
        from proselint_fic.checks.spelling.analysis import analyse

        for finding in analyse(document).findings.get(self.meta.id, ()):
            yield Match(finding.start, finding.end, finding.message, finding.replacements)


def rules() -> list[Rule]:
    """The ``typo`` rules, in a stable order."""
    return [
        SpellingRule(UNKNOWN_WORD),
        SpellingRule(KNOWN_MISSPELLING),
        SpellingRule(INCONSISTENT_NAME),
        SpellingRule(RARE_WORD),
        SpellingRule(MISSING_APOSTROPHE),
    ]
