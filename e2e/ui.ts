import type { Locator, Page } from 'playwright-core';

/** Picks an option of a searching Select by typing part of its text. */
export async function searchAndChoose(page: Page, field: Locator, typed: string, optionText: string) {
  await field.click();
  await field.fill(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: optionText }).first().click();
}

/** A resident ID number with a correct GB 11643 check character. */
export function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11]!;
}
