"""Closed word classes the tense heuristics lean on (function words, not a verb table)."""

from __future__ import annotations

from typing import Literal

Person = Literal["1s", "3s", "pl"]


def wordset(text: str) -> frozenset[str]:
    """A set of space-separated words (keeps long closed classes readable)."""
    return frozenset(text.split())


SUBJECT_PRONOUNS: dict[str, Person] = {
    "i": "1s",
    "you": "pl",
    "he": "3s",
    "she": "3s",
    "it": "3s",
    "we": "pl",
    "they": "pl",
}
INDEFINITES = wordset(
    "someone somebody something everyone everybody everything nobody nothing anyone "
    "anybody anything"
)
# Indefinites that stand for someone in the scene ("Nobody answers", "Somebody knocks")
# when their verb is an action; with a verb of state they make a general statement
# ("Nobody likes a liar"). "Something" too ("something flashed"), but not before a form
# that is also an adjective ("something ragged and awful").
SCENE_INDEFINITES = wordset("someone somebody nobody something")
STATIVE = wordset(
    "be have know like love hate want need care believe understand mean matter own deserve "
    "seem belong prefer trust doubt wish hope expect cost"
)
DEMONSTRATIVES = wordset("this that there here")

# A pronoun fused with its verb: person, tense ("present", or "" for the ambiguous 'd,
# which is had or would), and the auxiliary's lemma.
CONTRACTIONS: dict[str, tuple[Person, str, str]] = {}
for _pronoun, _person in {**SUBJECT_PRONOUNS, "that": "3s", "there": "3s", "here": "3s"}.items():
    _be = {"1s": "'m", "3s": "'s", "pl": "'re"}[_person]
    CONTRACTIONS[_pronoun + _be] = (_person, "present", "be")
    CONTRACTIONS[_pronoun + "'ve"] = (_person, "present", "have")
    CONTRACTIONS[_pronoun + "'ll"] = (_person, "present", "will")
    CONTRACTIONS[_pronoun + "'d"] = (_person, "", "have")
for _pronoun in INDEFINITES | {"who", "what", "where", "how"}:
    CONTRACTIONS[_pronoun + "'s"] = ("3s", "present", "be")
    CONTRACTIONS[_pronoun + "'d"] = ("3s", "", "have")

DETERMINERS = wordset(
    "the a an his her their its my your our this that these those every each no another some any"
)
PREPOSITIONS = wordset(
    "of in on at from with by for to into onto over under behind beside between across "
    "through around near inside outside beyond above below against along among toward "
    "towards upon within without about after before like than past"
)
# Prepositions that may continue a subject noun phrase ("the ache in his knee").
NOUN_PHRASE_PREPOSITIONS = wordset(
    "of in on at from to behind beside across under over near inside outside beyond above below"
)
# A word after which a pronoun is an object, not a subject ("let it go", "made you wait").
OBJECT_MARKERS = PREPOSITIONS | wordset("let made make makes watched watch saw")

COORDINATORS = wordset("and but or then yet nor")
# Words after which a new clause may begin.
CLAUSE_OPENERS = COORDINATORS | wordset(
    "so now still instead finally suddenly there here meanwhile later soon anyway again "
    "maybe perhaps somehow besides also then just only even eventually afterwards afterward "
    "thus hence otherwise nonetheless nevertheless luckily yes no oh god well"
)
SUBORDINATORS = wordset(
    "when whenever while whilst as because since if unless until till though although "
    "whereas whether where wherever once before after that which who whom whose what why "
    "how like than lest"
)
# Adverbs of place and time that can open a clause before its subject ("Somewhere a dog
# barks").
FRONTED_ADVERBS = wordset(
    "somewhere elsewhere nearby overhead outside inside downstairs upstairs everywhere "
    "today tonight tomorrow afterwards"
)
# A fronted phrase of time ("at some point she", "after a while he", "at last they"):
# a preposition, then an indefinite determiner and a time noun, or a bare time word.
# Forms the verb tables list that fiction nearly always uses as something else: "the
# docking fees", "its lights long dead" ("she longed for" keeps "longed").
RARELY_VERBS = wordset("fee fees long")
# Prepositions of place that a participle takes ("a card tucked underneath it").
PLACE_PREPOSITIONS = wordset(
    "in into inside on onto under underneath beneath below over above behind beside "
    "against between around across along through"
)
TIME_PREPOSITIONS = wordset("at in after for by within on during")
TIME_NOUNS = wordset(
    "point moment while minute second instant hour time night morning evening afternoon day week"
)
BARE_TIMES = wordset("last once first dawn dusk noon midnight sunrise sunset length night")
BOUNDARY_PUNCTUATION = wordset(", ; : — – ( ) [ ]")

