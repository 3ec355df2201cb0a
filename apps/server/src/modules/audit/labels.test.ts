import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditEntityLabel } from '@renda/shared';

const serverSrc = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('audit labels', () => {
  // recordAudit's type already takes only labelled entities; this also catches one written past the type (a cast, raw SQL).
  it('names every audited entity in Chinese', () => {
    const written = new Set(
      sources(serverSrc).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bentity: '([a-z_]+)'/g)].map((m) => m[1]!)),
    );
    expect(written.size).toBeGreaterThan(20);
    const missing = [...written].filter((entity) => !(entity in auditEntityLabel));
    expect(missing).toEqual([]);
    for (const label of Object.values(auditEntityLabel)) expect(label).toMatch(/^[\u4e00-\u9fa5]+$/);
  });
});
