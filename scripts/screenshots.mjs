#!/usr/bin/env node
/**
 * The screenshot set: every main page of every demo role at phone (390×844) and desktop (1440×900)
 * size, written to docs/screenshots/<role>-<page>-<size>.jpg with an index in docs/screenshots/README.md. Starts the real server on a fresh
 * embedded database with the demo data (as `npm start` does), serving the built web app, unless
 * BASE_URL points at a running one.
 *
 *   npm run build && node scripts/screenshots.mjs            # all roles
 *   node scripts/screenshots.mjs deputy unit                  # some roles
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const PASSWORD = 'Renda2026demo';
const outDir = path.resolve('docs/screenshots');

/** The first item of a list endpoint, as the path of its page (detail pages are shown with real demo records). */
const first =
  (endpoint, toPath, field = 'id') =>
  async (api) => {
    const { items } = await api(endpoint);
    if (!items?.length) throw new Error(`${endpoint}: the demo has no item to show`);
    return toPath(items[0][field]);
  };

/** The pages each role works from (the first is the workbench). A function resolves a path from the demo data. */
const pages = {
  staff: [
    '/',
    '/opinions',
    first('/api/opinions?pageSize=1', (id) => `/opinions/${id}`),
    '/opinions/campaigns',
    '/suggestions',
    first('/api/suggestions?pageSize=1', (id) => `/suggestions/${id}`),
    '/suggestions/rates',
    '/deputies',
    '/deputies/duties',
    '/deputies/assessment',
    '/deputies/reportbacks',
    '/deputies/contacts',
    '/stations',
    first('/api/stations?pageSize=1', (id) => `/stations/${id}`),
    '/livelihood-projects',
    '/livelihood-projects/projects',
    '/supervision',
    '/supervision/plans',
    '/supervision/points',
    '/supervision/joint-meetings',
    '/meetings',
    first('/api/meetings?pageSize=1', (id) => `/meetings/${id}`),
    '/meetings/votes',
    '/meetings/major-matters',
    '/meetings/attendance',
    '/legislation',
    first('/api/legislation/drafts?pageSize=1', (id) => `/legislation/drafts/${id}`),
    '/legislation/contact-points',
  ],
  leader: ['/', '/suggestions?supervisedByMe=true', '/opinions', '/deputies/assessment', '/supervision', '/livelihood-projects'],
  deputy: [
    '/',
    '/suggestions',
    '/suggestions/new',
    '/opinions/received',
    '/deputies/duties',
    '/meetings/my',
    '/supervision/mine',
    '/notifications',
  ],
  unit: ['/', '/suggestions/assigned', '/opinions', '/supervision/points', '/notifications'],
  admin: [
    '/',
    '/admin/users',
    '/admin/bodies',
    '/admin/handling-units',
    '/admin/deadline-rules',
    '/admin/calendar',
    '/admin/audit',
    '/admin/outbox',
  ],
  /** Citizens are not signed in: the QR-code pages, with codes read from the demo by the staff account. */
  citizen: [
    first('/api/stations?pageSize=1', (code) => `/m/opinion?station=${code}`, 'publicCode'),
    '/m/livelihood',
    first('/api/legislation/drafts?pageSize=1', (code) => `/m/legislation?code=${code}`, 'publicCode'),
    '/m/suggestions',
  ],
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

/** A file name per page that stays the same across seeds: ids become `detail`, query values (public codes) are left out. */
const slug = (p) => {
  if (p === '/') return 'home';
  const [pathname, query = ''] = p.split('?');
  const keys = [...new URLSearchParams(query).keys()];
  return [...pathname.slice(1).split('/'), ...keys].map((part) => (/^[0-9a-f]{8}-[0-9a-f-]{27}$/.test(part) ? 'detail' : part)).join('-');
};

async function signIn(page, baseUrl, role) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(role);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Resolves every page given as a function to its path, with the staff account's session. */
async function resolvePaths(browser, baseUrl, roles) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, baseUrl, 'staff');
  const api = async (endpoint) => {
    const res = await context.request.get(`${baseUrl}${endpoint}`);
    if (!res.ok()) throw new Error(`${endpoint}: ${res.status()}`);
    return res.json();
  };
  const resolved = {};
  for (const role of roles) resolved[role] = await Promise.all(pages[role].map((p) => (typeof p === 'function' ? p(api) : p)));
  await context.close();
  return resolved;
}

/** docs/screenshots/README.md: one row per page, the phone and desktop images side by side. */
async function writeIndex(shots) {
  const rows = shots.map(({ role, path: p, files }) => `| ${role} | \`${p}\` | ![](${files.phone}) | ![](${files.desktop}) |`);
  const text = [
    '# Screenshots',
    '',
    'Every main page of every demo role at phone (390×844) and desktop (1440×900) size, on the demo data.',
    'Regenerate with `npm run build && node scripts/screenshots.mjs` (one role: `node scripts/screenshots.mjs deputy`).',
    '',
    '| role | page | phone | desktop |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  await writeFile(path.join(outDir, 'README.md'), text);
}

async function main() {
  const roles = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(pages);
  const server = process.env.BASE_URL ? { baseUrl: process.env.BASE_URL, stop: async () => {} } : await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  await mkdir(outDir, { recursive: true });
  // The whole set is made again: pages dropped from the list leave no stale image behind.
  if (roles.length === Object.keys(pages).length) {
    for (const file of await readdir(outDir)) if (file.endsWith('.jpg')) await rm(path.join(outDir, file));
  }
  try {
    const paths = await resolvePaths(browser, server.baseUrl, roles);
    const shots = [];
    for (const role of roles) {
      for (const p of paths[role]) shots.push({ role, path: p, files: {} });
      for (const [size, options] of Object.entries(sizes)) {
        const context = await browser.newContext({ ...options, locale: 'zh-CN' });
        const page = await context.newPage();
        if (role !== 'citizen') await signIn(page, server.baseUrl, role);
        for (const shot of shots.filter((s) => s.role === role)) {
          await page.goto(`${server.baseUrl}${shot.path}`);
          await page.locator('h1').first().waitFor();
          // Lists and charts load after the heading; wait until no spinner is left (a locator, not a page
          // function: the app's CSP forbids evaluating strings).
          await page.locator('.ant-spin-spinning, .ant-skeleton').first().waitFor({ state: 'detached', timeout: 30_000 });
          await page.waitForTimeout(800);
          const name = `${role}-${slug(shot.path)}-${size}.jpg`;
          await page.screenshot({ path: path.join(outDir, name), fullPage: true, type: 'jpeg', quality: 70 });
          shot.files[size] = name;
          console.log(`docs/screenshots/${name}`);
        }
        await context.close();
      }
    }
    if (roles.length === Object.keys(pages).length) await writeIndex(shots);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
