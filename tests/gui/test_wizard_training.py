"""The wizard with the app around it, and one REAL few-step training process (`lcdreader train`)."""
from __future__ import annotations

import pytest

from desktop.core.models import registry
from desktop.ui.wizard.train_process import TrainProcess

from .wizard_helpers import Questions, add_corrections, add_sample_screen, fake_command, synthetic_crops


@pytest.fixture
def questions(monkeypatch):
    return Questions(monkeypatch)


def test_closing_the_app_during_a_run_asks_stops_then_closes(make_window, store, qtbot, questions, tmp_path,
                                                               monkeypatch):
    monkeypatch.setattr(TrainProcess, "command_for", staticmethod(fake_command))
    monkeypatch.setenv("FAKE_TRAIN_DELAY", "0.3")
    add_corrections(store, synthetic_crops(tmp_path / "synth", 2))
    window = make_window()
    window.actions.improve_model.trigger()
    wizard = window.model_tools.wizard
    wizard.next()
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.training_page.run.step.get("rec", 0) >= 1, timeout=20000)
    assert window.isEnabled()  # the app stays usable while it trains
    questions.answers = [False]
    window.close()
    assert window.isVisible() and wizard.running()
    questions.answers = [True]
    window.close()
    assert window.isVisible()  # closes when the process has stopped
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20000)
    assert not wizard.running() and not wizard.isVisible()
    assert not window.ocr.is_running()


@pytest.mark.slow
def test_real_training_run_through_the_wizard(qtbot, store, tmp_path, questions):
    """A real `lcdreader train` process: 2 rec steps, batch 4, 4 synthetic screens, one whole screen
    scored for readings before and after (30-90 s on 2 cores)."""
    from desktop.ui.wizard.finetune_wizard import FinetuneWizard

    add_corrections(store, synthetic_crops(tmp_path / "synth", 2, seed=3))
    screen_id = add_sample_screen(store)
    wizard = FinetuneWizard(store.path)
    qtbot.addWidget(wizard)
    wizard.show()
    try:
        wizard.data_page.synthetic.setValue(4)
        wizard.next()
        state = wizard.state  # the screen's correction goes to validation, wherever the split put it
        state.val += [s for s in state.train if s.image_id == screen_id]
        state.train = [s for s in state.train if s.image_id != screen_id]
        wizard.next()
        fields = wizard.settings_page.fields["rec"]
        fields.steps.setValue(2)
        fields.batch.setValue(4)
        wizard.settings_page.device.setCurrentIndex(wizard.settings_page.device.findData("cpu"))
        wizard.next()
        page = wizard.training_page
        assert page.running()
        qtbot.waitUntil(lambda: not page.running(), timeout=300000)
        log = page.log_view.toPlainText()
        assert page.isComplete(), log[-3000:]
        result = wizard.state.result
        assert result["stages"]["rec"]["steps_done"] == 2 and not result["cancelled"]
        assert page.run.losses["rec"] and [s for s, _ in page.run.metrics["rec"]][0] == 0
        wizard.next()
        readings = result["readings"]
        if result["model"] is not None:  # scored only when a step improved on the current model
            assert readings["screens"] == 1 and {"accuracy", "accuracy@smoke-dust-sampler"} <= set(readings["after"])
            assert readings["before"]["accuracy"] >= 0.5  # the default model reads most of the sample
            first_row = wizard.result_page.scores.item(0, 0).text()
            assert first_row.startswith("Whole screens"), first_row
        assert "whole screens, current model" in log
        assert wizard.result_page.scores.rowCount() >= 1
        model = result["model"]
        if model is not None and not result["activated"]:
            questions.answers = [True]  # refused as worse: the test insists
        wizard.result_page.use_button.setChecked(True)
        wizard.button(wizard.WizardButton.FinishButton).click()
        if model is not None:
            assert registry.active_model_name() == model
            assert (registry.find_version(model).folder / "rec").is_dir()
    finally:
        wizard.training_page.process.stop_and_wait(60000)
