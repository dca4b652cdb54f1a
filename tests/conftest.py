"""Every test gets its own data folder: nothing reads or writes the user's real one. Converted base
models (PP-OCRv6, made once from the rapidocr wheel) are shared by the session's tests."""
import os

import pytest
from postgres_server import lab_store, lab_url, postgres_server, postgres_url  # noqa: F401  (fixtures)

os.environ.setdefault("GLOG_minloglevel", "2")


@pytest.fixture(autouse=True, scope="session")
def shared_cache_dir(tmp_path_factory):
    os.environ["LCDREADER_CACHE"] = str(tmp_path_factory.mktemp("lcdreader-cache"))


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    home = tmp_path / "lcdreader-home"
    monkeypatch.setenv("LCDREADER_HOME", str(home))
    return home
