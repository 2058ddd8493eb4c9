"""Text messages, chat logs and e-mail headers set as their own lines.

Fanfiction shows a phone screen as a line with a sender label: ``Dad: good luck kiddo!!!``,
``**@solace_official:** on my way``, ``[MSG — K. VOSS — 14:22] need to know by tmrw``,
``**Subject:** are you ok???``. The words after the label are a character's, written in
the register of texting (no capitals, doubled marks, text-speak), so they count as
dialogue: narration rules and the tense of the narration leave them alone.
"""

from __future__ import annotations

from proselint_fic.document.structure import Span
from proselint_fic.patterns import lazy

# A label opens the line: one to four capitalised words or a handle, bold or not, then a
# colon and a space; or a bracketed header. Bounded, so a long line costs nothing extra.
_LABEL = lazy(
    r"""(?x)
    (?:
        (?P<mark>\*\*|__|\*|_)?
        (?: @[\w.]{1,30}
          | \p{Lu}[\p{L}\p{N}.'’-]{0,20}(?:[ ](?:\p{Lu}|\p{N})[\p{L}\p{N}.'’-]{0,20}){0,3}
        )
        (?: (?P=mark): | :(?P=mark) | (?(mark)(?!)|:) )
      | \[[^\]\n]{1,80}\]
    )
    [ \t]+(?=\S)
    """
)
# "Chapter 3: The Fall" and "Part Two: Home" are headings, not messages.
_HEADINGS = frozenset({"chapter", "part", "book", "act", "scene", "prologue", "epilogue"})


def find_messages(text: str, paragraphs: tuple[Span, ...]) -> tuple[Span, ...]:
    """The message bodies of one-line paragraphs that open with a sender label."""
    found: list[Span] = []
    for start, end in paragraphs:
        if text.find("\n", start, end) >= 0:
            continue  # a message is one line; hard-wrapped narration is not one
        label = _LABEL.match(text, start, end)
        if label is None or _is_heading(label.group()):
            continue
        found.append(Span(label.end(), end))
    return tuple(found)


def _is_heading(label: str) -> bool:
    first = label.strip("*_[ ").split(" ", 1)[0].rstrip(":*_").lower()
    return first in _HEADINGS
