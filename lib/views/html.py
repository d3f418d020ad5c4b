"""Diff segments → safe HTML. The only place Redline turns user text into markup.

Every piece of user text goes through `esc()` first; only then are our own tags added. Insertions
are <ins>, deletions <del> (semantic HTML, readable by screen readers and in the exported report),
coloured green/red AND underlined/struck through, so red-green colour-blind readers and printouts
lose nothing. Differences a reader cannot see (NBSP, zero-width characters, tabs, line breaks,
trailing spaces) get a visible marker inside changed text.
"""
from __future__ import annotations

import html
import re
from typing import Sequence

from lib.align.diff import Segment

# Longest text drawn per side of one card. A 1 MB answer would make a page the browser chokes
# on; the rest is counted and the reader is told (the exported report uses the same cap).
MAX_RENDER_CHARS = 20_000

# Colours with alpha over the theme's own text colour: readable on light and dark backgrounds.
DIFF_CSS = """
.rl-diff { white-space: pre-wrap; overflow-wrap: anywhere; word-break: normal; line-height: 1.6;
  font-size: .95rem; margin: 0; unicode-bidi: plaintext; }
.rl-diff ins, .rl-snippet ins { background: rgba(46, 160, 67, .22); color: inherit;
  text-decoration: underline; text-decoration-color: rgba(46, 160, 67, .9);
  text-decoration-thickness: 2px; text-underline-offset: 2px; border-radius: 2px; }
.rl-diff del, .rl-snippet del { background: rgba(248, 81, 73, .20); color: inherit;
  text-decoration: line-through; text-decoration-color: rgba(248, 81, 73, .95);
  text-decoration-thickness: 2px; border-radius: 2px; }
.rl-diff del + ins, .rl-snippet del + ins { margin-left: .15em; }
.rl-mark { font-size: .72em; padding: 0 .15em; margin: 0 .05em; border: 1px solid currentColor;
  border-radius: 3px; opacity: .8; text-decoration: none; display: inline-block; line-height: 1.2; }
.rl-card { border: 1px solid rgba(128, 128, 128, .35); border-radius: .6rem; padding: .7rem .9rem;
  margin: 0 0 .8rem 0; }
.rl-card.rl-focus { outline: 3px solid rgba(28, 131, 225, .75); outline-offset: 2px; }
.rl-card-head { display: flex; flex-wrap: wrap; gap: .35rem .6rem; align-items: baseline;
  margin-bottom: .45rem; }
.rl-model { font-weight: 650; font-size: 1.02rem; overflow-wrap: anywhere; unicode-bidi: isolate; }
.rl-badge, .rl-stat { unicode-bidi: isolate; }
.rl-badge { font-size: .78rem; padding: .05rem .45rem; border-radius: 1rem;
  border: 1px solid rgba(128, 128, 128, .45); white-space: nowrap; }
.rl-badge-exact { background: rgba(46, 160, 67, .18); border-color: rgba(46, 160, 67, .6); }
.rl-badge-diff { background: rgba(248, 81, 73, .12); border-color: rgba(248, 81, 73, .5); }
.rl-badge-flag { background: rgba(210, 153, 34, .16); border-color: rgba(210, 153, 34, .6); }
.rl-badge-code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .74rem; }
.rl-stat { font-size: .85rem; opacity: .8; white-space: nowrap; }
.rl-ref { border-left: 4px solid rgba(128, 128, 128, .5); padding: .5rem .9rem; margin: 0 0 1rem 0;
  background: rgba(128, 128, 128, .07); border-radius: 0 .5rem .5rem 0; }
.rl-ref h4, .rl-card h4 { margin: 0 0 .3rem 0; font-size: .8rem; text-transform: uppercase;
  letter-spacing: .04em; opacity: .7; padding: 0; }
.rl-sbs { display: grid; grid-template-columns: 1fr 1fr; gap: .2rem 1rem; }
.rl-sbs > .rl-col-head { font-size: .78rem; text-transform: uppercase; letter-spacing: .04em; opacity: .7; }
.rl-note { font-size: .85rem; opacity: .85; margin: .35rem 0; font-style: italic; }
.rl-legend { font-size: .85rem; margin: 0 0 .6rem 0; opacity: .9; }
.rl-snippet { white-space: pre-wrap; overflow-wrap: anywhere; }
.rl-table { border-collapse: collapse; font-size: .85rem; width: 100%; }
.rl-table th, .rl-table td { border-bottom: 1px solid rgba(128, 128, 128, .3); padding: .25rem .5rem;
  text-align: left; vertical-align: top; }
.rl-table td:first-child { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; white-space: nowrap; }
/* Narrow screens: one column, each text labelled (the shared column heads would sit far above). */
@media (max-width: 560px) { .rl-sbs { grid-template-columns: 1fr; } .rl-sbs > .rl-col-head { display: none; }
  .rl-sbs > [data-label]::before { content: attr(data-label); display: block; font-size: .72rem;
    text-transform: uppercase; letter-spacing: .04em; opacity: .7; margin-top: .3rem; } }
"""

