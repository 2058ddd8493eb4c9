"""The typo family: word data, fiction vocabulary, suggestions, names, the project word file."""

from __future__ import annotations

import json
import stat
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from proselint_fic import Linter, lint_text
from proselint_fic.checks.spelling import misspellings
from proselint_fic.checks.spelling.analysis import analyse
from proselint_fic.checks.spelling.dialects import is_dialect_variant
from proselint_fic.checks.spelling.lexicon import CLASS_BASE, HOT_KEY, MAGIC, Lexicon, lexicon
from proselint_fic.checks.spelling.project_words import add_words, read_words
from proselint_fic.checks.spelling.suggest import suggest
from proselint_fic.document import Document
from proselint_fic.resources import data_dir

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"


def findings(text: str, dialect: str = "en-US", words: frozenset[str] = frozenset()) -> list:
    """The typo rules' findings through the engine (which keeps one finding per word)."""
    linter = Linter(select=["typo"], dialect=dialect, words=words, discover_config=False)  # type: ignore[arg-type]
    return [(d.rule, text[d.start : d.end], d.replacements) for d in linter.lint_text(text)]


def flagged_words(text: str, dialect: str = "en-US") -> list[str]:
    return [word for _, word, _ in findings(text, dialect)]


# -- the shipped word list ---------------------------------------------------------------


def test_word_file_is_valid_sorted_and_compact() -> None:
    blob = (data_dir() / "words.bin").read_bytes()
    assert blob.startswith(MAGIC)
    assert len(blob) < 5 * 1024 * 1024
    lex = Lexicon.from_bytes(blob)
    assert (data_dir() / "SCOWL-COPYRIGHT.txt").read_text(encoding="utf-8").count("Atkinson")
    total = 0
    for key, index in lex.index.items():
        chunk = blob[lex.base + lex.offsets[index] : lex.base + lex.offsets[index + 1]]
        text = chunk.decode("utf-8")
        if key == HOT_KEY:
            hot = text.split("\n")
            assert hot == sorted(set(hot)) and 5_000 <= len(hot) <= 20_000
            continue
        assert text.startswith("\n") and text.endswith("\n")
        lines = text.strip("\n").split("\n")
        words = [line.split("\t")[0] for line in lines]
        assert words == sorted(set(words)), f"bucket {key} is not sorted and unique"
        for line in lines:
            word, info = line.split("\t")
            assert word == word.lower() and f"{word[:2]}{len(word)}" == key
            assert info[0] in "aug"
            assert 0 <= ord(info[1]) - CLASS_BASE <= 60
            assert not info[2:] or info[2:].lower() == word
        total += len(lines)
    assert 200_000 < total < 400_000
    # Every frequent word kept as a set is an ordinary entry of both dialects too.
    for word in sorted(lex.hot)[::50]:
        entry = lex.lookup(word)
        assert entry is not None and entry.dialect == "a" and entry.form == word


def test_word_file_loads() -> None:
    # Its load time (about 10 ms) is part of the cold start that benchmarks/bench.py measures.
    lex = Lexicon.from_bytes((data_dir() / "words.bin").read_bytes())
    assert lex.known("mattress", "en-US")


def test_dialects() -> None:
    lex = lexicon()
    assert lex.known("mattress", "en-US") and lex.known("mattress", "en-GB")
    assert not lex.known("matress", "en-US")
    assert lex.known("colour", "en-GB") and not lex.known("colour", "en-US")
    assert lex.known("color", "en-US") and not lex.known("color", "en-GB")
    assert lex.known("realise", "en-GB") and lex.known("realize", "en-GB")
    assert lex.known("grey", "en-US") and lex.known("grey", "en-GB")


# -- unknown words and their replacements --------------------------------------------------


@pytest.mark.parametrize(
    ("typo", "fix"),
    [
        ("pakc", "pack"),
        ("somehting", "something"),
        ("acorss", "across"),
        ("seccond", "second"),
        ("jsut", "just"),
        ("anothr", "another"),
        ("knokced", "knocked"),
        ("unfiltred", "unfiltered"),
    ],
)
def test_first_suggestion_for_common_slips(typo: str, fix: str) -> None:
    assert suggest(typo, "en-US")[0] == fix


