"""The app under AppTest: time to the first diff, and the server time of interactions."""
from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def first_diff(path: Path) -> dict:
    """Time to the first diff in the app (AppTest, one server process): cold (the file read and
    parsed in the run), then for a second session once the file is read (parse cached, the sample
    analysed anew while the first session's whole-file analysis runs in the background), and how
    long that whole-file analysis takes from the first session's start."""
    os.environ["REDLINE_DATA"] = str(path)
    from streamlit.testing.v1 import AppTest

    def session() -> float:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=900)
        started = time.perf_counter()
        at.run()
        elapsed = time.perf_counter() - started
        assert not at.exception, [e.value for e in at.exception]
        assert "rl-card" in "".join(getattr(e.proto, "body", "") for e in at.get("html")), "no diff drawn"
        return elapsed

    from pages import _analysis

    started = time.perf_counter()
    cold = session()
    # Each AppTest run scans installed packages for Streamlit components (~0.6 s here), which a
    # real server does once at start: after the first session, skip it so the figure is the page's.
    from streamlit.components.v2.component_manager import BidiComponentManager

    BidiComponentManager.discover_and_register_components = lambda self, **_: None
    _analysis._sample_analysis.clear()
    after_read = session()
    _wait_for_whole_analysis(_analysis)
    return {"first_diff_cold_s": round(cold, 3), "first_diff_after_read_s": round(after_read, 3),
            "whole_analysis_in_app_s": round(time.perf_counter() - started, 1)}


def _wait_for_whole_analysis(module) -> float:
    """Seconds until every background analysis job of the app is done."""
    started = time.perf_counter()
    for job in list(module._jobs()._jobs.values()):
        job.done.wait(1800)
    return time.perf_counter() - started


def measure_pages(runs: int) -> tuple[float, float]:
    """Median server time (ms) of a Diffs interaction (next sample) and a Categories one, warm."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=900)
    at.run()
    ids = list(at.selectbox(key="sample").options)[:runs + 1]
    times = []
    for i in range(runs):
        at.session_state["sample"] = ids[(i + 1) % len(ids)].split(" · ")[0]
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
    diffs_ms = statistics.median(times) * 1000
    at.switch_page("pages/categories.py")
    at.run()  # the whole analysis is done (first_diff waited for it): charts built once here
    times = []
    for i in range(runs):
        at.segmented_control(key="cat_measure").set_value("rate" if i % 2 == 0 else "count")
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
    assert not at.exception, [e.value for e in at.exception]
    return diffs_ms, statistics.median(times) * 1000
