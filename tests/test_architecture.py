"""The import-linter contracts of pyproject.toml hold, and they do catch what they forbid.

The contracts (layers ``text`` < ``linkage`` < ``core`` < ``accounts`` < ``cases`` <
``evidence`` | ``library`` < ``missing`` < ``cli``, and no import cycle between the modules of
any package) are run on the real tree; then the same contracts are run on a copy of the
package with one deliberate up-import, and on one with a service importing its tasks back, and
must fail naming the offending import. The offline package verifier (what `mizan verify-package`
runs) is checked the same way: an import of a building module, or of Django, breaks its contract.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "mizan"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(source_root: Path) -> subprocess.CompletedProcess[str]:
    """Run lint-imports with the project's contracts on the package found under source_root."""
    env = {**os.environ, "PYTHONPATH": str(source_root), "NO_COLOR": "1"}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=source_root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def copy_of_package(tmp_path: Path) -> Path:
    shutil.copytree(
        PACKAGE,
        tmp_path / "mizan",
        ignore=shutil.ignore_patterns("static", "templates", "locale", "__pycache__", "*.json"),
    )
    return tmp_path


def append_line(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_the_contracts_hold_on_the_code_as_it_is() -> None:
    result = lint_imports(ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_the_copy_is_what_lint_imports_reads(tmp_path: Path) -> None:
    """Guards the two tests below: unchanged, the copy passes (so their failures are the edit's)."""
    result = lint_imports(copy_of_package(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_import_up_the_stack_breaks_the_layers_contract(tmp_path: Path) -> None:
    root = copy_of_package(tmp_path)
    append_line(root / "mizan" / "core" / "selectors.py", "from mizan.cases.models import Person")
    result = lint_imports(root)
    assert result.returncode == 1
    assert "Apps are layered: nothing imports up the stack BROKEN" in result.stdout
    assert "mizan.core.selectors -> mizan.cases.models" in result.stdout


def test_a_service_importing_its_tasks_breaks_the_acyclic_contract(tmp_path: Path) -> None:
    root = copy_of_package(tmp_path)
    append_line(root / "mizan" / "library" / "services.py", "from mizan.library import tasks")
    result = lint_imports(root)
    assert result.returncode == 1
    assert "No import cycle between the modules of an app BROKEN" in result.stdout
    assert "No cycles are allowed in mizan.library" in result.stdout


def test_the_offline_verifier_importing_a_building_module_breaks_its_contract(
    tmp_path: Path,
) -> None:
    root = copy_of_package(tmp_path)
    verifier = root / "mizan" / "evidence" / "package" / "verify.py"
    append_line(verifier, "from mizan.evidence.package.names import safe_filename")
    result = lint_imports(root)
    assert result.returncode == 1
    assert "The offline package verifier imports nothing that builds BROKEN" in result.stdout
    assert "mizan.evidence.package.verify -> mizan.evidence.package.names" in result.stdout
    # Only that contract: the import makes no cycle and goes up no layer.
    assert "Apps are layered: nothing imports up the stack KEPT" in result.stdout
    assert "No import cycle between the modules of an app KEPT" in result.stdout


def test_the_package_format_importing_django_breaks_the_verifier_contract(tmp_path: Path) -> None:
    root = copy_of_package(tmp_path)
    append_line(root / "mizan" / "evidence" / "package" / "layout.py", "import django")
    result = lint_imports(root)
    assert result.returncode == 1
    assert "The offline package verifier imports nothing that builds BROKEN" in result.stdout
    assert "mizan.evidence.package.layout is not allowed to import django" in result.stdout
