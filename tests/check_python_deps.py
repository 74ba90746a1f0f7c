#!/usr/bin/python3
"""Guards the Python side of the test and build set-up (stdlib only).

A green CI on a machine that already has a package hides a missing install step, so
this check reads the files themselves instead of trusting the machine:

  check_python_deps.py --static ROOT [--install-script FILE]
      Every module imported by a .py file under tests/, bench/, scripts/ and tools/ is
      either in the standard library, a module of the project itself, or listed in
      MODULE_PACKAGES below, and that package is installed by scripts/install-deps.sh.
      Every .py script starts with Debian's interpreter (#!/usr/bin/python3), and no
      shell script or CMake file runs a bare `python3`: pyenv, conda or a venv may come
      first on PATH, without python3-torch.

  check_python_deps.py --importable SCRIPT...
      Run by the fixture interpreter at configure time: imports every third-party
      module the scripts import and names the Debian package of each one that fails.

Exit status 0 when all is well, 1 with one line per problem otherwise.
"""
import ast
import importlib
import pathlib
import re
import sys

# Third-party modules the project's Python may import, and the Debian package that
# provides each for /usr/bin/python3. A new import must be added here (the check
# fails until it is), and its package to scripts/install-deps.sh.
MODULE_PACKAGES = {
    "numpy": "python3-numpy",
    "torch": "python3-torch",
    "PIL": "python3-pil",
    "skimage": "python3-skimage",
}

SCANNED_DIRS = ("tests", "bench", "scripts", "tools")
INSTALL_SCRIPT = "scripts/install-deps.sh"


def imported_modules(path):
    """Top-level module names imported anywhere in a Python file (absolute imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def local_modules(root):
    """Modules that are files of the project itself (e.g. tests/fixtures/rdbm_reference.py)."""
    return {p.stem for d in SCANNED_DIRS for p in (root / d).rglob("*.py")}


def installed_packages(install_script):
    """The package names inside the PKGS=( ... ) array of scripts/install-deps.sh."""
    text = install_script.read_text(encoding="utf-8")
    m = re.search(r"PKGS=\((.*?)\)", text, re.S)
    if not m:
        raise SystemExit(f"{install_script}: no PKGS=( ... ) array found")
    body = "\n".join(line.split("#", 1)[0] for line in m.group(1).splitlines())
    return set(body.split())


def python_files(root):
    return sorted(p for d in SCANNED_DIRS for p in (root / d).rglob("*.py"))


def check_static(root, install_script=None):
    problems = []
    packages = installed_packages(install_script or root / INSTALL_SCRIPT)
    local = local_modules(root)
    stdlib = set(sys.stdlib_module_names)
    for path in python_files(root):
        rel = path.relative_to(root)
        for mod in sorted(imported_modules(path)):
            if mod in stdlib or mod in local:
                continue
            pkg = MODULE_PACKAGES.get(mod)
            if pkg is None:
                problems.append(f"{rel}: imports '{mod}', which has no Debian package in "
                                f"tests/check_python_deps.py MODULE_PACKAGES")
            elif pkg not in packages:
                problems.append(f"{rel}: imports '{mod}', but {INSTALL_SCRIPT} never installs {pkg}")
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        if first.startswith("#!") and first.strip() != "#!/usr/bin/python3":
            problems.append(f"{rel}: shebang '{first.strip()}' may pick another python3 "
                            f"from PATH; use #!/usr/bin/python3")
    # A bare `python3` (not /usr/bin/python3) at the start of a command in a shell script
    # or CMake file runs whatever is first on PATH.
    bare = re.compile(r"(^\s*|[;&|(`]\s*|\bCOMMAND\s+|\bexec\s+|=)python3?(?![\w./-])")
    for pattern in ("*.sh", "CMakeLists.txt", "run"):
        for path in sorted(root.rglob(pattern)):
            rel = path.relative_to(root)
            if rel.parts[0] in ("build", ".git") or rel.parts[0].startswith("build-"):
                continue
            for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("#", 1)[0]
                if bare.search(code):
                    problems.append(f"{rel}:{no}: runs a bare python3; use /usr/bin/python3 "
                                    f"(Debian's, with python3-torch)")
    return problems


def check_importable(scripts):
    problems = []
    for script in scripts:
        path = pathlib.Path(script)
        local = {p.stem for p in path.parent.glob("*.py")}
        for mod in sorted(imported_modules(path)):
            if mod in sys.stdlib_module_names or mod in local:
                continue
            try:
                importlib.import_module(mod)
            except Exception as e:  # any failure to import is the same missing-package fix
                pkg = MODULE_PACKAGES.get(mod, f"the package providing '{mod}'")
                problems.append(f"{path.name} needs Python module '{mod}' ({type(e).__name__}: {e}); "
                                f"install {pkg} for {sys.executable} "
                                f"(bash scripts/install-deps.sh does)")
    return problems


def main(argv):
    if len(argv) in (2, 4) and argv[0] == "--static":
        script = pathlib.Path(argv[3]) if len(argv) == 4 and argv[2] == "--install-script" else None
        problems = check_static(pathlib.Path(argv[1]).resolve(), script)
    elif len(argv) >= 2 and argv[0] == "--importable":
        problems = check_importable(argv[1:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for p in problems:
        print(p)
    if not problems:
        print("python dependencies: all imports are installed by " + INSTALL_SCRIPT
              if argv[0] == "--static" else "fixture modules: all importable")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
