"""The web page at `/` in a real headless Chromium (Debian's chromium and chromium-driver, driven by
Selenium): ask, see the figure and the cited paragraph with its quote highlighted, follow up, pick a
clarify option, use the examples and the facts list, and stay readable at a phone's width.

Expected figures come from the engine itself, never from strings written here.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant import Answer, Assistant

Server = Any  # tests/http/conftest.py's Server: a url, the process and its log

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
SCREENSHOT_ENV = "ASSISTANT_WEB_SCREENSHOT"  # also copy the first screenshot there (a path outside the tests)
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-first-run",
    "--disable-default-apps",
    "--lang=zh-TW",
]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason=(
        "the browser test needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver); "
        ".ci/run installs them"
    ),
)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,1000"]:
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path=str(DRIVER), log_output=str(tmp_path / "chromedriver.log"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def wait(driver: Any, condition: Callable[[Any], Any], timeout: float = 15) -> Any:
    return WebDriverWait(driver, timeout).until(condition)


def answers(driver: Any) -> list[WebElement]:
    return list(driver.find_elements(By.CSS_SELECTOR, "#conversation .answer"))


def ask(driver: Any, question: str) -> WebElement:
    """Type a question, press Ask, and return the answer card that appears."""
    before = len(answers(driver))
    box = driver.find_element(By.ID, "question")
    box.clear()
    box.send_keys(question)
    driver.find_element(By.ID, "ask").click()
    wait(driver, lambda d: len(answers(d)) > before)
    return answers(driver)[-1]


def open_page(driver: Any, server: Server) -> None:
    driver.get(server.url + "/")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#examples button"))


def highlighted(driver: Any, quote: str) -> str:
    wait(driver, lambda d: [m for m in d.find_elements(By.CSS_SELECTOR, "#source mark") if m.text == quote])
    return str(driver.find_element(By.CSS_SELECTOR, "#source .paragraph").text)


def shown_figures(card: WebElement) -> list[str]:
    return [strong.text for strong in card.find_elements(By.CSS_SELECTOR, ".headline strong")]


def screenshot(driver: Any, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    driver.save_screenshot(str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    target = os.environ.get(SCREENSHOT_ENV)
    if target:
        shutil.copyfile(path, Path(target).with_name(f"{Path(target).stem}-{name}") if name != "answer.png" else target)
    return path


def test_ask_see_the_cited_paragraph_and_follow_up(
    browser: Any, live_server: Server, bot: Assistant, tmp_path: Path
) -> None:
    chat = bot.chat()
    first, follow_up = chat.ask("2024年CT業務收入多少?"), chat.ask("那MR呢?")
    open_page(browser, live_server)
    card = ask(browser, first.question)
    assert card.get_attribute("data-status") == "answered"
    assert shown_figures(card) == first.figures and first.understood in card.text
    paragraph = highlighted(browser, first.citations[0].quote)
    assert paragraph == bot.pack.paragraph(first.citations[0].source, first.citations[0].paragraph)
    second = ask(browser, "那MR呢?")
    assert second.get_attribute("data-status") == "answered"
    assert shown_figures(second) == follow_up.figures, "the follow-up must take CT's company and year from the first"
    highlighted(browser, follow_up.citations[0].quote)
    screenshot(browser, tmp_path, "answer.png")


def clarifying(bot: Assistant) -> Answer:
    for question in ("联影医疗的市场份额", "聯影醫療的市場份額", "UIH's market share"):
        answer = bot.ask(question)
        if answer.status == "clarify" and len(answer.options) >= 2:
            return answer
    pytest.skip("no candidate question asks to clarify with this fact pack")


def test_a_clarify_option_is_a_button_that_asks_it(browser: Any, live_server: Server, bot: Assistant) -> None:
    expected = clarifying(bot)
    open_page(browser, live_server)
    card = ask(browser, expected.question)
    assert card.get_attribute("data-status") == "clarify"
    buttons = card.find_elements(By.CSS_SELECTOR, ".options button")
    assert [b.text for b in buttons] == expected.options
    lines = [p.text for p in card.find_elements(By.CSS_SELECTOR, ".headline")]
    assert lines and not any(option in line for option in expected.options for line in lines), "options are buttons"
    buttons[0].click()
    wait(browser, lambda d: len(answers(d)) == 2)
    chosen = answers(browser)[-1]
    again = bot.chat()
    again.ask(expected.question)
    assert chosen.get_attribute("data-status") == again.ask(expected.options[0]).status == "answered"
    asked = browser.find_elements(By.CSS_SELECTOR, "#conversation .question")
    assert asked[-1].text == expected.options[0]


def test_examples_facts_and_a_new_conversation(browser: Any, live_server: Server, bot: Assistant) -> None:
    open_page(browser, live_server)
    shown = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#examples button")]
    examples = {q for lang in ("zh-Hant", "zh-Hans", "en") for q in bot.example_questions(lang, 8)}  # type: ignore[arg-type]
    assert shown and set(shown) <= examples
    browser.find_elements(By.CSS_SELECTOR, "#examples button")[0].click()
    wait(browser, lambda d: len(answers(d)) == 1)
    assert answers(browser)[0].get_attribute("data-status") == bot.ask(shown[0]).status
    browser.find_element(By.ID, "new-conversation").click()
    wait(browser, lambda d: not answers(d))
    everything = len(browser.find_elements(By.CSS_SELECTOR, "#facts li"))
    browser.find_element(By.ID, "fact-search").send_keys("CT")
    wait(browser, lambda d: 0 < len(d.find_elements(By.CSS_SELECTOR, "#facts li")) < everything)
    listed = browser.find_elements(By.CSS_SELECTOR, "#facts li")
    listed[0].click()
    wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#source mark"))


def test_readable_at_a_phone_width(browser: Any, live_server: Server, bot: Assistant, tmp_path: Path) -> None:
    browser.set_window_size(390, 844)
    open_page(browser, live_server)
    card = ask(browser, "What was UIH's revenue in 2024?")
    assert shown_figures(card) == bot.ask("What was UIH's revenue in 2024?").figures
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, "nothing may stick out sideways on a phone"
    screenshot(browser, tmp_path, "phone.png")
