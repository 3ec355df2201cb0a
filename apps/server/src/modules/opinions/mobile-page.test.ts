import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';

let t: TestApp;
let dist: string;
beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'renda-dist-'));
  await mkdir(path.join(dist, 'm'));
  await writeFile(path.join(dist, 'index.html'), '<h1>staff app</h1>');
  await writeFile(path.join(dist, 'm', 'opinion.html'), '<h1>码上提</h1>');
  t = await buildTestApp({ WEB_DIST: dist });
});
afterAll(async () => {
  await t.close();
  await rm(dist, { recursive: true, force: true });
});

describe('the QR code URL', () => {
  it.each(['/m/opinion?station=Ab3dEf5hIj7k', '/m/opinion?deputy=Zx9', '/m/opinion', '/m/opinion/?code=7K3Q-9XDM'])(
    '%s opens the small mobile page, not the staff app',
    async (url) => {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe('<h1>码上提</h1>');
    },
  );

  it('leaves other paths to the staff app and unknown mobile pages too', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/opinions' })).body).toBe('<h1>staff app</h1>');
    expect((await t.app.inject({ method: 'GET', url: '/m/nothing' })).body).toBe('<h1>staff app</h1>');
    expect((await t.app.inject({ method: 'GET', url: '/m/..%2Findex' })).body).toBe('<h1>staff app</h1>');
  });
});
