"""The refuse-worse rule in one place: which scores a finished run shows, and which of them dropped.

The runner decides with it, `lcdreader finetune` prints it and the wizard's result page shows it, so the
rule, the message and the table cannot disagree. A drop on any deciding score is a drop: the total, each
instrument (group) on its own, characters right, printed labels, precision and recall alike.

With validation photos, whole-photo readings decide and the stages' own scores are shown beside them
for information: detection scored against partial labels says little (people box the values, not
every word; a detector that read 66 % of later photos instead of 44 % scored a lower h-mean on three
instruments), and crops are not what the engine reads. What the photos cannot show still guards:
the general text a recogniser must not forget.
"""
from __future__ import annotations

from dataclasses import dataclass

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
    decides: bool = True  # False: shown for information (a stage score beside whole photos)

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

    def describe(self) -> str:
        return f"{self.section} {self.key} {self.before:.1%} -> {self.after:.1%}"


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
    """Every shown score, each section's totals first, then its groups (instruments) by name."""
    rows = []
    for section, info in sections.items():
        before, after = info.get("before", {}), info.get("after", {})
        totals = SHOWN_SCORES.get(section, tuple(k for k in before if split_group_key(k)[1] is None))
        groups = sorted(k for k in before if split_group_key(k)[1] is not None)
        rows += [ScoreRow(section, key, float(before[key]), float(after[key]),
                          _decides(section, key, photos="readings" in sections))
                 for key in (*totals, *groups) if key in before and key in after]
    return rows


def _decides(section: str, key: str, photos: bool) -> bool:
    return not photos or section == "readings" or (section, key) in GUARDS_BESIDE_PHOTOS


def drops(rows: list[ScoreRow]) -> list[ScoreRow]:
    """The deciding scores that dropped."""
    return [row for row in rows if row.dropped and row.decides]
