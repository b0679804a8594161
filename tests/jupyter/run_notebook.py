"""Execute a notebook with nbclient and compare its outputs with the stored ones.

usage: python run_notebook.py [--kernel NAME] NOTEBOOK.ipynb

The notebook is run top to bottom in a fresh kernel (its kernelspec,
`keyton` unless --kernel says otherwise), as `jupyter nbconvert --execute`
would; cells with an error do not stop it. For every code cell, the outputs
produced must match the stored ones:

- stream: the name and the whole text (consecutive chunks joined);
- execute_result: text/plain;
- display_data: every MIME type stored, equal;
- error: the ename.

Metadata under the key `keyton_test` adapts a notebook to the test run
(nothing else reads it; Jupyter keeps it when the notebook is saved):

- in the notebook's metadata, `"substitute": {"PLACEHOLDER": "ENV_VAR"}`:
  before execution, every PLACEHOLDER in a code cell's source is replaced by
  the value of the environment variable ENV_VAR, which must be set (a value
  known only when the test runs, e.g. `{"{port}": "KEYTON_TEST_HTTP_PORT"}`,
  the port of the test's HTTP server). Only the executed copy changes; the
  outputs are compared as usual.
- in a code cell's metadata, `"ignore_stderr": true`: stderr stream outputs
  are left out of the comparison, the stored and the produced ones alike,
  for a cell whose stderr is not reproducible (the cargo progress lines a
  `rimport` cell streams while it builds a crate, only when the build is not
  cached yet). stdout, results and errors are still compared.
- in a code cell's metadata, `"timeout": SECONDS`: the cell may take that
  long (if more than the default) before the run fails, for a cell that may
  build a crate cold.

Exits with 1 and prints every cell that differs, with both output lists.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

STARTUP_TIMEOUT = float(os.environ.get("KEYTON_JUPYTER_STARTUP_TIMEOUT", "300"))
CELL_TIMEOUT = float(os.environ.get("KEYTON_JUPYTER_CELL_TIMEOUT", "600"))
TEST_KEY = "keyton_test"


def test_metadata(node) -> dict:
    """The `keyton_test` metadata of a notebook or a cell (empty if none)."""
    return node.metadata.get(TEST_KEY, {})


def substitute(notebook) -> None:
    """Replace the notebook's declared placeholders in every code cell."""
    pairs = test_metadata(notebook).get("substitute", {})
    values = {}
    for placeholder, variable in pairs.items():
        value = os.environ.get(variable)
        if value is None:
            sys.exit(f"the notebook's placeholder {placeholder!r} needs ${variable}, not set")
        values[placeholder] = value
    for cell in notebook.cells:
        if cell.cell_type == "code":
            for placeholder, value in values.items():
                cell.source = cell.source.replace(placeholder, value)


def cell_timeout(cell) -> float:
    """The default timeout, or the cell's own if it asks for more."""
    return max(CELL_TIMEOUT, float(test_metadata(cell).get("timeout", 0)))


def summary(cell) -> list[dict]:
    """The parts of a cell's outputs that are compared."""
    ignore_stderr = test_metadata(cell).get("ignore_stderr", False)
    items: list[dict] = []
    for output in cell.outputs:
        kind = output["output_type"]
        if kind == "stream" and ignore_stderr and output["name"] == "stderr":
            continue
        if kind == "stream":
            if items and items[-1].get("stream") == output["name"]:
                items[-1]["text"] += output["text"]
            else:
                items.append({"stream": output["name"], "text": output["text"]})
        elif kind == "execute_result":
            items.append({"result": output["data"].get("text/plain")})
        elif kind == "display_data":
            items.append({"display": dict(output["data"])})
        elif kind == "error":
            items.append({"error": output["ename"]})
        else:
            items.append({kind: None})
    return items


def same(expected: list[dict], actual: list[dict]) -> bool:
    if len(expected) != len(actual):
        return False
    for want, got in zip(expected, actual):
        if "display" in want:
            data = got.get("display")
            if data is None or any(data.get(k) != v for k, v in want["display"].items()):
                return False
        elif want != got:
            return False
    return True


def show(items: list[dict]) -> str:
    if not items:
        return "  (nothing)"
    return "\n".join("  " + json.dumps(item, ensure_ascii=False) for item in items)


def main() -> int:
    parser = argparse.ArgumentParser(description="Run a notebook, compare its outputs.")
    parser.add_argument("--kernel", help="the kernelspec's name (default: the notebook's)")
    parser.add_argument("notebook", type=Path)
    args = parser.parse_args()

    stored = nbformat.read(args.notebook, as_version=4)
    nbformat.validate(stored)
    fresh = copy.deepcopy(stored)
    substitute(fresh)
    for cell in fresh.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    kernel = args.kernel or stored.metadata["kernelspec"]["name"]
    client = NotebookClient(
        fresh,
        kernel_name=kernel,
        timeout_func=cell_timeout,
        startup_timeout=STARTUP_TIMEOUT,
        allow_errors=True,
        resources={"metadata": {"path": str(args.notebook.parent)}},
    )
    client.execute()

    failures = []
    pairs = zip(stored.cells, fresh.cells)
    for number, (want, got) in enumerate(pairs, start=1):
        if want.cell_type != "code":
            continue
        expected, actual = summary(want), summary(got)
        if not same(expected, actual):
            source = "\n".join("  > " + line for line in want.source.splitlines())
            failures.append(
                f"cell {number} of {args.notebook.name}:\n{source}\n"
                f"--- expected\n{show(expected)}\n--- got\n{show(actual)}"
            )
    for failure in failures:
        print(failure, end="\n\n")
    if failures:
        print(f"{args.notebook.name}: {len(failures)} cell(s) differ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
