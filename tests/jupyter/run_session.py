"""Run one Keyton kernel session and compare every cell's outputs.

usage: python run_session.py [--kernel NAME] SESSION.json

(--kernel, default keyton, is for trying the runner itself on another kernel.)

A session file is one kernel's life: its cells run in order in one kernel,
and each must produce exactly the outputs listed for it.

    {
      "about": "what the session checks",
      "cells": [
        {"code": ["x = 5", "print(x)"], "outputs": [{"stdout": "5\\n"}]},
        {"code": "x", "outputs": [{"result": "5"}]}
      ]
    }

"code" is a string or a list of lines. Each expected output is an object
with one key:

    {"stdout": "text"}      stream output (consecutive chunks are joined)
    {"stdout": {"repeat": "line {i}\\n", "count": 1000}}   generated text
    {"stderr": "text"}
    {"result": "text"}      execute_result, its text/plain
    {"display": {"text/html": "<b>hi</b>"}}   display_data with (at least)
                            these MIME types, each equal
    {"error": {"ename": "RuntimeError", "contains": ["text", ...]}}
                            an error output; each text must occur in its
                            evalue or traceback (ANSI colours removed)

stdout, results, displays and errors must come in the listed order. stderr
is a stream of its own: its whole text is compared, but not its order
relative to the others. A cell with an error must get an execute_reply with
status "error", every other cell "ok".

Options of a cell:

    "silent": true                   execute with silent=True (and no history)
    "interrupt_after_output": "text" interrupt the kernel (SIGINT, the
                                     kernelspec's interrupt_mode) as soon as
                                     the cell's stdout contains the text
    "execution_count": 3             the execute_reply's execution_count

Exits with 1 and prints, for every cell that differs, the cell, what was
expected and what came, and a diff of the stdout text.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import sys
import time
from pathlib import Path
from queue import Empty

from jupyter_client.manager import KernelManager

# Generous limits for a loaded machine: a limit is only reached when the
# kernel is broken, and then the message says which.
STARTUP_TIMEOUT = float(os.environ.get("KEYTON_JUPYTER_STARTUP_TIMEOUT", "300"))
CELL_TIMEOUT = float(os.environ.get("KEYTON_JUPYTER_CELL_TIMEOUT", "600"))
INTERRUPT_TIMEOUT = 60.0

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class SessionError(Exception):
    """A failure that ends the session (a timeout, a dead kernel)."""


def cell_code(cell: dict) -> str:
    code = cell["code"]
    return "\n".join(code) if isinstance(code, list) else code


def expected_text(value) -> str:
    if isinstance(value, dict):
        return "".join(value["repeat"].format(i=i) for i in range(value["count"]))
    return value


def actual_item(msg: dict) -> dict:
    """One iopub message as an output item, in the shape of the expected ones."""
    kind, content = msg["msg_type"], msg["content"]
    if kind == "stream":
        return {content["name"]: content["text"]}
    if kind == "execute_result":
        return {"result": content["data"].get("text/plain")}
    if kind == "display_data":
        return {"display": content["data"]}
    if kind == "error":
        traceback = "\n".join(content.get("traceback", []))
        return {
            "error": {
                "ename": content["ename"],
                "evalue": ANSI.sub("", content.get("evalue", "")),
                "traceback": ANSI.sub("", traceback),
            }
        }
    return {kind: content}


def split_streams(items: list[dict]) -> tuple[str, list[dict]]:
    """The whole stderr text, and the other items with stdout chunks joined."""
    stderr, others = "", []
    for item in items:
        (key, value), = item.items()
        if key == "stderr":
            stderr += expected_text(value)
        elif key == "stdout" and others and "stdout" in others[-1]:
            others[-1] = {"stdout": others[-1]["stdout"] + expected_text(value)}
        elif key == "stdout":
            others.append({"stdout": expected_text(value)})
        else:
            others.append(item)
    return stderr, others


def matches(expected: dict, actual: dict) -> bool:
    (key, want), = expected.items()
    if key not in actual:
        return False
    got = actual[key]
    if key == "display":
        return all(got.get(mime) == data for mime, data in want.items())
    if key == "error":
        contains = want.get("contains", [])
        if isinstance(contains, str):
            contains = [contains]
        text = got["evalue"] + "\n" + got["traceback"]
        return got["ename"] == want["ename"] and all(c in text for c in contains)
    return got == want


def show(items: list[dict], stderr: str) -> str:
    lines = []
    for item in items:
        (key, value), = item.items()
        if key in ("stdout", "result"):
            lines.append(f"  {key}: {value!r}")
        elif key == "error" and "evalue" in value:
            lines.append(f"  error {value['ename']}: {value['evalue']}")
            lines.extend("    | " + line for line in value["traceback"].splitlines())
        else:
            lines.append(f"  {key}: {json.dumps(value, ensure_ascii=False)}")
    if stderr:
        lines.append(f"  stderr: {stderr!r}")
    return "\n".join(lines) if lines else "  (nothing)"


def compare(cell: dict, reply: dict, outputs: list[dict]) -> list[str]:
    """What differs between the cell's expectation and what the kernel sent."""
    want_stderr, want = split_streams(cell.get("outputs", []))
    got_stderr, got = split_streams([actual_item(m) for m in outputs])
    problems = []
    if len(want) != len(got) or not all(map(matches, want, got)):
        problems.append("the outputs differ")
    if want_stderr != got_stderr:
        problems.append("stderr differs")
    want_status = "error" if any("error" in item for item in want) else "ok"
    status = reply["content"]["status"]
    if status != want_status:
        problems.append(f'the execute_reply status is "{status}", expected "{want_status}"')
    count = cell.get("execution_count")
    if count is not None and reply["content"].get("execution_count") != count:
        got_count = reply["content"].get("execution_count")
        problems.append(f"the execution_count is {got_count}, expected {count}")
    if not problems:
        return []
    report = problems + ["--- expected", show(want, want_stderr), "--- got", show(got, got_stderr)]
    want_out = "".join(i["stdout"] for i in want if "stdout" in i)
    got_out = "".join(i["stdout"] for i in got if "stdout" in i)
    if want_out != got_out:
        diff = difflib.unified_diff(
            want_out.splitlines(keepends=True),
            got_out.splitlines(keepends=True),
            "expected stdout",
            "stdout",
        )
        report += ["--- diff of stdout", "".join(diff).rstrip("\n")]
    return report


