import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The module boundaries of docs/architecture.md are kept by the linter; this shows it refusing a reach.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function problems(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('module boundaries in the linter', () => {
  it("refuses a service reaching into another module's repository", async () => {
    const found = await problems(
      "import { findById } from '../deputies/repository.js';\nexport const x = findById;\n",
      'apps/server/src/modules/stations/stations-service.ts',
    );
    expect(found).toContainEqual(expect.stringMatching(/^import\/no-restricted-paths: .*deputies only through deputies\/index\.ts/));
  });

  it('refuses SQL outside a repository', async () => {
    const found = await problems(
      "import { eq } from 'drizzle-orm';\nexport const x = eq;\n",
      'apps/server/src/modules/stations/stations-service.ts',
    );
    expect(found).toContainEqual(expect.stringMatching(/^no-restricted-imports: .*Queries belong in a repository/));
  });

  it('lets a module call another through its index.ts', async () => {
    const found = await problems(
      "import { registerSevenOnesSource } from '../deputies/index.js';\nexport const x = registerSevenOnesSource;\n",
      'apps/server/src/modules/stations/stations-service.ts',
    );
    expect(found.filter((p) => p.startsWith('import/') || p.startsWith('no-restricted-imports'))).toEqual([]);
  });
});
