"""Alembic environment: always run from code (sitrep.store.migrate) on a connection it passes in, inside
the transaction that holds the writers' lock; never configures logging."""

from alembic import context

from sitrep.store.schema import metadata

context.configure(connection=context.config.attributes["connection"], target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