def run_cell(km: KernelManager, kc, cell: dict) -> tuple[dict, list[dict]]:
    """Executes one cell: its execute_reply and its iopub messages, in order."""
    silent = cell.get("silent", False)
    interrupt_text = cell.get("interrupt_after_output")
    msg_id = kc.execute(cell_code(cell), silent=silent, store_history=not silent)
    outputs: list[dict] = []
    deadline = time.monotonic() + CELL_TIMEOUT
    interrupted = False
    while True:
        remaining = deadline - time.monotonic()
        try:
            msg = kc.get_iopub_msg(timeout=max(remaining, 0.01))
        except Empty:
            if interrupted:
                raise SessionError(
                    f"the kernel did not end the cell within {INTERRUPT_TIMEOUT:.0f} s "
                    "of the interrupt (SIGINT)"
                ) from None
            stderr, items = split_streams([actual_item(m) for m in outputs])
            waiting = (
                f" (its stdout never showed {interrupt_text!r}, the sign to interrupt it: "
                "a kernel must send stdout while a cell runs)"
                if interrupt_text
                else ""
            )
            raise SessionError(
                f"the cell did not finish within {CELL_TIMEOUT:.0f} s{waiting}; outputs so far:\n"
                + show(items, stderr)
            ) from None
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "status":
            if msg["content"]["execution_state"] == "idle":
                break
            continue
        if kind == "execute_input" and not silent:
            continue
        outputs.append(msg)
        if interrupt_text and not interrupted:
            stdout = "".join(
                m["content"]["text"]
                for m in outputs
                if m["msg_type"] == "stream" and m["content"]["name"] == "stdout"
            )
            if interrupt_text in stdout:
                km.interrupt_kernel()
                interrupted = True
                deadline = time.monotonic() + INTERRUPT_TIMEOUT
    if interrupt_text and not interrupted:
        raise SessionError(
            f"the cell ended before its stdout showed {interrupt_text!r}, so it was not "
            "interrupted (a kernel must send stdout while a cell runs)"
        )
    while True:
        try:
            reply = kc.get_shell_msg(timeout=CELL_TIMEOUT)
        except Empty:
            raise SessionError("no execute_reply after the cell's idle status") from None
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply, outputs


def run_session(path: Path, kernel_name: str) -> list[str]:
    session = json.loads(path.read_text(encoding="utf-8"))
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    failures: list[str] = []
    try:
        kc.wait_for_ready(timeout=STARTUP_TIMEOUT)
        for number, cell in enumerate(session["cells"], start=1):
            code = "\n".join("  > " + line for line in cell_code(cell).splitlines())
            where = f"cell {number} of {path.name}:\n{code}"
            try:
                reply, outputs = run_cell(km, kc, cell)
            except SessionError as error:
                alive = "" if km.is_alive() else " (the kernel is dead)"
                failures.append(f"{where}\n{error}{alive}")
                break
            problems = compare(cell, reply, outputs)
            if problems:
                failures.append(where + "\n" + "\n".join(problems))
        else:
            if not km.is_alive():
                failures.append(f"the kernel died by the end of {path.name}")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=not km.is_alive())
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description="Run one Keyton kernel session.")
    parser.add_argument("--kernel", default="keyton", help="the kernelspec's name")
    parser.add_argument("session", type=Path, help="the session's JSON file")
    args = parser.parse_args()
    path = args.session
    failures = run_session(path, args.kernel)
    for failure in failures:
        print(failure, end="\n\n")
    if failures:
        print(f"{path.name}: {len(failures)} cell(s) failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
