import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import { startServer } from './server.js';

// Each test file (setupFiles) gets its own server on a fresh copy of the seeded demo database: the file
// meets the demo data as a new user does, whichever files ran before it and on whichever worker.
const dataDir = await mkdtemp(path.join(tmpdir(), 'renda-e2e-'));
await cp(inject('templateDir'), dataDir, { recursive: true });
const server = await startServer(dataDir);
process.env.E2E_BASE_URL = server.baseUrl;

afterAll(async () => {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});
