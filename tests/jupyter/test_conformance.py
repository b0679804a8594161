"""Jupyter's protocol conformance suite (jupyter_kernel_test) on the Keyton kernel.

Run from this directory with the kernelspec `keyton` on JUPYTER_PATH:

    python -m unittest -v test_conformance

Every message the kernel sends is validated against the protocol's schema
(version 5) by the suite; the samples below are Keyton code.
"""

from __future__ import annotations

import os
import re
import unittest
from typing import Any

import jupyter_kernel_test
from jupyter_client.manager import start_new_kernel
from jupyter_kernel_test.msgspec_v5 import validate_message

# The suite's own limits (15 s a reply, 0.1 s between a reply and the idle
# status) are too tight for a kernel that compiles every cell on a loaded
# machine; these are only reached when something is broken.
STARTUP_TIMEOUT = float(os.environ.get("KEYTON_JUPYTER_STARTUP_TIMEOUT", "300"))
TIMEOUT = float(os.environ.get("KEYTON_JUPYTER_CELL_TIMEOUT", "600"))
jupyter_kernel_test.TIMEOUT = TIMEOUT

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class KeytonKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "keyton"
    language_name = "keyton"
    file_extension = ".kt"

    code_hello_world = 'print("hello, world")'
    code_stderr = 'eprint("oops")'

    completion_samples = [
        {"text": "pri", "matches": {"print"}},
        {"text": "epr", "matches": {"eprint"}},
    ]

    complete_code_samples = ["1 + 2", "x = 1", 'print("hi")', "xs = [1,\n  2]"]
    incomplete_code_samples = ["if x:", "fn f(a):", "print(1,", "xs = [1, 2", '"""open']
    invalid_code_samples = ["x = )"]

    code_page_something = ""  # Keyton has no pager
    code_clear_output = ""  # nor a builtin that clears a cell's output

    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": '"a" + "b"', "result": '"ab"'},
        {"code": "[1, 2, 3]", "result": "[1, 2, 3]"},
        {"code": "7 / 2", "result": "3.5"},
    ]

    code_display_data = [
        {"code": 'display("<b>hi</b>", "text/html")', "mime": "text/html"},
        {"code": 'display("# hi", "text/markdown")', "mime": "text/markdown"},
        {"code": "display(42)", "mime": "text/plain"},
    ]

    # Matches one code of code_execute_result, whether the kernel reads the
    # pattern as a glob or as a substring.
    code_history_pattern = "1 + 2"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "print"

    code_generate_error = "1 // 0"

    @classmethod
    def setUpClass(cls) -> None:
        cls.km, cls.kc = start_new_kernel(
            kernel_name=cls.kernel_name, startup_timeout=STARTUP_TIMEOUT
        )

    def get_non_kernel_info_reply(self, timeout: float | None = None) -> dict[str, Any] | None:
        """The suite's, with a limit where it has none (completion, is_complete)."""
        return super().get_non_kernel_info_reply(timeout=TIMEOUT if timeout is None else timeout)

    def execute_helper(
        self,
        code: str,
        timeout: float = TIMEOUT,
        silent: bool = False,
        store_history: bool = True,
        stop_on_error: bool = True,
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """The suite's execute_helper, with limits for a compiling kernel."""
        msg_id = self.kc.execute(
            code=code, silent=silent, store_history=store_history, stop_on_error=stop_on_error
        )
        reply = self.get_non_kernel_info_reply(timeout=timeout)
        assert reply is not None
        validate_message(reply, "execute_reply", msg_id)

        busy_msg = self.kc.get_iopub_msg(timeout=timeout)
        validate_message(busy_msg, "status", msg_id)
        self.assertEqual(busy_msg["content"]["execution_state"], "busy")

        output_msgs = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            validate_message(msg, msg["msg_type"], msg_id)
            if msg["msg_type"] == "status":
                self.assertEqual(msg["content"]["execution_state"], "idle")
                break
            if msg["msg_type"] == "execute_input":
                self.assertEqual(msg["content"]["code"], code)
                continue
            output_msgs.append(msg)
        return reply, output_msgs

    def test_error_names_the_line(self) -> None:
        """An error's traceback quotes the Keyton line it comes from."""
        self.flush_channels()
        reply, output_msgs = self.execute_helper("x = 1\nprint(x // 0)")
        self.assertEqual(reply["content"]["status"], "error")
        errors = [m for m in output_msgs if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)
        traceback = ANSI.sub("", "\n".join(errors[0]["content"]["traceback"]))
        self.assertIn("print(x // 0)", traceback)

    def test_state_survives_an_error(self) -> None:
        """A global made before a failing cell is still there after it."""
        self.flush_channels()
        self.execute_helper("survivor = 17")
        reply, _ = self.execute_helper("1 // 0")
        self.assertEqual(reply["content"]["status"], "error")
        reply, output_msgs = self.execute_helper("survivor + 1")
        self.assertEqual(reply["content"]["status"], "ok")
        results = [m for m in output_msgs if m["msg_type"] == "execute_result"]
        self.assertEqual([m["content"]["data"]["text/plain"] for m in results], ["18"])


if __name__ == "__main__":
    unittest.main()
