"""The page of `gangmu serve` in a real headless Chromium (Debian's chromium and
chromium-driver, driven by Selenium).

The server is the real `gangmu` binary (GANGMU_BIN, default target/release/gangmu)
on a free loopback port. What the page shows is compared with what the same binary
says on the command line: the rule ids and lines of `gangmu lint --format json`, and
the text of `gangmu fix`.

Screenshots of the page: scripts/serve-screenshots.py.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("GANGMU_BIN", ROOT / "target" / "release" / "gangmu"))
DRAFT = ROOT / "tests" / "serve" / "faulty_draft.txt"
WAIT = 20


def gangmu(*args: str, stdin: str | None = None) -> str:
    out = subprocess.run([str(BIN), *args], input=stdin, capture_output=True, text=True, timeout=60)
    assert out.returncode in (0, 1), out.stderr
    return out.stdout


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    proc = subprocess.Popen(
        [str(BIN), "serve", "--port", "0", "--quiet"],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    line = proc.stderr.readline()
    found = re.search(r"listening on (http://127\.0\.0\.1:\d+)/", line)
    assert found, f"the server should say where it listens, said {line!r}"
    try:
        yield found.group(1)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads: Path) -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1440,900",
        "--lang=zh-CN",
    ):
        options.add_argument(arg)
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
        },
    )
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    try:
        yield driver
    finally:
        driver.quit()


def wait(driver: WebDriver, what: str, condition: object) -> object:
    return WebDriverWait(driver, WAIT).until(
        lambda d: condition(d),  # type: ignore[operator]
        message=f"should {what}",
    )


def load(browser: WebDriver, server: str) -> None:
    browser.get(server + "/")
    wait(browser, "load the page", lambda d: d.find_element(By.ID, "check").is_displayed())


def paste(browser: WebDriver, text: str) -> None:
    """Puts `text` in the editor as a paste does, then presses 检查."""
    area = browser.find_element(By.ID, "source")
    browser.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        area,
        text,
    )
    browser.find_element(By.ID, "check").click()


def findings(browser: WebDriver) -> list[WebElement]:
    return browser.find_elements(By.CSS_SELECTOR, "#findings li.finding")


def wait_findings(browser: WebDriver, count: int) -> list[WebElement]:
    wait(browser, f"list {count} findings", lambda d: len(findings(d)) == count)
    return findings(browser)


def expected_findings(text: str) -> list[dict[str, object]]:
    found: list[dict[str, object]] = json.loads(gangmu("lint", "--format", "json", "-", stdin=text))
    return found


def test_page_lists_and_underlines_the_findings_of_a_faulty_draft(
    browser: WebDriver, server: str
) -> None:
    text = DRAFT.read_text(encoding="utf-8")
    expected = expected_findings(text)
    assert len(expected) >= 10, "the fixture should be a draft full of mistakes"
    load(browser, server)
    paste(browser, text)
    items = wait_findings(browser, len(expected))
    listed = [
        (li.get_attribute("data-rule"), int(li.get_attribute("data-line") or 0)) for li in items
    ]
    assert listed == [(f["rule"], f["line"]) for f in expected], (
        "should list the findings of `gangmu lint`, in order, on their lines"
    )
    for f in expected:
        row = browser.find_element(By.CSS_SELECTOR, f'#view .ln[data-line="{f["line"]}"]')
        marks = row.find_elements(By.CSS_SELECTOR, "mark.f")
        rules = " ".join(m.get_attribute("data-rules") or "" for m in marks).split()
        assert f["rule"] in rules, f"line {f['line']} should underline {f['rule']}"
    # Every underline is on a line that has a finding of that rule.
    lines_by_rule = {(f["rule"], f["line"]) for f in expected}
    for mark in browser.find_elements(By.CSS_SELECTOR, "#view mark.f"):
        line = int(
            mark.find_element(By.XPATH, "ancestor::div[@data-line]").get_attribute("data-line") or 0
        )
        for rule in (mark.get_attribute("data-rules") or "").split():
            assert (rule, line) in lines_by_rule, f"{rule} should not be underlined on line {line}"
    # The rule id links to the rule's page.
    link = items[0].find_element(By.CSS_SELECTOR, "a.rule")
    assert link.get_attribute("href") == f"{server}/rules/{expected[0]['rule']}"
    # The outline shows the title and the heading tree.
    outline = browser.find_element(By.ID, "outline").text
    assert "某某县农业农村局关于开展2024年秋季农机安全检查的通知" in outline
    assert "一.检查范围" in outline and "二、检查内容" in outline
    assert "（一）重点检查驾驶人持证情况。" in outline or "（一）重点检查驾驶人持证情况" in outline


def test_clicking_a_finding_jumps_to_its_line(browser: WebDriver, server: str) -> None:
    text = DRAFT.read_text(encoding="utf-8")
    expected = expected_findings(text)
    load(browser, server)
    paste(browser, text)
    items = wait_findings(browser, len(expected))
    last = items[-1]
    last.click()
    line = last.get_attribute("data-line")
    wait(
        browser,
        "mark the finding's text as active",
        lambda d: d.find_elements(By.CSS_SELECTOR, f'#view .ln[data-line="{line}"] mark.f.active'),
    )
    assert "selected" in (last.get_attribute("class") or "")


def test_applying_all_safe_fixes_gives_what_gangmu_fix_gives(
    browser: WebDriver, server: str, downloads: Path
) -> None:
    text = DRAFT.read_text(encoding="utf-8")
    fixed = gangmu("fix", "-", stdin=text)
    assert fixed != text
    load(browser, server)
    paste(browser, text)
    wait_findings(browser, len(expected_findings(text)))
    browser.find_element(By.ID, "fix-all").click()
    area = browser.find_element(By.ID, "source")
    wait(
        browser,
        "replace the text by the fixed one",
        lambda d: area.get_property("value") == fixed,
    )
    # After the fixes, the page lists what `gangmu lint` finds in the fixed text.
    wait_findings(browser, len(expected_findings(fixed)))
    diff = browser.find_element(By.ID, "diff-box")
    assert diff.is_displayed(), "should show the changes"
    rows = browser.find_elements(By.CSS_SELECTOR, "#diff .d-row")
    assert any("一.检查范围" in r.text for r in rows) and any(
        "一、检查范围" in r.text for r in rows
    )
    # Undo restores the draft; downloading saves the text shown.
    browser.find_element(By.ID, "undo").click()
    wait(browser, "undo the fixes", lambda d: area.get_property("value") == text)
    browser.find_element(By.ID, "fix-all").click()
    wait(browser, "fix again", lambda d: area.get_property("value") == fixed)
    browser.find_element(By.ID, "download").click()
    saved = wait(
        browser,
        "download the fixed text",
        lambda d: [p for p in downloads.iterdir() if p.suffix == ".txt"],
    )
    assert isinstance(saved, list)
    time.sleep(0.3)
    assert saved[0].read_text(encoding="utf-8") == fixed


def test_fixing_one_finding_changes_only_its_text(browser: WebDriver, server: str) -> None:
    text = DRAFT.read_text(encoding="utf-8")
    load(browser, server)
    paste(browser, text)
    items = wait_findings(browser, len(expected_findings(text)))
    hdr001 = next(li for li in items if li.get_attribute("data-rule") == "HDR001")
    hdr001.find_element(By.CSS_SELECTOR, "button.fix-one").click()
    area = browser.find_element(By.ID, "source")
    expected = text.replace("一.检查范围", "一、检查范围", 1)
    wait(browser, "apply the one fix", lambda d: area.get_property("value") == expected)
    wait_findings(browser, len(expected_findings(expected)))


def test_opening_a_gb18030_file_reads_its_text(
    browser: WebDriver, server: str, tmp_path: Path
) -> None:
    text = DRAFT.read_text(encoding="utf-8")
    path = tmp_path / "草稿.txt"
    path.write_bytes(text.encode("gb18030"))
    load(browser, server)
    browser.find_element(By.ID, "open-file").send_keys(str(path))
    area = browser.find_element(By.ID, "source")
    wait(browser, "put the file's text in the editor", lambda d: area.get_property("value") == text)
    wait_findings(browser, len(expected_findings(text)))
    assert browser.find_element(By.ID, "doc-name").text == "草稿.txt"
    assert "gb18030" in browser.find_element(By.ID, "status").text


def test_english_switch_translates_the_interface_and_the_messages(
    browser: WebDriver, server: str
) -> None:
    text = DRAFT.read_text(encoding="utf-8")
    expected = expected_findings(text)
    load(browser, server)
    paste(browser, text)
    items = wait_findings(browser, len(expected))
    assert items[0].find_element(By.CSS_SELECTOR, ".msg").text == expected[0]["message"]
    browser.find_element(By.ID, "lang-en").click()
    assert browser.find_element(By.ID, "check").text == "Check"
    items = findings(browser)
    assert items[0].find_element(By.CSS_SELECTOR, ".msg").text == expected[0]["message_en"]
    browser.find_element(By.ID, "lang-zh").click()
    assert browser.find_element(By.ID, "check").text == "检查"


def test_rule_pages_are_served(browser: WebDriver, server: str) -> None:
    browser.get(server + "/rules/HDR001")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("HDR001")
    browser.get(server + "/rules/")
    browser.find_element(By.LINK_TEXT, "SEQ003").click()
    wait(
        browser,
        "follow the index link",
        lambda d: d.find_element(By.TAG_NAME, "h1").text.startswith("SEQ003"),
    )


def test_outline_shows_each_document_of_a_collection_page(browser: WebDriver, server: str) -> None:
    text = (ROOT / "tests" / "serve" / "collection_page.txt").read_text(encoding="utf-8")
    load(browser, server)
    paste(browser, text)
    wait(
        browser,
        "show the collection's entries in the outline",
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#outline details.entry")) == 2,
    )
    entries = browser.find_elements(By.CSS_SELECTOR, "#outline details.entry")
    assert "关于开展安全检查的通知" in entries[0].text and "一、检查范围" in entries[0].text
    assert "关于开展卫生检查的通知" in entries[1].text and "二、工作要求" in entries[1].text
