"""The lab store: records, revisions, history, instruments, standards and people, on SQLite (this PC,
the default) or PostgreSQL (the lab's server), through one SQLAlchemy Core code path."""
