"""Safe YAML loading that keeps positions, so errors name the file, line and column."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from factlint.errors import FactlintError

# libyaml's parser, when PyYAML was built with it, reads the shipped pack about ten times
# faster than the pure-Python one: most of a cold run's pack loading.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str, path: str) -> tuple[Any, yaml.Node | None]:
    """The data of a one-document YAML text and its node tree (None when empty).

    Safe loading only (no `!!python/...` tags), and no anchors or aliases: factlint's files
    need none, and they allow "billion laughs" expansion.
    """
    loader = _SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, None
        _refuse_aliases(root, path)
        return loader.construct_document(root), root
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        message = f"invalid YAML: {error.problem or error.context}"
        raise FactlintError(message, path, line, column) from None
    except yaml.YAMLError as error:
        raise FactlintError(f"invalid YAML: {error}", path) from None
    finally:
        loader.dispose()


def _refuse_aliases(root: yaml.Node, path: str) -> None:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            line, column = mark_of(node)
            raise FactlintError("YAML anchors and aliases are not allowed", path, line, column)
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def node_at(root: yaml.Node, loc: Sequence[str | int], *, key: bool = False) -> yaml.Node:
    """The deepest node of the document on the path `loc` (a pydantic error location).

    With `key`, the last step lands on the mapping key rather than its value (unknown keys).
    """
    node = root
    for depth, part in enumerate(loc):
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            want_key = key and depth == len(loc) - 1
            child = next((k if want_key else v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            child = node.value[part] if 0 <= part < len(node.value) else None
        if child is None:
            break
        node = child
    return node


def mark_of(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1
