"""The lab server's password is never kept in our settings: it goes to libpq's own password file.

libpq reads that file by itself when it connects (``PGPASSFILE``, else ``~/.pgpass``, on Windows
``%APPDATA%\\postgresql\\pgpass.conf``); it must be readable by its owner only. The Settings entry
keeps the URL without the password, and the URL's query (``sslmode=verify-full``, ``sslrootcert``)
goes to libpq as it is.
"""
from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa

from desktop.core.atomic_files import write_text_atomic_private


def check_database_url(url: str) -> None:
    """ValueError, saying why, for a URL the Settings cannot keep ("" is this PC's SQLite store)."""
    if not url.strip():
        return
    try:
        parsed = sa.make_url(url.strip())
    except sa.exc.ArgumentError:
        raise ValueError("is not a database URL like postgresql://user@server/lab") from None
    if not parsed.drivername.startswith("postgresql"):
        raise ValueError("must be a PostgreSQL URL (postgresql://user@server/lab), or empty for this PC's store")
    if parsed.password is not None:
        raise ValueError("must not contain the password: it is kept in libpq's password file instead")


def passfile() -> Path:
    if os.environ.get("PGPASSFILE"):
        return Path(os.environ["PGPASSFILE"])
    if os.name == "nt":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _escape(field: str) -> str:
    return field.replace("\\", "\\\\").replace(":", "\\:")


def remember_password(url: str, password: str = "") -> str:
    """Move the password of ``url`` (or ``password``, typed apart) into libpq's password file; returns
    the URL without it."""
    parsed = sa.make_url(url.strip())
    if password:
        parsed = parsed.set(password=password)
    if parsed.password is None:
        return url.strip()
    key = [parsed.host or "localhost", str(parsed.port or 5432), parsed.database or "*", parsed.username or ""]
    prefix = ":".join(_escape(field) for field in key) + ":"
    path = passfile()
    kept = [line for line in (path.read_text(encoding="utf-8").splitlines() if path.exists() else [])
            if not line.startswith(prefix)]
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic_private(path, "\n".join([*kept, prefix + _escape(str(parsed.password))]) + "\n")
    return parsed._replace(password=None).render_as_string(hide_password=False)  # set(password=None) keeps it
