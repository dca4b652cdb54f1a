"""YAML from files a user or another PC supplies (model descriptions, model settings): safe tags only,
and bounded. A 1.7 KB file of nested aliases ("billion laughs") expands to billions of values in
whatever walks it next, so a file is refused when it is large, or when its values counted with every
alias expanded exceed a budget far above any real file of the app.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

MAX_BYTES = 256 * 1024
MAX_VALUES = 100_000


class YamlLimitError(yaml.YAMLError):
    """The file is larger, or expands further, than any file the app reads should."""


class _BoundedLoader(yaml.SafeLoader):
    def compose_document(self):
        node = super().compose_document()
        _count_expanded(node)
        return node


def _count_expanded(root: yaml.Node) -> None:
    """Walk the node graph as a consumer would see it, aliases expanded; stop at the budget."""
    pending, seen = [root], 0
    while pending:
        node = pending.pop()
        seen += 1
        if seen > MAX_VALUES:
            raise YamlLimitError(f"more than {MAX_VALUES} values once its aliases (&, *) are expanded")
        if isinstance(node, yaml.MappingNode):
            pending.extend(item for pair in node.value for item in pair)
        elif isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)


def load_text(text: str) -> Any:
    """``yaml.safe_load`` within the limits; YAMLError (YamlLimitError) otherwise."""
    if len(text) > MAX_BYTES:
        raise YamlLimitError(f"larger than {MAX_BYTES // 1024} KB")
    return yaml.load(text, Loader=_BoundedLoader)


def load_file(path: str | Path) -> Any:
    """Read and load a UTF-8 YAML file within the limits (OSError, UnicodeDecodeError, YAMLError)."""
    path = Path(path)
    if path.stat().st_size > MAX_BYTES:
        raise YamlLimitError(f"larger than {MAX_BYTES // 1024} KB")
    return load_text(path.read_text(encoding="utf-8"))
