"""What of the Windows build can be checked on Linux (#14): the installer script's version and
file list come from the package, names are valid on Windows, and no POSIX-only call is reached
on the Windows code path without a platform check.

The installer itself (Inno Setup) and the frozen Windows app are built only by
.github/workflows/windows.yml on a Windows runner.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

import onestop_desktop
from onestop_desktop import paths

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "onestop_desktop"
INSTALLER = ROOT / "installer"

sys.path.insert(0, str(INSTALLER))
import make_icons  # noqa: E402
import make_version_iss  # noqa: E402

WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10)
}
WINDOWS_BAD_CHARS = set('<>:"|?*') | {chr(c) for c in range(32)}


def windows_name_problem(name: str) -> str | None:
    """Why ``name`` (one path component) cannot exist on Windows, or None."""
    if not name:
        return None
    if set(name) & WINDOWS_BAD_CHARS:
        return "character not allowed on Windows"
    if name.endswith((".", " ")):
        return "ends with a dot or a space"
    if name.split(".")[0].upper() in WINDOWS_RESERVED:
        return "reserved device name"
    return None


def iss_text() -> str:
    return (INSTALLER / "onestop.iss").read_text(encoding="utf-8-sig")


def spec_constant(name: str) -> str:
    match = re.search(rf'^{name} = "([^"]+)"', (ROOT / "build.spec").read_text(), re.M)
    assert match, f"build.spec has no {name}"
    return match.group(1)


# --- the installer script --------------------------------------------------------------------


def test_version_iss_is_the_package_version(tmp_path: Path) -> None:
    out = tmp_path / "version.iss"
    assert make_version_iss.main(["--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert f'#define AppVersion "{onestop_desktop.__version__}"' in text
    numeric = re.search(r'#define AppNumericVersion "([\d.]+)"', text)
    assert numeric and len(numeric.group(1).split(".")) == 4
    assert onestop_desktop.__version__.startswith(numeric.group(1).rstrip(".0")[:1])


@pytest.mark.parametrize(
    ("version", "numeric"), [("0.1.0", "0.1.0.0"), ("1.2", "1.2.0.0"), ("2.0.1rc3", "2.0.1.3")]
)
def test_numeric_version(version: str, numeric: str) -> None:
    assert make_version_iss.numeric_version(version) == numeric


def test_iss_takes_names_and_files_from_the_build() -> None:
    """The script installs build.spec's folder and shortcuts point at build.spec's executable."""
    text = iss_text()
    rendered = make_version_iss.render()
    assert '#include "version.iss"' in text
    assert f'#define DistName "{spec_constant("DIST_NAME")}"' in rendered
    assert f'#define AppExeName "{spec_constant("APP_NAME")}.exe"' in rendered
    assert 'Source: "..\\dist\\{#DistName}\\*"' in text
    assert "recursesubdirs" in text
    # Start menu and desktop shortcuts, per-machine install, fixed AppId.
    assert re.search(
        r'^Name: "\{group\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExeName\}"', text, re.M
    )
    assert re.search(r'^Name: "\{autodesktop\}\\', text, re.M)
    assert re.search(r"^PrivilegesRequired=admin$", text, re.M)
    assert re.search(r"^DefaultDirName=\{autopf\}", text, re.M)
    guid = re.search(r"^AppId=\{\{([0-9A-F-]+)\}$", text, re.M)
    assert guid and re.fullmatch(r"[0-9A-F]{8}-([0-9A-F]{4}-){3}[0-9A-F]{12}", guid.group(1))
    icon = re.search(r"^SetupIconFile=\.\.\\(.+)$", text, re.M)
    assert icon and (ROOT / icon.group(1).replace("\\", "/")).is_file()
    assert "version.iss" in (ROOT / ".gitignore").read_text()


def test_iss_data_folder_is_the_apps_default() -> None:
    """The folder the uninstaller offers to delete is platformdirs' Windows default for the
    names paths.resolve() passes (user_data_dir, not roaming: %LOCALAPPDATA%\\author\\app)."""
    source = Path(paths.__file__).read_text(encoding="utf-8")
    call = re.search(r'user_data_dir\("([^"]+)", "([^"]+)"\)', source)
    assert call, "paths.resolve() no longer calls user_data_dir(app, author)"
    app, author = call.groups()
    assert "roaming" not in source
    assert f"{{localappdata}}\\{author}\\{app}" in iss_text()
    # Kept unless the person agrees, and never in a silent uninstall.
    assert "MB_DEFBUTTON2" in iss_text() and "not UninstallSilent" in iss_text()


def test_windows_workflow_builds_and_compiles_the_installer() -> None:
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in workflow
    steps = ["PyInstaller --noconfirm --clean build.spec", "make_version_iss.py", "iscc installer"]
    positions = [workflow.index(step) for step in steps]
    assert positions == sorted(positions)


def test_icons_are_made_by_the_script() -> None:
    from PIL import Image

    made = make_icons.outputs()
    icons = ROOT / "resources" / "icons"
    for name in made:
        assert (icons / name).is_file(), f"run installer/make_icons.py: {name} missing"
    for size in make_icons.SIZES:
        with Image.open(icons / f"onestop-{size}.png") as image:
            assert image.size == (size, size)
            assert image.mode == "RGBA"
    with Image.open(icons / "onestop.ico") as ico:
        assert {(n, n) for n in make_icons.SIZES} <= set(ico.info["sizes"])
    assert (icons / "onestop.svg").read_bytes() == made["onestop.svg"]
    assert sum((icons / n).stat().st_size for n in made) < 100_000


# --- names valid on Windows ------------------------------------------------------------------


def tracked_files() -> list[str]:
    out = subprocess.run(
        ["git", "ls-files", "resources", "src", "installer"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return [line for line in out.stdout.splitlines() if line]


def test_shipped_file_names_are_valid_on_windows() -> None:
    files = tracked_files() or [str(p.relative_to(ROOT)) for p in (ROOT / "resources").rglob("*")]
    problems = [
        f"{path}: {problem}"
        for path in files
        for part in path.split("/")
        if (problem := windows_name_problem(part))
    ]
    folded: dict[str, str] = {}
    for path in files:
        other = folded.setdefault(path.lower(), path)
        if other != path:
            problems.append(f"{path} and {other} differ only by case")
    assert not problems


def path_components_in_code() -> list[tuple[str, int, str]]:
    """String literals joined into paths with ``/`` (Path division) in src/."""
    found = []
    for file in sorted(SRC.rglob("*.py")):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
                for side in (node.left, node.right):
                    if isinstance(side, ast.Constant) and isinstance(side.value, str):
                        found.append((str(file.relative_to(ROOT)), node.lineno, side.value))
    return found


def test_path_components_in_code_are_valid_on_windows() -> None:
    components = path_components_in_code()
    assert components, "the scan found no path component at all: it is broken"
    problems = [
        f"{file}:{line}: {value!r}: {problem}"
        for file, line, value in components
        for part in value.split("/")
        if (problem := windows_name_problem(part))
    ]
    assert not problems


# --- POSIX-only calls ------------------------------------------------------------------------

POSIX_ONLY_ATTRIBUTES = {
    "os": {
        "fchmod",
        "fchown",
        "chown",
        "lchown",
        "getuid",
        "geteuid",
        "getgid",
        "getegid",
        "fork",
        "killpg",
        "getpgid",
        "setsid",
        "setuid",
        "uname",
        "sync",
        "mkfifo",
    },
    "signal": {"SIGKILL", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "alarm", "pause"},
}
POSIX_ONLY_MODULES = {"fcntl", "pwd", "grp", "termios", "resource", "posix"}
# A use is guarded when an enclosing `if` (or conditional expression) tests one of these,
# or when it sits in a `try` that catches ImportError/AttributeError.
GUARD_WORDS = ("sys.platform", "os.name", "hasattr(", "ON_WINDOWS", "platform.system")


def posix_only_uses(tree: ast.AST) -> list[tuple[int, str, bool]]:
    """(line, what, guarded) for every POSIX-only module import or attribute in ``tree``."""
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node

    def guarded(node: ast.AST) -> bool:
        current = node
        while current in parents:
            parent = parents[current]
            if isinstance(parent, (ast.If, ast.IfExp)) and any(
                word in ast.unparse(parent.test) for word in GUARD_WORDS
            ):
                return True
            if isinstance(parent, ast.Try) and current in parent.body:
                caught = " ".join(ast.unparse(h.type) for h in parent.handlers if h.type)
                if "ImportError" in caught or "AttributeError" in caught:
                    return True
            current = parent
        return False

    uses = []
    for node in ast.walk(tree):
        what = None
        if isinstance(node, ast.Import):
            names = [a.name.split(".")[0] for a in node.names]
            what = next((f"import {n}" for n in names if n in POSIX_ONLY_MODULES), None)
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in POSIX_ONLY_MODULES:
                what = f"from {node.module} import"
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.attr in POSIX_ONLY_ATTRIBUTES.get(node.value.id, ())
        ):
            what = f"{node.value.id}.{node.attr}"
        if what:
            uses.append((getattr(node, "lineno", 0), what, guarded(node)))
    return uses


def test_the_scan_sees_guards() -> None:
    """The scanner itself: it flags bare uses and accepts the guards the code base uses."""
    source = (
        "import os, signal, sys\n"
        "os.fchmod(1, 0o600)\n"  # 2: bare
        "if hasattr(os, 'fchmod'):\n    os.fchmod(1, 0o600)\n"  # 4: guarded
        "if sys.platform != 'win32':\n    os.kill(1, signal.SIGKILL)\n"  # 6: guarded
        "try:\n    import fcntl\nexcept ImportError:\n    fcntl = None\n"  # 8: guarded
        "def f():\n    import fcntl\n"  # 12: bare
    )
    assert sorted(posix_only_uses(ast.parse(source))) == [
        (2, "os.fchmod", False),
        (4, "os.fchmod", True),
        (6, "signal.SIGKILL", True),
        (8, "import fcntl", True),
        (12, "import fcntl", False),
    ]


def test_no_unguarded_posix_only_call_in_src() -> None:
    problems = []
    for file in sorted(SRC.rglob("*.py")):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for line, what, guarded in posix_only_uses(tree):
            if not guarded:
                problems.append(f"{file.relative_to(ROOT)}:{line}: {what} without a platform check")
    assert not problems


def test_no_slash_joined_path_strings_in_src() -> None:
    """Paths are built with pathlib, never by gluing "/" into strings (wrong on Windows)."""
    problems = []
    for file in sorted(SRC.rglob("*.py")):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
                for side in (node.left, node.right):
                    if isinstance(side, ast.Constant) and side.value in ("/", "\\"):
                        problems.append(f"{file.relative_to(ROOT)}:{node.lineno}: + {side.value!r}")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "join"
                and isinstance(node.func.value, ast.Constant)
                and node.func.value.value in ("/", "\\")
            ):
                problems.append(
                    f"{file.relative_to(ROOT)}:{node.lineno}: {node.func.value.value!r}.join"
                )
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and re.match(r"^/(tmp|var|home|usr|etc|opt|dev)(/|$)", node.value)
            ):
                problems.append(f"{file.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert not problems
