"""Models for the whole lab: a registered version published into the lab store with the SHA-256 of
each file, and the lab's active model installed on a PC after checking every file.

A download that does not match its digests is refused and nothing changes on the PC: the model it
used before stays active (``LabModelResult.fell_back``).
"""
from __future__ import annotations

import hashlib
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
import yaml

from desktop.core.labstore.errors import DuplicateKey, StoreError
from desktop.core.labstore.store import LabStore, utc_now
from desktop.core.labstore.tables import lab_model_files, lab_models
from desktop.core.models import registry
from desktop.core.models.integrity import check_manifest, read_manifest, require_intact


@dataclass(frozen=True)
class LabModelResult:
    active: str  # the model active on this PC now
    fell_back: str = ""  # why the lab's model was not taken ("" when it was, or there is none)


def publish(store: LabStore, name: str) -> None:
    """Put the registered version ``name`` into the lab store and make it the lab's active model."""
    version = registry.find_version(name)
    if version.folder is None:
        raise StoreError(f"'{name}' is a built-in base: every PC has it already")
    require_intact(check_manifest(version.folder), f"'{name}'")  # what is published was intact here
    digests = read_manifest(version.folder)
    files = [dict(name=name, path=path, sha256=digest, data=(version.folder / path).read_bytes())
             for path, digest in sorted(digests.items())]
    try:
        with store.begin() as connection:
            connection.execute(lab_models.update().values(active=False))
            connection.execute(lab_models.insert().values(
                name=name, metadata=json.dumps(version.metadata, ensure_ascii=False), published_at=utc_now(),
                published_by=store.identity, active=True))
            connection.execute(lab_model_files.insert(), files)
    except DuplicateKey:
        raise StoreError(f"a model named '{name}' is published already: register it under a new name") from None


def active_lab_model(store: LabStore) -> str | None:
    with store.begin() as connection:
        return connection.execute(sa.select(lab_models.c.name).where(lab_models.c.active)).scalar()


def use_lab_model(store: LabStore) -> LabModelResult:
    """Install the lab's active model on this PC (if not there yet), checked file by file, and activate it."""
    name = active_lab_model(store)
    if name is None:
        return LabModelResult(registry.active_model_name())
    known = {v.name for v in registry.list_versions()}
    if name not in known:
        with store.begin() as connection:
            metadata = json.loads(connection.execute(sa.select(lab_models.c.metadata)
                                                     .where(lab_models.c.name == name)).scalar_one())
            files = connection.execute(sa.select(lab_model_files.c.path, lab_model_files.c.sha256,
                                                 lab_model_files.c.data)
                                       .where(lab_model_files.c.name == name)).all()
        damaged = [path for path, digest, data in files if hashlib.sha256(data).hexdigest() != digest]
        if damaged or not files:
            return LabModelResult(registry.active_model_name(),
                                  f"the lab's model '{name}' arrived damaged ({', '.join(damaged) or 'no files'}): "
                                  f"keeping '{registry.active_model_name()}'")
        with tempfile.TemporaryDirectory(prefix="lab-model-") as download:
            for path, _digest, data in files:
                (Path(download) / path).parent.mkdir(parents=True, exist_ok=True)
                (Path(download) / path).write_bytes(data)
            metadata.pop("name", None)
            registry.add_version(name, Path(download), yaml.safe_load(yaml.safe_dump(metadata)))
    registry.activate(name)
    return LabModelResult(name)
