"""The finetune wizard driven page by page with a fake training process (canned JSON lines)."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from desktop.core.models import registry
from desktop.core.training.payload import DEFAULT_STEPS
from desktop.ui.wizard.finetune_wizard import FinetuneWizard
from desktop.ui.wizard.train_process import TrainProcess

from .wizard_helpers import Questions, add_corrections, fake_command, synthetic_crops


@pytest.fixture
def questions(monkeypatch):
    return Questions(monkeypatch)


@pytest.fixture
def crops(tmp_path):
    return synthetic_crops(tmp_path / "synth", screens=3)


@pytest.fixture
def make_wizard(qtbot, store, crops, monkeypatch):
    """A wizard on a store holding corrections; the training process is the fake script."""
    monkeypatch.setattr(TrainProcess, "command_for", staticmethod(fake_command))
    monkeypatch.setenv("FAKE_TRAIN_SCENARIO", "better")
    add_corrections(store, crops)
    wizards = []

    def make():
        wizard = FinetuneWizard(store.path)
        qtbot.addWidget(wizard)
        wizard.show()
        wizards.append(wizard)
        return wizard

    yield make
    for wizard in wizards:
        wizard.training_page.process.stop_and_wait(10000)
        assert not wizard.running()


def to_training(wizard, qtbot):
    wizard.next()  # Data -> Check
    wizard.next()  # Check -> Settings
    wizard.settings_page.fields["rec"].steps.setValue(12)
    wizard.next()  # Settings (commit) -> Training: starts the process
    assert wizard.currentPage() is wizard.training_page


def test_data_page_groups_counts_and_advice(make_wizard, crops, tmp_path):
    wizard = make_wizard()
    page = wizard.data_page
    assert wizard.currentPage() is page
    tree = page.tree
    titles = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert any("烟尘采样器" in t for t in titles) and any("no instrument template" in t for t in titles)
    total = len(wizard.state.samples)
    assert total >= 6 and all(s.png for s in wizard.state.samples)
    assert "Enough to start" in page.advice.text() and "100" in page.advice.text()
    assert not tree.topLevelItem(0).icon(2).isNull()  # thumbnails
    # untick one group: its samples are left out, and what is left is too little
    first = tree.topLevelItem(0)
    first.setCheckState(0, Qt.CheckState.Unchecked)
    assert len(wizard.state.included()) < total
    assert "too little" in page.advice.text() and "at least 20" in page.advice.text()
    first.setCheckState(0, Qt.CheckState.Checked)
    # import a PaddleOCR rec label file and a det label file
    page.add_label_files([str(crops), str(crops.parent / "det_gt.txt")])
    kinds = {s.kind for s in wizard.state.samples}
    assert kinds == {"rec", "det"}
    assert tree.topLevelItemCount() == 4
    tree.setCurrentItem(tree.topLevelItem(3))
    page.remove_selected_file()
    assert tree.topLevelItemCount() == 3
    page.synthetic.setValue(0)
    assert wizard.state.job.synthetic_screens == 0
    assert page.isComplete()


def test_check_page_split_and_dropped_samples_stay_out(make_wizard, qtbot):
    wizard = make_wizard()
    wizard.next()
    page = wizard.check_page
    n_train, n_val = page.train_grid.count(), page.val_grid.count()
    assert n_train > 0 and n_val > 0 and n_train + n_val == len(wizard.state.samples)
    assert f"Validation: {n_val}" in page.val_title.text()
    # the verdict rests on each instrument's latest photos, and the page says on how many
    images = {s.image_id for s in wizard.state.val if s.group == "烟尘采样器"}
    assert "each instrument's latest photos: no instrument" in page.summary.text()
    assert f"烟尘采样器 {len(images)}." in page.summary.text() and images
    dropped = page.train_grid.item(0)
    dropped_key = dropped.data(Qt.ItemDataRole.UserRole + 1)
    dropped_text = dropped.text()
    page.train_grid.toggle(dropped)  # double-click toggles
    assert dropped_key in wizard.state.dropped
    assert len(wizard.state.train) == n_train - 1
    assert "1 dropped" in page.summary.text()
    page.val_grid.item(0).setSelected(True)
    page.drop_selected()
    assert len(wizard.state.val) == n_val - 1
    page.keep_all()
    assert not wizard.state.dropped
    page.train_grid.toggle(page.train_grid.item(0))
    to_training_from_check(wizard)
    qtbot.waitUntil(wizard.training_page.isComplete, timeout=20000)
    job = json.loads((wizard.training_page.work / "job.json").read_text(encoding="utf-8"))
    assert [s["format"] for s in job["train"]] == ["rec"]
    assert {s["format"] for s in job["val"]} == {"rec"}  # one validation file per instrument group
    assert len(job["val"]) == len({s["group"] for s in job["val"]})
    train_lines = open(job["train"][0]["path"], encoding="utf-8").read().splitlines()
    assert len(train_lines) == n_train - 1
    assert all(not line.endswith("\t" + dropped_text) or dropped_key not in line for line in train_lines)
    assert all(dropped_key + ".png" not in line for line in train_lines)
    assert job["activate"] == "if_not_worse" and job["tasks"] == ["rec"]


def to_training_from_check(wizard):
    wizard.next()  # -> Settings
    wizard.next()  # -> Training


def test_settings_presets_estimate_and_name(make_wizard, qtbot):
    wizard = make_wizard()
    wizard.next()
    wizard.next()
    page = wizard.settings_page
    rec = page.fields["rec"]
    assert (rec.steps.value(), rec.batch.value(), rec.lr.text()) == (60, 16, "automatic")
    assert rec.get().learning_rate is None  # the runner picks the rate for the model it starts from
    qtbot.keyClick(rec.lr, Qt.Key.Key_Up)  # the technician steps the rate up from "automatic"
    assert rec.get().learning_rate == 0.00001
    qtbot.keyClick(rec.lr, Qt.Key.Key_Down)
    quick_text = page.estimate.text()
    assert "about" in quick_text and "min" in quick_text
    page.thorough.setChecked(True)
    assert rec.steps.value() == DEFAULT_STEPS["rec"] and page.fields["det"].steps.value() == DEFAULT_STEPS["det"]
    assert page.estimate.text() != quick_text
    page.what_buttons["both"].setChecked(True)
    assert wizard.state.job.tasks == ["det", "rec"]
    page.device.setCurrentIndex(page.device.findData("gpu"))
    assert "much faster" in page.estimate.text()
    assert not page.advanced.isVisibleTo(page)
    page.advanced_toggle.setChecked(True)
    assert page.advanced.isVisibleTo(page)
    page.name.setText("bad name!")
    assert not page.isComplete() and page.name_problem.text()
    page.name.setText("lab-a.1")
    assert page.isComplete() and wizard.state.job.name == "lab-a.1"


def test_whole_wizard_better_model_is_used_and_engine_reloads(make_wizard, qtbot, questions):
    wizard = make_wizard()
    to_training(wizard, qtbot)
    page = wizard.training_page
    assert page.running()
    qtbot.waitUntil(page.isComplete, timeout=20000)
    assert page.progress.value() == 1000
    assert page.chart.losses["rec"] and page.chart.metrics["rec"][0] == (0, 0.62)
    log = page.log_view.toPlainText()
    assert "paddle noise" in log and "loading data" in log  # stderr logged, never parsed
    assert (page.work / "train.log").is_file()
    wizard.next()
    result = wizard.result_page
    name = wizard.state.job.name
    assert result.scores.rowCount() == 3 and result.scores.item(0, 3).text().startswith("+26")
    assert "smoke-dust-sampler" in result.scores.item(2, 0).text()  # per instrument
    assert result.scores.item(2, 3).text().startswith("+40")
    assert result.examples.rowCount() == 2 and "✓ -1.25" == result.examples.item(1, 2).text()
    assert result.use_button.isChecked() and "now in use" in result.verdict.text()
    with qtbot.waitSignal(wizard.modelActivated) as signal:
        wizard.button(wizard.WizardButton.FinishButton).click()
    assert signal.args == [name]
    assert registry.active_model_name() == name and not wizard.isVisible()
    assert questions.asked == []


def test_keep_the_current_one_rolls_back_an_activated_model(make_wizard, qtbot):
    before = registry.active_model_name()
    wizard = make_wizard()
    to_training(wizard, qtbot)
    qtbot.waitUntil(wizard.training_page.isComplete, timeout=20000)
    wizard.next()
    assert registry.active_model_name() == wizard.state.job.name  # the run activated it
    wizard.result_page.keep_button.setChecked(True)
    wizard.button(wizard.WizardButton.FinishButton).click()
    assert registry.active_model_name() == before


def trained_to_result(make_wizard, qtbot, monkeypatch, scenario: str):
    """A wizard whose fake run (tests/gui/fake_train.py) played ``scenario``, on its result page."""
    monkeypatch.setenv("FAKE_TRAIN_SCENARIO", scenario)
    wizard = make_wizard()
    to_training(wizard, qtbot)
    qtbot.waitUntil(wizard.training_page.isComplete, timeout=20000)
    wizard.next()
    return wizard


def test_refuse_worse_keeps_current_and_use_anyway_asks(make_wizard, qtbot, questions, monkeypatch):
    before = registry.active_model_name()
    wizard = trained_to_result(make_wizard, qtbot, monkeypatch, "worse")
    result = wizard.result_page
    name = wizard.state.job.name
    assert result.keep_button.isChecked() and "scored lower" in result.verdict.text()
    assert result.scores.item(0, 3).text().startswith("-9")
    assert registry.active_model_name() == before  # the registry refused it
    # "Use this model": asks; No stays on the page and changes nothing
    result.use_button.setChecked(True)
    questions.answers = [False]
    wizard.button(wizard.WizardButton.FinishButton).click()
    assert wizard.isVisible() and registry.active_model_name() == before
    assert questions.asked == ["Use a model that scored lower?"]
    # Yes: the user insists
    questions.answers = [True]
    with qtbot.waitSignal(wizard.modelActivated):
        wizard.button(wizard.WizardButton.FinishButton).click()
    assert registry.active_model_name() == name and not wizard.isVisible()


def test_a_model_that_reads_the_photos_no_better_is_not_put_in_use_and_time_given_up_is_shown(
        make_wizard, qtbot, questions, monkeypatch):
    """Issue 27: a stage that cannot gain refuses rather than activates; a stage stopped by its time
    budget says which steps it gave up."""
    before = registry.active_model_name()
    wizard = trained_to_result(make_wizard, qtbot, monkeypatch, "level")
    result = wizard.result_page
    assert registry.active_model_name() == before
    assert result.keep_button.isChecked() and "no better than the current one" in result.verdict.text()
    steps = wizard.state.job.rec.steps
    assert (f"Recognition stopped at its time budget (15 min) after step {steps // 2} of {steps}, and kept step "
            f"{steps // 2}" in result.data_note.text())
    wizard.button(wizard.WizardButton.FinishButton).click()
    assert registry.active_model_name() == before and questions.asked == []


def test_photos_accepted_as_read_that_the_new_model_reads_otherwise_are_shown(
        make_wizard, qtbot, questions, monkeypatch, store):
    """Issue 27: a photo read and never corrected was read right; the run gets it with its readings, and
    a new model that reads it otherwise is not put in use without the technician seeing it."""
    session = store.new_session()
    image_id = store.add_image(session, "clipboard", "meter.png", data=b"\x89PNG fake")
    store.save_result(image_id, width=10, height=5, device="cpu", model="m", elapsed_ms=1.0, boxes=[],
                      readings=[{"key": "电压", "value": "5.00", "unit": "V"}])
    before = registry.active_model_name()
    wizard = trained_to_result(make_wizard, qtbot, monkeypatch, "accepted")
    job = json.loads((wizard.training_page.work / "job.json").read_text(encoding="utf-8"))
    [accepted] = [source for source in job["val"] if source["format"] == "accepted"]
    assert '"value": "5.00"' in open(accepted["path"], encoding="utf-8").read()
    result = wizard.result_page
    assert registry.active_model_name() == before and result.keep_button.isChecked()
    assert "reads 1 photo(s) that you accepted as read differently" in result.verdict.text()
    assert result.examples.item(0, 0).text() == f"image{image_id}.png: 电压 5.00 V"
    assert result.examples.item(0, 2).text() == "✗ 电压 5.08 V"
    result.use_button.setChecked(True)  # the technician looked, and uses it anyway: asked first
    questions.answers = [True]
    with qtbot.waitSignal(wizard.modelActivated):
        wizard.button(wizard.WizardButton.FinishButton).click()
    assert questions.asked == ["Use a model that reads accepted photos otherwise?"]
    assert registry.active_model_name() == wizard.state.job.name


def test_a_drop_in_characters_right_is_a_drop(make_wizard, qtbot, questions, monkeypatch):
    """Issue 19: text read exactly rose, characters right fell 1.1 points; the page said "at least as
    well" and preselected "Use this model". Now the run keeps the current model and the page says why."""
    before = registry.active_model_name()
    wizard = trained_to_result(make_wizard, qtbot, monkeypatch, "characters")
    result = wizard.result_page
    assert registry.active_model_name() == before
    assert result.keep_button.isChecked() and not result.use_button.isChecked()
    assert "scored lower on: Recognition: Characters right" in result.verdict.text()
    assert "at least as well" not in result.verdict.text()
    rows = {result.scores.item(r, 0).text(): result.scores.item(r, 3).text() for r in range(result.scores.rowCount())}
    assert rows["Recognition: Characters right"] == "-1.1 pt"
    wizard.button(wizard.WizardButton.FinishButton).click()  # the preselected choice: keep
    assert registry.active_model_name() == before and questions.asked == []


