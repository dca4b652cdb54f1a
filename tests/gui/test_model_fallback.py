"""The active model's weights are damaged: the app reads with the model active before it and says so."""
from desktop.core.models import registry
from desktop.core.models.fallback import model_for_reading
from tests.gui.fakes import FakeEngine
from tests.unit.models.helpers import flip_bytes, model_folder


class CheckedEngine(FakeEngine):
    """A fake reader behind the real model choice (checksums, fallback), as open_engine makes it."""

    def __init__(self, model: str):
        super().__init__()
        self.choice = model_for_reading(model)
        self.model_name = self.choice.model_set.name


def test_a_damaged_active_model_gives_way_and_the_window_says_so(make_window, tmp_path, qtbot):
    registry.add_version("good", model_folder(tmp_path / "a"), {})
    registry.add_version("bad", model_folder(tmp_path / "b", b"other"), {})
    registry.activate("good")
    registry.activate("bad")
    flip_bytes(registry.find_version("bad").folder / "rec" / "inference.pdiparams")
    window = make_window(engine=CheckedEngine("default"))
    qtbot.waitUntil(lambda: "bad" in window.banner.text(), timeout=5000)
    text = window.banner.text()
    assert "rec/inference.pdiparams" in text and "Reading with good instead" in text
    assert window.status.model.text() == "Model: good"  # the status bar names the model in use
