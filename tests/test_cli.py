"""The command line through click's runner: every command, JSON outputs, errors and exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import EXAMPLES, REPO, SEEDS, needs_seeds

from derek.cli import main


def run(runner, *args, input=None):
    return runner.invoke(main, list(args), input=input, catch_exceptions=False)


@needs_seeds()
def test_cli_ingest_search_stats_docs(runner, tmp_path):
    db = str(tmp_path / "kb.db")
    r = run(runner, "ingest", str(SEEDS), "--db", db)
    assert r.exit_code == 0 and "5 added" in r.output
    r = run(runner, "ingest", str(SEEDS / "*.txt"), "--db", db, "--json")
    assert [json.loads(line)["status"] for line in r.output.splitlines()] == ["unchanged"] * 5
    r = run(runner, "search", "БҰҰ-ның", "--db", db, "--json", "--limit", "3")
    hits = [json.loads(line) for line in r.output.splitlines()]
    assert len(hits) == 3 and all({"doc", "start", "end", "text", "score"} <= h.keys() for h in hits)
    stats = json.loads(run(runner, "stats", "--db", db, "--json").output)
    assert stats["documents"] == 5 and stats["sentences"] > 100
    docs = [json.loads(line) for line in run(runner, "docs", "--db", db, "--json").output.splitlines()]
    assert {d["format"] for d in docs} == {"txt"} and all(len(d["sha256"]) == 64 for d in docs)


def test_cli_ingest_reports_failures_and_goes_on(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Қазақстан БҰҰ-ға мүше болды.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02\x03" * 50)
    r = runner.invoke(main, ["ingest", str(bad), str(good), str(tmp_path / "missing.txt"), "--db", str(tmp_path / "k.db")])
    assert r.exit_code == 1
    assert "bad.txt: binary file" in r.output and "missing.txt: no such file" in r.output
    assert "1 added" in r.output


def test_cli_error_on_foreign_database(runner, tmp_path):
    db = tmp_path / "x.db"
    db.write_text("not sqlite", encoding="utf-8")
    r = runner.invoke(main, ["stats", "--db", str(db)])
    assert r.exit_code == 1 and "x.db: not a derek database" in r.output
    assert db.read_text(encoding="utf-8") == "not sqlite"


def test_cli_analyze_json_contract_from_stdin(runner):
    text = "Қазақстан\r\nБҰҰ-ға 1992 жылы мүше болды."
    r = runner.invoke(main, ["analyze", "--json"], input=text.encode("utf-8"))
    data = json.loads(r.output)
    assert data["text_length"] == len(text)
    for key in ("sentences", "tokens"):
        assert isinstance(data[key], list)
    for tok in data["tokens"]:
        assert text[tok["start"] : tok["end"]] == tok["text"]


def test_cli_analyze_files(runner, tmp_path):
    a = tmp_path / "a.md"
    a.write_text("# Тақырып\n\nТМД-ның жарғысы.", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Екінші құжат.", encoding="utf-8")
    r = run(runner, "analyze", str(a), str(b), "--json")
    assert [json.loads(line)["text_length"] for line in r.output.splitlines()] == [len(a.read_text()), 13]


def test_cli_search_on_missing_db(runner, tmp_path):
    r = runner.invoke(main, ["search", "БҰҰ", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 1 and "no such knowledge base" in r.output


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="sample corpus not present")
def test_cli_demo_ingests_sample_corpus(runner, tmp_path):
    r = run(runner, "demo", "--db", str(tmp_path / "demo.db"))
    assert r.exit_code == 0, r.output
    assert "failed" not in r.output and "derek search" in r.output
    assert "дереккөздер келіспейді: 2009" in r.output  # the Georgia answer shows the other side


def test_cli_python_dash_m_and_help():
    out = subprocess.run([sys.executable, "-m", "derek", "--help"], capture_output=True, text=True, check=True)
    assert "ingest" in out.stdout


def test_cli_every_command_has_help_and_is_in_readme(runner):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert command.help, name
        assert re.search(rf"derek {name}\b", readme), f"`derek {name}` missing from README"
        assert run(runner, name, "--help").exit_code == 0


def test_cli_document_text_with_markup_prints_as_text(runner, tmp_path):
    doc = tmp_path / "[b]брекет.txt"  # also a glob pattern: the existing file wins
    doc.write_text("Қазақстан [/b] 1992 жылғы 2 наурызда БҰҰ-ға мүше болды [bold].", encoding="utf-8")
    db = str(tmp_path / "k.db")
    assert run(runner, "ingest", str(doc), "--db", db).exit_code == 0
    out = run(runner, "search", "БҰҰ", "--db", db)
    assert "[/b]" in out.output and "[bold]" in out.output
    for args in (["facts"], ["entity", "БҰҰ"], ["timeline"], ["conflicts"], ["docs"],
                 ["ask", "Қазақстан БҰҰ-ға қашан мүше болды?"]):
        assert run(runner, *args, "--db", db).exit_code == 0, args