def test_whole_photos_decide_and_a_crop_score_beside_them_only_informs(make_wizard, qtbot, questions, monkeypatch):
    """Issue 21: whole photos read better, characters right on crops fell 1.1 points, one instrument's
    photos lost one reading of 15. The photos in total decide: the new model is in use and preselected;
    both drops are shown in amber, each saying why it does not decide."""
    from desktop.ui.theme import WARN

    wizard = trained_to_result(make_wizard, qtbot, monkeypatch, "photos")
    result = wizard.result_page
    assert registry.active_model_name() == wizard.state.job.name
    assert result.use_button.isChecked() and "now in use" in result.verdict.text()
    assert "whole screens at least as well" in result.verdict.text() and "amber" in result.verdict.text()
    rows = {result.scores.item(r, 0).text(): r for r in range(result.scores.rowCount())}
    characters = result.scores.item(rows["Recognition: Characters right"], 3)
    assert characters.text() == "-1.1 pt" and characters.foreground().color() == WARN
    assert "whole photos decide" in characters.toolTip()
    one_reading = result.scores.item(rows["Whole screens, thermo-hygrometer: confirmed readings read right"], 3)
    assert one_reading.text() == "-6.7 pt" and one_reading.foreground().color() == WARN
    assert "One reading lower" in one_reading.toolTip()
    totals = [r for name, r in rows.items() if "Recognition" not in name and "thermo" not in name]
    assert totals and all(result.scores.item(r, 3).toolTip() == "" for r in totals)
    wizard.button(wizard.WizardButton.FinishButton).click()
    assert registry.active_model_name() == wizard.state.job.name and questions.asked == []