# Words allowed between a subject and its verb ("she just left", "they all went").
GAP_WORDS = wordset(
    "just then finally only still also even really already almost nearly suddenly slowly "
    "quickly quietly carefully barely hardly simply actually always never often sometimes "
    "usually again all both each immediately instantly abruptly gently softly briefly merely "
    "certainly probably definitely clearly obviously absolutely completely silently "
    "instead once first last soon somehow not rather"
)
HABITUAL = wordset("always never usually often sometimes rarely seldom whenever")
# "every"/"each" make a habit only before a stretch of time ("every morning", not
# "every chair").
PERIODS = wordset(
    "time times morning mornings night nights day days evening evenings afternoon week "
    "weekend month year summer winter spring autumn fall monday tuesday wednesday thursday "
    "friday saturday sunday christmas birthday visit shift"
)
# Adjectives that never end a noun phrase on their own, so a past form after them is a
# participle before the noun ("a small cracked sound", "the big painted sign"), not the
# verb of a subject. Words like "cold", "dark" or "quiet" are left out: "the cold bit".
ADJECTIVES = wordset(
    "big small little large huge tiny tall short long wide narrow thick thin heavy pale "
    "bright soft loud slow quick hot warm empty full sharp dull smooth rough strange odd "
    "faint great lovely ugly pretty shiny rusty dusty battered lopsided crooked old young new"
)
# Verbs of position and appearance that come before their subject after a fronted place
# ("On the hill stands a house", "Down the lane came a cart").
INVERSION_VERBS = wordset("stand sit lie hang loom rise stretch wait lurk perch sprawl come")
# Counting words: a form straight after one is a noun ("for about four seconds").
NUMBERS = wordset(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty hundred thousand few several many"
)
# Verbs of perception that take "like" ("the house looks like a barn"), where "like" shows
# the form before it is the verb rather than a noun ("the good looks of").
LIKE_VERBS = wordset("look sound feel smell taste seem")
MODALS_ANY = wordset(
    "can could will would shall should may might must 'd can't couldn't won't wouldn't "
    "shouldn't mightn't mustn't"
)
COPULAS = wordset("be seem look feel become get remain stay grow appear sound turn go")

# Verbs that report or recall: what follows them is their content, whose tense belongs to
# the reported event ("she remembers how he laughed").
REPORTING = wordset(
    "say tell know think remember realize realise recall learn hear wonder promise admit "
    "explain swear ask decide believe hope wish fear mean forget guess figure suppose "
    "imagine dream write claim insist mention confess agree suspect understand recognize "
    "recognise discover notice see feel read show prove pretend assume doubt regret "
    "reply answer warn"
)

# Capitalised words that are not names when they start a sentence.
NOT_NAMES = (
    DETERMINERS
    | PREPOSITIONS
    | CLAUSE_OPENERS
    | SUBORDINATORS
    | GAP_WORDS
    | INDEFINITES
    | DEMONSTRATIVES
    | frozenset(SUBJECT_PRONOUNS)
    | wordset(
        "him her them me us mine yours hers ours theirs not yes no okay ok please sorry hey "
        "up down out off away back aside apart together forward other such many few several "
        "most all both half either neither same own next last first "
        "mr mrs ms dr miss sir madam lady lord captain king queen prince princess monday "
        "tuesday wednesday thursday friday saturday sunday january february march april "
        "june july august september october november december chapter part"
    )
)
# Titles that may open a name ("Captain Orla", "Dr. Amos Reed").
TITLES = wordset(
    "mr mrs ms dr prof st miss sir madam lady lord captain king queen prince princess aunt "
    "uncle professor general commander officer detective sergeant father mother sister "
    "brother saint"
)

# Words that follow a verb but rarely a plural noun, used to tell "and hands her the cup"
# (verb) from "the fits and starts" (noun).
VERB_FOLLOWERS = DETERMINERS | wordset(
    "him her them me us it you up down out off back away over into onto in on at to "
    "toward towards through around across along behind forward aside apart together "
    "herself himself themselves myself yourself itself ourselves"
)
# After a form that is also a noun, these show it is a verb: "hands her the cup" (but not
# "his", which could start the next noun phrase of a list).
OBJECT_LIKE = (DETERMINERS - wordset("her his its their my your our")) | wordset(
    "him her them me us it you up down out off back away aside apart together forward "
    "herself himself themselves myself yourself itself ourselves"
)
# Conjunctions (not prepositions: "after dinner," is no clause) that open a subordinate
# clause even when commas separate them from its subject.
CONJUNCTIONS = wordset("because although though if unless whereas whether when while whenever")
# Words that open a clause whose verb a chain of verbs must not skip over.
CLAUSE_BREAKS = (SUBORDINATORS - wordset("than like as how what why once")) | {";", ":"}
