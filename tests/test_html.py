"""The HTML view: the page as a string (Python's HTML parser) and as Chromium renders it.

The browser tests render pages in headless Chromium (see ``_browser.py``) and
check the DOM after rendering.  They are skipped only where no Chromium can
be found; CI installs Debian's ``chromium`` so that they always run there.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from _browser import colours, find_chromium, inspect, screenshot
from hypothesis import given, settings
from hypothesis import strategies as st

import govplan
from govplan import cli
from govplan._html_article import Element, markup
from govplan.html import TABLE_COLUMNS, to_html
from govplan.model import Claim, Document, Heading, MarkerStyle, Modality, Span
from govplan.structure import flatten

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "html"
REPORT = (HERE / "town_report.txt").read_text(encoding="utf-8")
PLAN = (ROOT / "examples" / "sample_plan.txt").read_text(encoding="utf-8")


def overlapping() -> Document:
    """A hand-made document whose heading and claim only partly overlap, with odd characters."""
    text = "一、新建幼儿园\r\n7所项目<计划>&𠮷祥村“三通”完成投资300万元\n二是加强管理\x00。"
    head = text.index("一、")
    claim_start, claim_end = text.index("园"), text.index("所") + 1
    second = text.index("二是")
    heading = Heading(
        style=MarkerStyle.CN_DUN,
        ordinal=1,
        level=1,
        marker="一、",
        title="新建幼儿园",
        inline=False,
        text=text[head : claim_start + 1],
        span=Span(head, claim_start + 1),
        body=Span(claim_start + 1, len(text)),
        section=Span(head, len(text)),
    )
    money = text.index("300万元")
    return Document(
        text=text,
        title="<重叠>",
        outline=(
            heading,
            Heading(
                style=MarkerStyle.CN_SHI,
                ordinal=2,
                level=1,
                marker="二是",
                title="加强管理",
                inline=False,
                text=text[second : second + 6],
                span=Span(second, second + 6),
                body=Span(second + 6, len(text)),
                section=Span(second, len(text)),
            ),
        ),
        claims=(
            Claim(
                text=text[claim_start:claim_end],
                span=Span(claim_start, claim_end),
                value=7,
                unit="所",
                subject='幼儿园"A&B"',
                modality=Modality.TARGET,
            ),
            Claim(
                text="300万元",
                span=Span(money, money + len("300万元")),
                value=Decimal("3000000.0"),
                unit="元",
                approx="约",
            ),
        ),
    )


DOCUMENTS: dict[str, Callable[[], tuple[Document, str]]] = {
    "town_report": lambda: (govplan.parse(REPORT), "town_report.txt"),
    "sample_plan": lambda: (govplan.parse(PLAN), "examples/sample_plan.txt"),
    "overlapping": lambda: (overlapping(), "overlapping.txt"),
}


@functools.cache
def document(name: str) -> tuple[Document, str]:
    return DOCUMENTS[name]()


@functools.cache
def page(name: str) -> str:
    doc, file = document(name)
    return to_html(doc, file=file)


def shown(text: str) -> str:
    """The text a browser reads back: HTML cannot hold U+0000 or lone surrogates."""
    return re.sub("[\x00\ud800-\udfff]", "\ufffd", text)


class ArticleReader(HTMLParser):
    """Read the article of a page: its text, and each element with its span in that text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.parts: list[str] = []
        self.position = 0
        self.stack: list[tuple[str, dict[str, str | None], int]] = []
        self.elements: list[tuple[str, dict[str, str | None], int, int]] = []
        self.misnested: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article" and dict(attrs).get("id") == "document":
            self.inside = True
        elif self.inside:
            self.stack.append((tag, dict(attrs), self.position))

    def handle_endtag(self, tag: str) -> None:
        if not self.inside:
            return
        if not self.stack:
            self.inside = tag != "article"
            return
        opened, attrs, start = self.stack.pop()
        if opened != tag:
            self.misnested.append(f"<{opened}> closed by </{tag}>")
        self.elements.append((opened, attrs, start, self.position))

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.parts.append(data)
            self.position += len(data)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def read_article(html: str) -> ArticleReader:
    reader = ArticleReader()
    reader.feed(html)
    reader.close()
    return reader


def covered(reader: ArticleReader, element_id: str) -> set[int]:
    """The offsets covered by an element and its later pieces."""
    out: set[int] = set()
    for _, attrs, start, end in reader.elements:
        if element_id in (attrs.get("id"), attrs.get("data-of")):
            out.update(range(start, end))
    return out


