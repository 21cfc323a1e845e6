"""The ids of the rule catalogue, as a type.

``tests/python/test_rules.py`` fails when this list differs from the Rust
registry (``gangmu.rules()``), so the type cannot drift from the linter.
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = ["RULE_IDS", "RuleId"]

RuleId = Literal[
    "CITE001",
    "CITE002",
    "DATE001",
    "DATE002",
    "DATE003",
    "DOCNO001",
    "DOCNO002",
    "ELEM001",
    "ELEM002",
    "ELEM003",
    "ELEM004",
    "ELEM005",
    "ELEM006",
    "ELEM007",
    "ELEM008",
    "ELEM009",
    "ENUM001",
    "ENUM002",
    "ENUM003",
    "ENUM004",
    "HDR001",
    "HDR002",
    "HDR003",
    "HDR004",
    "HDR005",
    "HDR006",
    "HDR007",
    "HDR008",
    "NUM001",
    "NUM002",
    "NUM003",
    "PAIR001",
    "PAIR002",
    "PH001",
    "PUNC001",
    "PUNC002",
    "PUNC003",
    "PUNC004",
    "PUNC005",
    "REG001",
    "REG002",
    "REG003",
    "REG004",
    "SEQ001",
    "SEQ002",
    "SEQ003",
    "SEQ004",
    "SEQ005",
    "SEQ006",
    "SEQ007",
    "SEQ008",
    "TITLE001",
    "TITLE002",
    "TITLE003",
    "TITLE004",
    "W001",
    "W002",
    "W003",
]
"""A rule id of the catalogue (``docs/`` has one page per rule)."""

RULE_IDS: tuple[RuleId, ...] = get_args(RuleId)
"""Every rule id, sorted."""
