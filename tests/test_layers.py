"""The layering check (tools/layers.py): the project passes it, and it catches a
circle hidden in a function, an import up the layers and a forbidden sideways
import, while a package re-exporting its submodules is not a circle."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def layers():
    spec = importlib.util.spec_from_file_location("layers", ROOT / "tools/layers.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["layers"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    yield module
    del sys.modules["layers"]


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_the_project_keeps_its_layers_and_has_no_module_circles(layers, capsys):
    assert layers.main([]) == 0
    out = capsys.readouterr().out
    assert "OK: every import goes down the layers" in out
    assert "core -> (nothing)" in out


def test_a_circle_through_an_import_inside_a_function_fails(layers, tmp_path, capsys):
    root = write(
        tmp_path,
        {
            "core/__init__.py": "",
            "core/a.py": "def f():\n    from core.b import g\n    return g\n",
            "core/b.py": "from . import a\n\ndef g():\n    return a\n",
        },
    )
    assert layers.main(["--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert "CIRCLE of 2 modules: core.a, core.b" in out
    assert "core/a.py:2 imports core.b" in out


def test_a_type_checking_import_counts(layers, tmp_path):
    root = write(
        tmp_path,
        {
            "core/__init__.py": "",
            "core/a.py": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from core.b import B\n",
            "core/b.py": "import core.a\n",
        },
    )
    assert layers.check(root).cycles == [["core.a", "core.b"]]


def test_importing_a_higher_layer_or_a_sibling_domain_app_fails(
    layers, tmp_path, capsys
):
    root = write(
        tmp_path,
        {
            "core/__init__.py": "",
            "core/errors.py": "def f():\n    import cms.models\n",
            "cms/__init__.py": "",
            "cms/models.py": "from core import errors\n",
            "products/__init__.py": "",
            "products/models.py": "from legal.models import Policy\n",
            "legal/__init__.py": "",
            "legal/models.py": "from cms.models import HomePage\n",
        },
    )
    report = layers.check(root)
    assert report.forbidden == [("core", "cms"), ("products", "legal")]
    assert report.cycles == [["cms.models", "core.errors"]]
    assert layers.main(["--root", str(root)]) == 1
    assert "FORBIDDEN core -> cms:" in capsys.readouterr().out


def test_a_package_reexporting_its_submodules_is_no_circle(layers, tmp_path):
    root = write(
        tmp_path,
        {
            "cms/__init__.py": "",
            "cms/models/__init__.py": "from .pages import Home\n"
            "from .settings import Settings\n",
            "cms/models/pages.py": "class Home: ...\n",
            # through the package, resolved to the submodule that defines it
            "cms/models/settings.py": "from cms.models import Home\n",
        },
    )
    report = layers.check(root)
    assert report.ok and not report.cycles
    edges = {(i.source, i.target) for i in layers.collect_imports(root, ["cms"])[0]}
    assert edges == {("cms.models.settings", "cms.models.pages")}


def test_submodules_importing_each_other_through_their_package_still_fail(
    layers, tmp_path
):
    root = write(
        tmp_path,
        {
            "cms/__init__.py": "",
            "cms/models/__init__.py": "from .pages import Home\n"
            "from .settings import Settings\n",
            "cms/models/pages.py": "from cms.models import Settings\n",
            "cms/models/settings.py": "from .. import models\n"
            "from cms.models import Home\n",
        },
    )
    assert layers.check(root).cycles == [["cms.models.pages", "cms.models.settings"]]


def test_migrations_and_tests_are_not_read(layers, tmp_path):
    root = write(
        tmp_path,
        {
            "core/__init__.py": "",
            "core/migrations/0001_initial.py": "import cms.models\n",
            "cms/__init__.py": "",
            "cms/models.py": "",
        },
    )
    assert layers.check(root).ok
