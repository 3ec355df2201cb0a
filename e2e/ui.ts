import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Picks an option of a searching Select by typing part of its text (long lists are virtual: only what is
 * typed for is drawn). The click goes to the list that answers the typed text, not the one drawn before it:
 * a click there is lost when the answer (from the server, for units and deputies) redraws the list, and the
 * dropdown stays open.
 */
export async function searchAndChoose(page: Page, field: Locator, typed: string, optionText: string) {
  await field.click();
  await field.fill(typed);
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  // A multiple choice keeps the entries already chosen in its list: only the others answer the typed text.
  const answered = page.locator('.ant-select-dropdown:visible .ant-select-item-option:not(.ant-select-item-option-selected)');
  await expect
    .poll(async () => {
      const texts = await answered.allTextContents();
      return texts.length > 0 && texts.every((text) => text.includes(typed));
    })
    .toBe(true);
  await options.filter({ hasText: optionText }).first().click();
}

/** A resident ID number with a correct GB 11643 check character. */
export { withCheckCharacter as idNumber } from '../apps/server/src/modules/deputies/id-number.js';

/**
 * Picks an entry of a Select that already shows a value (its shown value covers the input that
 * chooseOption clicks). The list is opened from the keyboard: a second click would close it again.
 */
export async function pickOther(page: Page, field: ReturnType<Page['getByLabel']>, text: string) {
  await field.focus();
  await page.keyboard.press('ArrowDown');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
  await dropdownClosed(page);
}

/**
 * The list of a Select, or the calendar of a date picker, stays in the page while it fades out; checks
 * and clicks wait until it is gone (a click meant for a field below a fading calendar can pick a date).
 */
export const dropdownClosed = (page: Page) =>
  expect.poll(() => page.locator('.ant-select-dropdown:visible, .ant-picker-dropdown:visible').count()).toBe(0);
