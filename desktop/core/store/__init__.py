"""Session store (SQLite): images, results and corrections, saved as they happen."""
from .session_store import CorrectionRow, ImageRow, ResultRow, SessionStore
from .training_export import TrainingSample, export_rec_dataset, training_samples

__all__ = ["SessionStore", "ImageRow", "ResultRow", "CorrectionRow", "TrainingSample",
           "training_samples", "export_rec_dataset"]
