"""Running benchmarks for the accuracy report: one failure must not cost the rest."""

from __future__ import annotations

import copy
import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner
from tests.conftest import gold_records

import dateline_bench
from dateline.cli import main
from dateline.errors import InputError
from dateline.evaluate import benchmarks, score_gold_files
from dateline.evaluate.benchmarks import BenchmarkResult, BenchmarkRun, Metrics, run_benchmarks

MAKE_ACCURACY = Path(__file__).resolve().parents[2] / "bench" / "make_accuracy.py"


def make_accuracy() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_accuracy", MAKE_ACCURACY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fake_runners(monkeypatch: pytest.MonkeyPatch) -> None:
    """conllpp scores, newswcl50 cannot find its corpus."""

    def good(settings: BenchmarkRun) -> BenchmarkResult:
        result = BenchmarkResult("conllpp", "CoNLL++ test, named entities", articles=3)
        result.scores = {"dateline": {"PER F1": 0.9}, "spaCy NER": {"PER F1": 0.8}}
        return result

    def broken(settings: BenchmarkRun) -> BenchmarkResult:
        raise InputError("newswcl50.jsonl", "benchmark corpus not found")

    runners = {"conllpp": good, "newswcl50": broken}
    loaders = {name: (lambda run=run: run) for name, run in runners.items()}
    monkeypatch.setattr(benchmarks, "installed_benchmarks", lambda: loaders)


def test_every_clustering_benchmark_is_registered() -> None:
    assert {"newswcl50", "meantime-en", "dev"} <= set(benchmarks.installed_benchmarks())
    assert callable(benchmarks.installed_benchmarks()["meantime-en"]())


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


def test_without_installed_benchmarks_evaluate_says_how_to_get_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(benchmarks, "installed_benchmarks", dict)
    result = CliRunner().invoke(main, ["evaluate", "--benchmark", "newsquant"])
    assert result.exit_code == 1
    assert "no benchmarks are installed" in result.output and "make eval" in result.output
    assert "Traceback" not in result.output


def test_a_missing_baseline_library_is_a_note_not_a_crash() -> None:
    result = BenchmarkResult("polnear", "PolNeAR")

    def textacy_missing() -> Metrics:
        raise ModuleNotFoundError("No module named 'textacy'", name="textacy")

    dateline_bench.baseline(result, "textacy", textacy_missing)
    assert "textacy" not in result.scores
    assert result.notes == [
        "textacy baseline skipped: textacy is not installed "
        "(pip install 'textacy==0.13.0', or `make test` in the checkout)"
    ]

    def bug() -> Metrics:
        raise ModuleNotFoundError("No module named 'dateline.nowhere'", name="dateline.nowhere")

    with pytest.raises(ModuleNotFoundError):
        dateline_bench.baseline(result, "textacy", bug)


def test_shared_folder_is_explicit_or_beside_the_working_directory_or_checkout(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    work, checkout = tmp_path / "a" / "work", tmp_path / "b" / "checkout"
    work.mkdir(parents=True)
    checkout.mkdir(parents=True)
    monkeypatch.chdir(work)
    monkeypatch.setattr(dateline_bench, "CHECKOUT", checkout)
    monkeypatch.delenv(dateline_bench.SHARED_ENV, raising=False)
    with pytest.raises(InputError) as nowhere:
        dateline_bench.shared_root()
    message = str(nowhere.value)
    assert str(work.parent / "shared") in message and str(checkout.parent / "shared") in message
    assert "--shared PATH" in message and "DATELINE_SHARED" in message
    (checkout.parent / "shared").mkdir()
    assert dateline_bench.shared_root() == checkout.parent / "shared"
    (work.parent / "shared").mkdir()
    assert dateline_bench.shared_root() == work.parent / "shared"
    given = tmp_path / "elsewhere"
    with pytest.raises(InputError, match="given by --shared does not exist"):
        dateline_bench.shared_root(given)
    given.mkdir()
    monkeypatch.setenv(dateline_bench.SHARED_ENV, str(given))
    assert dateline_bench.shared_root() == given
    assert dateline_bench.shared_root(work.parent / "shared") == work.parent / "shared"


def dev_runner(quotes_kept: bool) -> Callable[[BenchmarkRun], BenchmarkResult]:
    """A dev benchmark on the real wires gold; without `quotes_kept`, Trend's quotes are lost."""

    def run(settings: BenchmarkRun) -> BenchmarkResult:
        records = gold_records("wires_dev.jsonl")
        predicted = copy.deepcopy(records)
        for record in predicted:
            if record["meta"]["source"] == "Trend" and not quotes_kept:
                record["quotes"] = []
        files = [("wires_dev.jsonl", records)]
        report, breakdown = score_gold_files(files, lambda _: predicted)
        result = BenchmarkResult("dev", "dev gold", articles=len(records))
        result.scores = {"dateline": {"quotes F1": report.fields["quotes"].f1}}
        result.details["breakdown"] = breakdown.as_dict()
        result.details["published"] = [
            {
                "system": "Someone",
                "citation": "Someone et al., 2024",
                "figures": {"quotes F1": 0.5},
                "note": "their own split",
            }
        ]
        return result

    return run


def test_accuracy_report_gives_the_dev_gold_per_source_and_compares_with_a_baseline(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    module = make_accuracy()
    before = tmp_path / "before.json"
    runs = ((False, ["--json", str(before)]), (True, ["--baseline", str(before)]))
    for quotes_kept, args in runs:
        loaders = {"dev": lambda q=quotes_kept: dev_runner(q)}
        monkeypatch.setattr(benchmarks, "installed_benchmarks", lambda loaders=loaders: loaders)
        output = tmp_path / "ACCURACY.md"
        assert module.main(["--output", str(output), *args]) == 0
    saved = json.loads(before.read_text(encoding="utf-8"))
    assert {g["name"] for g in saved["breakdown"]["sources"]} >= {"Trend", "BelTA"}
    text = output.read_text(encoding="utf-8")
    assert "### Dev gold per source" in text and "| Trend | 2 |" in text
    assert "### Dev gold leave one source out" in text and "| without Trend | 8 |" in text
    assert "How to compare a change with a baseline" in text
    assert "| dev | 10 | quotes F1 |" in text and "50.0 Someone |" in text
    assert "## Published figures (reference rows)" in text and "Someone et al., 2024" in text
    assert "## Compared with the baseline" in text
    assert "| quotes F1 |" in text and "Trend +100.0" in text


def test_a_bad_baseline_fails_before_any_benchmark_runs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran: list[str] = []
    monkeypatch.setattr(benchmarks, "installed_benchmarks", lambda: ran.append("x") or {})
    module = make_accuracy()
    missing = tmp_path / "nowhere.json"
    assert module.main(["--output", str(tmp_path / "A.md"), "--baseline", str(missing)]) == 2
    assert "nowhere.json" in capsys.readouterr().err
    assert not ran


def test_evaluate_prints_the_dev_benchmark_per_source(monkeypatch: pytest.MonkeyPatch) -> None:
    loaders = {"dev": lambda: dev_runner(False)}
    monkeypatch.setattr(benchmarks, "installed_benchmarks", lambda: loaders)
    result = CliRunner().invoke(main, ["evaluate", "--benchmark", "dev"])
    assert result.exit_code == 0, result.output
    assert "per source:" in result.output and "without Trend" in result.output
    assert "published, Someone (Someone et al., 2024): quotes F1 50.0" in result.output
