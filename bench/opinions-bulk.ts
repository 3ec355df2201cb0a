/**
 * The inbox's bulk actions on a page of opinions, through the whole HTTP pipeline as the demo staff
 * account: 批量受理, 批量转办 (each item's deadline from its body's rule, the unit told) and 批量不予受理
 * (the citizen told). Each item is the single action in its own transaction, so the time grows with
 * the page; this measures how long staff wait for a page of BATCH.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/opinions-bulk.ts
 *   options (env): BATCH=50 RUNS=10
 *
 * Creates its own database on that server (dropped at the end), migrates it, seeds the demo city and
 * takes in (BATCH × (2 × RUNS + 1)) opinions through the public intake, half of them with a phone.
 */
import { performance } from 'node:perf_hooks';
import { logIn, machine, percentile, startApp, withBenchDatabase } from './harness.js';

const BATCH = Number(process.env.BATCH ?? 50);
const RUNS = Number(process.env.RUNS ?? 10);

await withBenchDatabase('bulk', async (bench) => {
  const { app } = await startApp(bench);
  const { cookies, csrfToken } = await logIn(app, 'staff');
  const { rows: stations } = await bench.database.raw.query(`SELECT public_code FROM stations WHERE active ORDER BY created_at`);
  const { rows: units } = await bench.database.raw.query(`SELECT id FROM handling_units WHERE name = '嘉兴市住房和城乡建设局'`);

  const total = BATCH * (2 * RUNS + 1);
  for (let i = 0; i < total; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/public/opinions',
      remoteAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      payload: {
        station: String(stations[i % stations.length]!.public_code),
        category: 'urban_construction',
        content: `小区北门外人行道地砖松动，雨天积水，老人出行不便，希望尽快修复（第${i}条）。`,
        ...(i % 2 ? { phone: `139${String(i).padStart(8, '0')}`, contactConsent: true } : {}),
      },
    });
    if (res.statusCode !== 201) throw new Error(`intake: ${res.statusCode} ${res.body}`);
  }
  const { rows } = await bench.database.raw.query(`SELECT id FROM opinions WHERE status = 'submitted' ORDER BY created_at, id`);
  const ids = rows.map((r) => String(r.id));
  if (ids.length < total) throw new Error(`only ${ids.length} opinions were taken in`);
  const pages = Array.from({ length: 2 * RUNS + 1 }, (_, i) => ids.slice(i * BATCH, (i + 1) * BATCH));

  const bulk = async (action: string, payload: object) => {
    const t0 = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: `/api/opinions/${action}`,
      payload,
      cookies,
      headers: { 'x-csrf-token': csrfToken },
    });
    const elapsed = performance.now() - t0;
    const body = res.json<{ done: string[]; failed: unknown[] }>();
    if (res.statusCode !== 200 || body.failed.length) throw new Error(`${action}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return elapsed;
  };
  const route = { handlingUnitId: String(units[0]!.id), routeKind: 'special_assignment', note: '请核实后尽快处理' };

  // Warm-up page: connections, JIT, prepared plans.
  await bulk('bulk-accept', { ids: pages[0] });
  await bulk('bulk-route', { ids: pages[0], ...route });
  const times = { accept: [] as number[], route: [] as number[], decline: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    const [routed, declined] = [pages[1 + 2 * run]!, pages[2 + 2 * run]!];
    times.accept.push(await bulk('bulk-accept', { ids: routed }));
    times.route.push(await bulk('bulk-route', { ids: routed, ...route }));
    times.decline.push(await bulk('bulk-decline', { ids: declined, reason: '该问题已由属地街道受理办理，请关注街道答复。' }));
  }
  await app.close();

  console.log(machine());
  console.log(`${RUNS} pages of ${BATCH} opinions, through HTTP as staff`);
  for (const [label, list] of Object.entries(times)) {
    const sorted = [...list].sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    console.log(
      `${label}: p50 ${percentile(sorted, 50).toFixed(0)} ms  p95 ${p95.toFixed(0)} ms  max ${sorted.at(-1)!.toFixed(0)} ms  (${(p95 / BATCH).toFixed(1)} ms an item at p95)`,
    );
  }
});
