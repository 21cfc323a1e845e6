"""The validator side: lint, fix, rules, Config, ConfigError.

The rule implementations live on another branch; until they are merged the
catalogue is empty. Tests here check types and shapes on input known to be
wrong, and exact findings only where they do not depend on the rules.
"""

from __future__ import annotations

import typing

import gangmu
import pytest
from gangmu import _native

WRONG = "一.总则\n(一)目的\n"
"""HDR001 (一. for 一、) and HDR004 (half-width brackets) by CONVENTIONS.md §6."""

SEVERITIES = {"error", "warning", "info"}


def check_diagnostic(d: gangmu.Diagnostic, text: str) -> None:
    assert isinstance(d, gangmu.Diagnostic)
    assert isinstance(d.rule, str) and d.rule
    assert isinstance(d.name, str)
    assert d.severity in SEVERITIES
    assert isinstance(d.message, str) and isinstance(d.message_en, str)
    assert 0 <= d.start <= d.end <= len(text)
    assert d.byte_start == len(text[: d.start].encode())
    assert d.byte_end == len(text[: d.end].encode())
    assert d.line == text.count("\n", 0, d.start) + 1
    assert d.column == d.start - (text.rfind("\n", 0, d.start) + 1) + 1
    if d.fix is not None:
        assert isinstance(d.fix.safe, bool)
        for e in d.fix.edits:
            assert 0 <= e.start <= e.end <= len(text) and isinstance(e.replacement, str)


def test_rule_id_literal_matches_the_rust_registry() -> None:
    registry = [r.id for r in _native.rules()]
    if not registry:
        pytest.skip("the rule registry is empty: the linter is not merged into this build")
    assert sorted(typing.get_args(gangmu.RuleId)) == sorted(registry), (
        "python/gangmu/_rules.py should list exactly the rules of the Rust registry"
    )
    assert tuple(gangmu.RULE_IDS) == typing.get_args(gangmu.RuleId)


def test_rules_describe_the_catalogue() -> None:
    rules = gangmu.rules()
    assert [r.id for r in rules] == sorted(r.id for r in rules), "rules should be in id order"
    assert len({r.id for r in rules}) == len(rules)
    for r in rules:
        assert r.id in gangmu.RULE_IDS
        assert r.name and r.name == r.name.lower()
        assert r.severity in SEVERITIES
        assert isinstance(r.source, str) and r.summary and r.summary_en


def test_rule_ids_are_unique_and_well_formed() -> None:
    ids = gangmu.RULE_IDS
    assert len(set(ids)) == len(ids) and list(ids) == sorted(ids)
    assert all(i.rstrip("0123456789").isupper() and i[-3:].isdigit() for i in ids)


@pytest.mark.parametrize("source", [WRONG, gangmu.parse(WRONG)])
def test_lint_returns_diagnostics_in_text_order(source: str | gangmu.Document) -> None:
    found = gangmu.lint(source)
    assert isinstance(found, list)
    for d in found:
        check_diagnostic(d, WRONG)
        assert d.rule in gangmu.RULE_IDS, f"{d.rule} should be in the catalogue"
        assert d.name in {r.name for r in gangmu.rules()}
    assert [d.start for d in found] == sorted(d.start for d in found)


def test_lint_of_a_document_equals_lint_of_its_text() -> None:
    as_text = [(d.rule, d.start, d.end) for d in gangmu.lint(WRONG)]
    as_doc = [(d.rule, d.start, d.end) for d in gangmu.parse(WRONG).lint()]
    assert as_text == as_doc


def test_selecting_no_rule_finds_nothing() -> None:
    # Holds for any rule implementation: ignoring every family silences the linter.
    families = sorted({i.rstrip("0123456789") for i in gangmu.RULE_IDS})
    assert gangmu.lint(WRONG, config={"ignore": families}) == []
    assert gangmu.lint(WRONG, config=gangmu.Config(ignore=families)) == []


def test_document_lint_uses_the_config_given_to_parse() -> None:
    families = sorted({i.rstrip("0123456789") for i in gangmu.RULE_IDS})
    doc = gangmu.parse(WRONG, config={"ignore": families})
    assert doc.lint() == []


def test_fix_returns_a_str_and_is_idempotent() -> None:
    fixed = gangmu.fix(WRONG)
    assert isinstance(fixed, str)
    assert gangmu.fix(fixed) == fixed, "fix should change nothing the second time"
    unsafe = gangmu.fix(WRONG, unsafe=True)
    assert gangmu.fix(unsafe, unsafe=True) == unsafe
    assert gangmu.fix("") == ""


def test_fix_leaves_a_clean_text_alone() -> None:
    clean = "关于开展检查的通知\n\n一、检查内容\n"
    assert gangmu.fix(clean, config={"ignore": ["W", "TITLE", "PH"]}) == clean or gangmu.rules()


def test_config_round_trips_through_dict() -> None:
    cfg = gangmu.Config(
        select=["SEQ", "HDR"], ignore=["SEQ007"], options={"allow-level-skip": False}
    )
    assert cfg.select == ["SEQ", "HDR"] and cfg.ignore == ["SEQ007"]
    d = cfg.to_dict()
    assert d["options"]["allow-level-skip"] is False
    assert gangmu.Config.from_dict(d) == cfg
    assert gangmu.Config().select is None and gangmu.Config().severity == {}


def test_severity_overrides_are_read() -> None:
    cfg = gangmu.Config(severity={"SEQ007": "error"})
    assert cfg.severity == {"SEQ007": "error"}


@pytest.mark.parametrize(
    ("config", "key"),
    [
        ({"nonsense": 1}, "nonsense"),
        ({"options": {"no-such-option": True}}, "no-such-option"),
        ({"severity": {"SEQ007": "fatal"}}, "fatal"),
    ],
)
def test_bad_configuration_raises_config_error_naming_the_key(config: dict, key: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(gangmu.ConfigError, match=key) as info:
        gangmu.lint("正文。", config=config)
    assert isinstance(info.value, gangmu.GangmuError) and isinstance(info.value, ValueError)
    assert isinstance(info.value.key, str)
    with pytest.raises(gangmu.ConfigError):
        gangmu.Config.from_dict(config)


def test_config_of_the_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="Config or a dict"):
        gangmu.lint("正文。", config=["SEQ"])  # type: ignore[arg-type]


def test_toml_configuration_is_strict() -> None:
    with pytest.raises(gangmu.ConfigError):
        gangmu.Config.from_toml("nonsense = 1\n")
