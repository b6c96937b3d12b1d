"""Save and reload through serve-edit's form: the title kept, only its line changed in the file."""

import difflib

import pytest
from selenium.webdriver.common.by import By

from conftest import fetch_json, wait_until

PATHWAY = "nhs-perinatal"


def first_role(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("  - id: "):
            return line.split(": ", 1)[1].strip()
    raise AssertionError(f"no role in {path}")


def test_edit_title_save_and_reload(browser, served):
    file = served.folder / f"{PATHWAY}.yaml"
    role = first_role(file)
    browser.get(served.url(f"/p/{PATHWAY}/r/{role}"))
    edit_url = f"/p/{PATHWAY}/r/{role}/edit"
    status = fetch_json(browser, "GET", edit_url)["status"]
    if status == 404:
        pytest.skip(f"GET {edit_url} gave 404: the edit form (serve-edit) is not in this build")
    assert status == 200, f"GET {edit_url} gave {status}"
    before = file.read_text(encoding="utf-8")

    browser.get(served.url(edit_url))
    title = browser.find_element(By.CSS_SELECTOR, 'form input[name="title"]')
    new_title = title.get_attribute("value") + " (Perinatal)"
    title.clear()
    title.send_keys(new_title)
    form = title.find_element(By.XPATH, "./ancestor::form")
    form.find_element(By.CSS_SELECTOR, 'button[type="submit"], input[type="submit"]').click()
    wait_until(lambda: file.read_text(encoding="utf-8") != before, message=f"{file.name} to change on save")

    browser.get(served.url(f"/p/{PATHWAY}/r/{role}"))
    assert browser.find_element(By.TAG_NAME, "h1").text.strip() == new_title
    browser.refresh()
    assert browser.find_element(By.TAG_NAME, "h1").text.strip() == new_title
    changed = [line for line in difflib.unified_diff(before.splitlines(), file.read_text(encoding="utf-8").splitlines(), n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert len(changed) == 2 and new_title in changed[1], f"the save changed more than the title's line: {changed}"
