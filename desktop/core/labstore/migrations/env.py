"""Alembic's entry point: the lab store passes its open connection (see ``labstore/schema.py``)."""
from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