def test_replacements_keep_the_writers_case() -> None:
    found = findings("Somehting moved. She sank onto the MATRESS. Then the Matress sagged.")
    assert [(word, fixes[0]) for _, word, fixes in found] == [
        ("Somehting", "Something"),
        ("MATRESS", "MATTRESS"),
        ("Matress", "Mattress"),
    ]


def test_line_initial_and_sentence_initial_typos_are_found() -> None:
    assert sorted(flagged_words("Becuase it rained.\nSomehting moved.")) == ["Becuase", "Somehting"]


def test_stretched_words_pass_in_dialogue_but_not_in_narration() -> None:
    assert flagged_words('"Nooo, pleeease," she said. "Sooo good."') == []
    assert flagged_words("She rinsed the shampooo out.") == ["shampooo"]


def test_dropped_g_and_eye_dialect_in_dialogue() -> None:
    text = "\"I was goin' home, nothin' more,\" he said. \"Fixin' it. The whole kit 'n kaboodle.\""
    assert flagged_words(text) == []


FICTION = """\
Mira glanced at Daven Holloway. "Y'know, I'm gonna need 'em back. Lemme think. Hmm."

"Mmhmm. Argh! Ugh, shh," said Corwin. "Kinda weird, innit? Dunno."

The Thornwatch's sigil, the wyvern's eye: she'd seen it on the 3rd of May, in 1990s photos,
at https://example.com/thornwatch and in an e-mail to mira.k@example.org. NASA and the FBI
had files. Her sixty-three-year-old aunt's well-worn, rain-soaked coat hung by the door.

The bookwyrm curled on the shelf. Every bookwyrm in the library hissed at her. Th-the door
creaked, and Daven said, "Wha-" before the lights went out.
"""


def test_fiction_vocabulary_is_not_a_typo() -> None:
    assert findings(FICTION) == []


def test_titles_written_as_abbreviations_are_not_typos() -> None:
    text = "The card said Det. S. Okafor. Insp. Reid and Cmdr. Vale came in."
    assert flagged_words(text) == []
    assert flagged_words("I det the thing.") == ["det"]


def test_texting_in_a_message_line_is_not_a_typo() -> None:
    text = (
        "My phone buzzed.\n\nDad: need to know by tmrw. omw ngl. im late, dont wait\n\n"
        "I put it away."
    )
    assert flagged_words(text) == []
    # In narration the same word is a contraction missing its apostrophe: punctuation.
    linter = Linter(select=["typo", "punctuation.missing-apostrophe"], discover_config=False)
    assert [d.rule for d in linter.lint_text(text)] == []
    found = linter.lint_text("I put it away. I dont know why.")
    assert [(d.rule, d.replacements) for d in found] == [
        ("punctuation.missing-apostrophe", ("don't",))
    ]


def test_names_are_learned_from_the_manuscript() -> None:
    text = "They rode to Carrowmere at dawn. Carrowmere was quiet. Vessa Ford lay beyond."
    assert flagged_words(text) == []
    # A name used once, opening a sentence, is left alone unless it is one slip from a
    # common word.
    assert flagged_words("Lisbet waited by the gate.") == []


def test_coinages_far_from_any_word_pass_but_double_slips_do_not() -> None:
    assert flagged_words("The wyrmguard rode north; a spellwright muttered a cantrip.") == []
    assert flagged_words("The shippmnets came late.") == ["shippmnets"]


def test_a_long_recurring_spelling_close_to_a_word_is_a_habit_not_a_coinage() -> None:
    """Written three times, a coinage is the writer's; a long spelling one close slip from
    a dictionary word, written as often, is a misspelling the writer keeps making."""
    text = (
        "He filled the balloon with oxyacetelene. The oxyacetelene hissed. "
        "Nobody else would have trusted oxyacetelene."
    )
    assert flagged_words(text) == ["oxyacetelene"] * 3
    coined = "The glimmerwisps rose. Glimmerwisps drifted. The glimmerwisps sang."
    assert flagged_words(coined) == []


def test_a_function_word_glued_to_a_name_is_a_lost_space() -> None:
    text = "She sent it to Neville viaHedwig. He wrote toHarry at once."
    assert [(word, fixes[0]) for _, word, fixes in findings(text)] == [
        ("viaHedwig", "via Hedwig"),
        ("toHarry", "to Harry"),
    ]
    # Brands and names with inner capitals stay names.
    assert flagged_words("He bought an iPhone on eBay from McKenna and DeShawn.") == []


