"""Settings are validated at start-up: a bad value stops the CLI and the app with exit 2 and
one line naming the variable and what it accepts."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import Settings, SettingsError

ROOT = Path(__file__).resolve().parents[1]
UNRES = Path(sys.executable).with_name("unres")
BAD = [
    ("UNRES_MIN_SUPPORT", "nan", "a finite number, at least 0"),
    ("UNRES_MIN_SUPPORT", "-5", "a finite number, at least 0"),
    ("UNRES_TOP_K", "-1", "a whole number, at least 1"),
    ("UNRES_TOP_K", "abc", "a whole number, at least 1"),
    ("UNRES_MAX_QUESTION_CHARS", "-3", "a whole number, at least 1"),
    ("UNRES_PORT", "abc", "a whole number, at least 1 and at most 65535"),
    ("GRADIO_SERVER_PORT", "abc", "a whole number, at least 1 and at most 65535"),
    ("UNRES_STORE_DIR", "", "a path (not empty)"),
    ("UNRES_RETRIEVAL", "fuzzy", "one of 'hybrid', 'dense', 'lexical'"),
]


def _env(name: str, value: str, tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("UNRES_", "GRADIO_SERVER_"))}
    return {**env, "UNRES_SEEDS_DIR": str(ROOT / "seeds"), name: value}


@pytest.mark.parametrize("name, value, accepts", BAD)
def test_cli_refuses_a_bad_setting_with_one_line(tmp_path, name, value, accepts):
    r = subprocess.run([str(UNRES), "ask", "When was 79/62 adopted?"], capture_output=True, text=True,
                       env=_env(name, value, tmp_path), cwd=tmp_path, timeout=120)
    assert r.returncode == 2, r.stderr
    assert r.stderr.count("\n") == 1
    assert r.stderr.startswith(f"unres: error: {name}={value!r} is not accepted; it takes {accepts}")
    assert list(tmp_path.iterdir()) == []  # nothing built in the current directory


@pytest.mark.parametrize("name, value, accepts", BAD)
def test_app_refuses_a_bad_setting_with_one_line(tmp_path, name, value, accepts):
    r = subprocess.run([sys.executable, str(ROOT / "app.py")], capture_output=True, text=True,
                       env=_env(name, value, tmp_path), cwd=tmp_path, timeout=120)
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert r.stderr.startswith(f"unres: error: {name}={value!r} is not accepted; it takes {accepts}")
    assert list(tmp_path.iterdir()) == []


def test_gradio_server_variables_are_honoured_and_unres_ones_win(monkeypatch):
    monkeypatch.setenv("GRADIO_SERVER_PORT", "7999")
    monkeypatch.setenv("GRADIO_SERVER_NAME", "0.0.0.0")
    assert (Settings.load().port, Settings.load().host) == (7999, "0.0.0.0")
    monkeypatch.setenv("UNRES_PORT", "7001")
    assert Settings.load().port == 7001 and Settings.load(port=7002).port == 7002


def test_keyword_overrides_are_validated_and_named():
    with pytest.raises(SettingsError, match=r"^top_k=0 is not accepted; it takes a whole number, at least 1"):
        Settings.load(top_k=0)
    with pytest.raises(TypeError, match="unknown setting"):
        Settings.load(colour="blue")
    assert Settings.load(store_dir="~/somewhere").store_dir == Path.home() / "somewhere"


def test_readme_configuration_table_lists_every_setting():
    readme = (ROOT / "README.md").read_text()
    table = readme[readme.index("## Configuration"):readme.index("## ", readme.index("## Configuration") + 5)]
    for name in Settings.model_fields:
        assert f"`{name}`" in table, name