# --- the page as a string ---------------------------------------------------------------


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_article_text_is_the_input(name: str) -> None:
    doc, _ = document(name)
    assert read_article(page(name)).text == shown(doc.text)


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_article_elements_are_well_nested(name: str) -> None:
    reader = read_article(page(name))
    assert (reader.misnested, reader.stack) == ([], [])


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_each_claim_mark_covers_its_span(name: str) -> None:
    doc, _ = document(name)
    reader = read_article(page(name))
    spans = [covered(reader, f"c-{i}") for i in range(1, len(doc.claims) + 1)]
    assert spans == [set(range(c.span.start, c.span.end)) for c in doc.claims]


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_each_heading_covers_its_span(name: str) -> None:
    doc, _ = document(name)
    reader = read_article(page(name))
    headings = flatten(doc.outline)
    spans = [covered(reader, f"h-{i}") for i in range(1, len(headings) + 1)]
    assert spans == [set(range(h.span.start, h.span.end)) for h in headings]


def test_a_partial_overlap_splits_one_element_and_keeps_the_data_on_the_first_piece() -> None:
    reader = read_article(page("overlapping"))
    pieces = [
        (tag, attrs.get("class"), attrs.get("id"), attrs.get("data-of"))
        for tag, attrs, _, _ in reader.elements
        if "c-1" in (attrs.get("id"), attrs.get("data-of"))
    ]
    assert sorted(pieces, key=str) == [
        ("mark", "claim", "c-1", None),
        ("mark", "claim-part", None, "c-1"),
    ]


def shi_heading(text: str, marker: str, end: int) -> Heading:
    start = text.index(marker)
    return Heading(
        style=MarkerStyle.CN_SHI,
        ordinal="一二三".index(marker[0]) + 1,
        level=1,
        marker=marker,
        title=text[start + 2 : end],
        inline=True,
        text=text[start:end],
        span=Span(start, end),
        body=Span(end, end),
        section=Span(start, len(text)),
    )


def test_a_heading_inside_the_title_of_another_nests_without_splitting() -> None:
    # The title of 一是 may run over the 二是 after a comma (docs/limitations.md).
    text = "一是加强管理，二是提高质量。"
    outline = (shi_heading(text, "一是", 13), shi_heading(text, "二是", 13))
    html = to_html(Document(text=text, outline=outline))
    article = html[html.index("<article") : html.index("</article>")]
    assert "heading-part" not in article
    assert re.search(r'id="h-1"[^>]*>一是加强管理，<span class="heading" id="h-2"', article)


def test_a_claim_inside_a_heading_title_nests_inside_it() -> None:
    reader = read_article(to_html(govplan.parse("一、新建幼儿园7所\n")))
    nesting = sorted((start, -end, attrs.get("class")) for _, attrs, start, end in reader.elements)
    assert [cls for *_, cls in nesting] == ["heading", "claim"]


def test_attributes_are_escaped() -> None:
    reader = read_article(page("overlapping"))
    first = next(attrs for _, attrs, _, _ in reader.elements if attrs.get("id") == "c-1")
    assert (first["data-subject"], first["data-value"], first["data-modality"]) == (
        '幼儿园"A&B"',
        "7",
        "target",
    )


def test_a_claim_without_modality_has_an_empty_data_modality() -> None:
    reader = read_article(page("overlapping"))
    second = next(attrs for _, attrs, _, _ in reader.elements if attrs.get("id") == "c-2")
    assert (second["data-modality"], second["data-value"], second["data-approx"]) == (
        "",
        "3000000.0",
        "约",
    )


def test_the_page_asks_for_nothing_outside_itself() -> None:
    html = page("town_report")
    outside = html[: html.index("<article")] + html[html.index("</article>") :]
    found = re.findall(r"<script|<link|<img|<iframe|\bsrc=|url\(|@import|https?:", outside)
    assert found == []


def test_the_header_shows_title_and_metadata() -> None:
    html = page("town_report")
    assert "<title>青山镇2023年工作总结和2024年工作安排 · govplan</title>" in html
    assert "<dd>青政发〔2024〕12号</dd>" in html


def test_the_table_has_the_claim_rows_columns_and_links_each_row() -> None:
    html = page("town_report")
    table = html[html.index('<section class="claims"') :]
    header = re.findall(r"<th>([^<]*)</th>", table)
    links = re.findall(r'<tr id="row-c-\d+" [^>]*><td class="number"><a href="(#c-\d+)">', table)
    doc, _ = document("town_report")
    assert header == ["#", *TABLE_COLUMNS]
    assert links == [f"#c-{i}" for i in range(1, len(doc.claims) + 1)]


