import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from './server.js';

/**
 * Migrates and seeds one embedded database with the demo data, once for the run: each test file then
 * starts its own server on a copy of it (file-server.ts), so that no walk meets what another left.
 */
export default async function setup(project: TestProject) {
  const templateDir = await mkdtemp(path.join(tmpdir(), 'renda-e2e-template-'));
  const removeTemplate = () => rm(templateDir, { recursive: true, force: true });
  try {
    await (await startServer(templateDir)).stop();
  } catch (error) {
    await removeTemplate();
    throw error;
  }
  project.provide('templateDir', templateDir);
  return removeTemplate;
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDir: string;
  }
}
