"""`lcdreader export`: calibration records (JSON, see docs/records.md) to an Excel report."""
from __future__ import annotations

import sys

from desktop.core.paths import same_file

EXIT_WRITE_FAILED = 1  # the report could not be written (locked, read-only, disk full)
EXIT_BAD_INPUT = 2  # the records, template or options are wrong (argparse uses 2 too)


def register(subparsers) -> None:
    parser = subparsers.add_parser("export", help="write calibration records to an Excel report")
    parser.add_argument("--records", required=True, metavar="FILE.json", help="records in the JSON record format")
    parser.add_argument("--xlsx", required=True, metavar="OUT.xlsx", help="report workbook to write")
    parser.add_argument("--template", metavar="T.xlsx", help="fill this lab template instead of the standard layout")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="header language (default zh)")
    parser.add_argument("--append", action="store_true", help="add to an existing report, keeping its other sheets")
    parser.add_argument("--replace", action="store_true", help="replace an existing report (refused without it)")
    parser.add_argument("--photos", action="store_true", help="embed each point's screen photo as a thumbnail")
    parser.set_defaults(run=run)


def run(args) -> int:
    from desktop.core.records.excel.photos import PhotoError
    from desktop.core.records.excel.report import (
        RecordNotReadyError,
        ReportExistsError,
        ReportTargetError,
        export_report,
    )
    from desktop.core.records.excel.safe_write import ReportWriteError
    from desktop.core.records.excel.template_fill import TemplateError
    from desktop.core.records.json_io import RecordFormatError, load_records

    if args.append and args.template:
        return _fail("--append and --template cannot be combined", EXIT_BAD_INPUT)
    if args.append and args.replace:
        return _fail("--append and --replace cannot be combined", EXIT_BAD_INPUT)
    inputs = [args.records] + ([args.template] if args.template else [])
    if any(same_file(args.xlsx, given) for given in inputs):
        return _fail(f"--xlsx {args.xlsx} is one of the inputs: choose another file", EXIT_BAD_INPUT)
    notes: list[str] = []
    try:
        records = load_records(args.records, notes)
        for note in notes:  # what was cleaned on the way in, before anything else is said
            print(f"lcdreader export: note: {note}", file=sys.stderr)
        path = export_report(records, args.xlsx, lang=args.lang, photos=args.photos,
                             append=args.append, template=args.template, replace=args.replace)
    except (RecordFormatError, RecordNotReadyError, ReportTargetError, TemplateError, PhotoError) as exc:
        return _fail(str(exc), EXIT_BAD_INPUT)
    except ReportExistsError as exc:
        return _fail(f"{exc} (add --append to add the records to it, or --replace to replace it)", EXIT_WRITE_FAILED)
    except ReportWriteError as exc:
        hint = f' (try --xlsx "{exc.suggestion}")' if exc.suggestion else ""
        return _fail(f"{exc}{hint}", EXIT_WRITE_FAILED)
    print(f"wrote {len(records)} record(s) to {path}")
    return 0


def _fail(message: str, code: int) -> int:
    print(f"lcdreader export: error: {message}", file=sys.stderr)
    return code
