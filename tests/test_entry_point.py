"""The `ea` command leaves with os._exit once it has flushed (no teardown of a loaded
model): what it printed must still arrive whole through a pipe, with the right code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import run_ea

SAMPLE = Path(__file__).resolve().parents[1] / "models" / "esimerkkila"


def test_large_output_through_a_pipe_arrives_whole_with_the_findings_code():
    code, out, err = run_ea("--no-config", "lint", SAMPLE, "--no-cache", "--format", "json")
    assert code == 1  # the sample has findings on purpose
    report = json.loads(out)  # every byte flushed before the hard exit
    assert report["findings"] and all("code" in f for f in report["findings"])
    assert "problems" in err


def test_usage_error_keeps_exit_2_and_its_message():
    code, _, err = run_ea("lint", "--no-such-option")
    assert code == 2
    assert "No such option '--no-such-option'" in err


def test_a_text_exit_is_printed_and_exits_1_like_python(tmp_path):
    script = ("import sys\nfrom eaframework import cli\n"
              "cli.run = lambda: sys.exit('stopped: no model given')\n"
              "cli.entry_point()\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=tmp_path, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr == "stopped: no model given\n"