def test_the_outline_links_each_heading_in_document_order() -> None:
    html = page("sample_plan")
    nav = html[html.index("<nav") : html.index("</nav>")]
    doc, _ = document("sample_plan")
    assert re.findall(r'href="#(h-\d+)"', nav) == [
        f"h-{i}" for i in range(1, len(flatten(doc.outline)) + 1)
    ]


def test_an_empty_document_gives_a_page() -> None:
    html = to_html(govplan.parse(""))
    assert ('<article id="document" lang="zh"></article>' in html, "No claims." in html) == (
        True,
        True,
    )


def test_only_documents_are_accepted() -> None:
    with pytest.raises(TypeError, match="not str"):
        to_html("一、总体要求")  # type: ignore[arg-type]


PIECES = st.sampled_from(
    [
        *(
            "一、",
            "（二）",
            "3.",
            "一是",
            "二是",
            "新建",
            "幼儿园",
            "7所",
            "30%",
            "以上",
            "，",
            "。",
        ),
        *("\n", "\r\n", "\r", "<", "&amp;", ">", '"', "\x00", "𠮷", "\t", " "),
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_any_parsed_text_comes_back_from_the_article(text: str) -> None:
    reader = read_article(to_html(govplan.parse(text)))
    assert (reader.text, reader.misnested) == (shown(text), [])


@settings(max_examples=200, deadline=None)
@given(
    st.text("ab<&\r\n", max_size=12),
    st.lists(st.tuples(st.integers(-2, 14), st.integers(-2, 14)), max_size=6),
)
def test_markup_nests_any_spans_and_each_covers_its_own(
    text: str, spans: list[tuple[int, int]]
) -> None:
    elements = [
        Element(s, e, f'<span id="e{i}">', f'<span data-of="e{i}">', "</span>")
        for i, (s, e) in enumerate(spans)
    ]
    reader = read_article(f'<article id="document">{markup(text, elements)}</article>')
    size = len(text)
    expected = {
        f"e{i}": set(range(max(0, min(s, size)), max(0, min(e, size))))
        for i, (s, e) in enumerate(spans)
    }
    assert (reader.text, reader.misnested) == (text, [])
    assert {key: covered(reader, key) for key in expected} == expected


# --- the command line -------------------------------------------------------------------


def run_cli(*args: str, stdin: bytes = b"", cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "govplan", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=60,
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )


def test_cli_writes_the_page_to_the_out_file(tmp_path: Path) -> None:
    out = tmp_path / "sample.html"
    status = cli.main(["html", "examples/sample_plan.txt", "-o", str(out)])
    expected = to_html(govplan.parse(PLAN), file="examples/sample_plan.txt")
    assert (status, out.read_text(encoding="utf-8")) == (0, expected)


def test_cli_writes_the_page_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    status = cli.main(["html", str(HERE / "town_report.txt")])
    expected = to_html(govplan.parse(REPORT), file=str(HERE / "town_report.txt"))
    assert (status, capsys.readouterr().out) == (0, expected)


def test_cli_reads_standard_input_with_a_bom_and_crlf() -> None:
    result = run_cli("html", "-", stdin=REPORT.replace("\n", "\r\n").encode("utf-8-sig"))
    expected = to_html(govplan.parse(REPORT), file="<stdin>")
    assert (result.returncode, result.stdout) == (0, expected)


def test_cli_reports_a_missing_file_on_one_line(tmp_path: Path) -> None:
    result = run_cli("html", "missing.txt", "-o", "out.html", cwd=tmp_path)
    assert (result.returncode, result.stderr.count("\n"), "missing.txt" in result.stderr) == (
        1,
        1,
        True,
    )
    assert not (tmp_path / "out.html").exists()


def test_cli_html_takes_one_file() -> None:
    assert (cli.main(["html"]), cli.main(["html", "a.txt", "b.txt"])) == (2, 2)


# --- the page in a real browser ---------------------------------------------------------


@pytest.fixture(scope="module")
def chromium() -> str:
    found = find_chromium()
    if found is None and os.environ.get("GOVPLAN_REQUIRE_BROWSER"):
        pytest.fail("GOVPLAN_REQUIRE_BROWSER is set but no Chromium was found")
    if found is None:
        pytest.skip(
            "no Chromium found (install Debian's chromium package, or set GOVPLAN_CHROMIUM "
            "to a Chromium or Chrome binary); CI installs it, so these tests run there"
        )
    return found


Rendered = Callable[[str], dict[str, dict[str, Any]]]


@pytest.fixture(scope="module")
def rendered(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    @functools.cache
    def render(name: str) -> dict[str, dict[str, Any]]:
        return inspect(chromium, page(name), tmp_path_factory.mktemp(name))

    return render


def expected_claims(doc: Document) -> list[dict[str, Any]]:
    return [
        {
            "id": f"c-{i}",
            "text": c.text,
            "modality": c.modality.value if c.modality else "",
            "value": Decimal(c.value),
            "high": None if c.high is None else Decimal(c.high),
            "unit": c.unit,
            "subject": c.subject or "",
            "approx": c.approx,
            "bound": c.bound.value if c.bound else None,
        }
        for i, c in enumerate(doc.claims, 1)
    ]


def seen_claims(found: dict[str, Any]) -> list[dict[str, Any]]:
    keys = ("id", "text", "modality", "unit", "subject", "approx", "bound")
    return [
        {
            **{key: mark[key] for key in keys},
            "value": Decimal(mark["value"]),
            "high": None if mark["high"] is None else Decimal(mark["high"]),
        }
        for mark in found["claims"]
    ]


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_browser_article_text_equals_the_input(name: str, rendered: Rendered) -> None:
    doc, _ = document(name)
    assert rendered(name)["desktop"]["text"] == shown(doc.text)


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_browser_marks_equal_the_claims(name: str, rendered: Rendered) -> None:
    doc, _ = document(name)
    assert seen_claims(rendered(name)["desktop"]) == expected_claims(doc)


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_browser_every_heading_is_present_with_its_level(name: str, rendered: Rendered) -> None:
    doc, _ = document(name)
    seen = [(h["id"], h["text"], h["level"]) for h in rendered(name)["desktop"]["headings"]]
    headings = flatten(doc.outline)
    assert seen == [(f"h-{i}", h.text, str(h.level)) for i, h in enumerate(headings, 1)]


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_browser_links_of_outline_and_table_reach_their_targets(
    name: str, rendered: Rendered
) -> None:
    doc, _ = document(name)
    found = rendered(name)["desktop"]
    assert (found["broken_links"], len(found["nav"]), found["rows"]) == (
        [],
        len(flatten(doc.outline)),
        [f"#c-{i}" for i in range(1, len(doc.claims) + 1)],
    )


def test_browser_shows_a_split_claim_as_one_mark_and_a_part(rendered: Rendered) -> None:
    found = rendered("overlapping")["desktop"]
    assert (len(found["claims"]), found["parts"]) == (2, ["c-1"])


def test_browser_fetches_nothing(rendered: Rendered) -> None:
    found = rendered("town_report")["desktop"]
    assert (found["fetched"], found["external"]) == ([], 0)


def test_browser_keeps_line_breaks_and_uses_cjk_fonts(rendered: Rendered) -> None:
    found = rendered("town_report")["desktop"]
    assert found["white_space"] == "pre-wrap"
    assert "Noto Sans CJK SC" in found["font_family"]


def test_browser_colours_targets_and_results_differently(rendered: Rendered) -> None:
    colour = rendered("overlapping")["desktop"]["background"]
    assert len({colour["target"], colour[""]}) == 2
    assert rendered("town_report")["desktop"]["background"]["achieved"] not in (
        colour["target"],
        colour[""],
        "rgba(0, 0, 0, 0)",
    )


def test_browser_shows_a_claims_details_while_it_has_the_focus(rendered: Rendered) -> None:
    found = rendered("town_report")["desktop"]
    title = found["claims"][0]["title"]
    assert (found["focus_panel"], found["claims"][0]["tabindex"]) == (
        '"' + title.replace("\n", "\\a ") + '"',
        0,
    )


def test_browser_phone_width_needs_no_sideways_scrolling(rendered: Rendered) -> None:
    found = rendered("sample_plan")["phone"]
    assert (found["width"], found["scroll_width"]) == (360, 360)


def test_browser_phone_puts_the_outline_above_the_text(rendered: Rendered) -> None:
    found = rendered("sample_plan")["phone"]
    assert found["nav_box"][3] <= found["article_box"][1]


def test_browser_desktop_puts_the_outline_beside_the_text(rendered: Rendered) -> None:
    found = rendered("sample_plan")["desktop"]
    assert found["nav_box"][2] <= found["article_box"][0]


def test_browser_screenshot_is_not_blank(chromium: str, tmp_path: Path) -> None:
    png = screenshot(chromium, page("town_report"), tmp_path, width=960, height=720)
    seen = colours(png)
    target_background, achieved_background = (219, 234, 254), (220, 252, 231)
    assert len(seen) >= 16
    assert {target_background, achieved_background} <= seen
