"""Every test gets its own data folder: nothing reads or writes the user's real one."""
import os

import pytest

os.environ.setdefault("GLOG_minloglevel", "2")


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    home = tmp_path / "lcdreader-home"
    monkeypatch.setenv("LCDREADER_HOME", str(home))
    return home