def test_a_negative_contraction_that_lost_its_t_is_reported_with_it() -> None:
    found = findings("It couldn honk at all. She didn go. He wasn there.")
    assert [(word, fixes[0]) for _, word, fixes in found] == [
        ("couldn", "couldn't"),
        ("didn", "didn't"),
        ("wasn", "wasn't"),
    ]


def test_contractions_without_apostrophes() -> None:
    # The letters are right and the apostrophe is missing: a punctuation finding.
    linter = Linter(select=["punctuation.missing-apostrophe"], discover_config=False)
    text = "I dont know. Thats it."
    found = [(text[d.start : d.end], d.replacements) for d in linter.lint_text(text)]
    assert found == [("dont", ("don't",)), ("Thats", ("That's",))]
    assert findings(text) == []  # and no typo


def test_project_words_are_accepted() -> None:
    text = "The glimmerwisp flickered; one glimmerwisp-shaped shadow, then the snarlfang."
    assert "snarlfang" not in flagged_words(text)  # recurring or not, close to nothing common
    assert findings("The flatterred knight bowed.", words=frozenset({"flatterred"})) == []


def test_other_dialect_spelling_is_reported_where_the_text_mixes_dialects() -> None:
    [(rule, word, fixes)] = findings("The colour of the sky. The center of the town.")
    assert (rule, word, fixes[0]) == ("typo.unknown-word", "colour", "color")
    assert findings("The colour of the sky. The centre of the town.", dialect="en-GB") == []
    # Used throughout, it is the writer's choice.
    assert findings("The colour faded. Another colour rose. The center held.") == []


def test_other_dialect_spelling_alone_is_no_slip() -> None:
    # Nothing in the text is spelled the en-US way, so nothing shows "colour" is a slip.
    assert findings("The colour of the sky, in the empty parlour.") == []
    # Nor "neighbourhood", whose twin only a wider pattern than "colour"'s finds.
    assert findings('"Is there an inn in this neighbourhood?" I asked the waiter.') == []


@pytest.mark.parametrize(
    ("british", "american", "twins"),
    [
        ("colour", "color", True),
        ("centre", "center", True),
        ("realise", "realize", True),
        ("catalogue", "catalog", True),
        ("manoeuvre", "maneuver", True),
        ("travelled", "traveled", True),
        ("grey", "gray", True),
        ("neighbourhood", "neighborhood", True),
        ("atomiser", "atomizer", True),
        ("persianising", "Persianizing", True),
        ("levellest", "levelest", True),
        ("oestrous", "estrous", True),
        ("mouldering", "moldering", True),
        ("eyrie", "eerie", False),
        ("hour", "hor", False),
        ("colour", "colon", False),
    ],
)
def test_dialect_twins(british: str, american: str, twins: bool) -> None:
    assert is_dialect_variant(british, american) is twins


def test_other_dialect_message_names_a_twin_only_when_it_is_one() -> None:
    text = "The eyrie stood over the center of the valley."
    messages = [f.message for f in analyse(Document(text)).findings.get("typo.unknown-word", [])]
    assert messages and all("spells it" not in m for m in messages)


# -- known misspellings ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "fix"),
    [
        ("eminate", "emanate"),
        ("eminates", "emanates"),
        ("eminated", "emanated"),
        ("eminating", "emanating"),
        ("occured", "occurred"),
        ("seperately", "separately"),
        ("definately", "definitely"),
    ],
)
def test_known_misspellings_catch_inflections(word: str, fix: str) -> None:
    found = findings(f"The light {word} there.")
    assert found == [("typo.known-misspelling", word, (fix,))]


def test_known_misspelling_fix_follows_the_dialect() -> None:
    assert findings("A friendly nieghbor.")[0][2] == ("neighbor",)
    assert findings("A friendly nieghbor.", dialect="en-GB")[0][2] == ("neighbour",)


