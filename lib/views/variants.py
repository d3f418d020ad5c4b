"""The variants view as HTML: the baseline once with every place marked, then each place's readings.

The same markup serves the page and the report file. It carries `data-pick` attributes ("p3",
"p3r1") that the page's small click handler reads; in the report they are inert, so the file
still needs no script. Every piece of user text goes through lib.views.html (esc/show_invisible).
"""
from __future__ import annotations

from lib.analysis.variants import Place, Variants
from lib.views.html import MAX_RENDER_CHARS, count, esc, show_invisible

VARIANTS_CSS = """
.rl-variants { margin: 0 0 1rem 0; }
.rl-variants h4 { margin: 0 .6rem .3rem 0; font-size: .8rem; text-transform: uppercase; letter-spacing: .04em;
  opacity: .7; padding: 0; display: inline; }
.rl-variants > .rl-legend { display: inline; }
.rl-vtext { border-left: 4px solid rgba(128, 128, 128, .5); padding: .4rem .8rem; margin: 0 0 .4rem 0;
  background: rgba(128, 128, 128, .07); border-radius: 0 .5rem .5rem 0; }
.rl-place { color: inherit; border-radius: 3px; padding: 0 .1em; cursor: pointer;
  background: rgba(248, 81, 73, calc(.08 + .5 * var(--share, .5)));
  border-bottom: 2px solid rgba(248, 81, 73, .9); }
.rl-place sup, .rl-pnum { font-size: .68em; font-weight: 650; margin-left: .1em; }
.rl-place.rl-point { padding: 0 .15em; }
.rl-place:focus-visible, .rl-pick:focus-visible { outline: 2px solid rgba(28, 131, 225, .9); outline-offset: 1px; }
.rl-place.rl-on, .rl-pick.rl-on { outline: 2px solid rgba(28, 131, 225, .95); outline-offset: 1px;
  background-color: rgba(28, 131, 225, .18); }
.rl-places { list-style: none; padding: 0; margin: 0 0 .4rem 0; display: grid; gap: .25rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 24rem), 1fr)); align-items: start; }
/* On the page the list scrolls so the cards stay near; the report file prints it whole. */
.rl-vroot .rl-places { max-height: 7.5rem; overflow: auto; padding-right: .3rem; position: relative;
  border-bottom: 1px solid rgba(128, 128, 128, .3); }
.rl-vroot .rl-places, .rl-vroot .rl-readings { font-size: .9rem; }
.rl-places > li { border: 1px solid rgba(128, 128, 128, .3); border-radius: .45rem; padding: .2rem .5rem; }
.rl-places > li.rl-dim { opacity: .55; }
.rl-place-head { display: flex; flex-wrap: wrap; gap: .2rem .6rem; align-items: baseline; }
.rl-readings { list-style: none; margin: .1rem 0 0 0; padding: 0 0 0 .8rem; display: grid; gap: .05rem; }
.rl-pick { cursor: pointer; border-radius: .3rem; padding: 0 .25rem; }
.rl-pick:hover, .rl-place:hover { background-color: rgba(28, 131, 225, .12); }
.rl-ctx { opacity: .6; }
.rl-who { font-size: .85rem; opacity: .85; overflow-wrap: anywhere; }
.rl-who details { display: inline; } .rl-who summary { display: inline; cursor: pointer; text-decoration: underline dotted; }
.rl-apart { font-size: .9rem; margin: .2rem 0 .6rem 0; }
"""

# Model names listed in full per reading; the rest open on a click (<details> needs no script).
NAMES_SHOWN = 6
# Characters of a place's own text drawn in the list (a reworded paragraph is one place).
PLACE_CHARS = 160
CONTEXT_CHARS = 18


def who(models: tuple[str, ...] | list[str]) -> str:
    """ "gpto1, gpto1 #2, Llama" — every name reachable, the long tail behind a <details>."""
    shown = ", ".join(esc(m) for m in models[:NAMES_SHOWN])
    rest = models[NAMES_SHOWN:]
    if not rest:
        return f'<span class="rl-who">{shown}</span>'
    more = ", ".join(esc(m) for m in rest)
    return f'<span class="rl-who">{shown}, <details><summary>{len(rest)} more</summary>{more}</details></span>'


def _short(text: str) -> str:
    return text if len(text) <= PLACE_CHARS else text[:PLACE_CHARS] + "…"


def _context(base: str, place: Place) -> tuple[str, str]:
    """A few words either side of a place, cut at spaces (Chinese has none: characters then)."""
    before = base[max(0, place.start - CONTEXT_CHARS):place.start]
    after = base[place.end:place.end + CONTEXT_CHARS]
    if place.start > CONTEXT_CHARS and " " in before[:-1]:
        before = before[before.index(" ") + 1:]  # drop the cut-off first word
    if place.end + CONTEXT_CHARS < len(base) and " " in after[1:]:
        after = after[:after.rindex(" ")]
    return before.replace("\n", " "), after.replace("\n", " ")


