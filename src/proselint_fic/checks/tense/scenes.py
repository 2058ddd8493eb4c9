"""The factory of the tense analysis that an editor's re-lint keeps scene by scene.

A module of its own, with nothing to import, so that every rule reading scene tenses can
name the same factory (proselint_fic.incremental makes one analysis per factory) without
loading the tense model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from proselint_fic.checks.tense.incremental import SceneTense


def scene_tense() -> SceneTense:
    from proselint_fic.checks.tense.incremental import SceneTense

    return SceneTense()
