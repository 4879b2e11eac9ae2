"""Running benchmarks for the accuracy report: one failure must not cost the rest."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from dateline.errors import InputError
from dateline.evaluate import benchmarks
from dateline.evaluate.benchmarks import BenchmarkResult, run_benchmarks

MAKE_ACCURACY = Path(__file__).resolve().parents[2] / "bench" / "make_accuracy.py"


def make_accuracy() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_accuracy", MAKE_ACCURACY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fake_runners(monkeypatch: pytest.MonkeyPatch) -> None:
    """conllpp scores, newswcl50 cannot find its corpus."""

    def good(limit: int | None) -> BenchmarkResult:
        result = BenchmarkResult("conllpp", "CoNLL++ test, named entities", articles=3)
        result.scores = {"dateline": {"PER F1": 0.9}, "spaCy NER": {"PER F1": 0.8}}
        return result

    def broken(limit: int | None) -> BenchmarkResult:
        raise InputError("newswcl50.jsonl", "benchmark corpus not found")

    runners = {"conllpp": good, "newswcl50": broken}
    monkeypatch.setattr(benchmarks, "BENCHMARKS", tuple(runners))
    monkeypatch.setattr(benchmarks, "_MODULES", {name: name for name in runners})
    monkeypatch.setattr(benchmarks, "runner", lambda name: runners[name])


def test_every_clustering_benchmark_is_registered() -> None:
    assert {"newswcl50", "meantime-en", "dev"} <= set(benchmarks.BENCHMARKS)
    assert callable(benchmarks.runner("meantime-en"))


def test_unknown_benchmark_names_the_choices() -> None:
    with pytest.raises(InputError, match="newswcl50"):
        run_benchmarks("wcl50")


def test_failing_benchmark_raises_unless_asked_to_keep_going(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake_runners(monkeypatch)
    with pytest.raises(InputError):
        run_benchmarks("all")
    results = run_benchmarks("all", keep_going=True)
    assert [r.name for r in results] == ["conllpp", "newswcl50"]
    assert results[0].error is None and results[0].scores["dateline"]["PER F1"] == 0.9
    assert results[1].error is not None and "corpus not found" in results[1].error
    assert results[1].as_dict()["error"] == results[1].error


def test_accuracy_table_keeps_the_failed_row_and_its_reason(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake_runners(monkeypatch)
    module = make_accuracy()
    output = tmp_path / "ACCURACY.md"
    status = module.main(["--limit", "3", "--output", str(output)])
    text = output.read_text(encoding="utf-8")
    assert status == 1
    assert "| conllpp | 3 | PER F1 | 90.0 | 80.0 |" in text
    assert "| newswcl50 | 0 | FAILED, see notes |" in text
    assert "newswcl50: FAILED: InputError" in text
    assert "- Commit: " in text and "- Date: " in text
