"""Generated chapters for the parallel-run test and benchmark: varied sentences, some slips."""

from __future__ import annotations

import random
from pathlib import Path

_SENTENCES = (
    "She walked to the window and looked out at the rain.",
    "He said nothing for a long time.",
    "The house was quiet when they came back.",
    "“Where were you?” she asked.",
    "“Out,” he said, and shrugged.",
    "They sat by the fire until the logs burned down.",
    "The letter lay on the table, unopened.",
    "Morning came grey and cold over the hills.",
    "Nobody in the village remembered the old mill.",
    "She folded the map and put it in her pocket.",
)
# Each holds a slip a default rule reports, so the outputs compared are not empty.
_SLIPS = (
    "And then.he came back to the door.",
    "She recieved the parcel at noon.",
    "It was was late when they left.",
    "He waited .. and waited.",
    "Their going to the market tomorrow.",
)


def chapter(seed: int, paragraphs: int = 12) -> str:
    """One chapter: ``paragraphs`` paragraphs of shuffled sentences, a slip now and then."""
    chooser = random.Random(seed)
    lines: list[str] = [f"# Chapter {seed + 1}", ""]
    for _ in range(paragraphs):
        sentences = chooser.sample(_SENTENCES, k=5)
        if chooser.random() < 0.4:
            sentences.insert(chooser.randrange(len(sentences) + 1), chooser.choice(_SLIPS))
        lines.extend([" ".join(sentences), ""])
    return "\n".join(lines)


def write_chapters(folder: Path, count: int = 200, paragraphs: int = 12) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for number in range(count):
        path = folder / f"chapter-{number:03d}.md"
        path.write_text(chapter(number, paragraphs), encoding="utf-8")
        written.append(path)
    return written