def test_misspelling_list_is_valid() -> None:
    entries = misspellings.load()
    assert len(entries) > 100
    lex = lexicon()
    for wrong, entry in entries.items():
        # A listed misspelling is no word, or only an obscure one the list overrides
        # (wich for wych, publically, incase for encase): only in SCOWL's largest sizes and
        # seen at most a few dozen times in the subtitle counts (frequency class 14 or
        # less), where the misspelling itself is what the counts saw.
        found = lex.lookup(wrong)
        assert found is None or found.rank <= 14, wrong
        for right in entry.right:
            assert all(
                lex.known(part.lower(), "en-US") or lex.known(part.lower(), "en-GB")
                for part in right.split()
            ), right


def test_misspelling_parser_rejects_bad_lines() -> None:
    assert misspellings.parse("# note\nrecieve -> receive\n\n")["recieve"].right == ("receive",)
    with pytest.raises(ValueError, match="line 1"):
        misspellings.parse("recieve receive")


# -- inconsistent names ------------------------------------------------------------------


def test_one_off_spelling_of_a_recurring_name() -> None:
    text = "They cheered for Gryphon. Gryphon bowed to Gryphon's mother, and Gryphen left."
    assert findings(text) == [("typo.inconsistent-name", "Gryphen", ("Gryphon",))]


def test_plurals_and_two_names_are_not_inconsistent() -> None:
    assert findings("Gryphon flew. Gryphon landed by Gryphon's nest among the Gryphons.") == []
    assert (
        findings("Mira met Mina. Mira laughed, Mira left, and Mina stayed with Mina's aunt.") == []
    )


def test_analysis_is_shared_between_the_rules() -> None:
    document = Document("A tinker asleep on his pakc.")
    assert analyse(document) is analyse(document)


# -- the project word file ---------------------------------------------------------------


def test_add_words_keeps_the_file_sorted_and_unique(tmp_path: Path) -> None:
    word_file = tmp_path / "words" / "project.txt"
    assert add_words(word_file, ["Gryphon", "bookwyrm"]) == ["Gryphon", "bookwyrm"]
    assert add_words(word_file, ["Carrowmere", "Gryphon", "Carrowmere"]) == ["Carrowmere"]
    assert read_words(word_file) == ["bookwyrm", "Carrowmere", "Gryphon"]
    assert add_words(word_file, ["bookwyrm"]) == []
    assert list(word_file.parent.iterdir()) == [word_file]  # no temporary file left over
    assert stat.S_IMODE(word_file.stat().st_mode) & 0o600 == 0o600


def test_add_words_keeps_a_leading_comment(tmp_path: Path) -> None:
    word_file = tmp_path / "words.txt"
    word_file.write_text("# Names in my saga\nzephyrine\nAldmere\n", encoding="utf-8")
    add_words(word_file, ["Mira"])
    assert word_file.read_text(encoding="utf-8") == "# Names in my saga\nAldmere\nMira\nzephyrine\n"


# -- measured on the shared corpora (skipped in a fresh clone) ----------------------------

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")


def _lint(path: Path, dialect: str = "en-US") -> list[tuple[int, int, int, str, tuple[str, ...]]]:
    linter = Linter(select=["typo"], dialect=dialect, discover_config=False)  # type: ignore[arg-type]
    text = path.read_text(encoding="utf-8")
    return [
        (d.line, d.column, d.end_column, d.rule, d.replacements)
        for d in linter.lint_text(text, path=str(path))
    ]


@needs_corpus
def test_real_sample_has_exactly_its_two_typos() -> None:
    found = _lint(CORPUS / "000_961a77e3023996bd.txt")
    assert sorted(fixes[0] for *_, fixes in found) == ["emanating", "mattress"]


@needs_corpus
def test_pride_and_prejudice_in_british_english() -> None:
    path = CORPUS / "gutenberg" / "pride_and_prejudice.txt"
    words = len(path.read_text(encoding="utf-8").split())
    assert len(_lint(path, "en-GB")) <= words / 10_000


@needs_corpus
def test_dev_corpus_precision_recall_and_clean_rate() -> None:
    dev = CORPUS / "dev"
    gold = [json.loads(line) for line in (dev / "gold.jsonl").read_text().splitlines()]
    gold = [g for g in gold if g["category"] == "typo"]
    true_positives = false_positives = 0
    for path in sorted((dev / "cases").glob("*.txt")):
        here = [g for g in gold if g["path"] == f"cases/{path.name}"]
        for line, start, end, _, _ in _lint(path):
            hit = any(
                g["line"] == line and start < g["end_column"] and g["column"] < end for g in here
            )
            true_positives += hit
            false_positives += not hit
    assert true_positives / len(gold) >= 0.95
    assert true_positives / (true_positives + false_positives) >= 0.95
    clean = sorted((dev / "clean").glob("*.txt"))
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in clean)
    assert sum(len(_lint(p)) for p in clean) <= 0.3 * words / 1000


