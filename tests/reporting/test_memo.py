"""The credit memo read as a committee member's tools read it: fonts, text, pages, outline."""

from __future__ import annotations

import re
import subprocess
import tomllib
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest

from greendesk.domain.errors import UserError
from greendesk.domain.money import format_money
from greendesk.paths import reports_dir
from greendesk.reporting.memo import render_memo
from greendesk.reporting.model import MemoData
from greendesk.reporting.templates import load_memo_template
from tests.reporting import pdftools
from tests.reporting.cases import LONG_LENDER, mulei_memo

LABELS = tomllib.loads((reports_dir() / "memo.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def memo_zh(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, MemoData]:
    data = mulei_memo(periods=60, lenders=4)
    path = tmp_path_factory.mktemp("memo") / "memo-zh.pdf"
    render_memo(data, path, "zh")
    return path, data


@pytest.fixture(scope="module")
def memo_long(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, MemoData]:
    data = mulei_memo(periods=240, lenders=12)
    path = tmp_path_factory.mktemp("memo") / "memo-long-en.pdf"
    render_memo(data, path, "en")
    return path, data


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_font_is_embedded_as_a_subset(memo_zh: tuple[Path, MemoData]) -> None:
    rows = pdftools.fonts(memo_zh[0])
    assert rows, "the memo uses no fonts at all?"
    for row in rows:
        assert row.embedded and row.subset and row.unicode, row
    names = {r.name.split("+", 1)[-1] for r in rows}
    assert "DroidSansFallback" in names and "DejaVuSans" in names


def test_chinese_names_and_amounts_come_back_exactly(memo_zh: tuple[Path, MemoData]) -> None:
    path, data = memo_zh
    text = pdftools.text(path)
    flat = squash(text)
    assert "2,443,000,000.00" in text
    assert "木垒" in text
    assert data.borrower.name in text
    assert squash(LONG_LENDER) in flat  # wrapped over lines, but every character is there
    for lender in data.lenders:
        assert format_money(lender.commitment, grouped=True) in text
    interest = sum((p.interest for p in data.periods), Decimal(0))
    assert format_money(interest, grouped=True) in text
    for pledge in data.pledges:
        assert pledge.registration_no in flat
        assert format_money(pledge.eligible_value, grouped=True) in text
    assert "第三方环境效益评估报告" in text  # missing evidence is shown
    assert "赵敏" in text and "有条件同意" in text  # the votes


def test_every_page_says_page_x_of_y(memo_zh: tuple[Path, MemoData]) -> None:
    path, data = memo_zh
    total = pdftools.pages(path)
    assert total >= 5
    for page in range(1, total + 1):
        text = pdftools.text(path, page)
        assert f"第 {page} 页 共 {total} 页" in text, page
        if page > 1:  # the cover has a footer only
            assert f"编号 {data.reference}" in text


def test_english_footer_and_labels(memo_long: tuple[Path, MemoData]) -> None:
    path, _ = memo_long
    total = pdftools.pages(path)
    assert f"page {total} of {total}" in pdftools.text(path, total)
    assert "Credit Approval Memo" in pdftools.text(path, 1)


def test_outline_has_one_entry_per_section_in_order(memo_zh: tuple[Path, MemoData]) -> None:
    path, data = memo_zh
    outline = pypdf.PdfReader(path).outline
    top = [item.title for item in outline if not isinstance(item, list)]
    # The KPI and PCAF sections are written only when the memo has their data.
    shown = {"kpi_results": data.kpi, "emissions": data.emissions}
    sections = [s for s in LABELS["document"]["sections"] if s not in shown or shown[s]]
    assert top == [LABELS["zh"]["title"]] + [LABELS["zh"]["sections"][s] for s in sections[1:]]
    lenders = [item for item in outline if isinstance(item, list)]
    assert lenders and len(lenders[-1]) == len(data.lender_schedules)
    first = lenders[-1][0]
    assert not isinstance(first, list) and LONG_LENDER in str(first.title)


def test_outline_entries_point_at_their_pages(memo_zh: tuple[Path, MemoData]) -> None:
    path, _ = memo_zh
    reader = pypdf.PdfReader(path)
    for item in reader.outline:
        if isinstance(item, list):
            continue
        number = reader.get_destination_page_number(item)
        assert number is not None and item.title, item
        assert squash(item.title) in squash(pdftools.text(path, number + 1)), item.title


def test_metadata(memo_zh: tuple[Path, MemoData]) -> None:
    path, data = memo_zh
    info = pdftools.info(path)
    assert info["Title"].startswith(LABELS["zh"]["title"])
    assert data.reference in info["Title"]
    assert info["Author"] == data.officer
    assert info["Subject"] == LABELS["zh"]["subject"]
    assert info["Page size"].startswith("595.276 x 841.89")  # A4


def test_long_schedule_repeats_its_header_on_every_page(memo_long: tuple[Path, MemoData]) -> None:
    path, data = memo_long
    header = LABELS["en"]["tables"]["periods"]
    pages_with_rows = set()
    for page in range(1, pdftools.pages(path) + 1):
        text = pdftools.text(path, page, layout=True)
        lines = [ln for ln in text.splitlines() if re.match(r"\s*\d+\s+\d{4}-\d\d-\d\d\s", ln)]
        if not lines or "Opening" not in text:
            continue
        pages_with_rows.add(page)
        for label in header:  # a header may wrap inside its cell: look for each word
            assert all(part in text for part in label.split()), (page, label)
    # 240 periods need several pages, each with its header row
    assert len(pages_with_rows) >= 4
    last = data.periods[-1]
    assert format_money(last.payment, grouped=True) in pdftools.text(path)


def test_nothing_is_drawn_outside_the_page_margins(memo_long: tuple[Path, MemoData]) -> None:
    words, width, _height = pdftools.words(memo_long[0])
    assert words
    margin = 18 * 72 / 25.4 - 1  # 18 mm less a point of tolerance
    outside = [w for w in words if w.x_min < margin or w.x_max > width - margin]
    assert outside == []


def test_pages_render_to_images(memo_zh: tuple[Path, MemoData], tmp_path: Path) -> None:
    done = subprocess.run(
        [
            "pdftoppm",
            "-r",
            "40",
            "-png",
            "-f",
            "1",
            "-l",
            "3",
            str(memo_zh[0]),
            str(tmp_path / "p"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stderr == ""
    assert len(list(tmp_path.glob("p-*.png"))) == 3


def test_reordered_template_reorders_the_memo(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    text = (reports_dir() / "memo.toml").read_text(encoding="utf-8")
    text = re.sub(
        r"sections = \[.*?\]",
        'sections = ["cover", "risks", "borrower"]',
        text,
        count=1,
        flags=re.S,
    )
    text = text.replace('risks = "九、主要风险与授信条件"', 'risks = "一、风险先行"')
    (folder / "memo.toml").write_text(text, encoding="utf-8")
    (folder / "values.toml").write_text(
        (reports_dir() / "values.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    tpl = load_memo_template("zh", folder)
    pdf = tmp_path / "m.pdf"
    render_memo(mulei_memo(periods=8, lenders=2), pdf, template=tpl)
    titles = [i.title for i in pypdf.PdfReader(pdf).outline if not isinstance(i, list)]
    assert titles == ["授信审批报告", "一、风险先行", "二、借款人"]


def test_unknown_section_is_a_user_error(tmp_path: Path) -> None:
    (tmp_path / "memo.toml").write_text('[document]\nsections = ["cover", "weather"]\n')
    with pytest.raises(UserError, match="weather"):
        load_memo_template("zh", tmp_path)


def test_unknown_language_is_a_user_error() -> None:
    with pytest.raises(UserError, match="--lang"):
        load_memo_template("fr")
