"""`lcdreader train --payload JOB.json`: run one finetuning job, speaking JSON Lines on stdout.

This is what the wizard starts as a separate process; a frozen build re-runs its own executable
with this sub-command. SIGTERM or the job's cancel file stops it after the current step.
"""
from __future__ import annotations

import signal
import sys
import traceback


def register(subparsers) -> None:
    parser = subparsers.add_parser("train", help="run a finetuning job (JSON Lines events on stdout)")
    parser.add_argument("--payload", required=True, metavar="JOB.json", help="the job description")
    parser.set_defaults(run=run)


EXIT_CANCELLED = 3


def run(args) -> int:
    from desktop.core.training.events import error_event, json_lines_emitter, log_event

    emit = json_lines_emitter()

    def stop_before_start(_signum, _frame) -> None:  # replaced by the run's own handler once it can stop cleanly
        emit(error_event("stopped before training began: nothing was trained or registered"))
        raise SystemExit(EXIT_CANCELLED)

    signal.signal(signal.SIGTERM, stop_before_start)
    emit(log_event("loading the training libraries"))
    from desktop.core.training.payload import PayloadError, load_job

    try:
        job = load_job(args.payload)
    except PayloadError as exc:
        emit(error_event(str(exc)))
        return 2
    return execute(job, emit)


def execute(job, emit) -> int:
    """Run a parsed job; every failure becomes an `error` event, never a bare traceback."""
    import paddle  # noqa: F401  (paddle installs its own SIGTERM handler on import: ours must come after)

    from desktop.core.models.errors import ModelError
    from desktop.core.ocr.types import OcrError
    from desktop.core.training.cancel import CancelToken
    from desktop.core.training.events import error_event
    from desktop.core.training.runner import run_job

    cancel = CancelToken(job.cancel_file)
    cancel.cancel_on_sigterm()
    try:
        result = run_job(job, emit, cancel)
    except (OcrError, ModelError, ValueError, OSError) as exc:
        emit(error_event(str(exc)))
        return 1
    except MemoryError:
        emit(error_event("out of memory: use a smaller batch size or fewer synthetic screens"))
        return 1
    except Exception as exc:  # noqa: BLE001  (report, with the trace on stderr for the log)
        traceback.print_exc(file=sys.stderr)
        emit(error_event(f"training failed: {type(exc).__name__}: {exc}"))
        return 1
    return 0 if not result.get("cancelled") else EXIT_CANCELLED
