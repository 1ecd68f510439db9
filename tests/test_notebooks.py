"""Every notebook runs against the demo warehouse, each in under 60 s, and the HTML report has
every figure. The demo warehouse is built once, by the real `jobmarket demo`."""

import re
import time
from pathlib import Path

import jupytext
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]-*.py"))


def test_there_are_six_notebooks():
    assert [p.stem for p in NOTEBOOKS] == ["01-ai-share", "02-remote-share", "03-country-growth",
                                           "04-salary-by-role", "05-skills-by-role", "06-entry-barrier"]  # fmt: skip


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_against_the_demo_warehouse(path, demo_warehouse):
    notebook = jupytext.read(path)
    [parameters] = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert notebook.cells.index(parameters) == 0
    parameters.source = f"WAREHOUSE = {str(demo_warehouse)!r}"
    started = time.perf_counter()
    NotebookClient(
        notebook, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    assert time.perf_counter() - started < 60
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "the notebook shows no plot"
    assert any("SYNTHETIC DEMO DATA" in o.get("text", "") for o in outputs)  # it says what the data are


def test_html_report_has_every_figure(demo_warehouse, tmp_path):
    from flows.cli import main

    out = tmp_path / "report.html"
    assert (
        main(
            [
                "report",
                "--html",
                str(out),
                "--warehouse",
                str(demo_warehouse.parent.parent / "warehouse.duckdb"),
            ]
        )
        == 0
    )
    page = out.read_text()
    images = re.findall(
        r"<section id='(\w+)'><h2>[^<]*</h2><figure><img alt='[^']*' src='data:image/png;base64,", page
    )
    assert images == [
        "ai_share",
        "remote_share",
        "country_growth",
        "salary_by_role",
        "skills_by_role",
        "entry_barrier",
    ]
    assert (
        "Synthetic demo data." in page and "SYNTHETIC DEMO DATA" in page
    )  # banner and the report's own label
    assert (demo_warehouse.parent / "report.html").exists()  # the demo writes it too
