import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditActionName, auditEntityLabel } from '@renda/shared';

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

  // The audit page and its export name each step in its record kind's words; a step written with no name at
  // all would show its code (photo_set) to the people reading the trail.
  it('names every audited step of every record kind in Chinese', () => {
    const steps = new Set(
      sources(serverSrc).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/recordAudit\(([\s\S]{0,600}?)\);/g)].flatMap((call) => {
          const entity = /\bentity: '([a-z_]+)'/.exec(call[1]!)?.[1];
          const action = /\baction: '([a-zA-Z_]+)'/.exec(call[1]!)?.[1];
          return entity && action ? [`${entity}.${action}`] : [];
        }),
      ),
    );
    expect(steps.size).toBeGreaterThan(80);
    const unnamed = [...steps].filter((step) => {
      const [entity, action] = step.split('.') as [string, string];
      return !/[\u4e00-\u9fa5]/.test(auditActionName(entity, action));
    });
    expect(unnamed).toEqual([]);
  });

  it('names the same verb by its record kind', () => {
    expect(auditActionName('supervision_plan', 'adopt')).toBe('主任会议通过');
    expect(auditActionName('livelihood_proposal', 'adopt')).not.toBe(auditActionName('supervision_plan', 'adopt'));
    expect(auditActionName('user', 'login')).toBe('登录');
    expect(auditActionName('user', 'no_such_step')).toBe('no_such_step');
  });
});