def test_better_in_total_but_worse_on_one_instrument_is_not_used(make_wizard, qtbot, questions, monkeypatch):
    before = registry.active_model_name()
    wizard = trained_to_result(make_wizard, qtbot, monkeypatch, "instrument")
    result = wizard.result_page
    assert registry.active_model_name() == before and result.keep_button.isChecked()
    assert "smoke-dust-sampler: text read exactly" in result.verdict.text()
    assert result.scores.item(0, 3).text().startswith("+26")  # the total rose
    result.use_button.setChecked(True)
    questions.answers = [True]
    with qtbot.waitSignal(wizard.modelActivated):
        wizard.button(wizard.WizardButton.FinishButton).click()
    assert "smoke-dust-sampler" in questions.texts[-1] and registry.active_model_name() == wizard.state.job.name


def test_stop_mid_run_keeps_best_and_shows_result(make_wizard, qtbot, monkeypatch):
    monkeypatch.setenv("FAKE_TRAIN_DELAY", "0.3")
    wizard = make_wizard()
    to_training(wizard, qtbot)
    page = wizard.training_page
    qtbot.waitUntil(lambda: page.run.step.get("rec", 0) >= 1, timeout=20000)
    assert "step 1 of 12" in page.status.text()
    see_result = wizard.button(wizard.WizardButton.CommitButton)
    assert see_result.text() == "See the result >" and not see_result.isEnabled()  # not while it trains
    page.stop_button.click()
    assert "Stopping" in page.status.text()
    qtbot.waitUntil(page.isComplete, timeout=20000)
    kept = wizard.state.result["model"]
    assert wizard.state.result["cancelled"] and page.status.text() == (
        f"Stopped. The best model so far was kept as {kept}, listed in Tools > Models: click See the result.")
    assert kept in [v.name for v in registry.list_versions()]  # what Tools > Models lists
    assert page.run.step["rec"] < 12
    wizard.next()
    assert "stopped early" in wizard.result_page.verdict.text()


