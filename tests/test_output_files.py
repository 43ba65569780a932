"""Output files: written through a securely created temporary file and a rename, so a link
planted beside the target cannot redirect the write, and nothing half-written is left."""
from __future__ import annotations

import os

import pytest

from assistant.files import OutputError, write_text


@pytest.mark.parametrize("command", [
    ["brief", "capacity-building", "--out", "{out}"],
    ["brief", "capacity-building", "--format", "docx", "--out", "{out}"],
    ["compare", "79/62", "80/57", "--format", "md", "--out", "{out}"],
])
def test_a_planted_link_beside_the_output_is_not_followed(unres, tmp_path, command):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "note.out"
    (tmp_path / ".note.out.tmp").symlink_to(victim)  # the name the old code wrote through
    r = unres(*[a.format(out=out) for a in command])
    assert r.returncode == 0, r.stderr
    assert victim.read_text() == "precious"
    assert out.is_file() and not out.is_symlink() and out.stat().st_size > 100
    assert sorted(p.name for p in tmp_path.iterdir()) == [".note.out.tmp", "note.out", "victim.txt"]


def test_an_output_that_is_a_link_is_replaced_not_followed(unres, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (tmp_path / "note.md").symlink_to(victim)
    r = unres("compare", "79/62", "80/57", "--out", str(tmp_path / "note.md"))
    assert r.returncode == 0 and victim.read_text() == "precious"
    assert not (tmp_path / "note.md").is_symlink()


@pytest.mark.parametrize("command", [["brief", "capacity-building"], ["compare", "79/62", "80/57"]])
def test_a_missing_output_folder_is_bad_input(unres, tmp_path, command):
    out = tmp_path / "no-such-folder" / "note.md"
    r = unres(*command, "--out", str(out))
    assert r.returncode == 2
    assert r.stderr.decode().strip().endswith(f"cannot write {out}: the folder {out.parent} does not exist")


def test_eval_reports_replace_planted_links_instead_of_following_them(unres, tmp_path):
    out = tmp_path / "report"
    out.mkdir()
    victims = {}
    for name in ("report.json", "report.md", "categories.png"):
        victims[name] = tmp_path / f"victim-{name}"
        victims[name].write_text("precious")
        (out / name).symlink_to(victims[name])
    r = unres("eval", "--out", str(out))
    assert r.returncode == 0, r.stderr.decode()
    assert all(v.read_text() == "precious" for v in victims.values())
    for name in victims:
        assert (out / name).is_file() and not (out / name).is_symlink() and (out / name).stat().st_size > 100
    assert sorted(p.name for p in out.iterdir()) == sorted(victims)  # no temporary file left behind
    assert (out / "categories.png").read_bytes()[:4] == b"\x89PNG"


def test_a_failed_write_leaves_nothing(tmp_path):
    def broken(fh):
        fh.write(b"half")
        raise OSError(28, "No space left on device")

    from assistant.files import write_file

    with pytest.raises(OSError):
        write_file(tmp_path / "x.md", broken)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(OutputError, match="it is a folder"):
        write_text(tmp_path, "x")
    write_text(tmp_path / "y.md", "text")
    assert oct((tmp_path / "y.md").stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
