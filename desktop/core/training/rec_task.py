"""Recognition finetuning: CTC on the exported graph's softmax output, batches made exactly like
the engine's (``make_batch``), scored by the engine's own recogniser code."""
from __future__ import annotations

import random

import numpy as np

from desktop.core.models.predictor import Infer
from desktop.core.ocr.recognizer import REC_MIN_WIDTH, TextRecognizer, make_batch, width_groups
from desktop.core.ocr_metrics.metrics import RecScore
from desktop.core.training.augment import augment_crop
from desktop.core.training.events import GROUP_ACCURACY
from desktop.core.training.general_text import GENERAL_PREFIX
from desktop.core.training.samples import RecItem

MAX_LABEL = 25


def encodable(text: str, index: dict[str, int]) -> bool:
    return 0 < len(text) <= MAX_LABEL and all(ch in index for ch in text)


def width_buckets(items: list[RecItem], min_width: int) -> list[list[RecItem]]:
    """Items grouped by the batch width the engine would give each alone, narrowest first."""
    crops = [item.crop for item in items]
    return [[items[i] for i in members] for members in width_groups(crops, min_width).values()]


class RecTask:
    stage = "rec"
    metric = "accuracy"
    input_spec_shape = [None, 3, 48, None]

    def __init__(self, train: list[RecItem], val: list[RecItem], dictionary: list[str],
                 batch_size: int = 16, seed: int = 0, min_width: int = REC_MIN_WIDTH):
        self.dictionary = dictionary
        self.min_width = min_width  # crops are padded to at least this width, in training as in the engine
        classes = TextRecognizer(lambda batch: batch, dictionary).classes
        self.index = {ch: i for i, ch in enumerate(classes) if i > 0}
        self.dropped = [item.text for item in train + val if not encodable(item.text, self.index)]
        self.train = [item for item in train if encodable(item.text, self.index)]
        self.val = [item for item in val if encodable(item.text, self.index)]
        self.batch_size = min(batch_size, max(len(self.train), 1))
        self.seed = seed
        self.buckets = width_buckets(self.train, min_width)

    def batch(self, step: int):
        # One width bucket per batch: a single long label no longer pads fifteen short crops to 960
        # pixels, which tripled step time and pushed memory past 7 GB at batch 16.
        rng = random.Random(self.seed * 100_003 + step)
        pool = rng.choices(self.buckets, weights=[len(b) for b in self.buckets])[0]
        chosen = rng.sample(pool, self.batch_size) if len(pool) >= self.batch_size \
            else [rng.choice(pool) for _ in range(self.batch_size)]
        images = make_batch([augment_crop(item.crop, rng) for item in chosen], self.min_width)
        labels = np.zeros((len(chosen), MAX_LABEL), np.int32)
        lengths = np.zeros((len(chosen),), np.int64)
        for row, item in enumerate(chosen):
            ids = [self.index[ch] for ch in item.text]
            labels[row, : len(ids)] = ids
            lengths[row] = len(ids)
        return images, labels, lengths

    def write_settings(self, folder) -> None:
        from desktop.core.models.model_files import write_min_width

        write_min_width(folder, self.min_width)

    def loss(self, model, batch):
        import paddle

        images, labels, lengths = batch
        probs = model(paddle.to_tensor(images))  # [B, T, C]: the exported graph ends in softmax
        log_probs = paddle.log(paddle.clip(probs, 1e-10, 1.0)).transpose([1, 0, 2])
        steps = paddle.full([len(labels)], log_probs.shape[0], "int64")
        return paddle.nn.functional.ctc_loss(log_probs, paddle.to_tensor(labels), steps,
                                             paddle.to_tensor(lengths), blank=0, reduction="mean")

    def evaluate(self, infer: Infer) -> dict:
        """Accuracy on all validation crops, and apart on the general-text replay ones (forgetting)."""
        recognizer = TextRecognizer(infer, self.dictionary, batch_size=32, min_width=self.min_width)
        score, general = RecScore(), RecScore()
        groups: dict[str, RecScore] = {}
        predictions = recognizer.recognize([item.crop for item in self.val])
        for (text, _conf), item in zip(predictions, self.val):
            score.add(text, item.text)
            if item.name.startswith(GENERAL_PREFIX):
                general.add(text, item.text)
            if item.group:
                groups.setdefault(item.group, RecScore()).add(text, item.text)
        return {"accuracy": score.accuracy, "norm_edit_dis": score.norm_edit, "samples": score.total,
                "general_text_accuracy": general.accuracy,
                **{f"{GROUP_ACCURACY}{name}": group.accuracy for name, group in sorted(groups.items())},
                "examples": [(item.text, text) for (text, _c), item in zip(predictions, self.val)]}
