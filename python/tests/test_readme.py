"""Runs the Python blocks of ``python/README.md`` in order, in one namespace, from the
repository root: the worked example must work as printed.

A block after ``<!-- not run: reason -->`` is left out (it needs files or a Spark session;
other tests cover what it shows). At the first block after ``<!-- needs ../shared/data/esco
-->`` the test stops with a skip when the ESCO downloads are absent; everything before it has
run by then."""

import os
import pathlib
import re
import tempfile

import pytest

from test_vaardig import ROOT

README = ROOT / "python" / "README.md"
BLOCK = re.compile(r"(?:<!--\s*(?P<note>[^>]*?)\s*-->\s*\n)?```python\n(?P<code>.*?)```", re.S)


def blocks():
    """``(note, code)`` for every Python block, in order."""
    text = README.read_text(encoding="utf-8")
    return [(m.group("note") or "", m.group("code")) for m in BLOCK.finditer(text)]


def test_the_readme_has_runnable_blocks():
    found = blocks()
    assert sum(not note.startswith("not run") for note, _ in found) >= 5
    assert any(note.startswith("needs ../shared/data/esco") for note, _ in found)


def test_the_readme_examples_run(monkeypatch, tmp_path):
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    monkeypatch.chdir(ROOT)
    # The example's `tempfile.mkdtemp` goes under pytest's own temporary directory (which keeps
    # the last few runs), not into /tmp for good.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    esco = pathlib.Path(os.environ.get("VAARDIG_ESCO", ROOT.parent / "shared" / "data" / "esco"))
    namespace = {"__name__": "readme"}
    ran = 0
    for i, (note, code) in enumerate(blocks()):
        if note.startswith("not run"):
            continue
        if note.startswith("needs ../shared/data/esco") and not (esco / "v1.1.0").is_dir():
            pytest.skip(f"needs ../shared/data/esco (the ESCO CSV downloads): {ran} blocks ran, the rest need it")
        exec(compile(code, f"{README}:block{i}", "exec"), namespace)
        ran += 1
    # The example's last block wrote the chart.
    png = namespace["work"] / "rank-shifts.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert namespace["moved"]["change"].isin(["kept", "left", "entered", "current"]).all()
