"""Several results files as one dataset: uploads, a .zip of a results folder, folders on the CLI.

Frameworks write one file per model and task, so comparing models means loading several. Each
file is read on its own (its model from its own metadata, else its folder); a file that cannot be
read is named and skipped while the others load. A framework's run folder is read once: a HELM run
folder's display files are the same answers as its scenario_state.json, and an OpenCompass
results/ file with details the same as its predictions/ file. The same model name from two
files answering the same samples gets the file in its label, so the answers stay apart.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Sequence

import pandas as pd

from lib.load import limits
from lib.load.canonical import _number_runs
from lib.load.dataset import CANONICAL_COLUMNS, Dataset, FileReport, LoadError, LoadOptions, LoadReport, LoadWarning
from lib.load.frameworks import helm

# What a results folder holds that is worth reading; anything else in a folder or zip is skipped.
RESULT_EXTENSIONS = {".md", ".markdown", ".csv", ".tsv", ".tab", ".txt", ".json", ".jsonl", ".ndjson", ".xlsx",
                     ".parquet", ".eval"}
# Files a framework writes beside its answers that hold no answers (scores, configs, listings).
_COMPANIONS = ("run_spec.json", "scenario.json", "stats.json", "per_instance_stats.json", "display_requests.json",
               "covariates.json", "logs.json", "summary.json", "schema.json", "costs.json")


@dataclass(frozen=True)
class InputFile:
    name: str          # shown in messages and labels: the path inside the zip or folder
    data: bytes
    path: str | None   # where the folders name the model (lm-eval, OpenCompass, lighteval, HELM)


def _wanted(name: str) -> bool:
    p = PurePosixPath(name)
    if any(part.startswith("__MACOSX") for part in p.parts):
        return False
    if p.name.startswith(".") and p.name != ".latest_test_run.json":
        return False
    return p.suffix.lower() in RESULT_EXTENSIONS and not (p.name.startswith("results_") and p.suffix == ".json"
                                                          and _lm_eval_results(p.name))


def _lm_eval_results(name: str) -> bool:
    return name.startswith("results_") and name[8:12].isdigit()  # lm-eval's aggregated scores file


def unzip(data: bytes, name: str) -> list[InputFile]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise LoadError(f"{name} is not a readable zip file ({exc}).") from None
    infos = [i for i in archive.infolist() if not i.is_dir() and _wanted(i.filename)]
    most = limits.current().expanded_bytes  # the same bound as an XLSX's: nothing is unpacked past it
    unpacked = sum(i.file_size for i in infos)
    if unpacked > most:
        raise LoadError(f"{name}: the zip unpacks to {limits.mb(unpacked)}; Redline unpacks at most {limits.mb(most)} "
                        f"({limits.ENV['expanded_bytes']}). Load the results files themselves.")
    return [InputFile(i.filename, archive.read(i), i.filename) for i in infos]


def files_in(paths: Sequence[str | Path]) -> list[InputFile]:
    """Files and folders (walked) as inputs; a missing path is an error naming it."""
    out, seen = [], set()
    for p in map(Path, paths):
        if p.is_dir():
            found = [(f, f.relative_to(p.parent).as_posix()) for f in sorted(p.rglob("*"))]
        elif p.is_file():
            found = [(p, p.name if len(paths) == 1 else str(p))]
        else:
            raise LoadError(f"{p}: no such file or folder.")
        for f, shown in found:
            if f.is_file() and _wanted(shown) and f.resolve() not in seen:  # a file named twice is read once
                seen.add(f.resolve())
                out.append(InputFile(shown, f.read_bytes(), str(f)))
    return out


def _one_read_per_run(files: list[InputFile]) -> tuple[list[InputFile], list[str]]:
    """HELM: scenario_state.json, else display_predictions.json + instances.json, once per run
    folder; their companion files (stats, specs) hold no answers."""
    folders: dict[str, set[str]] = {}
    for f in files:
        p = PurePosixPath(f.name)
        folders.setdefault(str(p.parent), set()).add(p.name)
    keep, notes = [], []
    for f in files:
        p = PurePosixPath(f.name)
        names = folders[str(p.parent)]
        helm_run = helm.SCENARIO_STATE in names or helm.PREDICTIONS in names
        if helm_run and p.name in _COMPANIONS + (helm.INSTANCES,):
            continue
        if helm_run and p.name == helm.PREDICTIONS and helm.SCENARIO_STATE in names:
            notes.append(f"{f.name}: the same answers as {helm.SCENARIO_STATE} beside it; read once.")
            continue
        if p.name in ("logs.json",):
            continue
        keep.append(f)
    return keep, notes


def load_archive(data: bytes, name: str, options: LoadOptions = LoadOptions()) -> Dataset:
    files = unzip(data, name)
    if not files:
        raise LoadError(f"{name}: the zip holds no results files (.json, .jsonl, .csv, .eval, .parquet, …).")
    return load_many(files, name, options=options)


def load_many(files: list[InputFile], name: str | None = None, several: bool = True,
              options: LoadOptions = LoadOptions()) -> Dataset:
    """`files` as one dataset named `name` ("N files" by default); one file alone (`several`
    False) loads as itself. Only `options.roles` applies, to every file that has the column."""
    from lib.load.loader import load_bytes  # the loader dispatches zips here: import at call time

    everything = files
    files, notes = _one_read_per_run(files)
    if len(files) == 1 and not several:
        f = files[0]
        return load_bytes(f.data, f.name, LoadOptions(roles=options.roles), path=f.path)
    name = name or f"{len(files)} file{'s' if len(files) != 1 else ''}"
    loaded: list[tuple[InputFile, Dataset]] = []
    reports: list[FileReport] = []
    for f in files:
        try:
            ds = _load_file(f, everything, load_bytes, LoadOptions(roles=options.roles))
        except LoadError as exc:
            reports.append(FileReport(f.name, error=str(exc)))
            continue
        except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:  # a shape no rule foresaw
            reports.append(FileReport(f.name, error=f"{f.name} could not be read ({type(exc).__name__}: {exc})."))
            continue
        loaded.append((f, ds))
        r = ds.report
        reports.append(FileReport(f.name, r.framework or r.format, r.rows, r.models,
                                  tuple(r.warning_text(w) for w in r.warnings)))
    loaded = _drop_opencompass_copies(loaded, notes)
    kept = {f.name for f, _ in loaded}
    reports = [r if r.error or r.name in kept else FileReport(r.name, r.format, 0, (), ("read once: the same answers "
                                                                                      "as another file",))
               for r in reports]
    if not loaded:
        errors = "; ".join(r.error for r in reports) or "no results files"
        raise LoadError(f"{name}: none of the {len(files)} files could be loaded ({errors[:600]}).")
    return _combine(loaded, reports, notes, name)


def _load_file(f: InputFile, files: list[InputFile], load_bytes, options: LoadOptions) -> Dataset:
    p = PurePosixPath(f.name)
    if p.name == helm.PREDICTIONS:  # joined with the run folder's instances.json
        import json

        from lib.load.loader import dataset_from_table
        from lib.load.table import Source

        instances = next((g for g in files if PurePosixPath(g.name) == p.with_name(helm.INSTANCES)), None)
        source = Source(f.name, options, f.path)
        try:
            predictions, listed = json.loads(f.data), json.loads(instances.data) if instances else None
        except ValueError as exc:
            raise LoadError(f"{f.name}: invalid JSON ({exc}).") from None
        table = helm.read_display(predictions, listed, source)
        return dataset_from_table(table, f.name, options)
    return load_bytes(f.data, f.name, options, path=f.path)


def _drop_opencompass_copies(loaded: list, notes: list[str]) -> list:
    """predictions/<model>/<ds>.json and results/<model>/<ds>.json are one run's answers twice."""
    results = {PurePosixPath(f.name).parts[-2:] for f, ds in loaded
               if ds.report.format == "opencompass" and "results" in PurePosixPath(f.name).parts}
    keep = []
    for f, ds in loaded:
        parts = PurePosixPath(f.name).parts
        if ds.report.format == "opencompass" and "predictions" in parts and parts[-2:] in results:
            notes.append(f"{f.name}: the same answers as results/{'/'.join(parts[-2:])} (which has the "
                         "references and extracted answers); read once.")
            continue
        keep.append((f, ds))
    return keep


