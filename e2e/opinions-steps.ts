import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { baseUrl, launchBrowser, loginAs, openPage } from './harness.js';

/** The public code of 王江泾镇人大代表联络站's QR code, read by staff from the API as the QR poster prints it. */
async function stationQrCode(browser: Browser): Promise<string> {
  const staff = await openPage(browser);
  await loginAs(staff.page, 'staff');
  const res = await staff.context.request.get(`${baseUrl()}/api/stations?q=${encodeURIComponent('王江泾镇')}`);
  expect(res.ok()).toBe(true);
  const items = (await res.json()).items as { name: string; publicCode: string }[];
  const code = items.find((s) => s.name === '王江泾镇人大代表联络站')!.publicCode;
  expect(code).toBeTruthy();
  await staff.context.close();
  return code;
}

/** Opens Chromium for a test file and reads the station's QR code before its tests; closes the browser after them. */
export function openBrowserWithStation(ready: (browser: Browser, stationCode: string) => void) {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    ready(browser, await stationQrCode(browser));
  });
  afterAll(() => browser?.close());
}
