import JSZip from 'jszip';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl, buttonNamed, expectCleanPage, type TrackedPage, tick } from './harness.js';
import { DOCX_MIME } from './ui.js';

/** The steps of a suggestion's life shared by the browser tests of 建议议案. */

/** antd puts a space between the two characters of a two-character button label (签收 → 签 收). */
export const label = (text: string) => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);

/** The item's state, as the badge at the top of its page says it. */
const stateOf = (page: Page) => page.locator('main .ant-badge-status-text').first().textContent();

export async function expectState(page: Page, state: string) {
  await expect.poll(() => stateOf(page), { message: `state ${state}` }).toBe(state);
}

/** Clicks an action button of the detail page; confirms it when it asks (Popconfirm). */
export async function act(page: Page, action: string) {
  await page
    .getByRole('group', { name: '可执行的操作' })
    .getByRole('button', { name: label(action) })
    .click();
}

export async function confirmPopover(page: Page) {
  await page
    .locator('.ant-popover:visible')
    .getByRole('button', { name: label('确定') })
    .click();
}

/** Fills and sends the action's form (a dialog titled with the action). */
export async function submitDialog(page: Page) {
  const dialog = page.getByRole('dialog');
  // After a refused send antd may leave the button's loading icon (named "loading") in place, faded out.
  await buttonNamed(dialog, '确定').click();
  await expect.poll(() => page.getByRole('dialog').count(), { message: 'dialog closes' }).toBe(0);
}

export async function openItem(tracked: TrackedPage, id: string, title: string, where: string) {
  await tracked.page.goto(`${baseUrl()}/suggestions/${id}`);
  await expect.poll(() => tracked.page.getByRole('heading', { level: 1, name: title }).count()).toBe(1);
  await expectCleanPage(tracked, where);
}

/**
 * Calls the API as the context's signed-in user. Only the set-up goes this way (drafting, acceptance and
 * assignment have their own browser tests); the steps under test go through the pages.
 */
export async function apiAs<T>({ context }: { context: BrowserContext }, method: 'GET' | 'POST', path: string, data?: object): Promise<T> {
  const { csrfToken } = (await (await context.request.get(`${baseUrl()}/api/auth/csrf`)).json()) as { csrfToken: string };
  const res = await context.request.fetch(`${baseUrl()}${path}`, { method, data, headers: { 'x-csrf-token': csrfToken } });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** A handling unit's id by its name, as staff see it. */
export async function unitId(staff: { context: BrowserContext }, name: string): Promise<string> {
  const units = await apiAs<{ items: { id: string; name: string }[] }>(staff, 'GET', `/api/handling-units?q=${encodeURIComponent(name)}`);
  return units.items.find((u) => u.name === name)!.id;
}

/** Staff decide a unit's request (调整, 延期) in its dialog: 同意 or 不同意, with a note. */
export async function decide(staff: TrackedPage, action: string, choice: '同意' | '不同意', note: string, where: string) {
  await act(staff.page, action);
  const dialog = staff.page.getByRole('dialog');
  await tick(dialog.getByLabel(choice, { exact: true }));
  await dialog.getByLabel('说明').fill(note);
  await expectCleanPage(staff, where);
  await submitDialog(staff.page);
}

/** Downloads a Word letter linked from the page and returns its text as Word shows it (word/document.xml). */
export async function expectWordLetter(tracked: TrackedPage, linkName: string, scope?: Locator): Promise<string> {
  const link = (scope ?? tracked.page).getByRole('link', { name: linkName }).first();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/api\/suggestions\/.+\/letter$/);
  const res = await tracked.context.request.get(`${baseUrl()}${href}`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain(DOCX_MIME);
  const zip = await JSZip.loadAsync(await res.body());
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .trim();
}

/** The unit answers (A by default); `state` is what the item shows after (a 分别办理 item may wait for another unit). */
export async function reply(
  unit: TrackedPage,
  content: string,
  contactPerson = '刘明',
  { category = /^A类/, state = '已答复待审' }: { category?: string | RegExp; state?: string } = {},
) {
  const { page } = unit;
  await act(page, '答复代表');
  const dialog = page.getByRole('dialog');
  await tick(dialog.getByLabel(category));
  await dialog.getByLabel('答复内容').fill(content);
  await dialog.getByLabel('签发人').fill('王建平');
  await dialog.getByLabel('联系人').fill(contactPerson);
  await dialog.getByLabel('联系电话').fill('0573-82088123');
  await expectCleanPage(unit, 'reply form');
  await submitDialog(page);
  await expectState(page, state);
}

export async function release(staff: TrackedPage) {
  await staff.page.reload();
  await act(staff.page, '审核发出答复');
  await confirmPopover(staff.page);
  await expectState(staff.page, '答复已发');
}

export async function rate(deputy: TrackedPage, rating: string, expected: string) {
  const { page } = deputy;
  await page.reload();
  await act(page, '满意度测评');
  const dialog = page.getByRole('dialog');
  await tick(dialog.getByLabel(rating, { exact: true }));
  if (rating === '不满意') await dialog.getByLabel('意见').fill('食堂选址仍未明确，请补充具体落实计划');
  await expectCleanPage(deputy, `rating form (${rating})`);
  await submitDialog(page);
  await expectState(page, expected);
}
