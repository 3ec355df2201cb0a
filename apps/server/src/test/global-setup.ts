import type { TestProject } from 'vitest/node';
import { buildSeedTemplate, dropSeedTemplate } from './template.js';

/**
 * Migrates and seeds one template database per run; each test file starts from a copy (test/database.ts).
 * RENDA_TEST_TEMPLATE=off skips it: every file then migrates and seeds its own database, as before.
 */
export default async function setup(project: TestProject) {
  if (process.env.RENDA_TEST_TEMPLATE === 'off') return;
  const template = await buildSeedTemplate();
  project.provide('seedTemplate', template);
  return () => dropSeedTemplate(template);
}
