"""The wheel carries everything GreenDesk needs at run time: data folders and migrations."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from greendesk.paths import DATA_FOLDERS, data_dir
from greendesk.store.migrate import MIGRATIONS_DIR

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout, the way the README's packaging step builds it."""
    build = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "-w", str(build), str(ROOT)],
        capture_output=True, text=True, check=False, cwd=build,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    wheels = list(build.glob("greendesk-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


@pytest.mark.slow
def test_the_wheel_holds_data_folders_and_migrations(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())

    for folder in DATA_FOLDERS:
        source = data_dir(folder)
        files = [p for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        assert files, f"{folder}/ is empty in the checkout"
        for path in files:
            inside = f"greendesk/_data/{folder}/{path.relative_to(source).as_posix()}"
            assert inside in names, f"{inside} missing from the wheel"

    migrations = [
        p for p in MIGRATIONS_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    ]
    assert any(p.parent.name == "versions" and p.suffix == ".py" for p in migrations)
    for path in migrations:
        inside = f"greendesk/store/migrations/{path.relative_to(MIGRATIONS_DIR).as_posix()}"
        assert inside in names, f"{inside} missing from the wheel"
    assert "greendesk/_data/seeds/loans/04-mulei-storage-wind-solar-syndicate.toml" in names


@pytest.mark.slow
def test_an_installed_wheel_migrates_and_seeds_from_its_own_files(
    wheel: Path, tmp_path: Path
) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target",
         str(target), str(wheel)],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )  # fmt: skip
    script = (
        "import greendesk, greendesk.paths as p\n"
        "from greendesk.store.database import open_database\n"
        "from greendesk.services.seeding import seed_demo\n"
        f"db = open_database('sqlite:///{tmp_path / 'w.db'}')\n"
        "r = seed_demo(db)\n"
        "print(greendesk.__file__)\n"
        "print(p.seeds_dir())\n"
        "print(r.loans)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True, text=True, check=False, cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    module, seeds, loans = result.stdout.split()
    assert module.startswith(str(target))
    assert seeds == str(target / "greendesk" / "_data" / "seeds")
    assert int(loans) == len(list((ROOT / "seeds" / "loans").glob("*.toml")))
