"""Loading tells its steps to the loading thread's listener: the PP-OCRv6 conversion says it is converting."""
import threading

from desktop.core.models import load_progress
from desktop.core.models.ppocrv6 import prepare


def test_the_conversion_is_reported_once_then_loading(monkeypatch, tmp_path):
    monkeypatch.setenv("LCDREADER_CACHE", str(tmp_path))
    monkeypatch.setattr(prepare, "convert_ppocrv6", lambda onnx, target, sources: None)
    heard = []
    with load_progress.listening(lambda stage, seconds: heard.append((stage, seconds))):
        prepare.ppocrv6_model_set()
    assert heard == [("convert_ppocrv6", load_progress.EXPECTED_SECONDS["convert_ppocrv6"]),
                     ("load", load_progress.EXPECTED_SECONDS["load"])]


def test_without_a_listener_or_in_another_thread_nothing_is_heard():
    heard = []
    load_progress.report("load")
    with load_progress.listening(lambda *step: heard.append(step)):
        other = threading.Thread(target=load_progress.report, args=("load",))
        other.start()
        other.join()
    assert heard == []
