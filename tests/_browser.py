"""Headless Chromium for the tests: render a page, read its DOM back, take a screenshot.

Chromium runs as a plain subprocess (``--headless --dump-dom`` and
``--screenshot``): no driver, no DevTools client, no Python package.  To read
the page after rendering without touching it, :func:`inspect` writes the page
and a *check page* beside it; the check page holds the page twice in iframes,
at a phone's width and at a desktop's, and its script measures the DOM of
each frame (text of the article, marks, headings, links, computed styles,
layout) into a ``<pre>``, as JSON escaped to ASCII, which ``--dump-dom``
prints.  ``--allow-file-access-from-files`` lets the check page read its
file:// iframes.

Each call starts a fresh Chromium with a temporary profile; it takes well under
a second here.  The flags beyond ``--headless`` keep Chromium from looking for
a display, a GPU, a sandbox (it runs as root in CI) or the network.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path
from typing import Any

__all__ = ["colours", "decode_png", "find_chromium", "inspect", "screenshot"]

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)
TIMEOUT = 60
PHONE = (360, 720)
DESKTOP = (1280, 900)

# Runs in the check page: measures one iframe's document once it has loaded.
CHECK_SCRIPT = r"""
function ascii(value) {
  return JSON.stringify(value).replace(/[^\x20-\x7e]|[<>&]/g,
    c => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
function measure(frame) {
  const w = frame.contentWindow, d = frame.contentDocument;
  const article = d.getElementById('document');
  const whole = el => el.textContent + [...d.querySelectorAll('[data-of="' + el.id + '"]')]
    .map(p => p.textContent).join('');
  const data = (el, names) => Object.fromEntries(names.map(n => [n, el.getAttribute('data-' + n)]));
  const box = el => el.getBoundingClientRect();
  const style = (el, pseudo) => el ? w.getComputedStyle(el, pseudo || null) : null;
  const first = m => article.querySelector('mark.claim[data-modality="' + m + '"]');
  const nav = d.querySelector('nav.outline');
  const result = {
    text: article.textContent,
    claims: [...article.querySelectorAll('mark.claim')].map(m => Object.assign(
      {id: m.id, text: whole(m), title: m.title, tabindex: m.tabIndex},
      data(m, ['modality', 'value', 'high', 'unit', 'subject', 'approx', 'bound']))),
    headings: [...article.querySelectorAll('.heading')].map(h => Object.assign(
      {id: h.id, text: whole(h)}, data(h, ['level', 'style', 'ordinal']))),
    parts: [...article.querySelectorAll('[data-of]')].map(p => p.getAttribute('data-of')),
    nav: [...d.querySelectorAll('nav.outline a')].map(a => a.getAttribute('href')),
    rows: [...d.querySelectorAll('#claims tbody tr')]
      .map(r => r.querySelector('a').getAttribute('href')),
    broken_links: [...d.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute('href'))
      .filter(h => !d.getElementById(h.slice(1))),
    fetched: w.performance.getEntriesByType('resource').map(r => r.name),
    external: [...d.querySelectorAll('[src], link, script, iframe, object, embed, img')].length,
    white_space: style(article).whiteSpace,
    font_family: style(article).fontFamily,
    background: Object.fromEntries(['target', 'achieved', ''].map(
      m => [m, first(m) ? style(first(m)).backgroundColor : null])),
    width: w.innerWidth,
    scroll_width: d.documentElement.scrollWidth,
    nav_box: nav ? [box(nav).left, box(nav).top, box(nav).right, box(nav).bottom] : null,
    article_box: [box(article).left, box(article).top, box(article).right, box(article).bottom],
  };
  const focused = article.querySelector('mark.claim');  // last: focusing scrolls the page
  if (focused) focused.focus();
  result.focus_panel = focused ? style(focused, '::after').content : null;
  return result;
}
for (const frame of document.querySelectorAll('iframe')) {
  frame.addEventListener('load', () => {
    let result;
    try { result = measure(frame); } catch (e) { result = {error: String(e)}; }
    document.getElementById('result-' + frame.id).textContent = ascii(result);
  });
}
"""

CHECK_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>check</title></head><body>
<pre id="result-phone">pending</pre><pre id="result-desktop">pending</pre>
<iframe id="phone" src="page.html" style="width:{pw}px;height:{ph}px;border:0"></iframe>
<iframe id="desktop" src="page.html" style="width:{dw}px;height:{dh}px;border:0"></iframe>
<script>{script}</script>
</body></html>
"""

_RESULT = re.compile(r'<pre id="result-(\w+)">(.*?)</pre>', re.DOTALL)


def find_chromium() -> str | None:
    """Return the Chromium to use: $GOVPLAN_CHROMIUM, else the first on PATH, else None."""
    chosen = os.environ.get("GOVPLAN_CHROMIUM")
    if chosen:
        return chosen
    return next((path for name in NAMES if (path := shutil.which(name))), None)


def _run(chromium: str, *args: str) -> str:
    with tempfile.TemporaryDirectory(prefix="govplan-chromium-") as profile:
        result = subprocess.run(
            [chromium, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    if result.returncode != 0:
        tail = result.stderr.decode("utf-8", "replace")[-2000:]
        raise RuntimeError(f"chromium failed with status {result.returncode}:\n{tail}")
    return result.stdout.decode("utf-8")


def inspect(chromium: str, page: str, folder: Path) -> dict[str, dict[str, Any]]:
    """Render *page* at a phone's and a desktop's width; return what the check script measured.

    The result maps ``"phone"`` and ``"desktop"`` to the measures of ``CHECK_SCRIPT``.
    """
    (folder / "page.html").write_text(page, encoding="utf-8")
    check = CHECK_PAGE.format(
        pw=PHONE[0], ph=PHONE[1], dw=DESKTOP[0], dh=DESKTOP[1], script=CHECK_SCRIPT
    )
    (folder / "check.html").write_text(check, encoding="utf-8")
    dom = _run(
        chromium, "--allow-file-access-from-files", "--dump-dom", (folder / "check.html").as_uri()
    )
    found = dict(_RESULT.findall(dom))
    if set(found) != {"phone", "desktop"} or "pending" in found.values():
        raise RuntimeError(f"the check script did not report:\n{dom[:2000]}")
    return {name: json.loads(body) for name, body in found.items()}


def screenshot(chromium: str, page: str, folder: Path, *, width: int, height: int) -> bytes:
    """Return a PNG of the top *width* × *height* pixels of *page*."""
    (folder / "page.html").write_text(page, encoding="utf-8")
    target = folder / "page.png"
    _run(
        chromium,
        f"--window-size={width},{height}",
        f"--screenshot={target}",
        (folder / "page.html").as_uri(),
    )
    return target.read_bytes()


def decode_png(data: bytes) -> tuple[int, int, list[bytes], int]:
    """Return width, height, rows of pixel bytes and bytes per pixel of an 8-bit RGB(A) PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
    width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or colour_type not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour_type}")
    size = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * size
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        line = _unfilter(raw[start], bytearray(raw[start + 1 : start + 1 + stride]), previous, size)
        rows.append(bytes(line))
        previous = line
    return width, height, rows, size


def _unfilter(kind: int, line: bytearray, up: bytearray, size: int) -> bytearray:
    if kind == 1:
        for i in range(size, len(line)):
            line[i] = (line[i] + line[i - size]) & 255
    elif kind == 2:
        line = bytearray((a + b) & 255 for a, b in zip(line, up, strict=True))
    elif kind == 3:
        for i in range(len(line)):
            left = line[i - size] if i >= size else 0
            line[i] = (line[i] + (left + up[i]) // 2) & 255
    elif kind == 4:
        for i in range(len(line)):
            a = line[i - size] if i >= size else 0
            b, c = up[i], (up[i - size] if i >= size else 0)
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    return line


def colours(data: bytes) -> set[tuple[int, int, int]]:
    """Return the distinct RGB colours of a PNG."""
    _, _, rows, size = decode_png(data)
    found: set[tuple[int, int, int]] = set()
    for row in rows:
        found.update(zip(row[0::size], row[1::size], row[2::size], strict=True))
    return found