def _changed(text: str, tag: str) -> str:
    if not text:
        return f'<{tag} title="nothing here">∅</{tag}>'
    return f"<{tag}>{show_invisible(_short(text))}</{tag}>"


def place_label(v: Variants, k: int) -> str:
    """Plain text naming a place, for widget labels: "4 · the → ∅ (8 of 15)"."""
    p = v.places[k]
    first = p.readings[0].text
    base = _short(p.text).strip() or "∅"
    return f"{k + 1} · {base} → {_short(first).strip() or '∅'} ({len(p.differing)} of {len(v.comparable)})"


def _marked_text(v: Variants, place: int | None) -> str:
    n = max(len(v.comparable), 1)
    out, pos = [], 0
    limit = MAX_RENDER_CHARS
    for k, p in enumerate(v.places):
        if p.start > limit:
            break
        out.append(esc(v.base[pos:p.start]))
        share = len(p.differing) / n
        on = " rl-on" if place == k else ""
        point = " rl-point" if p.start == p.end else ""
        tip = (f"Place {k + 1}: {len(p.differing)} of {len(v.comparable)} comparable answers differ here"
               " (click to show only them)")
        inner = esc(p.text) if p.text else "‸"
        out.append(f'<mark class="rl-place{point}{on}" data-pick="p{k}" tabindex="0" role="button" '
                   f'style="--share:{share:.2f}" title="{esc(tip)}" aria-label="{esc(tip)}">'
                   f"{inner}<sup>{len(p.differing)}</sup></mark>")
        pos = p.end
    rest = v.base[pos:limit] if pos < limit else ""
    hidden = max(len(v.base) - max(pos, limit), 0)
    more = f'<div class="rl-note">… {hidden:,} more characters not shown.</div>' if hidden else ""
    return f'<div class="rl-diff rl-vtext">{"".join(out)}{esc(rest)}</div>{more}'


def _place_item(v: Variants, k: int, place: int | None, reading: int | None) -> str:
    p = v.places[k]
    before, after = _context(v.base, p)
    ctx = lambda s: f'<span class="rl-ctx">{esc(s)}</span>' if s else ""  # noqa: E731
    on = " rl-on" if place == k and reading is None else ""
    dim = " rl-dim" if place is not None and place != k else ""
    head = (f'<div class="rl-place-head"><span class="rl-pick{on}" data-pick="p{k}" tabindex="0" role="button" '
            f'title="Show only the answers that differ here"><b>{k + 1}</b> · {ctx(before)}{_changed(p.text, "del")}'
            f'{ctx(after)}</span><span class="rl-stat">{len(p.differing)} of {len(v.comparable)} differ · '
            f'{count(len(p.readings), "reading")}</span></div>')
    items = []
    for r, rd in enumerate(p.readings):
        r_on = " rl-on" if place == k and reading == r else ""
        codes = " ".join(f'<span class="rl-badge rl-badge-code">{esc(c)}</span>' for c in rd.codes)
        items.append(f'<li><span class="rl-pick{r_on}" data-pick="p{k}r{r}" tabindex="0" role="button" '
                     f'title="Show only the answers with this reading">→ {_changed(rd.text, "ins")} '
                     f"<b>×{len(rd.models)}</b></span> {codes} {who(rd.models)}</li>")
    if p.kept:
        names = ", ".join(esc(m) for m in p.kept)
        items.append(f'<li class="rl-who"><details><summary>= as the baseline: {len(p.kept)}</summary>'
                     f"{names}</details></li>")
    return f'<li class="rl-place-item{dim}">{head}<ul class="rl-readings">{"".join(items)}</ul></li>'


def variants_html(v: Variants, base_name: str = "the reference", place: int | None = None,
                  reading: int | None = None) -> str:
    """The whole variants block. `place`/`reading` (0-based) mark the current pick."""
    n = len(v.comparable)
    total = n + len(v.apart)
    if not v.places:
        summary = (f"All {count(n, 'comparable answer')} read the same as {esc(base_name)}." if n
                   else f"No answer can be compared place by place with {esc(base_name)}.")
    else:
        summary = (f"{count(len(v.places), 'place')} where answers differ; "
                   f"counts of the {count(n, 'comparable answer')}"
                   + (f" of {total} ({len(v.apart)} listed apart below)" if v.apart else "") + ".")
    apart = ""
    if v.apart:
        rows = "; ".join(f"<b>{esc(a.model)}</b> — {esc(a.reason)}" for a in v.apart)
        apart = (f'<div class="rl-apart">Listed apart — not compared place by place with {esc(base_name)}: '
                 f"{rows}.</div>")
    places = "".join(_place_item(v, k, place, reading) for k in range(len(v.places)))
    return (f'<section class="rl-variants"><h4>Where the answers differ — baseline: {esc(base_name)}</h4>'
            f'<div class="rl-legend">{summary}</div>{_marked_text(v, place)}'
            + (f'<ol class="rl-places">{places}</ol>' if places else "") + f"{apart}</section>")