@needs_corpus
def test_first_suggestions_on_norvigs_test_sets() -> None:
    pairs = []
    for name in ("spell-testset1.txt", "spell-testset2.txt"):
        for line in (CORPUS / "spelling" / name).read_text().splitlines():
            right, _, wrongs = line.partition(":")
            pairs += [(wrong.lower(), right.strip().lower()) for wrong in wrongs.split()]
    right_first = Counter(
        bool(s) and s[0].lower() == r for w, r in pairs for s in [suggest(w, "en-US")]
    )
    assert right_first[True] / len(pairs) > 0.80


def test_a_word_written_three_times_is_the_story_s_unless_a_typing_habit() -> None:
    assert flagged_words("The wyrm slept. The wyrm woke. The wyrm ate the goat.") == []
    assert flagged_words("She saw teh cat, then teh dog, then teh bird.") == ["teh"] * 3


def test_genre_vocabulary_is_accepted() -> None:
    text = "The medbay smelled of cryo gel; the mechs stood by the kaiju, and the bo'sun swore."
    assert flagged_words(text) == []


# -- run-together words and rare dictionary words ----------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "fix"),
    [
        ("He said thatyou were coming.", "thatyou", "that you"),
        ("He wasgoing to the store.", "wasgoing", "was going"),
        ("Most ofthe time she slept.", "ofthe", "of the"),
    ],
)
def test_a_function_word_run_into_a_word_is_a_lost_space(text: str, word: str, fix: str) -> None:
    assert [(w, fixes[0]) for _, w, fixes in findings(text)] == [(word, fix)]


def test_run_together_leaves_names_dialect_and_contractions_alone() -> None:
    assert flagged_words("Asher smiled at her. He willfully ignored it.") == []
    # Not run together but a contraction without its apostrophe: punctuation.
    linter = Linter(select=["typo", "punctuation.missing-apostrophe"], discover_config=False)
    [found] = linter.lint_text("Youre late, she said.")
    assert (found.rule, found.replacements) == ("punctuation.missing-apostrophe", ("You're",))


def test_rare_dictionary_words_written_once_are_slips() -> None:
    found = findings("Wat are you doing here? I told him to go fro here.")
    assert [(rule, word, fixes[0]) for rule, word, fixes in found] == [
        ("typo.rare-word", "Wat", "What"),
        ("typo.rare-word", "fro", "for"),
    ]


def test_rare_words_that_recur_or_live_in_a_phrase_or_name_pass() -> None:
    assert flagged_words("She paced to and fro. It did not matter a jot.") == []
    assert flagged_words("Wat Tyler led the revolt. They followed Wat to London.") == []
    assert flagged_words("Nay, she said. Nay, and nay again.") == []
    # eye dialect the fiction word list holds is no slip of the word it is near
    assert flagged_words("\"He's been corrupted by 'yer evil ways,\" Firth said.") == []
    assert flagged_words('"You jist tend to your business," she said.') == []
    linter = Linter(select=["typo"], words=frozenset({"fro"}), discover_config=False)
    assert linter.lint_text("Go fro here.") == []


def test_rare_word_table_is_small_sorted_and_points_at_common_words() -> None:
    from proselint_fic.checks.spelling import rare_words
    from proselint_fic.checks.spelling.lexicon import lexicon as load

    table = rare_words.table()
    assert 50 < len(table) < 2000
    assert list(table) == sorted(table)
    words = load()
    for rare, fixes in table.items():
        assert len(rare) <= 4 and fixes
        assert words.code(rare), rare
        assert all(words.code(fix.lower()) for fix in fixes), rare


