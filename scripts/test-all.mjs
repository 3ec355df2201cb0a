// The whole suite: static checks, unit and integration tests on the embedded database (PGlite)
// and on the PostgreSQL server, the web build, and the browser tests. Ends with one line
// "N passed, N failed" summing every suite.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const reports = mkdtempSync(path.join(tmpdir(), 'renda-reports-'));
const results = [];
/** Failed tests with their messages, repeated after the summary so that a log's tail says what broke. */
const failures = [];

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

/** A check that is one pass or one fail. */
function check(name, command, args, env) {
  const ok = run(name, command, args, env);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

/** A vitest run: counts its tests from the JSON report; a run that could not report counts as one failure. */
function vitest(name, config, env = {}) {
  const out = path.join(reports, `${name.replace(/\W+/g, '-')}.json`);
  const ok = run(name, 'npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile=${out}`], env);
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const failedSuites = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
    const failed = report.numFailedTests + failedSuites + (ok || report.numFailedTests + failedSuites > 0 ? 0 : 1);
    results.push({ name, passed: report.numPassedTests, failed });
    for (const file of report.testResults) {
      const failedTests = file.assertionResults.filter((t) => t.status === 'failed');
      if (file.status === 'failed' && failedTests.length === 0)
        failures.push({ suite: name, test: path.relative(process.cwd(), file.name), message: file.message ?? '' });
      for (const t of failedTests)
        failures.push({
          suite: name,
          test: `${path.relative(process.cwd(), file.name)} > ${t.fullName}`,
          message: t.failureMessages.join('\n'),
        });
    }
    if (report.numTotalTests === 0) results.push({ name: `${name} (ran no test)`, passed: 0, failed: 1 });
  } catch {
    results.push({ name, passed: 0, failed: 1 });
  }
}

check('lint', 'npx', ['eslint', '.']);
check('format', 'npx', ['prettier', '--check', '.']);
check('typecheck', 'npm', ['run', 'typecheck']);
vitest('unit + integration (PGlite)', 'vitest.config.ts', { TEST_DATABASE_URL: '' });
vitest('integration (PostgreSQL server)', 'vitest.config.ts', { TEST_DATABASE_URL: pgUrl });
check('web build', 'npm', ['run', 'build']);
check('browser install', 'node', ['scripts/ensure-browser.mjs']);
vitest('browser (Chromium)', 'vitest.e2e.config.ts');

rmSync(reports, { recursive: true, force: true });
// eslint-disable-next-line no-control-regex
const plain = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');
if (failures.length) console.log('\nFailed tests');
for (const f of failures) {
  console.log(`  [${f.suite}] ${f.test}`);
  for (const line of plain(f.message)
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, 8))
    console.log(`      ${line.slice(0, 300)}`);
}
console.log('\nSummary');
for (const r of results) console.log(`  ${r.failed ? 'FAIL' : 'ok  '} ${r.name}: ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
