"""A real PostgreSQL server for the lab-store tests, started by the test run itself.

``initdb`` and ``pg_ctl`` from the Debian ``postgresql`` package, in a temporary folder, on a free
port of 127.0.0.1. PostgreSQL refuses to run as root, so as root the server runs as the system user
``lcdtest`` (created when missing). Clients log in with a password kept in a libpq password file
(``PGPASSFILE``), as a lab's PC does: no URL in the tests carries the password.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

SERVER_USER = "lcdtest"
SUPERUSER = "lcdadmin"


def _binaries() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """One server; ``url(database)`` for clients, ``stop()`` / ``start()`` for the fault tests."""

    def __init__(self, bin_dir: Path):
        self.bin_dir, self.port = bin_dir, _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="lcd-postgres-"))
        self.data = self.root / "data"
        self.password = uuid.uuid4().hex
        self.as_root = os.geteuid() == 0
        if self.as_root:
            _ensure_user(SERVER_USER)
            shutil.chown(self.root, SERVER_USER)
            self.root.chmod(0o700)
        self.passfile = self.root.parent / f"{self.root.name}.pgpass"
        self.passfile.write_text(f"127.0.0.1:{self.port}:*:{SUPERUSER}:{self.password}\n")
        self.passfile.chmod(0o600)

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bin_dir / tool), *args]
        if self.as_root:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.root)

    def init(self) -> None:
        pwfile = self.root / "pw"
        pwfile.write_text(self.password + "\n")
        if self.as_root:
            shutil.chown(pwfile, SERVER_USER)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, f"--pwfile={pwfile}", "-E", "UTF8",
                  "--locale=C.UTF-8", "--auth-local=scram-sha-256", "--auth-host=scram-sha-256")
        pwfile.unlink()
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(f"port = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                       f"unix_socket_directories = '{self.root}'\nfsync = off\nmax_connections = 200\n")

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-w", "-t", "60", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new, empty database for one test; returns its URL."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres",
                             autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
        self.passfile.unlink(missing_ok=True)


def _ensure_user(name: str) -> None:
    try:
        pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
                       check=True, capture_output=True)


@pytest.fixture(scope="session")
def postgres_server():
    """The session's PostgreSQL server; skipped, saying why, when its binaries are not installed."""
    bin_dir = _binaries()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (initdb, pg_ctl): run scripts/install_system_deps.sh")
    server = PostgresServer(bin_dir)
    previous = os.environ.get("PGPASSFILE")
    os.environ["PGPASSFILE"] = str(server.passfile)
    try:
        server.init()
        server.start()
        yield server
    finally:
        try:
            server.stop()
        except subprocess.CalledProcessError:
            pass  # a fault test left it stopped
        server.remove()
        if previous is None:
            os.environ.pop("PGPASSFILE", None)
        else:
            os.environ["PGPASSFILE"] = previous


@pytest.fixture
def postgres_url(postgres_server) -> str:
    """A fresh database on the session's server."""
    return postgres_server.create_database()


@pytest.fixture(params=["sqlite", "postgres"])
def lab_url(request, tmp_path) -> str:
    """The same store test on both backends: a SQLite file, and a database on the real server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'lab.sqlite3'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def lab_store(lab_url):
    from desktop.core.labstore.store import LabStore

    store = LabStore.open(lab_url)
    yield store
    store.close()


def add_login(server_url: str, login: str) -> str:
    """A technician's own database login on the server, allowed to use the lab's tables; returns its URL
    (the password goes to libpq's password file, as Settings does it)."""
    import sqlalchemy as sa

    from desktop.core.labstore.passwords import remember_password

    engine = sa.create_engine(server_url)
    with engine.begin() as connection:
        connection.exec_driver_sql(f"CREATE ROLE {login} LOGIN PASSWORD 'pw-{login}'")
        connection.exec_driver_sql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {login}")
        connection.exec_driver_sql(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {login}")
    engine.dispose()
    url = sa.make_url(server_url).set(username=login, password=f"pw-{login}")
    return remember_password(url.render_as_string(hide_password=False))
