"""A model published to the lab: every PC installs the lab's active model, checked by SHA-256, and keeps its
previous model when the download is damaged (both backends)."""
import pytest
import sqlalchemy as sa

from desktop.core.labstore.errors import StoreError
from desktop.core.labstore.lab_models import active_lab_model, publish, use_lab_model
from desktop.core.models import registry


def model_folder(root, weights: bytes):
    (root / "rec").mkdir(parents=True)
    (root / "rec" / "inference.json").write_text("{}", encoding="utf-8")
    (root / "rec" / "inference.pdiparams").write_bytes(weights)
    return root


def test_a_published_model_reaches_another_pc_checked_and_a_damaged_one_is_refused(lab_store, tmp_path,
                                                                                 monkeypatch):
    monkeypatch.setenv("LCDREADER_HOME", str(tmp_path / "bench1"))
    registry.add_version("lab-v1", model_folder(tmp_path / "trained", b"weights " * 1000), {"base": "pp-ocrv4"})
    publish(lab_store, "lab-v1")
    assert active_lab_model(lab_store) == "lab-v1"
    with pytest.raises(StoreError, match="published already"):
        publish(lab_store, "lab-v1")

    monkeypatch.setenv("LCDREADER_HOME", str(tmp_path / "bench2"))  # another PC
    before = registry.active_model_name()
    result = use_lab_model(lab_store)
    assert result.active == "lab-v1" and not result.fell_back and registry.active_model_name() == "lab-v1"
    installed = registry.find_version("lab-v1").folder
    assert (installed / "rec" / "inference.pdiparams").read_bytes() == b"weights " * 1000
    assert registry.find_version("lab-v1").metadata["base"] == "pp-ocrv4"
    registry.resolve_model("lab-v1")  # its files pass the registry's own check too

    with lab_store.begin() as connection:  # damaged on the way (or in the store)
        connection.execute(sa.text("UPDATE lab_model_files SET data = :data WHERE path = 'rec/inference.pdiparams'"),
                           {"data": b"weightz " * 1000})
    monkeypatch.setenv("LCDREADER_HOME", str(tmp_path / "bench3"))
    result = use_lab_model(lab_store)
    assert result.active == before and "damaged" in result.fell_back and "rec/inference.pdiparams" in result.fell_back
    assert registry.active_model_name() == before
    assert "lab-v1" not in {v.name for v in registry.list_versions()}


def test_publish_and_use_the_lab_model_from_the_command_line_postgres(postgres_url, tmp_path, monkeypatch, capsys):
    from desktop.cli import main

    monkeypatch.setenv("LCDREADER_DB", postgres_url)
    monkeypatch.setenv("LCDREADER_HOME", str(tmp_path / "bench1"))
    registry.add_version("lab-v2", model_folder(tmp_path / "trained", b"w" * 100), {})
    assert main(["models", "publish", "lab-v2"]) == 0
    monkeypatch.setenv("LCDREADER_HOME", str(tmp_path / "bench2"))
    assert main(["models", "use-lab"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "active model: lab-v2"
