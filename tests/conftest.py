"""Shared fixtures: the repository root, the bundled sample, and small fixture files."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def sample_path() -> Path:
    return ROOT / "data" / "sample.md"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
