"""A registration killed (SIGKILL) before each of its file-system steps in turn: the next start finds
the old version or the new one, whole and verified, the active model usable, no leftover folder,
and the job can register again."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.models import registry
from tests.unit.models.helpers import model_folder

CHILD = Path(__file__).with_name("register_child.py")


def register_in_child(kill_at: int, name: str, source: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "LCDREADER_HOME": str(home)}
    return subprocess.run([sys.executable, str(CHILD), str(kill_at), name, str(source)], env=env,
                          capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.parametrize("replacing", [True, False], ids=["replacing the active version", "a new version"])
def test_a_registration_killed_at_every_step_is_rolled_back_or_complete(tmp_path, monkeypatch, replacing):
    old, new = model_folder(tmp_path / "old", b"old weights"), model_folder(tmp_path / "new", b"new weights")
    name = "lab" if replacing else "lab-2"

    def home_with_lab_active(home: Path) -> Path:
        monkeypatch.setenv("LCDREADER_HOME", str(home))
        registry.add_version("lab", old, {"job_work_dir": "job"})
        registry.activate("lab")
        return home

    dry = register_in_child(0, name, new, home_with_lab_active(tmp_path / "dry"))
    steps = int(dry.stdout)
    assert dry.returncode == 0 and steps >= 10, dry.stderr
    for kill_at in range(1, steps + 1):
        home = home_with_lab_active(tmp_path / f"home-{kill_at}")
        killed = register_in_child(kill_at, name, new, home)
        assert killed.returncode == -9, (kill_at, killed.stderr)

        names = [v.name for v in registry.list_versions() if not v.bundled]  # the next start: recovery
        leftovers = [p.name for p in registry.user_models_dir().iterdir() if p.name.startswith(".")]
        assert leftovers == [".lock"], (kill_at, leftovers)
        for version in registry.list_versions():
            if not version.bundled:
                assert all(c.ok for c in registry.verify_version(version)), (kill_at, version.name)
        weights = (registry.user_models_dir() / "lab" / "rec" / "inference.pdiparams").read_bytes()
        assert weights in (b"old weights", b"new weights"), kill_at
        assert set(names) <= {"lab", "lab-2"} and "lab" in names, (kill_at, names)
        assert registry.resolve_model("default").name in names, kill_at

        registry.add_version(name, new, {"job_work_dir": "job"}, replace=True)  # the resumed job finishes
        registry.activate(name)
        assert registry.resolve_model("default").name == name
