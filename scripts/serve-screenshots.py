"""Screenshots of the `gangmu serve` page in headless Chromium, at desktop and
laptop widths, with the faulty draft of tests/serve checked (and once fixed,
once in English), to look at the page as a drafter sees it.

    .venv/bin/python scripts/serve-screenshots.py OUT_DIR

Needs Debian's chromium and chromium-driver, Selenium, fonts-noto-cjk for the
Chinese text, and a release build of gangmu.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[1]
SIZES = {"desktop": (1440, 900), "laptop": (1280, 800)}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    text = (ROOT / "tests" / "serve" / "faulty_draft.txt").read_text(encoding="utf-8")
    server = subprocess.Popen(
        [str(ROOT / "target" / "release" / "gangmu"), "serve", "--port", "0", "--quiet"],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert server.stderr is not None
    found = re.search(r"(http://127\.0\.0\.1:\d+)/", server.stderr.readline())
    assert found, "the server should say where it listens"
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    try:
        for name, (w, h) in SIZES.items():
            driver.set_window_size(w, h)
            driver.get(found.group(1) + "/")
            area = driver.find_element(By.ID, "source")
            driver.execute_script("arguments[0].value = arguments[1];", area, text)
            driver.find_element(By.ID, "check").click()
            WebDriverWait(driver, 20).until(
                lambda d: d.find_elements(By.CSS_SELECTOR, "#findings li.finding")
            )
            driver.find_elements(By.CSS_SELECTOR, "#findings li.finding")[2].click()
            time.sleep(1.0)
            driver.save_screenshot(str(out / f"page-{name}.png"))
        driver.find_element(By.ID, "fix-all").click()
        time.sleep(1.0)
        driver.save_screenshot(str(out / "page-fixed.png"))
        driver.find_element(By.ID, "lang-en").click()
        time.sleep(0.3)
        driver.save_screenshot(str(out / "page-en.png"))
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
