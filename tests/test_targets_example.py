"""examples/targets_vs_results.py: the plan's targets beside the next report's results."""

from __future__ import annotations

import runpy
from collections.abc import Callable
from pathlib import Path

import pytest

import govplan

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PLAN = EXAMPLES / "sample_plan.txt"
REPORT = EXAMPLES / "sample_report_2024.txt"


def example_main() -> Callable[[list[str]], int]:
    namespace = runpy.run_path(str(EXAMPLES / "targets_vs_results.py"), run_name="example")
    main: Callable[[list[str]], int] = namespace["main"]
    return main


def lines_of(capsys: pytest.CaptureFixture[str], argv: list[str]) -> list[str]:
    assert example_main()(argv) == 0
    return [" ".join(line.split()) for line in capsys.readouterr().out.splitlines()]


def test_the_sample_report_is_a_whole_document() -> None:
    doc = govplan.parse(REPORT.read_text(encoding="utf-8"))
    assert doc.title == "枫林县农业农村局2023年工作总结和2024年工作思路"
    assert doc.signature is not None


def test_a_target_is_paired_with_its_result(capsys: pytest.CaptureFixture[str]) -> None:
    assert "秋粮播种面积 38万亩以上 38.4万亩 met" in lines_of(capsys, [])


def test_a_result_in_jin_meets_a_target_in_tons(capsys: pytest.CaptureFixture[str]) -> None:
    assert "粮食总产量 不低于21.5万吨 4.36亿斤 (= 218000吨) met" in lines_of(capsys, [])


def test_a_missed_target(capsys: pytest.CaptureFixture[str]) -> None:
    assert "主要农作物耕种收综合机械化率 78%以上 77.6% missed" in lines_of(capsys, [])


def sample_matches() -> tuple[govplan.TargetMatch, ...]:
    return govplan.match_targets(
        govplan.parse(PLAN.read_text(encoding="utf-8")),
        govplan.parse(REPORT.read_text(encoding="utf-8")),
    )


def test_targets_the_report_is_silent_on(capsys: pytest.CaptureFixture[str]) -> None:
    silent = [m for m in sample_matches() if m.outcome is None]
    lines = lines_of(capsys, [])
    assert silent
    assert all(f"{m.indicator} {m.target.text} - -" in lines for m in silent)


def test_no_result_of_another_indicator(capsys: pytest.CaptureFixture[str]) -> None:
    out = "\n".join(lines_of(capsys, []))
    assert "9800吨" not in out  # the old example paired 21.5万吨 of grain with fish


def test_the_summary_counts_every_target(capsys: pytest.CaptureFixture[str]) -> None:
    matches = sample_matches()
    last = lines_of(capsys, [])[-1]
    assert last.startswith(f"{len(matches)} targets: ")


def test_two_files_of_ones_own(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.txt"
    report = tmp_path / "report.txt"
    plan.write_text("二、下半年工作计划\n力争新建公办幼儿园5所。\n", encoding="utf-8-sig")
    report.write_text("一、全年工作总结\n全年新建公办幼儿园6所。\n", encoding="utf-8")
    lines = lines_of(capsys, [str(plan), str(report)])
    assert "公办幼儿园 5所 6所 met" in lines


def test_a_plan_without_targets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("一、总体要求\n", encoding="utf-8")
    assert lines_of(capsys, [str(plan), str(plan)]) == ["no targets found"]


def test_one_file_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert example_main()([str(PLAN)]) == 2
    assert "usage:" in capsys.readouterr().err
