"""Narrative tense slips: a scene-level tense model that leaves dialogue, flashbacks and
backstory alone.

``rules()`` returns the three rules (``tense.slip``, ``tense.mixed-scene`` and the
off-by-default ``tense.weak-slip``); all three read one shared analysis per document.
"""

from __future__ import annotations

from proselint_fic.checks.tense.rules import TenseRule, rules

__all__ = ["TenseRule", "rules"]