def test_closing_the_wizard_during_a_run_asks_then_stops(make_wizard, qtbot, questions, monkeypatch):
    monkeypatch.setenv("FAKE_TRAIN_DELAY", "0.3")
    wizard = make_wizard()
    to_training(wizard, qtbot)
    qtbot.waitUntil(lambda: wizard.training_page.run.step.get("rec", 0) >= 1, timeout=20000)
    questions.answers = [False]  # "Keep training"
    wizard.close()
    assert wizard.isVisible() and wizard.running()
    questions.answers = [True]  # "Stop training"
    wizard.reject()
    assert wizard.isVisible()  # closes once the process has ended
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=20000)
    assert not wizard.running()
    assert questions.asked == ["Stop the training?", "Stop the training?"]


def test_failed_run_shows_the_error_and_can_be_retried(make_wizard, qtbot, monkeypatch):
    monkeypatch.setenv("FAKE_TRAIN_SCENARIO", "fail")
    wizard = make_wizard()
    to_training(wizard, qtbot)
    page = wizard.training_page
    qtbot.waitUntil(lambda: not page.running() and page.retry_button.isVisibleTo(page), timeout=20000)
    assert "out of memory" in page.status.text() and not page.isComplete()
    monkeypatch.setenv("FAKE_TRAIN_SCENARIO", "better")
    page.retry_button.click()
    qtbot.waitUntil(page.isComplete, timeout=20000)


