"""Shared test set-up: the ``slow`` marker and the repository root."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: builds environments or runs long inputs (deselect with -m 'not slow')"
    )


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The checkout under test (the folder holding ``pyproject.toml``)."""
    return REPO_ROOT
