import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Request } from 'playwright-core';
import { expect } from 'vitest';

/** The server of this test file (file-server.ts starts one per file). */
export const baseUrl = () => process.env.E2E_BASE_URL!;
export const DEMO_PASSWORD = 'Renda2026demo';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's Chromium, headless, with no calls out of this machine. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface TrackedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  /** Requests still open (the notification stream excepted) and when the last one started or ended. */
  network: { inflight: number; lastChange: number };
}

/** A China calendar date (YYYY-MM-DD) `offset` days from today: the server's dates and the pages' (openPage). */
export const chinaDay = (offset = 0) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offset * 86_400_000));

/** A fresh context (own cookies) whose page records every console error and uncaught exception. */
export async function openPage(
  browser: Browser,
  options: { mobile?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<TrackedPage> {
  // In China's time zone, as the platform's users are: a page that counts "today" (a date field's default,
  // a period ending today) agrees with the server's China date, which the machine's is not from 16:00 UTC.
  const context = await browser.newContext({
    ...(options.mobile
      ? { viewport: options.viewport ?? { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
      : { viewport: options.viewport ?? { width: 1366, height: 860 } }),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  // Playwright's 'networkidle' fires once per document and never while the notification stream is
  // open, so the pages' own requests are counted here instead.
  const network = { inflight: 0, lastChange: Date.now() };
  const counted = (request: Request) => request.resourceType() !== 'eventsource';
  page.on('request', (request) => {
    if (!counted(request)) return;
    network.inflight++;
    network.lastChange = Date.now();
  });
  const ended = (request: Request) => {
    if (!counted(request)) return;
    network.inflight--;
    network.lastChange = Date.now();
  };
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return { page, context, errors, network };
}

/** Waits until the page has had no request open for half a second (its data has arrived). */
export async function networkSettled(tracked: TrackedPage) {
  await expect
    .poll(() => tracked.network.inflight === 0 && Date.now() - tracked.network.lastChange >= 500, {
      message: 'the page’s requests end',
      timeout: 30_000,
    })
    .toBe(true);
}

export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page, or on part of it; returns serious and critical
 * violations. Toasts (antd message) are left out of the page's check: one caught mid-fade fails the
 * contrast rule, and waiting three seconds for each to go cost minutes per run. expectCleanToast
 * checks them on their own, held still.
 */
export async function seriousA11yViolations(page: Page, scope: 'page' | 'toasts' = 'page'): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (scope) => {
    const axe = (window as unknown as { axe: { run: (ctx: object, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const context = scope === 'toasts' ? { include: [['.ant-message']] } : { exclude: [['.ant-message']] };
    const result = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
    }));
  }, scope);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** After a refusal the page shows: no accessibility faults, and no console errors but the refused request's own (Chromium logs every 4xx). */
export async function expectOnlyRefusal(tracked: TrackedPage, status: number, where: string) {
  // Judged at rest, as expectCleanPage does: a save button still hovered or fading back from loading fails the contrast rule.
  await networkSettled(tracked);
  await tracked.page.mouse.move(0, 0);
  await animationsEnded(tracked.page);
  expect(await seriousA11yViolations(tracked.page), `${where}: accessibility`).toEqual([]);
  expect(
    tracked.errors.filter((e) => !e.includes(`status of ${status}`)),
    `${where}: console errors`,
  ).toEqual([]);
  tracked.errors.length = 0;
}

/** Waits until no transition or finite animation runs (a colour is judged at rest). */
const animationsEnded = (page: Page) =>
  page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    undefined,
    { timeout: 30_000 },
  );

/** What every page a user opens must satisfy: no console errors and no serious accessibility violations. */
export async function expectCleanPage(tracked: TrackedPage, where: string) {
  await networkSettled(tracked);
  // Judge the settled page: no colour caught halfway through a hover or focus transition.
  await tracked.page.mouse.move(0, 0);
  await animationsEnded(tracked.page);
  const violations = await seriousA11yViolations(tracked.page);
  expect(violations, `${where}: accessibility violations ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  expect(tracked.errors, `${where}: console errors`).toEqual([]);
}

/** The toast on the page, held still under the pointer (a hovered toast does not fade), passes axe. */
export async function expectCleanToast(tracked: TrackedPage, text: string) {
  const toast = tracked.page.locator('.ant-message-notice', { hasText: text });
  // force: hover at once, without waiting for the toast to stop sliding in; once hovered it stays.
  await toast.hover({ force: true });
  await animationsEnded(tracked.page);
  const violations = await seriousA11yViolations(tracked.page, 'toasts');
  expect(violations, `toast ${text}: accessibility violations ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/**
 * Ticks a checkbox or radio and waits until the page shows it ticked. On a loaded machine a click that
 * lands while React re-renders the field can be lost (Playwright's check() then fails at once, as in a
 * browser run beside other work); like a person looking at the box, this clicks once more when it is
 * still empty.
 */
export async function tick(box: Locator) {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await box.isChecked()) return;
    await box.click();
    try {
      await expect.poll(() => box.isChecked(), { timeout: 5_000 }).toBe(true);
      return;
    } catch {
      // The click was lost: look again and click again.
    }
  }
  expect(await box.isChecked(), 'ticked').toBe(true);
}

/** Picks an entry of an antd Select or TreeSelect by its visible text (antd renders the listbox twice). */
export async function chooseOption(page: Page, field: ReturnType<Page['getByLabel']>, text: string) {
  await field.click();
  await page
    .locator('.ant-select-dropdown:visible')
    .locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper')
    .filter({ hasText: text })
    .first()
    .click();
}

/** antd puts a space between the two characters of a two-character label; an icon's name may come first. */
export const buttonNamed = (scope: Page | Locator, label: string) =>
  scope.getByRole('button', { name: new RegExp(`(^|\\s)${[...label].join('\\s*')}$`) });

/** Waits until the page shows exactly one level-1 heading with this name. */
export async function expectHeading(page: Page, name: string | RegExp) {
  await expect.poll(() => page.getByRole('heading', { name, level: 1 }).count(), { message: `heading ${name}` }).toBe(1);
}

/** A signed-in API client for setting a test up (the flow under test runs in the browser). */
export async function apiAs(username: string, password = DEMO_PASSWORD) {
  const csrf = await fetch(`${baseUrl()}/api/auth/csrf`);
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: csrfCookie.join('; ') },
    body: JSON.stringify({ username, password }),
  });
  const cookie = [...csrfCookie, ...login.headers.getSetCookie().map((c) => c.split(';')[0]!)].join('; ');
  return async <T>(method: string, url: string, body?: object): Promise<T> => {
    const res = await fetch(`${baseUrl()}${url}`, {
      method,
      headers: { 'x-csrf-token': csrfToken, cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
}

/**
 * An account an administrator created for a test's set-up starts with a password the user must change;
 * the user changes it to the demo password, so the test signs in as with any demo account.
 */
export const SETUP_INITIAL_PASSWORD = 'Initial2026setup';
export async function adoptDemoPassword(username: string) {
  const user = await apiAs(username, SETUP_INITIAL_PASSWORD);
  await user('POST', '/api/auth/change-password', { currentPassword: SETUP_INITIAL_PASSWORD, newPassword: DEMO_PASSWORD });
}
