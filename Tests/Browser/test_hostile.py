"""Hostile titles and duties (markup, quotes, a right-to-left override) show as text and run nothing."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import HOSTILE_DUTY, HOSTILE_PATHWAY, HOSTILE_ROLE, HOSTILE_TITLE, dialogs, role_state, wait_until

INJECTED = """
    return {
      scripts: [...document.scripts].filter(s => /alert\\(/.test(s.textContent)).length,
      images: document.querySelectorAll('img[src="x"], img[onerror]').length,
      handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => /^on/i.test(a.name) && /alert/.test(a.value))).length,
      body: document.body.textContent,
    };
"""


def assert_inert(browser, where):
    found = browser.execute_script(INJECTED)
    assert found["scripts"] == 0, f"{where}: the hostile title became a <script> element"
    assert found["images"] == 0, f"{where}: the hostile duty became an <img> element"
    assert found["handlers"] == 0, f"{where}: an on… attribute from the pathway reached the page"
    assert dialogs(browser) == [], f"{where}: a dialog fired: {dialogs(browser)}"
    return found["body"]


def test_hostile_titles_show_as_text_on_every_page(browser, served):
    base = f"/p/{HOSTILE_PATHWAY}"
    browser.get(served.url("/"))
    assert_inert(browser, "GET /")
    browser.get(served.url(base))
    body = assert_inert(browser, f"GET {base}")
    assert HOSTILE_TITLE in body, f"the ladder does not show the hostile title as text"

    browser.get(served.url(f"{base}/r/{HOSTILE_ROLE}"))
    wait_until(lambda: role_state(browser)["band"], message="#band on the hostile role page")
    body = assert_inert(browser, "the hostile role page")
    assert browser.find_element(By.TAG_NAME, "h1").get_attribute("textContent").strip() == HOSTILE_TITLE
    assert HOSTILE_DUTY in browser.find_element(By.ID, "duties").get_attribute("textContent")

    previews = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a.preview")]
    assert previews, "the hostile role page has no preview links"
    for href in previews:
        browser.get(href)
        body = assert_inert(browser, href)
        if not href.endswith("-blind"):
            assert "<script>alert(1)</script>" in body, f"{href} does not show the hostile title as text"


def test_what_if_on_a_hostile_role_renders_text(browser, served):
    browser.get(served.url(f"/p/{HOSTILE_PATHWAY}/r/{HOSTILE_ROLE}"))
    start = wait_until(lambda: role_state(browser)["band"] and role_state(browser), message="the hostile role page")
    # Change a level, so the page re-renders points, band, sensitivity and findings from the JSON answer.
    select = Select(browser.find_element(By.CSS_SELECTOR, '#factors tr[data-factor="1"] select'))
    select.select_by_value(select.options[0].get_attribute("value"))
    wait_until(lambda: role_state(browser)["points"] != start["points"], message="#points after a level change")
    assert_inert(browser, "after a what-if")
    assert HOSTILE_DUTY in browser.find_element(By.ID, "duties").get_attribute("textContent")
    browser.find_element(By.ID, "reset").click()
    wait_until(lambda: role_state(browser) == start, message="the hostile role page back after reset")
    assert_inert(browser, "after reset")
    assert browser.find_element(By.TAG_NAME, "h1").get_attribute("textContent").strip() == HOSTILE_TITLE
