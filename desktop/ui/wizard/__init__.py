"""The finetune wizard ("Improve the model…"): one class per page."""