def _combine(loaded: list[tuple[InputFile, Dataset]], reports: list[FileReport], notes: list[str],
             name: str) -> Dataset:
    frames = []
    tasks = {ds.report.task for _, ds in loaded if ds.report.task}
    for f, ds in loaded:
        frame = ds.frame.copy()
        if len(tasks) > 1 and ds.report.task:  # doc 0 of gsm8k is not doc 0 of arc
            frame["sample_id"] = ds.report.task + "/" + frame["sample_id"]
        frame["file"] = f.name
        frames.append(frame)
    _label_by_file(frames)
    frame = pd.concat(frames, ignore_index=True, sort=False)
    metadata = [c for c in frame.columns if c not in CANONICAL_COLUMNS]
    frame[metadata] = frame[metadata].fillna("")
    run_warnings = _number_runs(frame)
    warnings = [LoadWarning(None, n) for n in notes]
    for r in reports:
        if r.error:
            warnings.append(LoadWarning(None, f"skipped — {r.error}"))
        warnings += [LoadWarning(None, f"{r.name}: {w}") for w in r.warnings]
    warnings += run_warnings
    report = LoadReport(
        name=name, format="several", encoding=", ".join(dict.fromkeys(ds.report.encoding for _, ds in loaded)),
        shape="long", columns={"model": "(each file's own; see Files)"}, rows=len(frame),
        samples=int(frame["sample_id"].nunique()), models=tuple(dict.fromkeys(frame["model_name"])),
        warnings=tuple(warnings), files=tuple(reports),
    )
    return Dataset(frame=frame[list(CANONICAL_COLUMNS) + metadata], report=report,
                   has_source=bool((frame["source"] != "").any()), metadata_columns=tuple(metadata))


def _label_by_file(frames: list[pd.DataFrame]) -> None:
    """A model name that answers the same samples in two files is two runs of it: label each by its file."""
    seen: dict[str, list[tuple[int, set]]] = {}
    for i, frame in enumerate(frames):
        for model, group in frame.groupby("model_name", sort=False):
            seen.setdefault(model, []).append((i, set(group["sample_id"])))
    for model, where in seen.items():
        clash = len(where) > 1 and any(a[1] & b[1] for k, a in enumerate(where) for b in where[k + 1:])
        if not clash:
            continue
        for i, _ in where:
            frame = frames[i]
            stem = PurePosixPath(frame["file"].iloc[0]).stem
            frame.loc[frame["model_name"] == model, "model_name"] = f"{model} ({stem})"