# Proofreading marks (lib.views.verdicts): a colour, a shape and a word for each verdict.
VERDICT_CSS = """
.rl-v { border-radius: 3px; padding: 0 .1em; }
.rl-v-tag { font-size: .68em; font-weight: 600; padding: 0 .3em; margin-left: .15em; border-radius: .6em;
  border: 1px solid currentColor; white-space: nowrap; vertical-align: .15em; opacity: .9; }
.rl-v-fixed { background: rgba(46, 160, 67, .16); border-bottom: 2px solid rgba(46, 160, 67, .95); }
.rl-v-wrong_fix { background: rgba(210, 153, 34, .16); outline: 2px dashed rgba(210, 153, 34, .95); outline-offset: 1px; }
.rl-v-over_correction { background: rgba(248, 81, 73, .14); text-decoration: underline wavy rgba(248, 81, 73, .95);
  text-decoration-skip-ink: none; text-underline-offset: 4px; }
.rl-v-missed { outline: 2px dotted rgba(56, 139, 253, .95); outline-offset: 1px; background: rgba(56, 139, 253, .10); }
.rl-v-fixed .rl-v-tag { color: rgb(26, 127, 55); } .rl-v-wrong_fix .rl-v-tag { color: rgb(154, 103, 0); }
.rl-v-over_correction .rl-v-tag { color: rgb(207, 34, 46); } .rl-v-missed .rl-v-tag { color: rgb(9, 105, 218); }
@media (prefers-color-scheme: dark) {
  .rl-v-fixed .rl-v-tag { color: rgb(63, 185, 80); } .rl-v-wrong_fix .rl-v-tag { color: rgb(210, 153, 34); }
  .rl-v-over_correction .rl-v-tag { color: rgb(248, 81, 73); } .rl-v-missed .rl-v-tag { color: rgb(88, 166, 255); } }
"""
DIFF_CSS += VERDICT_CSS

# Invisible or look-alike characters: (marker shown, description for the tooltip).
_INVISIBLE = {
    "\u00a0": ("NBSP", "no-break space U+00A0"),
    "\u200b": ("ZWSP", "zero-width space U+200B"),
    "\u200c": ("ZWNJ", "zero-width non-joiner U+200C"),
    "\u200d": ("ZWJ", "zero-width joiner U+200D"),
    "\u2060": ("WJ", "word joiner U+2060"),
    "\ufeff": ("BOM", "zero-width no-break space U+FEFF"),
    "\u3000": ("□", "ideographic (full-width) space U+3000"),
    "\t": ("→", "tab"),
}
_INVISIBLE_RE = re.compile("[" + "".join(_INVISIBLE) + "]|\r\n|\n|\r")
# Inside a change made only of spaces (a doubled space, trailing spaces), the spaces are the news.
_SPACES_ONLY_RE = re.compile(" +")
# A ZWJ between emoji is part of the picture (👩‍💻), not a hidden character.
_EMOJI_JOIN_RE = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]\u200d(?=[\U0001F000-\U0001FAFF\u2600-\u27BF])")


