/**
 * Citizens' opinions: public intake throughput and latency, against raw inserts of the same rows,
 * and the staff inbox over a large table. Runs against the PostgreSQL server in DATABASE_URL on a
 * database of its own (created and dropped here).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/opinions-intake.ts
 *   options (env): INTAKE=20000 CONCURRENCY=32 ROWS=5000000 QUERIES=400; BENCH_KEEP=1 keeps the database (to study plans)
 *   BENCH_DB=<kept database>: measure the inbox of a kept database again (migrated first, so new indexes
 *   are built), without seeding, intake or fill, and keep it.
 */
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { newTrackingCode } from '../apps/server/src/modules/opinions/tracking-code.js';
import { logIn, machine, percentile as pct, startApp, withBenchDatabase } from './harness.js';

const INTAKE = Number(process.env.INTAKE ?? 20_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const ROWS = Number(process.env.ROWS ?? 5_000_000);
const QUERIES = Number(process.env.QUERIES ?? 400);
const WARMUP = 21;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function pool<T>(n: number, concurrency: number, task: (i: number) => Promise<T>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

const contents = [
  '小区门口道路坑洼积水，雨天出行不便，希望尽快修复。',
  '路口行人绿灯时间太短，老人过马路来不及。',
  '河道沿岸有生活污水直排，气味很大。',
  '社区养老服务中心午餐供应不足，老人排队时间长。',
  '学校门口放学时段车辆乱停，交通拥堵。',
];
const categories = [
  'urban_construction',
  'transport',
  'environment',
  'social_security',
  'education',
  'health',
  'agriculture',
  'social_governance',
  'other',
];

async function main() {
  await withBenchDatabase('opinions', async (bench) => {
    const { rows: st } = await bench.database.raw.query(
      `SELECT s.public_code, s.id, s.body_id FROM stations s JOIN bodies b ON b.id = s.body_id WHERE s.active ORDER BY s.created_at`,
    );
    if (!st.length) throw new Error('the demo data has no stations');
    const { app } = await startApp(bench);

    const rawPool = new pg.Pool({ connectionString: bench.url, max: 10 });
    if (bench.fresh) await measureIntake();
    async function measureIntake() {
      // ---- 1. public intake through the whole HTTP pipeline (validation, rate limits, transaction, audit) ----
      const payload = (i: number) => ({
        station: String(st[i % st.length]!.public_code),
        category: categories[i % categories.length],
        content: `${contents[i % contents.length]}（第${i}条）`,
        ...(i % 4 === 0 ? { phone: `139${String(i).padStart(8, '0')}`, contactConsent: true } : {}),
      });
      // Warm-up: connections, JIT, prepared plans.
      await pool(500, CONCURRENCY, async (i) => {
        await app.inject({
          method: 'POST',
          url: '/api/public/opinions',
          payload: payload(10_000_000 + i),
          remoteAddress: `10.250.${i % 250}.${(i >> 8) % 250}`,
        });
      });
      const latencies: number[] = [];
      let refused = 0;
      const started = performance.now();
      await pool(INTAKE, CONCURRENCY, async (i) => {
        const t0 = performance.now();
        // Many citizens, many addresses (a real city); the per-address limit is measured in the tests.
        const res = await app.inject({
          method: 'POST',
          url: '/api/public/opinions',
          payload: payload(i),
          remoteAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        });
        latencies.push(performance.now() - t0);
        if (res.statusCode !== 201) refused++;
      });
      const intakeSeconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const intakeRate = (INTAKE - refused) / intakeSeconds;

      // ---- 2. raw single-row inserts of the same rows, same concurrency, no validation/audit/event ----
      const rawStarted = performance.now();
      await pool(INTAKE, CONCURRENCY, async (i) => {
        const p = payload(i);
        const s = st[i % st.length]!;
        await rawPool.query(
          `INSERT INTO opinions (id, body_id, tracking_code, channel, station_id, category_code, category_label, content, citizen_phone, contact_consent, status)
         VALUES ($1, $2, $3, 'qr_station', $4, $5, '其他', $6, $7, $8, 'submitted')`,
          [uuidv7(), s.body_id, newTrackingCode(), s.id, p.category, p.content, p.phone ?? null, Boolean(p.contactConsent)],
        );
      });
      const rawRate = INTAKE / ((performance.now() - rawStarted) / 1000);

      console.log(machine());
      console.log(`intake: ${INTAKE} submissions, concurrency ${CONCURRENCY}, refused ${refused}`);
      console.log(
        `  accepted/s ${intakeRate.toFixed(0)}  p50 ${ms(pct(latencies, 50))}  p95 ${ms(pct(latencies, 95))}  p99 ${ms(pct(latencies, 99))}`,
      );
      console.log(`raw insert: ${rawRate.toFixed(0)} rows/s  → intake is ${((intakeRate / rawRate) * 100).toFixed(0)}% of raw`);
    }

    // ---- 3. the staff inbox over many rows ----
    const { rows: existing } = await rawPool.query('SELECT count(*)::int AS n FROM opinions');
    const toAdd = !bench.fresh ? 0 : Math.max(0, ROWS - Number(existing[0]!.n));
    const { rows: bodyRows } = await rawPool.query(`SELECT id FROM bodies ORDER BY path`);
    const { rows: unitRows } = await rawPool.query(`SELECT id FROM handling_units`);
    const fillStart = performance.now();
    const statuses = [
      'submitted',
      'accepted',
      'routed',
      'signed_for',
      'replied',
      'reply_approved',
      'rated',
      'closed',
      'closed',
      'closed',
      'declined',
    ];
    for (let done = 0; done < toAdd; done += 250_000) {
      const n = Math.min(250_000, toAdd - done);
      await rawPool.query(
        `INSERT INTO opinions (id, body_id, tracking_code, channel, station_id, category_code, category_label, content, status,
                               handling_unit_id, due_at, created_at, updated_at)
         SELECT gen_random_uuid(), b.ids[1 + (g % array_length(b.ids, 1))],
                upper(substr(md5(random()::text || g), 1, 16)), 'qr_station', NULL,
                (ARRAY${JSON.stringify(categories).replaceAll('"', "'")})[1 + (g % 9)], '类别',
                '演示意见内容：' || g, s.sts[1 + (g % array_length(s.sts, 1))],
                CASE WHEN g % 3 = 0 THEN u.ids[1 + (g % array_length(u.ids, 1))] END,
                CASE WHEN g % 3 = 0 THEN now() + ((g % 40) - 20) * interval '1 day' END,
                now() - (g % 730) * interval '1 day' - (g % 86400) * interval '1 second', now()
         FROM generate_series($1::int, $2::int) g,
              (SELECT $3::uuid[] AS ids) b, (SELECT $4::uuid[] AS ids) u, (SELECT $5::text[] AS sts) s`,
        [done, done + n - 1, bodyRows.map((r) => r.id), unitRows.map((r) => r.id), statuses],
      );
      process.stdout.write(`\r  filled ${done + n} / ${toAdd}`);
    }
    // Statistics for every table, as autovacuum keeps them in a running system. (A table as small as
    // the demo's 35 bodies is never auto-analysed; without its statistics the planner takes a city's
    // scope for two bodies and sorts every opinion instead of walking the newest-first index.)
    await rawPool.query('ANALYZE');
    // After a bulk load autovacuum vacuums the table too (its insert threshold), which marks the pages
    // all-visible, so counts can be read from indexes alone; here it is done at once.
    if (toAdd) await rawPool.query('VACUUM (ANALYZE) opinions');
    const { rows: total } = await rawPool.query('SELECT count(*)::int AS n FROM opinions');
    const filled = toAdd > 0 ? ` (filled in ${((performance.now() - fillStart) / 1000).toFixed(0)} s)` : '';
    console.log(`\ninbox table: ${total[0]!.n} opinions${filled}`);

    // Through the whole HTTP pipeline, logged in: staff and a county's staff read the inbox, the
    // handling unit its own list of opinions routed to it.
    const readers = [await logIn(app, 'staff'), await logIn(app, 'xzstaff'), await logIn(app, 'unit')];
    const filters: Record<string, string>[] = [
      {},
      { status: 'submitted' },
      { status: 'routed', category: 'transport' },
      { overdue: 'true' },
      { category: 'environment' },
      { handlingUnitId: String(unitRows[0]!.id) },
      { page: '5' },
    ];
    const times: Record<string, number[]> = {};
    for (let q = -WARMUP; q < QUERIES; q++) {
      const reader = readers[(q + WARMUP) % readers.length]!;
      const f = filters[(q + WARMUP) % filters.length]!;
      const path = reader.username === 'unit' ? '/api/opinions/assigned' : '/api/opinions';
      const key = `${reader.username} ${JSON.stringify(f)}`;
      const t0 = performance.now();
      const res = await app.inject({
        method: 'GET',
        url: `${path}?${new URLSearchParams({ page: '1', pageSize: '20', ...f })}`,
        cookies: reader.cookies,
      });
      const elapsed = performance.now() - t0;
      if (res.statusCode !== 200) throw new Error(`${key}: ${res.statusCode} ${res.body}`);
      if (q >= 0) (times[key] ??= []).push(elapsed);
    }
    const all = Object.values(times)
      .flat()
      .sort((a, b) => a - b);
    console.log(
      `inbox over HTTP: ${QUERIES} filtered first pages (20 rows + capped count, after ${WARMUP} warm-up)  p50 ${ms(pct(all, 50))}  p95 ${ms(pct(all, 95))}  max ${ms(all.at(-1)!)}`,
    );
    for (const [key, list] of Object.entries(times)) {
      list.sort((a, b) => a - b);
      console.log(`  ${key.padEnd(70)} p95 ${ms(pct(list, 95))}`);
    }
    await rawPool.end();
    await app.close();
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
