"""`facilitator app` as a user starts it: the address printed, the page served, Ctrl-C stops it
cleanly and removes the sessions' folders."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.request

from typer.testing import CliRunner

from facilitator.cli import app


def test_the_page_starts_prints_its_address_and_stops_on_ctrl_c() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "facilitator", "app", "--no-browser"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        address = re.search(r"http://127\.0\.0\.1:\d+/", first)
        assert address, first
        with urllib.request.urlopen(address.group(0), timeout=30) as response:
            assert response.status == 200 and b"Make a session" in response.read()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert "Stopped." in out and "Traceback" not in err


def test_a_locales_folder_that_is_not_one_is_one_line() -> None:
    result = CliRunner().invoke(app, ["app", "--no-browser", "--locales", "no-such-folder"])
    assert result.exit_code == 2
    assert "--locales: is not a folder" in result.output and "Traceback" not in result.output