def count(n: int, noun: str) -> str:
    """ "1 sample", "16 answers" (English plural by -s: the nouns Redline counts all take it)."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def esc(text: object) -> str:
    """HTML-escape user text (quotes too: it may land in attributes)."""
    return html.escape(str(text), quote=True)


# Streamlit renders labels, st.status/st.info text and captions as Markdown ($…$ as math, links).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|$<>~:&=])")
# Bidirectional controls: inside a name they reorder the text after it (a list of model names).
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def label_text(text: object) -> str:
    """User text (a file name) for a Streamlit label or message, which render Markdown: every
    Markdown character backslash-escaped, line breaks as spaces, so it reads exactly as written."""
    flat = " ".join(str(text).splitlines())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)


def isolate(name: object) -> str:
    """A name as its own bidirectional island (FSI … PDI), its own bidi controls shown as code
    points: a name holding U+202E cannot reverse the names listed after it. Plain text; escape
    it as usual where it goes into HTML."""
    shown = _BIDI_CONTROLS.sub(lambda m: f"<U+{ord(m.group(0)):04X}>", str(name))
    return f"\u2068{shown}\u2069"


def _mark(symbol: str, title: str) -> str:
    return f'<span class="rl-mark" title="{esc(title)}" aria-label="{esc(title)}">{esc(symbol)}</span>'


def show_invisible(text: str) -> str:
    """Escaped `text` with invisible differences made visible (used inside <ins>/<del> only).

    Ordinary spaces are marked only when the change holds no letter or digit: a deleted word's
    trailing space is not news, but a doubled or trailing space is, and so are the spaces of a
    punctuation swap (" -- " → "—" drops two spaces, which a struck-through blank would hide).
    """
    pattern = None if any(ch.isalnum() for ch in text) else _SPACES_ONLY_RE
    protected = _EMOJI_JOIN_RE.sub(lambda m: m.group(0).replace("\u200d", "\x00"), text)

    def replace(m: re.Match[str]) -> str:
        s = m.group(0)
        if s in ("\r\n", "\n", "\r"):
            return _mark("↵", "line break" if s == "\n" else "Windows line break (CR LF)" if s == "\r\n" else "carriage return") + "\n"
        if s.startswith(" "):
            return _mark("␣" * len(s), f"{len(s)} space{'s' if len(s) > 1 else ''}")
        return _mark(*_INVISIBLE[s])

    out = []
    last = 0
    matches = list(_INVISIBLE_RE.finditer(protected))
    if pattern is not None:
        matches = sorted(matches + list(pattern.finditer(protected)), key=lambda m: m.start())
    for m in matches:
        out.append(esc(protected[last:m.start()]))
        out.append(replace(m))
        last = m.end()
    out.append(esc(protected[last:]))
    return "".join(out).replace("\x00", "\u200d")


def cut_segments(segments: Sequence[Segment], side: str | None, limit: int) -> tuple[list[Segment], int]:
    """Segments cut to `limit` characters (of the side drawn); returns them and what was left out."""
    out: list[Segment] = []
    used = hidden = 0
    for seg in segments:
        length = len(seg.ref if (side == "ref" or (side is None and seg.op == "delete")) else seg.ans)
        if used >= limit:
            hidden += length
            continue
        if used + length > limit:
            keep = limit - used
            out.append(Segment(seg.op, seg.ref[:keep], seg.ans[:keep]))
            hidden += length - keep
            used = limit
            continue
        out.append(seg)
        used += length
    return out, hidden


def more_note(hidden: int) -> str:
    if not hidden:
        return ""
    return f'<div class="rl-note">… {hidden:,} more characters not shown (display limit {MAX_RENDER_CHARS:,}).</div>'


def inline_html(segments: Sequence[Segment], limit: int = MAX_RENDER_CHARS) -> str:
    """One text: equal runs as the answer wrote them, <del> reference-only text, <ins> answer-only text."""
    shown, hidden = cut_segments(segments, None, limit)
    parts = []
    for seg in shown:
        if seg.op == "equal":
            parts.append(esc(seg.ans))
        elif seg.op == "delete":
            parts.append(f"<del>{show_invisible(seg.ref)}</del>")
        else:
            parts.append(f"<ins>{show_invisible(seg.ans)}</ins>")
    return f'<div class="rl-diff">{"".join(parts)}</div>{more_note(hidden)}'


def plain_html(text: str, limit: int = MAX_RENDER_CHARS) -> str:
    """User text as-is (escaped), for the reference/source blocks and the timed-out fallback."""
    hidden = max(len(text) - limit, 0)
    return f'<div class="rl-diff">{esc(text[:limit])}</div>{more_note(hidden)}'


def table_html(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain table, every cell escaped (no Markdown: "--" stays two hyphens)."""
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="rl-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def badge(text: str, kind: str = "", title: str = "") -> str:
    cls = f"rl-badge rl-badge-{kind}" if kind else "rl-badge"
    tip = f' title="{esc(title)}"' if title else ""
    return f'<span class="{cls}"{tip}>{esc(text)}</span>'


def snippet_html(before: str, removed: str, added: str, after: str) -> str:
    """An edit in context: a few words either side, the change as <del>/<ins>."""
    parts = [esc(before)]
    if removed:
        parts.append(f"<del>{show_invisible(removed)}</del>")
    if added:
        parts.append(f"<ins>{show_invisible(added)}</ins>")
    parts.append(esc(after))
    return f'<span class="rl-snippet">{"".join(parts)}</span>'


LEGEND_HTML = (
    '<div class="rl-legend"><ins>underlined green</ins>: only in the answer · '
    "<del>struck-through red</del>: in the reference, missing from the answer · "
    + _mark("NBSP", "example marker") + " " + _mark("↵", "example marker")
    + " mark invisible characters (hover for what they are)</div>"
)

