"""Inspect AI eval logs: `.json` (one object) and `.eval` (a zip of JSON entries).

From inspect_ai's `log/_log.py` (EvalLog, EvalSample) and `log/_recorders/eval.py`: a log is
{"version", "status", "eval": {"task", "model", …}, "plan", "results", "stats", "samples": [
{"id", "epoch", "input", "target", "output": {"model", "choices", "completion"}, "scores"}]}. The
answer is `output.completion` (never `output.model`, the model's name); the target is a string or
a list of acceptable strings; `input` is a string or a list of chat messages. A `.eval` file keeps
the same objects as zip entries: `header.json` (the log without samples; `_journal/start.json`
while the eval still runs) and `samples/<id>_epoch_<n>.json`. Since inspect-ai 0.3.220 the
entries are Zstandard-compressed (zip method 93), which Python's zipfile cannot read before
3.14: those are decompressed with the `zstandard` library.
"""
from __future__ import annotations

import io
import json
import struct
import zipfile
from typing import Any

from lib.load import limits
from lib.load.dataset import LoadError, LoadWarning
from lib.load.frameworks.common import Answer, chat_text, content_text, framework_table, reference_list, text
from lib.load.table import ParsedTable, Source

FORMAT = "inspect-ai"
FIELDS = {"sample_id": "id", "model": "eval.model", "answer": "output.completion", "reference": "target", "source": "input"}
ZSTD_METHOD = 93


def is_log(obj: Any) -> bool:
    return (isinstance(obj, dict) and isinstance(obj.get("eval"), dict) and "model" in obj["eval"]
            and "task" in obj["eval"] and "version" in obj)


def is_eval_zip(names: list[str]) -> bool:
    return "header.json" in names or "_journal/start.json" in names


def read_log(obj: dict, source: Source) -> ParsedTable:
    """A `.json` log (samples inline)."""
    samples = obj.get("samples")
    if not isinstance(samples, list):
        samples = []
    return _table(obj, samples, [], source)


def read_eval(data: bytes, source: Source) -> ParsedTable:
    """A `.eval` log: header plus one entry per sample and epoch."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise LoadError(f"{source.name} is not a readable Inspect .eval file ({exc}).") from None
    names = archive.namelist()
    head_name = "header.json" if "header.json" in names else "_journal/start.json"
    header = _json_entry(archive, head_name, source)
    samples, warnings = [], []
    entries = sorted((n for n in names if n.startswith("samples/") and n.endswith(".json")), key=_entry_order)
    for n in entries:
        try:
            samples.append(_json_entry(archive, n, source))
        except LoadError as exc:
            warnings.append(LoadWarning(None, f"{n}: {str(exc).removeprefix(source.name + ': ')}; skipped."))
    if head_name != "header.json":
        warnings.append(LoadWarning(None, "the eval had not finished when this log was written "
                                          "(no header.json); the samples written so far were read."))
    return _table(header, samples, warnings, source)


def _entry_order(name: str) -> tuple:
    stem = name.removeprefix("samples/").removesuffix(".json")
    sid, _, epoch = stem.rpartition("_epoch_")
    return (int(epoch) if epoch.isdigit() else 0, int(sid) if sid.isdigit() else 0, sid)


def _json_entry(archive: zipfile.ZipFile, name: str, source: Source) -> Any:
    try:
        info = archive.getinfo(name)
        raw = _zstd_entry(archive, info) if info.compress_type == ZSTD_METHOD else archive.read(info)
        return json.loads(raw)
    except KeyError:
        raise LoadError(f"{source.name}: the .eval file has no {name}.") from None
    except (ValueError, zipfile.BadZipFile, NotImplementedError, OSError) as exc:
        raise LoadError(f"{source.name}: entry {name} could not be read ({type(exc).__name__}: {exc})") from None


def _zstd_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The bytes of a zstd entry: zipfile finds where they are, zstandard decompresses them."""
    import zstandard

    fp = archive.fp
    fp.seek(info.header_offset)
    local = fp.read(30)
    if local[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile("bad local file header")
    name_len, extra_len = struct.unpack("<HH", local[26:30])
    fp.seek(info.header_offset + 30 + name_len + extra_len)
    compressed = fp.read(info.compress_size)
    bound = limits.current().expanded_bytes  # a zstd bomb is refused, not unpacked into memory
    reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(compressed), read_across_frames=True)
    out = reader.read(bound + 1)
    if len(out) > bound:
        raise ValueError(f"larger than {limits.mb(bound)} once decompressed ({limits.ENV['expanded_bytes']})")
    return out


def _table(header: dict, samples: list, warnings: list[LoadWarning], source: Source) -> ParsedTable:
    ev = header.get("eval") if isinstance(header.get("eval"), dict) else {}
    model = text(ev.get("model")) or "inspect model"
    task = text(ev.get("task"))
    status = text(header.get("status"))
    if status and status != "success":
        error = header.get("error") if isinstance(header.get("error"), dict) else {}
        message = text(error.get("message"))[:200]
        warnings.append(LoadWarning(None, f"the eval ended with status \"{status}\""
                                          + (f" ({message})" if message else "") + "; its samples are shown as logged."))
    if not samples:
        raise LoadError(f"{source.name}: an Inspect AI log of task \"{task}\" with no samples in it "
                        "(written with --no-log-samples, or the eval stopped before any sample ended).")
    answers = []
    for i, s in enumerate(samples, start=1):
        if not isinstance(s, dict):
            warnings.append(LoadWarning(i, "a sample that is not an object; skipped."))
            continue
        output = s.get("output") if isinstance(s.get("output"), dict) else {}
        completion = output.get("completion")
        if completion is None and output.get("choices"):
            message = (output["choices"][0] or {}).get("message", {})
            completion = content_text(message.get("content", ""))
        if s.get("error"):
            err = s["error"].get("message", "") if isinstance(s["error"], dict) else s["error"]
            warnings.append(LoadWarning(i, f"sample {s.get('id')} ended in an error ({text(err)[:120]}); "
                                           "its answer is empty."))
        answers.append(Answer(
            sample_id=text(s.get("id")), model=model, answers={"answer": text(completion)},
            references=reference_list(s.get("target")), source=chat_text(s.get("input")), row=i,
            extra={"epoch": s.get("epoch", 1), "score": _score(s.get("scores"))},
        ))
    return framework_table(answers, source, FORMAT, fields=FIELDS, warnings=warnings, model_from="log", task=task,
                           no_reference="every sample's target is empty")


def _score(scores: Any) -> str:
    """The first scorer's value ("C", 1.0): shown beside the answer, never used to compare."""
    if isinstance(scores, dict) and scores:
        first = next(iter(scores.values()))
        if isinstance(first, dict):
            return text(first.get("value"))
    return ""
