"""``greendesk evidence list | supply``: output, exit statuses, nothing half-saved."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from greendesk.cli import main
from greendesk.services import auth
from greendesk.store.database import open_database

YUMEN = "GS-YM-2026-001"  # 100 MW "光热+" project, 2019:3.2.2, three approvals missing


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo portfolio seeded once through the CLI; each test works on its own copy."""
    path = tmp_path_factory.mktemp("seeded") / "desk.db"
    assert main(["seed", "--db", f"sqlite:///{path}"]) == 0
    db = open_database(f"sqlite:///{path}")
    try:
        auth.ensure_demo_users(db)
    finally:
        db.dispose()
    return path


@pytest.fixture
def desk(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("GREENDESK_DB", raising=False)
    monkeypatch.setenv("GREENDESK_PASSWORD", auth.DEMO_PASSWORD)
    target = tmp_path / "desk.db"
    source, copy = sqlite3.connect(template), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return f"sqlite:///{target}"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse's usage errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _listing(capsys: pytest.CaptureFixture[str], desk: str) -> dict[str, object]:
    code, out, err = _run(capsys, "evidence", "list", YUMEN, "--json", "--db", desk)
    assert code == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def _supply(desk: str, item: str, *args: str) -> list[str]:
    return ["evidence", "supply", YUMEN, "--item", item, *args, "--as", "officer", "--db", desk]


def _document(scan: Path, kind: str, *extra: str) -> list[str]:
    return ["--document", str(scan), "--kind", kind, "--date", "2026-01-10",
            "--issuer", "玉门市发展和改革局", *extra]  # fmt: skip


def test_list_then_supply_every_document_until_nothing_is_missing(
    capsys: pytest.CaptureFixture[str], desk: str, tmp_path: Path
) -> None:
    code, out, _ = _run(capsys, "evidence", "list", YUMEN, "--db", desk)
    assert code == 0
    assert "3 missing item(s)" in out and "document of kind grid_connection_approval" in out
    missing = _listing(capsys, desk)["missing"]
    assert isinstance(missing, list)
    kinds = [m["kind"] for m in missing]
    assert kinds == ["project_approval", "grid_connection_approval",
                     "environmental_impact_approval"]  # fmt: skip
    scan = tmp_path / "approval.pdf"
    scan.write_bytes(b"%PDF-1.4\n")
    for kind in kinds:
        code, out, err = _run(
            capsys,
            *_supply(
                desk, f"evidence.{kind}", *_document(scan, kind, "--reference", "玉发改〔2026〕3号")
            ),
        )
        assert code == 0, err
        assert f"evidence.{kind} satisfied; class green" in out
    data = _listing(capsys, desk)
    assert data["class"] == "green" and data["missing"] == []
    documents = data["documents"]
    assert isinstance(documents, list) and len(documents) == 3
    assert documents[0]["reference"] == "玉发改〔2026〕3号"
    assert documents[0]["issuer"] == "玉门市发展和改革局"
    code, out, _ = _run(capsys, "evidence", "list", YUMEN, "--db", desk)
    assert "no missing evidence" in out and "documents on file:" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--value", "3"], "is supplied by a document"),
        (
            [
                "--kind",
                "project_approval",
                "--date",
                "2026-01-10",
                "--issuer",
                "x",
                "--document",
                "/nonexistent.pdf",
            ],
            "document: no such file",
        ),
        (
            [
                "--kind",
                "project_approval",
                "--date",
                "2099-01-10",
                "--issuer",
                "x",
                "--document",
                "SCAN",
            ],
            "date: in the future",
        ),
        (
            [
                "--kind",
                "project_approval",
                "--date",
                "10.1.2026",
                "--issuer",
                "x",
                "--document",
                "SCAN",
            ],
            "date: not a date",
        ),
        (
            [
                "--kind",
                "project_approval",
                "--date",
                "2026-01-10",
                "--issuer",
                "\x07bell",
                "--document",
                "SCAN",
            ],
            "issuer: contains the control character U+0007",
        ),
        (
            ["--kind", "project_approval", "--date", "2026-01-10", "--document", "SCAN"],
            "issuer: required",
        ),
        (
            [
                "--kind",
                "grid_connection_approval",
                "--date",
                "2026-01-10",
                "--issuer",
                "x",
                "--document",
                "SCAN",
            ],
            "needs a document of kind project_approval",
        ),
        (["--value", "3", "--kind", "project_approval"], "are for documents"),
    ],
)
def test_hostile_supplies_exit_2_and_save_nothing(
    capsys: pytest.CaptureFixture[str],
    desk: str,
    tmp_path: Path,
    args: list[str],
    message: str,
) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n")
    before = _listing(capsys, desk)
    args = [str(scan) if a == "SCAN" else a for a in args]
    code, out, err = _run(capsys, *_supply(desk, "evidence.project_approval", *args))
    assert code == 2
    assert message in err
    assert "Traceback" not in err + out
    assert _listing(capsys, desk) == before
    assert not (tmp_path / "desk.db.files" / "evidence").exists() or not any(
        (tmp_path / "desk.db.files" / "evidence").iterdir()
    )


