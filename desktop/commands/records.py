"""`lcdreader records migrate --to postgresql://...`: copy this PC's records to the lab's server."""
from __future__ import annotations

import sys

EXIT_FAILED = 1


def register(subparsers) -> None:
    parser = subparsers.add_parser("records", help="the records store: move this PC's records to the lab server")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    migrate = actions.add_parser("migrate", help="copy records, revisions and history to another store; "
                                                 "running it again copies nothing twice")
    migrate.add_argument("--to", required=True, metavar="URL",
                         help="the lab store, e.g. postgresql://user@server/lab?sslmode=verify-full "
                              "(the password comes from libpq's password file)")
    migrate.add_argument("--from", dest="source", metavar="URL_OR_FILE",
                         help="the store to copy (default: this PC's session store)")
    migrate.set_defaults(run=run_migrate)


def local_store_file():
    from desktop.core.preferences import load_preferences
    from desktop.core.store.session_store import store_file

    return store_file(load_preferences()[0].session_dir())


def open_lab_store():
    """The lab store: LCDREADER_DB, else the Settings entry, else this PC's SQLite file."""
    from desktop.core.labstore.store import LabStore, configured_url
    from desktop.core.preferences import load_preferences

    return LabStore.open(configured_url(load_preferences()[0].lab_database, local_store_file()))


def run_migrate(args) -> int:
    from desktop.core.labstore.copying import copy_store
    from desktop.core.labstore.errors import StoreError
    from desktop.core.labstore.store import LabStore, sqlite_url

    source_url = args.source or sqlite_url(local_store_file())
    if "://" not in source_url:
        source_url = sqlite_url(source_url)
    try:
        source, target = LabStore.open(source_url), LabStore.open(args.to)
        try:
            report = copy_store(source, target)
        finally:
            source.close()
            target.close()
    except StoreError as exc:
        print(f"lcdreader records migrate: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(f"lcdreader records migrate: {report}")
    return 0
