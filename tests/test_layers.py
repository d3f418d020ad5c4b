"""The layers of lib/ import one way — load → align → name → analysis → views → cli — so a
reader can learn them in that order and a change below never needs one above."""
import ast

from tests.conftest import ROOT

ORDER = ["load", "align", "name", "score", "analysis", "views", "cli"]


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "lib" else None


def _imports(path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_every_import_inside_lib_points_to_the_same_or_an_earlier_layer():
    wrong = []
    for path in sorted((ROOT / "lib").rglob("*.py")):
        rel = path.relative_to(ROOT / "lib")
        here = rel.parts[0].removesuffix(".py") if rel.parts[0] not in ("__init__.py", "__main__.py") else "cli"
        if here not in ORDER:
            wrong.append(f"{rel}: not in a known layer")
            continue
        for module in _imports(path):
            there = _layer(module)
            if there is not None and there in ORDER and ORDER.index(there) > ORDER.index(here):
                wrong.append(f"{rel} imports {module}")
    assert wrong == []


def test_lib_never_imports_streamlit():
    assert [str(p.relative_to(ROOT)) for p in (ROOT / "lib").rglob("*.py")
            if any(m.split(".")[0] == "streamlit" for m in _imports(p))] == []


def test_every_package_says_its_job():
    for init in (ROOT / "lib").glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc.split()) >= 5, init


# About 300 lines is what a newcomer reads in one sitting; a module past it has two jobs.
MAX_LINES = 320


def test_no_module_of_lib_is_over_about_300_lines():
    long = {str(p.relative_to(ROOT)): n for p in (ROOT / "lib").rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_no_page_module_is_over_about_300_lines():
    # Pages stay thin (read state → call lib → render); a page past this has grown logic or
    # controls that belong in a helper module beside it or in lib/views.
    long = {str(p.relative_to(ROOT)): n for p in sorted((ROOT / "pages").glob("*.py"))
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
