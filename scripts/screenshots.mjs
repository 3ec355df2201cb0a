#!/usr/bin/env node
/**
 * The screenshot set: every main page of every demo role at phone (390×844) and desktop (1440×900)
 * size, written to docs/screenshots/<role>-<page>-<size>.png. Starts the real server on a fresh
 * embedded database with the demo data (as `npm start` does), serving the built web app, unless
 * BASE_URL points at a running one.
 *
 *   npm run build && node scripts/screenshots.mjs            # all roles
 *   node scripts/screenshots.mjs deputy unit                  # some roles
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const PASSWORD = 'Renda2026demo';
const outDir = path.resolve('docs/screenshots');

/** The pages each role works from (the first is the workbench). */
const pages = {
  staff: ['/', '/opinions', '/suggestions', '/suggestions/rates', '/deputies', '/deputies/duties', '/stations', '/admin/audit'],
  leader: ['/', '/suggestions?supervisedByMe=true', '/opinions', '/deputies/assessment'],
  deputy: ['/', '/suggestions', '/suggestions/new', '/opinions/received', '/deputies/duties', '/notifications'],
  unit: ['/', '/suggestions/assigned', '/opinions', '/notifications'],
  admin: ['/', '/admin/users', '/admin/bodies', '/admin/audit'],
};
const sizes = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1440, height: 900 } },
};

async function startServer() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'renda-shots-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 300));
  }
  const stop = async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await rm(dataDir, { recursive: true, force: true });
  };
  return { baseUrl, stop };
}

const slug = (p) => (p === '/' ? 'home' : p.slice(1).replace(/[/?=&]+/g, '-'));

async function main() {
  const roles = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(pages);
  const server = process.env.BASE_URL ? { baseUrl: process.env.BASE_URL, stop: async () => {} } : await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  await mkdir(outDir, { recursive: true });
  try {
    for (const role of roles) {
      for (const [size, options] of Object.entries(sizes)) {
        const context = await browser.newContext({ ...options, locale: 'zh-CN' });
        const page = await context.newPage();
        await page.goto(`${server.baseUrl}/login`);
        await page.getByLabel('用户名').fill(role);
        await page.getByLabel('密码').fill(PASSWORD);
        await page.getByRole('button', { name: /登\s*录/ }).click();
        await page.waitForURL((url) => !url.pathname.startsWith('/login'));
        for (const p of pages[role]) {
          await page.goto(`${server.baseUrl}${p}`);
          await page.locator('main h1').first().waitFor();
          await page.waitForTimeout(1200);
          const file = path.join(outDir, `${role}-${slug(p)}-${size}.png`);
          await page.screenshot({ path: file, fullPage: true });
          console.log(path.relative(process.cwd(), file));
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