def test_language_switch_retranslates_the_wizard(make_wizard, qtbot):
    from desktop.ui import i18n

    wizard = make_wizard()
    i18n.install_language("zh_CN")
    try:
        qtbot.waitUntil(lambda: wizard.windowTitle() == "改进模型", timeout=3000)
        assert wizard.data_page.add_button.text() != "Add label file…"
    finally:
        i18n.install_language("en")
    qtbot.waitUntil(lambda: wizard.windowTitle() == "Improve the model", timeout=3000)


def test_a_sample_dropped_on_the_check_page_stays_dropped_in_the_next_run(make_wizard, qtbot):
    wizard = make_wizard()
    wizard.next()
    page = wizard.check_page
    item = page.train_grid.item(0)
    key = item.data(Qt.ItemDataRole.UserRole + 1)
    page.train_grid.toggle(item)                                   # a wrong label: dropped
    wizard.close()
    again = make_wizard()                                          # the next run, same store
    again.next()
    page = again.check_page
    grids = [page.train_grid, page.val_grid]
    states = {g.item(r).data(Qt.ItemDataRole.UserRole + 1): g.item(r).checkState()
              for g in grids for r in range(g.count())}
    assert states[key] == Qt.CheckState.Unchecked
    assert key in again.state.dropped and key not in {s.key for s in again.state.train + again.state.val}
    page.keep_all()                                                # and taken back
    assert make_wizard().state.dropped == set()
