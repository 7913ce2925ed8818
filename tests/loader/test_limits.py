"""Limits on the whole model (max-model-bytes, max-elements), the per-file cap, and memory
or recursion running out: each a clean refusal, exit 2, never a killed process or an
"internal error"."""

from __future__ import annotations

import os
import resource
import subprocess
import sys

import pytest

from eaframework import config
from eaframework.config import ConfigError, Settings, load
from eaframework.loader import Limits, load_model, load_texts
from eaframework.loader import limits as loader_limits
from eaframework.loader import source as source_io

HEADER = "apiVersion: eaframework/v1\n"


def systems(start: int, count: int) -> str:
    """A model file of `count` information systems, ids from `start`."""
    lines = [HEADER.rstrip("\n"), "elements:"]
    for i in range(start, start + count):
        lines += ["  - kind: information-system", f"    id: sys-{i:06d}",
                  f"    name: {{fi: Järjestelmä {i}, en: System {i}}}",
                  f"    description: Kaupungin järjestelmä {i}, jolla hoidetaan tehtäviä.",
                  "    tags: [a, b, c, d]"]
    return "\n".join(lines) + "\n"


def errors(result, code="EA001"):
    return [d for d in result.diagnostics if d.code == code]


def test_defaults_agree_between_config_and_loader():
    assert config.DEFAULT_MAX_MODEL_BYTES == loader_limits.MAX_MODEL_BYTES
    assert config.DEFAULT_MAX_ELEMENTS == loader_limits.MAX_ELEMENTS
    assert Settings().max_model_bytes == Limits().max_bytes == 256 * 1024 * 1024
    assert Settings().max_elements == Limits().max_elements == 500_000


def test_model_over_max_bytes_is_refused_before_reading(tmp_path):
    for n in range(3):
        (tmp_path / f"f{n}.yaml").write_text(systems(n * 100, 100), encoding="utf-8")
    size = sum(p.stat().st_size for p in tmp_path.iterdir())
    result = load_model(tmp_path, Limits(max_bytes=size - 1))
    (found,) = errors(result)
    assert found.location.file == str(tmp_path)
    assert "in 3 files, over the limit of" in found.message
    assert "(max-model-bytes)" in found.message
    assert result.fatal and not result.sources.files  # nothing was read
    assert not errors(load_model(tmp_path, Limits(max_bytes=size)))


def test_model_over_max_elements_stops_at_the_file_that_goes_over(tmp_path):
    for n in range(3):
        (tmp_path / f"f{n}.yaml").write_text(systems(n * 10, 10), encoding="utf-8")
    result = load_model(tmp_path, Limits(max_elements=15))
    (found,) = errors(result)
    assert found.location.file.endswith("f1.yaml")
    assert (found.location.line, found.location.column) == (2, 1)  # at `elements:`
    assert "20 elements up to this file, over the limit of 15 (max-elements)" in found.message
    assert "f2.yaml" not in " ".join(result.sources.files)  # reading stopped there
    assert not errors(load_model(tmp_path, Limits(max_elements=30)))


def test_load_texts_applies_the_limits():
    result = load_texts({"a.yaml": systems(0, 5), "b.yaml": systems(5, 5)}, Limits(max_elements=7))
    assert [d.location.file for d in errors(result)] == ["b.yaml"]
    result = load_texts({"a.yaml": systems(0, 5)}, Limits(max_bytes=100))
    assert "(max-model-bytes)" in errors(result)[0].message


def test_cli_refusal_is_one_located_line_exit_2(run_ea, tmp_path):
    model = tmp_path / "models"
    model.mkdir()
    for n in range(2):
        (model / f"f{n}.yaml").write_text(systems(n * 50, 50), encoding="utf-8")
    (tmp_path / "setup.cfg").write_text("[eaframework]\nmax-model-bytes = 10k\n")
    result = run_ea("lint", "models", "--format", "text", cwd=tmp_path)
    assert result.code == 2, result
    assert result.out.startswith("models:1:1  error  EA001  the model is ")
    assert "KB in 2 files, over the limit of 10 KB (max-model-bytes)" in result.out
    for command in (("render", "models", "--out-dir", "out"), ("report", "models", "-o", "r.html"),
                    ("export", "archimate", "models", "-o", "x.xml")):
        result = run_ea(*command, cwd=tmp_path)
        assert result.code == 2, (command, result)
        assert "EA001" in result.err and "internal error" not in result.err
    (tmp_path / "setup.cfg").write_text("[eaframework]\nmax-elements = 60\n")
    result = run_ea("lint", "models", "--format", "text", cwd=tmp_path)
    assert result.code == 2, result
    assert "models/f1.yaml:2:1  error  EA001  the model has 100 elements" in result.out


