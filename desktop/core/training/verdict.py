"""The refuse-worse rule in one place: which scores a finished run shows, and which of them dropped.

The runner decides with it, `lcdreader finetune` prints it and the wizard's result page shows it, so the
rule, the message and the table cannot disagree. A drop on any deciding score is a drop: the total, each
instrument (group) on its own, characters right, printed labels, precision and recall alike.

With validation photos, whole-photo readings decide and the stages' own scores are shown beside them
for information: detection scored against partial labels says little (people box the values, not
every word; a detector that read 66 % of later photos instead of 44 % scored a lower h-mean on three
instruments), and crops are not what the engine reads. What the photos cannot show still guards:
the general text a recogniser must not forget.

One instrument's whole photos that lost a single reading, while the total did not drop, are not
evidence that it reads worse: a validation set holds some 15 photos per instrument, and one reading is
what one photo's glare flips. Refusing on it refused a recogniser that read 68.0 -> 75.5 % of the later
photos (that instrument's own later photos 67.5 -> 72.5 %; benchmarks/own_instruments.py). Such a row
is shown, marked, and does not decide; a loss of two readings or more does.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.core.training.events import split_group_key

# What each section shows, before the per-group scores; the first is the one training chases.
SHOWN_SCORES = {"readings": ("accuracy", "strict"), "rec": ("accuracy", "norm_edit_dis", "general_text_accuracy"),
                "det": ("hmean", "precision", "recall")}
# Beside whole photos, the stage scores that still decide: what the photos cannot show.
GUARDS_BESIDE_PHOTOS = {("rec", "general_text_accuracy")}
# Scores are shown to 0.1 %: a smaller change shows as "=" and is no change.
SHOWN_CHANGE = 0.0005


@dataclass(frozen=True)
class ScoreRow:
    section: str   # "readings" (whole photos), "rec" or "det"
    key: str       # "accuracy", "hmean@ammeter", ...
    before: float
    after: float
    decides: bool = True  # False: shown for information (a stage score beside whole photos, or one
                          # instrument's photos a single reading lower)

    @property
    def change(self) -> float:
        return self.after - self.before

    @property
    def shown_change(self) -> bool:
        return abs(self.change) >= SHOWN_CHANGE

    @property
    def dropped(self) -> bool:
        return self.change <= -SHOWN_CHANGE

    @property
    def metric(self) -> str:
        return split_group_key(self.key)[0]

    @property
    def group(self) -> str | None:
        return split_group_key(self.key)[1]

    @property
    def one_reading(self) -> bool:
        """Lower by a single reading of one instrument's photos: shown, does not decide."""
        return self.section == "readings" and self.dropped and not self.decides

    def describe(self) -> str:
        return f"{self.section} {self.key} {self.before:.1%} -> {self.after:.1%}" + \
            (" (one reading)" if self.one_reading else "")


def scored_sections(result: dict) -> dict[str, dict]:
    """What the new model is judged on: whole-photo readings first (what the technician cares about),
    then each stage the new model took from this run (a stage no step improved keeps the old weights).
    A run that saved no model shows every stage it tried."""
    sections = {"readings": result["readings"]} if result.get("readings") else {}
    no_model = "model" in result and result["model"] is None
    sections.update({stage: info for stage, info in result.get("stages", {}).items()
                     if no_model or info.get("best_step", 1) > 0})
    return sections


def score_rows(sections: dict[str, dict]) -> list[ScoreRow]:
    """Every shown score, each section's totals first, then its groups (instruments) by name.
    A "readings" section may carry ``counts``: how many readings each group's photos hold."""
    rows = []
    photos = "readings" in sections
    total_kept = photos and not _total_dropped(sections["readings"])
    for section, info in sections.items():
        before, after = info.get("before", {}), info.get("after", {})
        totals = SHOWN_SCORES.get(section, tuple(k for k in before if split_group_key(k)[1] is None))
        groups = sorted(k for k in before if split_group_key(k)[1] is not None)
        for key in (*totals, *groups):
            if key in before and key in after:
                row = ScoreRow(section, key, float(before[key]), float(after[key]))
                single = total_kept and _one_reading_lost(row, info.get("counts", {}))
                rows.append(replace(row, decides=_decides(section, key, photos) and not single))
    return rows


def _decides(section: str, key: str, photos: bool) -> bool:
    return not photos or section == "readings" or (section, key) in GUARDS_BESIDE_PHOTOS


def _total_dropped(readings: dict) -> bool:
    before, after = readings.get("before", {}), readings.get("after", {})
    return ScoreRow("readings", "accuracy", before.get("accuracy", 0.0), after.get("accuracy", 0.0)).dropped


def _one_reading_lost(row: ScoreRow, counts: dict[str, int]) -> bool:
    """An instrument's whole photos one reading lower (the total is checked by the caller)."""
    count = counts.get(row.group) if row.section == "readings" and row.group else None
    return bool(count) and row.dropped and round(-row.change * count) <= 1


def drops(rows: list[ScoreRow]) -> list[ScoreRow]:
    """The deciding scores that dropped."""
    return [row for row in rows if row.dropped and row.decides]


def gains(rows: list[ScoreRow]) -> list[ScoreRow]:
    """The deciding scores that rose: with whole photos, their readings (what the technician gets);
    else the stages' own scores. A candidate with none is no gain, and is not put in use: a stage that
    cannot gain refuses rather than activates."""
    photos = any(row.section == "readings" for row in rows)
    return [row for row in rows if row.decides and row.change >= SHOWN_CHANGE
            and (row.section == "readings" or not photos)]
