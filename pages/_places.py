"""The clickable variants block of the Diffs page: a thin script over lib.views.variants' markup.

The markup is built (and every piece of user text escaped) by lib.views.variants, exactly as in
the report file; this script only turns its `data-pick` places and readings into clicks and key
presses that tell Python which one was picked. Arrow keys move between places, Enter or Space
picks; the page adds Prev/Next place buttons with the N and P shortcuts.
"""
from __future__ import annotations

import streamlit as st

from lib.views.variants import VARIANTS_CSS

_JS = """
export default function (component) {
  const { parentElement, data, setTriggerValue } = component;
  let root = parentElement.querySelector('.rl-vroot');
  if (!root) {
    root = document.createElement('div');
    root.className = 'rl-vroot';
    parentElement.appendChild(root);
    root.addEventListener('click', (e) => {
      if (e.target.closest('summary, details')) return;
      const el = e.target.closest('[data-pick]');
      if (el) { e.preventDefault(); setTriggerValue('pick', el.dataset.pick); }
    });
    root.addEventListener('keydown', (e) => {
      const el = e.target.closest('[data-pick]');
      if (!el) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        window.__rlRefocus = el.dataset.pick;  // the rerun redraws the block: keep the keyboard's place
        setTriggerValue('pick', el.dataset.pick);
      } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        const all = Array.from(root.querySelectorAll('[data-pick]'));
        const i = all.indexOf(el) + (e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1);
        if (i >= 0 && i < all.length) { e.preventDefault(); all[i].focus(); }
      }
    });
  }
  // Our markup from lib.views.variants: user text in it is already HTML-escaped there.
  if (root.dataset.version !== data.version) {
    root.innerHTML = data.html;
    root.dataset.version = data.version;
    // Bring the picked place into view inside the (scrolling) list, without moving the page.
    // (after layout: on first draw the list has no height yet)
    requestAnimationFrame(() => {
      const list = root.querySelector('.rl-places');
      const on = list && list.querySelector('.rl-on');
      if (on) list.scrollTop = on.closest('li').offsetTop - 4;
    });
  }
  if (window.__rlRefocus) {
    const el = root.querySelector('[data-pick="' + window.__rlRefocus + '"]');
    window.__rlRefocus = null;
    if (el) el.focus();
  }
}
"""

_component = st.components.v2.component("redline_variants", js=_JS, css=VARIANTS_CSS, isolate_styles=False)


def parse_pick(pick: str | None) -> tuple[int | None, int | None]:
    """"p3r1" → (3, 1); "p3" → (3, None); anything else → (None, None)."""
    if not pick or not pick.startswith("p"):
        return None, None
    place, _, reading = pick[1:].partition("r")
    try:
        return int(place), (int(reading) if reading else None)
    except ValueError:
        return None, None


def variants_block(markup: str, version: str, key: str, on_pick) -> None:
    """Mount the block; `on_pick(place, reading)` runs when a place or reading is clicked."""

    def picked() -> None:
        value = st.session_state[key]
        pick = value.get("pick") if hasattr(value, "get") else getattr(value, "pick", None)
        on_pick(*parse_pick(pick))

    _component(key=key, data={"html": markup, "version": version}, on_pick_change=picked)
