"""The stylesheet of the page :func:`govplan.to_html` builds: data, no logic.

It is written into the page's ``<style>`` element, so that the page needs no
other file.  Fonts come from the system: a list of the common Chinese fonts of
macOS, Windows, Linux and Android, then the generic ``sans-serif``.  Below
48rem (a phone, or a narrow window) the outline moves above the text and the
claims table scrolls sideways inside its own box.

>>> FONTS in CSS and "@media (max-width: 48rem)" in CSS
True
"""

from __future__ import annotations

from typing import Final

__all__ = ["CSS", "FONTS"]

#: The font list: Latin system fonts, then the common CJK fonts, then a generic family.
FONTS: Final = (
    '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", '
    '"Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", '
    '"WenQuanYi Micro Hei", "Droid Sans Fallback", sans-serif'
)

#: The whole stylesheet of the page.
CSS: Final = (
    """\
:root {
  --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --paper: #ffffff; --panel: #f8fafc;
  --target: #1d4ed8; --target-bg: #dbeafe;
  --achieved: #15803d; --achieved-bg: #dcfce7;
  --other: #6b7280; --other-bg: #f3f4f6;
  --focus: #f59e0b;
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: var(--paper);
  font: 16px/1.7 """
    + FONTS
    + """; }
header.page { padding: 1rem 1.5rem; background: var(--panel);
  border-bottom: 1px solid var(--line); }
header.page h1 { margin: 0 0 .5rem; font-size: 1.45rem; line-height: 1.4; }
dl.meta { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
  gap: .3rem 1.25rem; margin: 0; font-size: .9rem; line-height: 1.45; }
dl.meta dt { color: var(--muted); font-size: .8rem; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
dl.meta div.wide { grid-column: 1 / -1; }
details.fields { font-size: .9rem; margin-top: .4rem; }
details.fields summary, details.notes summary { cursor: pointer; color: var(--muted); }
.layout { display: grid; grid-template-columns: minmax(13rem, 19rem) minmax(0, 1fr);
  gap: 1.5rem; padding: 1rem 1.5rem; }
nav.outline { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto;
  font-size: .9rem; line-height: 1.5; }
nav.outline summary { cursor: pointer; font-weight: 700; padding: .2rem 0; }
nav.outline ol { list-style: none; margin: 0; padding-left: 1rem; }
nav.outline details > ol { padding-left: 0; }
nav.outline a { display: block; padding: .12rem 0; color: inherit; text-decoration: none;
  overflow-wrap: anywhere; }
nav.outline a:hover, nav.outline a:focus { color: var(--target); text-decoration: underline; }
ul.legend { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; margin: 0 0 1rem; padding: 0;
  list-style: none; font-size: .9rem; }
article#document { max-width: 46em; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere;
  font-size: 1.05rem; line-height: 1.95; }
article .heading, article .heading-part { font-weight: 700; }
article [data-level="1"] { color: #9f1239; font-size: 1.12em; }
article [data-level="2"] { color: #9a3412; }
article [data-level="3"] { color: #374151; }
article [id] { scroll-margin-top: 2rem; }
mark { color: inherit; border-radius: 3px; }
mark[data-modality="target"] { background: var(--target-bg);
  box-shadow: inset 0 -2px var(--target); }
mark[data-modality="achieved"] { background: var(--achieved-bg);
  box-shadow: inset 0 -2px var(--achieved); }
mark[data-modality=""] { background: var(--other-bg); box-shadow: inset 0 -2px var(--other); }
ul.legend mark { padding: 0 .4em; }
article mark { cursor: help; }
article mark.claim:focus { outline: 2px solid var(--focus); }
article mark.claim:focus::after { content: attr(title); position: fixed; z-index: 2;
  left: .75rem; right: .75rem; bottom: .75rem; max-width: 30rem; padding: .5rem .75rem;
  white-space: pre-line; background: #111827; color: #fff; font-size: .9rem; font-weight: 400;
  line-height: 1.5; border-radius: 6px; box-shadow: 0 4px 16px rgb(0 0 0 / 30%); }
:target { outline: 2px solid var(--focus); }
section.claims, section.notes { padding: 0 1.5rem 1.5rem; }
section h2 { font-size: 1.15rem; margin: 1rem 0 .5rem; }
.table-box { overflow-x: auto; border: 1px solid var(--line); border-radius: 4px; }
table { border-collapse: collapse; font-size: .85rem; line-height: 1.45; min-width: 100%; }
th, td { padding: .3rem .55rem; border-bottom: 1px solid var(--line); text-align: left;
  vertical-align: top; }
th { background: var(--panel); white-space: nowrap; }
td.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.text { white-space: nowrap; }
tr[data-modality="target"] td:first-child { box-shadow: inset 4px 0 var(--target); }
tr[data-modality="achieved"] td:first-child { box-shadow: inset 4px 0 var(--achieved); }
tr[data-modality=""] td:first-child { box-shadow: inset 4px 0 var(--other); }
tbody tr:hover { background: var(--panel); }
footer { padding: 0 1.5rem 1.5rem; color: var(--muted); font-size: .8rem; }
@media (max-width: 48rem) {
  body { font-size: 15px; }
  header.page, .layout, section.claims, section.notes, footer { padding-left: .75rem;
    padding-right: .75rem; }
  .layout { grid-template-columns: minmax(0, 1fr); gap: .75rem; }
  nav.outline { position: static; max-height: 45vh; border: 1px solid var(--line);
    border-radius: 4px; padding: 0 .5rem; }
  dl.meta { grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); }
  article#document { font-size: 1rem; line-height: 1.85; }
}
@media print {
  nav.outline, ul.legend { display: none; }
  .layout { display: block; }
  .table-box { overflow: visible; }
}
"""
)