def test_a_capitalised_sentence_opener_written_once_is_a_slip_when_one_edit_from_a_word() -> None:
    assert flagged_words("Wendow light fell across the floor.") == ["Wendow"]
    assert flagged_words("Gorund shook under them.") == ["Gorund"]
    # A name writers use (attested in word-frequency data) passes even once, and so does a
    # word one slip from a common one only by its first letter (Kessel, vessel).
    assert flagged_words("Marek shrugged and left.") == []
    assert flagged_words("Kessel shrugged and left.") == []
    # Written again, it is the story's name.
    assert flagged_words("Marek shrugged. Marek always shrugged.") == []
    assert flagged_words("Lisbet waited by the gate.") == []


def test_words_writers_use_pass_and_their_slips_do_not() -> None:
    # Attested in word-frequency data, not in the word list: new words and names.
    assert flagged_words("The zebrafish tank glowed in the blogosphere of her room.") == []
    assert flagged_words('"Yomi will come," she said.') == []
    # Misspellings are attested too, but sit one slip from a far more common word.
    from proselint_fic.checks.spelling import attested

    assert all(attested.zipf_x10(word) for word in ("aaaa", "kessel", "yomi", "zebrafish"))
    assert not any(attested.zipf_x10(word) for word in ("teh", "wich", "becuase", "thats"))
    assert flagged_words("He said it teh way she did.") == ["teh"]
    # Short lowercase tokens need more than attestation (lim, ju are abbreviations).
    assert flagged_words("He took the lim of the tree.") == ["lim"]


def test_all_caps_slips_in_headings_and_long_shouted_words() -> None:
    [(_, word, fixes)] = findings("CHAPTRE ONE\n\nThe rain fell.")
    assert (word, fixes[0]) == ("CHAPTRE", "CHAPTER")
    assert flagged_words("PART III: THE RECKONIGN\n\nRain.") == ["RECKONIGN"]
    assert flagged_words("He shouted STOPP at the dog.") == ["STOPP"]
    # Acronyms, abbreviations, numerals and shouted, stretched words pass.
    assert flagged_words('NASA called. The FBI came.\n\nCHAPTER XIV\n\n"EDW. GARDINER."') == []
    # A numeral one slip from a word is still a numeral: LII is not LIE.
    assert flagged_words("CHAPTER LII\n\nThe rain fell.\n\nCHAPTER LIII\n\nIt stopped.") == []
    assert flagged_words('"NOOOOO!" she screamed. "HELLLP!"') == []


def test_a_syllable_typed_twice_is_one_slip() -> None:
    [(_, word, fixes)] = findings("It was a strange entitity, pale and cold.")
    assert (word, fixes[0]) == ("entitity", "entity")


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("She teached me to swim.", "taught"),
        ("He runned for the door.", "ran"),
        ("Books lined the bookshelfs.", "bookshelves"),
        ("We kept it to ourselfs.", "ourselves"),
    ],
)
def test_a_regular_form_of_an_irregular_word_is_a_slip(text: str, fix: str) -> None:
    [(_, _, fixes)] = findings(text)
    assert fixes == (fix,)


def test_a_derivation_does_not_excuse_a_slip_of_a_common_word() -> None:
    assert flagged_words("It was a remakable sight.") == ["remakable"]
    assert flagged_words("He waited outsie the gate.") == ["outsie"]
    # A derivation far from any common word is a coinage.
    assert flagged_words("The glimmerwisp faded into the dark.") == []


def test_regular_forms_that_exist_pass() -> None:
    assert flagged_words("She dreamed and learned; he leaped, sneaked and wolfs it down.") == []
    # A child's voice in dialogue is left alone.
    assert flagged_words('"I runned all the way," said the boy.') == []


def test_common_run_together_phrases_are_listed() -> None:
    found = findings("Thankyou, he said, incase it rained upto noon.")
    assert [fixes[0] for _, _, fixes in found] == ["Thank you", "in case", "up to"]


def test_a_capitalised_slip_is_reported_on_every_lint() -> None:
    """The check's own state must not run out between documents (a linter lives long in
    an editor)."""
    text = "The Board of Governers met on Tuesday.\n"
    first = [d.rule for d in lint_text(text)]
    again = [d.rule for d in lint_text(text)]
    assert first == again == ["typo.unknown-word"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a slip of a common word in a name made of common words
        ("Wires go down, and the Circus Commision clerks fall asleep.", ["Commision"]),
        ("The Board of Governers met on Tuesday.", ["Governers"]),
        # after a title, a name of its own, or a given name that is also a word: a name
        ("We stayed with Lady Assomption at the manor.", []),
        ("And what Joe Buggles thought about it, nobody knew.", []),
        ("They crossed to St. Pancras in the rain.", []),
    ],
)
def test_capitalised_slips_inside_names(text: str, flagged: list[str]) -> None:
    assert flagged_words(text) == flagged


