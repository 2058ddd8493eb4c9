"""Installed plugins, found without importing ``importlib.metadata`` when there are none.

``importlib.metadata`` brings in ``email``, ``zipfile``, ``csv`` and more: about 30 ms, a
tenth of what a pre-commit hook spends on a chapter. Most writers install no plugin, so
the folders on ``sys.path`` are scanned first for a distribution (other than this one)
whose ``entry_points.txt`` names the plugin group; only when one does, or when the scan
cannot be sure (a zip file on the path, an import hook that provides distributions), is
``importlib.metadata`` asked, and it decides which plugins load.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from importlib.machinery import PathFinder
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

_OWN_DISTRIBUTION = "proselint_fic-"
_METADATA_FOLDERS = (".dist-info", ".egg-info")


def plugin_entry_points(group: str) -> list[EntryPoint]:
    """The installed entry points of ``group`` (this package's own included)."""
    if not _may_have_plugins(group):
        return []
    import importlib.metadata

    return list(importlib.metadata.entry_points(group=group))


def _may_have_plugins(group: str) -> bool:
    """False only when every place a distribution could come from was read and none other
    than this package declares ``group``."""
    if any(_provides_distributions(finder) for finder in sys.meta_path):
        return True
    header = f"[{group}]"
    for folder in sys.path:
        try:
            for metadata in _metadata_folders(folder or "."):
                if header in _entry_points_text(metadata):
                    return True
        except NotADirectoryError:
            return True  # a zip file on the path: let importlib.metadata read it
        except OSError:
            continue  # a path entry that does not exist
    return False


def _provides_distributions(finder: object) -> bool:
    return finder is not PathFinder and hasattr(finder, "find_distributions")


def _metadata_folders(folder: str) -> Iterator[str]:
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if name.endswith(_METADATA_FOLDERS) and not name.startswith(_OWN_DISTRIBUTION):
                yield entry.path


def _entry_points_text(metadata: str) -> str:
    try:
        return (Path(metadata) / "entry_points.txt").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