@pytest.mark.parametrize(("text", "expected"), [
    ("max-model-bytes = 1GB", {"max_model_bytes": 1 << 30}),
    ("max-model-bytes = 300 MiB", {"max_model_bytes": 300 << 20}),
    ("max-model-bytes = 1000000", {"max_model_bytes": 1_000_000}),
    ("max-elements = 1_000_000", {"max_elements": 1_000_000}),
])
def test_config_keys(tmp_path, text, expected):
    cfg = tmp_path / "setup.cfg"
    cfg.write_text(f"[eaframework]\n{text}\n")
    settings = load(cfg)
    assert {k: getattr(settings, k) for k in expected} == expected


@pytest.mark.parametrize(("text", "message"), [
    ("max-model-byte = 1GB", "did you mean 'max-model-bytes'?"),
    ("max-elemets = 5", "did you mean 'max-elements'?"),
    ("max-model-bytes = 10TB", "is not a size"),
    ("max-model-bytes = 0", "must be at least 1"),
    ("max-elements = many", "is not a whole number"),
    ("max-elements = -3", "must be at least 1"),
])
def test_config_errors(tmp_path, text, message):
    cfg = tmp_path / "setup.cfg"
    cfg.write_text(f"[eaframework]\n{text}\n")
    with pytest.raises(ConfigError, match=message.replace("?", r"\?")):
        load(cfg)


def test_a_link_to_a_device_is_refused_without_reading_it(tmp_path):
    (tmp_path / "ok.yaml").write_text(systems(0, 1), encoding="utf-8")
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")  # a read that would never end
    result = load_model(tmp_path)
    (found,) = errors(result)
    assert found.location.file.endswith("zero.yaml")
    assert "not a regular file" in found.message


def test_per_file_cap_is_checked_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(source_io, "MAX_FILE_BYTES", 1000)
    (tmp_path / "big.yaml").write_text(systems(0, 20), encoding="utf-8")
    (found,) = errors(load_model(tmp_path))
    assert "model files may be at most" in found.message


def test_a_100k_model_is_within_the_defaults():
    # bench/synthetic at 100,000 elements: about 28 MB in 202 files, the largest 0.4 MB;
    # `ea export archimate` of it: about 140 MB (the import's default cap is 256 MB).
    assert Limits().max_bytes > 4 * 28 * 1024 * 1024
    assert Limits().max_elements >= 5 * 100_000
    from eaframework.cli.importing import DEFAULT_MAX_MB
    from eaframework.interchange.archimate_import import MAX_BYTES

    assert DEFAULT_MAX_MB * 1024 * 1024 == MAX_BYTES >= 1.5 * 140 * 1024 * 1024


def _limit_memory(megabytes: int):
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (megabytes << 20, megabytes << 20))
    return apply


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is enforced on Linux")
def test_out_of_memory_is_a_clean_refusal(tmp_path):
    """A real process under an address-space limit: 100,000 elements (22 MB, within
    max-model-bytes) need far more than 400 MB, while Python and ea's imports fit in it.
    Memory runs out while the files are parsed, in Python (reliably, where a compiled
    library's own allocation failing would abort the process)."""
    model = tmp_path / "models"
    model.mkdir()
    for n in range(200):
        (model / f"systems-{n:03d}.yaml").write_text(systems(n * 500, 500), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("EA_DEBUG", "EA_CACHE_DIR")}
    env["CI"] = "1"  # no cache
    proc = subprocess.run(
        [sys.executable, "-m", "eaframework", "--no-config", "lint", str(model), "--no-cache"],
        capture_output=True, text=True, env=env, preexec_fn=_limit_memory(400), timeout=120,
        cwd=tmp_path,
    )
    assert proc.returncode == 2, proc.stderr[-2000:]
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr[-2000:]
    assert lines[0].startswith("error: out of memory while running ea lint; the model may be "
                               "too large (see max-model-bytes")
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr


def test_recursion_error_is_a_clean_refusal(monkeypatch, capsys):
    from eaframework import cli

    def deep(*_args, **_kw):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(cli.main, "main", deep)
    monkeypatch.setattr(sys, "argv", ["ea", "lint", "models"])
    monkeypatch.delenv("EA_DEBUG", raising=False)
    with pytest.raises(SystemExit) as stopped:
        cli.run()
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: input nested too deeply for ea lint") and err.count("\n") == 1


def test_memory_error_in_process_is_a_clean_refusal(monkeypatch, capsys):
    from eaframework import cli

    def hungry(*_args, **_kw):
        raise MemoryError

    monkeypatch.setattr(cli.main, "main", hungry)
    monkeypatch.setattr(sys, "argv", ["ea", "--no-config", "report", "models"])
    monkeypatch.delenv("EA_DEBUG", raising=False)
    with pytest.raises(SystemExit) as stopped:
        cli.run()
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: out of memory while running ea report;")
    assert "internal error" not in err and err.count("\n") == 1

