"""Shared test set-up: the ``slow`` marker and the repository root."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent

# The compiled-pattern cache of every process the tests start goes to a throwaway folder,
# never to the user's cache (tests that study the cache set their own).
os.environ.setdefault(
    "PROSELINT_FIC_CACHE_DIR", tempfile.mkdtemp(prefix="proselint-fic-test-cache-")
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: builds environments or runs long inputs (deselect with -m 'not slow')"
    )


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout under test (the folder holding ``pyproject.toml``)."""
    return REPO_ROOT
