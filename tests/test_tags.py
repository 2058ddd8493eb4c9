"""The part-of-speech layer: the shipped model, its conventions and its accuracy on fiction."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from proselint_fic import bucketed
from proselint_fic.document import tag_model
from proselint_fic.document.tags import MODEL_FILE, split_word, tag_words
from proselint_fic.resources import data_dir

FICTION_SAMPLE = Path(__file__).parent / "data" / "fiction-tags.txt"
VERB_TAGS = {"VBD", "VBZ", "VBP", "VB", "VBN", "VBG", "MD"}


def tags_of(sentence: str) -> dict[str, str]:
    words = sentence.split()
    return dict(zip(words, tag_words(words), strict=True))


def test_finite_verbs_and_their_look_alikes() -> None:
    assert tags_of("She stepped aside .")["stepped"] == "VBD"
    assert tags_of("By noon his feet ache .")["ache"] == "VBP"
    assert tags_of("Mara walks to the door and listens .")["walks"] == "VBZ"
    sky = tags_of("The sky is so big and blue .")
    assert (sky["big"], sky["blue"]) == ("JJ", "JJ")
    assert tags_of("His sticky hands leave marks .")["sticky"] == "JJ"
    assert tags_of("His eyes well with tears .")["eyes"] == "NNS"


def test_contractions_are_cut_as_the_training_data_cuts_them() -> None:
    assert split_word("didn't") == ("did", "n't")
    assert split_word("can't") == ("ca", "n't")
    assert split_word("She’s") == ("She", "’s")
    assert split_word("Bess") == ("Bess",)
    # One tag per word as the linter cuts it: a contraction takes its first part's tag.
    assert tag_words(["They", "didn't", "wait", "."]) == ["PRP", "VBD", "VB", "."]


def test_the_model_is_plain_text_and_loads_without_unpickling() -> None:
    raw = (data_dir() / MODEL_FILE).read_bytes()
    assert not raw.startswith(b"\x80")  # not a pickle stream
    model = tag_model.loads(raw.decode("utf-8"))
    assert {"VBD", "VBZ", "VBP", "VB", "VBN", "VBG", "NN", "NNS", "JJ"} <= set(model.classes)
    assert len(model.weights) > 10_000 and len(model.lexicon) > 1_000
    assert tag_model.loads(tag_model.dumps(model)) == model


def test_a_table_searched_in_the_file_answers_as_the_whole_table_read_at_once() -> None:
    model = tag_model.loads((data_dir() / MODEL_FILE).read_bytes())
    searched = tag_model.loads((data_dir() / MODEL_FILE).read_bytes()).lexicon
    assert isinstance(model.lexicon, tag_model.Table) and isinstance(searched, tag_model.Table)
    whole = model.lexicon.as_dict()
    sample = sorted(whole)[:: max(1, len(whole) // 500)]
    for word in [*sample, "no-such-word", ""]:
        assert searched.get(word) == whole.get(word)
        assert searched.get(word, "-") == whole.get(word, "-")
    assert not searched.read_in_full


def test_the_mapped_file_answers_as_its_bytes_do() -> None:
    mapped = tag_model.read(data_dir() / MODEL_FILE)
    in_memory = tag_model.loads((data_dir() / MODEL_FILE).read_bytes())
    assert mapped.classes == in_memory.classes and mapped.tagdict == in_memory.tagdict
    for feature in ("b", "w the", "w walks", "s3 ing", "no such feature"):
        assert mapped.weights.get(feature) == in_memory.weights.get(feature)
    assert mapped.lexicon == in_memory.lexicon


def test_a_table_reads_every_line_once_searching_would_cost_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(bucketed, "SEARCHES_BEFORE_READING", 3)
    table = tag_model.loads((data_dir() / MODEL_FILE).read_bytes()).weights
    assert isinstance(table, tag_model.Table)
    for feature in ("b", "w the", "w walks", "w nothing-like-this"):
        table.get(feature)
    assert table.read_in_full
    assert table.get("b") is not None and table.get("w nothing-like-this") is None


def test_a_damaged_model_file_is_refused_with_a_reason() -> None:
    text = (data_dir() / MODEL_FILE).read_text(encoding="utf-8")
    with pytest.raises(tag_model.ModelFileError, match="length"):
        tag_model.loads(text[: len(text) // 2])
    with pytest.raises(tag_model.ModelFileError, match="header"):
        tag_model.loads("not json\n" + text.partition("\n")[2])
    broken = tag_model.TagModel(("NN",), {}, {"two\nlines": "0 1.0"}, {})
    with pytest.raises(tag_model.ModelFileError, match="line break"):
        tag_model.dumps(broken)


def test_a_document_that_asks_for_no_tags_never_loads_the_model(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("And then.he came back.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from proselint_fic import Linter\n"
        f"Linter(select=['ellipsis']).lint_file({str(story)!r})\n"
        "tags = sys.modules.get('proselint_fic.document.tags')\n"
        "print(tags is not None and tags.tagger.cache_info().currsize > 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_accuracy_on_a_hand_checked_fiction_sample() -> None:
    """Measured figures (docs/tagger.md): 96.0 % of all tokens and 86.8 % of the tokens
    that are or are taken for verbs. The bounds guard against regressions; the verb figure
    is below the 97 % the tense rules would want, which is why tags only confirm the
    positional reader's verbs and add verbs in sentences where it found none."""
    right = total = verb_right = verb_total = 0
    for line in FICTION_SAMPLE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        pairs = [token.rsplit("/", 1) for token in line.split()]
        words = [word for word, _ in pairs]
        for (_, gold), guess in zip(pairs, tag_words(words), strict=True):
            total += 1
            right += gold == guess
            if gold in VERB_TAGS or guess in VERB_TAGS:
                verb_total += 1
                verb_right += gold == guess
    assert total >= 250 and verb_total >= 40
    assert right / total >= 0.95
    assert verb_right / verb_total >= 0.85


FICTION_VERBS = Path(__file__).parent / "data" / "fiction-verbs.tsv"


def test_accuracy_on_fiction_words_the_tense_rules_ask_about() -> None:
    """248 verb forms and look-alike nouns and adjectives in fiction (docs/tagger.md):
    measured 81.0 % (present tense VBZ 79 %, VBP 57 %; nouns and adjectives 81 %). Far
    below the 97 % the tense rules would want: the bound guards against regressions."""
    from proselint_fic.document.tags import tagger

    right = total = 0
    for line in FICTION_VERBS.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        sentence, index, word, gold, _ = line.split("\t")
        tokens = sentence.split(" ")
        assert tokens[int(index)] == word
        total += 1
        right += tagger().tag(tokens)[int(index)] == gold
    assert total >= 240
    assert right / total >= 0.79