def test_eye_dialect_of_published_fiction_passes_in_speech_only() -> None:
    # Learned from public-domain fiction (scripts/build_eye_dialect.py): written in speech
    # by several authors, so a convention of speech, not a slip.
    assert flagged_words("\"I heerd him say it was on'y a p'int,\" she said.") == []
    # In narration the same spelling is still a typo.
    assert flagged_words("She heerd the door close behind her.") == ["heerd"]


@given(st.sets(st.text("abcé'", min_size=1, max_size=5), max_size=40), st.text("abcé'", max_size=5))
def test_a_sorted_table_lookup_finds_exactly_its_entries(words: set[str], probe: str) -> None:
    from proselint_fic.resources import sorted_value

    keys = sorted(w.encode("utf-8") for w in words)
    header = b"# a comment line\n"
    blob = header + b"".join(key + b"\t" + str(len(key)).encode() + b"\n" for key in keys)
    for key in keys:
        assert sorted_value(blob, key, len(header)) == str(len(key)).encode()
    expected = str(len(probe.encode())).encode() if probe in words else None
    assert sorted_value(blob, probe.encode("utf-8"), len(header)) == expected


def test_the_attested_table_is_sorted_for_its_binary_search() -> None:
    from proselint_fic.resources import data_entries

    keys = [key.encode("utf-8") for key, _ in data_entries("attested-words.txt")]
    assert keys == sorted(keys)


def test_a_slipped_title_before_a_name_is_reported() -> None:
    assert flagged_words("He had come to urge Genearl Paulus to turn on Hitler.") == ["Genearl"]
    assert flagged_words("The boat was Captian Hook's at last, or so he said.") == ["Captian"]
    # Any other capitalised word before a name may be the name's own.
    assert flagged_words("They walked to Holloway Gardens and sat down.") == []


def test_a_held_shift_key_on_a_name_the_dictionary_lists() -> None:
    assert flagged_words("He read of GIlgamesh in the old book.") == ["GIlgamesh"]
    # An acronym with an ending keeps its capitals.
    assert flagged_words("The IDs and DVDs were gone.") == []


def test_a_short_name_or_acronym_written_in_lowercase_is_a_slip() -> None:
    # The word list knows Tue, Nd and OT only capitalised: in lowercase they are slips.
    [(_, word, fixes)] = findings("She went to tue shop before noon.")
    assert (word, fixes[0]) == ("tue", "the")
    [(_, word, fixes)] = findings("He shook hands with mr Smith.")
    assert (word, fixes[0]) == ("mr", "Mr")
    # ok is in the fiction list; a foreign phrase keeps its words (revoir is the other
    # language's, and reported as such, but au beside it is no slip of "a").
    assert flagged_words("It was ok, she said, au revoir.") == ["revoir"]


def test_one_edit_candidates_by_hand_equal_rapidfuzz_s() -> None:
    """A run with few unknown words finds one-edit candidates without importing rapidfuzz;
    the words and their distances must be the ones rapidfuzz gives."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from proselint_fic.checks.spelling import suggest as S\n"
        "from proselint_fic.checks.spelling.lexicon import lexicon\n"
        "words = ['wheelbarrw', 'recieve', 'teh', 'acomodate', 'definately', 'neice']\n"
        "mine = [sorted(e.key for e in S._within_one(w, 'en-US', lexicon())) for w in words]\n"
        "pairs = [('ca', 'abc'), ('abcd', 'acbd'), ('', 'ab')]\n"
        "dist = [S.osa_distance(a, b) for a, b in pairs]\n"
        "assert 'rapidfuzz' not in sys.modules\n"
        "theirs = [sorted(e.key for e in S._within(w, 'en-US', lexicon(), 1)) for w in words]\n"
        "from rapidfuzz.distance import OSA\n"
        "assert dist == [OSA.distance(a, b) for a, b in pairs]\n"
        "assert mine == theirs, (mine, theirs)\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.stdout.strip() == "ok", done.stderr