@pytest.mark.parametrize(
    "args",
    [
        ["evidence", "supply", YUMEN, "--item", "evidence.project_approval", "--as", "officer"],
        [
            "evidence",
            "supply",
            YUMEN,
            "--item",
            "x",
            "--value",
            "1",
            "--document",
            "f",
            "--as",
            "officer",
        ],
        ["evidence", "supply", YUMEN, "--value", "1", "--as", "officer"],
        ["evidence", "list"],
    ],
)
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], desk: str, args: list[str]
) -> None:
    code, _, err = _run(capsys, *args, "--db", desk)
    assert code == 2
    assert "Traceback" not in err


def test_unknown_reference_and_item_exit_2(capsys: pytest.CaptureFixture[str], desk: str) -> None:
    code, _, err = _run(capsys, "evidence", "list", "NO-SUCH-REF", "--db", desk)
    assert code == 2 and "no loan with reference" in err
    code, _, err = _run(capsys, *_supply(desk, "green.criterion.none", "--value", "20"))
    assert code == 2 and "is not missing for loan GS-YM-2026-001" in err


def test_a_reviewer_is_refused(
    capsys: pytest.CaptureFixture[str], desk: str, tmp_path: Path
) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n")
    args = ["evidence", "supply", YUMEN, "--item", "evidence.project_approval",
            *_document(scan, "project_approval"), "--as", "reviewer1", "--db", desk]  # fmt: skip
    before = _listing(capsys, desk)
    code, _, err = _run(capsys, *args)
    assert code == 2 and err.strip()
    assert _listing(capsys, desk) == before


def test_withdraw_a_document_from_the_command_line(
    capsys: pytest.CaptureFixture[str], desk: str, tmp_path: Path
) -> None:
    """Yumen is under review: its officer may still withdraw; a reviewer may not."""
    scan = tmp_path / "approval.pdf"
    scan.write_bytes(b"%PDF-1.4\n% approval\n")
    code, _out, err = _run(
        capsys, *_supply(desk, "evidence.project_approval", *_document(scan, "project_approval"))
    )
    assert code == 0, err
    documents = _listing(capsys, desk)["documents"]
    assert isinstance(documents, list)
    [doc] = documents
    folder = tmp_path / "desk.db.files" / "evidence"
    assert len(list(folder.iterdir())) == 1
    base = ["evidence", "withdraw", YUMEN, "--document", str(doc["id"]), "--db", desk]
    code, out, err = _run(capsys, *base, "--as", "reviewer1")
    assert code == 2 and "reviewer1 (reviewer) may not withdraw" in err
    assert "Traceback" not in err + out
    for bad in ("1_0", "1.5", "x", "-1", "99999999999999999999999"):
        code, out, err = _run(capsys, *base[:4], bad, *base[5:], "--as", "officer")
        assert code == 2 and "document" in err, (bad, err)
        assert "Traceback" not in err + out
    assert len(_listing(capsys, desk)["documents"]) == 1  # type: ignore[arg-type]
    code, out, err = _run(capsys, *base, "--as", "officer", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["withdrawn"] == doc["id"] and data["file_removed"] is True
    assert data["documents"] == []
    assert "evidence.project_approval" in [m["id"] for m in data["missing"]]
    assert list(folder.iterdir()) == []
    code, out, err = _run(capsys, *base, "--as", "officer")  # twice: it is gone
    assert code == 2 and f"document {doc['id']} does not exist" in err
