/**
 * Deputies list and performance page at scale: 150,000 deputies and 2,000,000 duty records on PostgreSQL.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/deputies-list.ts
 *
 * Creates (and at the end drops) a database `renda_bench_deputies` on that server, migrates it,
 * generates the data with set-based SQL, then times the service calls the HTTP routes make.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openPostgres } from '../apps/server/src/db/client.js';
import type { ActorContext } from '../apps/server/src/platform/context.js';
import { pageDeputies } from '../apps/server/src/modules/deputies/service.js';
import { performanceFile } from '../apps/server/src/modules/deputies/performance-service.js';

const DEPUTIES = Number(process.env.BENCH_DEPUTIES ?? 150_000);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 2_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error('set DATABASE_URL to a PostgreSQL server');
const name = 'renda_bench_deputies';

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const database = await openPostgres(url.toString());
const q = (text: string) => database.raw.query(text);

const t0 = performance.now();
// A city with 10 counties and 10 townships each: 111 congress bodies.
await q(`INSERT INTO regions(code, name, parent_code, level) VALUES ('330400', '嘉兴市', NULL, 'city')`);
await q(`INSERT INTO regions SELECT '3304' || lpad(c::text, 2, '0'), '县' || c, '330400', 'county' FROM generate_series(1, 10) c`);
await q(`INSERT INTO regions SELECT '3304' || lpad(c::text, 2, '0') || lpad(t::text, 3, '0'), '镇' || c || '-' || t, '3304' || lpad(c::text, 2, '0'), 'township'
         FROM generate_series(1, 10) c, generate_series(1, 10) t`);
await q(
  `INSERT INTO bodies(id, parent_id, region_code, level, name, path) VALUES ('00000000-0000-7000-8000-000000000000', NULL, '330400', 'city', '市人大常委会', '/00000000-0000-7000-8000-000000000000/')`,
);
await q(`INSERT INTO bodies(id, parent_id, region_code, level, name, path)
         SELECT ('00000000-0000-7000-8000-0000000' || lpad(c::text, 5, '0'))::uuid, '00000000-0000-7000-8000-000000000000', '3304' || lpad(c::text, 2, '0'), 'county', '县' || c || '人大常委会',
                '/00000000-0000-7000-8000-000000000000/00000000-0000-7000-8000-0000000' || lpad(c::text, 5, '0') || '/'
         FROM generate_series(1, 10) c`);
await q(`INSERT INTO bodies(id, parent_id, region_code, level, name, path)
         SELECT ('00000000-0000-7000-8000-' || lpad((c * 1000 + t)::text, 12, '0'))::uuid, ('00000000-0000-7000-8000-0000000' || lpad(c::text, 5, '0'))::uuid,
                '3304' || lpad(c::text, 2, '0') || lpad(t::text, 3, '0'), 'township', '镇' || c || '-' || t || '人民代表大会',
                '/00000000-0000-7000-8000-000000000000/00000000-0000-7000-8000-0000000' || lpad(c::text, 5, '0') || '/00000000-0000-7000-8000-' || lpad((c * 1000 + t)::text, 12, '0') || '/'
         FROM generate_series(1, 10) c, generate_series(1, 10) t`);
// Deputies spread over all bodies, with Chinese surnames so name prefix search is realistic.
await q(`INSERT INTO deputies(id, body_id, term, name, gender, birth_date, status, phone, public_code, person_key, created_at)
         SELECT gen_random_uuid(), b.id, CASE WHEN i % 10 = 0 THEN '第九届' ELSE '第十届' END,
                substr('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹', 1 + i % 30, 1) || substr('建国秀英志强丽华伟明海燕', 1 + (i / 30) % 10, 2),
                CASE WHEN i % 3 = 0 THEN 'female' ELSE 'male' END, date '1960-01-01' + (i % 12000),
                CASE WHEN i % 50 = 0 THEN 'resigned' ELSE 'in_office' END, '139' || lpad(i::text, 8, '0'),
                substr(md5(i::text), 1, 20), md5('p' || i), now()
         FROM generate_series(1, ${DEPUTIES}) i
         JOIN LATERAL (SELECT id FROM bodies ORDER BY id OFFSET (i % 111) LIMIT 1) b ON true`);
const { rows: ids } = await q(`SELECT id, body_id FROM deputies`);
// Duty records, one participant each, spread evenly over the deputies (about 13 per deputy).
await q(`CREATE TEMP TABLE dep AS SELECT row_number() OVER (ORDER BY id) AS n, id, body_id FROM deputies`);
await q(`CREATE TEMP TABLE gen AS
         SELECT gen_random_uuid() AS id, d.id AS deputy_id, d.body_id,
                (ARRAY['voter_reception','inspection','research','law_enforcement_check','observing_meeting','training','public_service','group_activity','other'])[1 + i % 9] AS kind,
                date '2022-01-01' + (i % 1400) AS occurred_on, i
         FROM generate_series(1, ${RECORDS}) i JOIN dep d ON d.n = 1 + (i::bigint * 7919) % ${DEPUTIES}`);
await q(`INSERT INTO duty_records(id, body_id, kind, occurred_on, title, voters_received, source, created_at)
         SELECT id, body_id, kind, occurred_on, '履职活动 ' || i, i % 7, 'staff', now() FROM gen`);
await q(`INSERT INTO duty_participants(record_id, deputy_id, occurred_on, kind, grid_cell)
         SELECT id, deputy_id, occurred_on, kind, false FROM gen`);
await q(`VACUUM ANALYZE`);
const loadSeconds = (performance.now() - t0) / 1000;
const participants = ((await q(`SELECT count(*)::int AS n FROM duty_participants`)).rows as { n: number }[])[0]!.n;

const ctx: ActorContext = {
  actor: {
    id: '00000000-0000-7000-8000-00000000ffff',
    username: 'bench',
    displayName: 'bench',
    role: 'staff',
    bodyId: '00000000-0000-7000-8000-000000000000',
    bodyName: '市人大常委会',
    bodyPath: '/00000000-0000-7000-8000-000000000000/',
    handlingUnitId: null,
    handlingUnitName: null,
    passwordMustChange: false,
  },
  requestId: 'bench',
  ip: null,
};

function p(values: number[], pct: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((pct / 100) * sorted.length))]!;
}

async function time(label: string, run: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await run(i);
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await run(i);
    ms.push(performance.now() - s);
  }
  console.log(
    `${label}: p50 ${p(ms, 50).toFixed(1)} ms, p95 ${p(ms, 95).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms (${RUNS} runs)`,
  );
}

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';
const levels = ['city', 'county', 'township'] as const;
console.log(
  `data: ${DEPUTIES} deputies, ${RECORDS} duty records, ${participants} participations, 111 bodies; generated in ${loadSeconds.toFixed(0)} s`,
);
await time('deputies list, whole city, default sort, random page 1–50', (i) =>
  pageDeputies(database.db, ctx, { page: 1 + (i % 50), pageSize: 20, sort: 'name', order: 'asc' }),
);
await time('deputies list, filtered (term + status + level + name prefix)', (i) =>
  pageDeputies(database.db, ctx, {
    page: 1 + (i % 3),
    pageSize: 20,
    sort: 'name',
    order: 'asc',
    term: '第十届',
    status: 'in_office',
    level: levels[i % 3],
    q: surnames[i % 30],
  }),
);
await time('deputies list, one body, sorted by birth date desc', (i) =>
  pageDeputies(database.db, ctx, {
    page: 1 + (i % 20),
    pageSize: 20,
    sort: 'birthDate',
    order: 'desc',
    bodyId: String(ids[(i * 37) % ids.length]!.body_id),
  }),
);
await time('performance page, one deputy, one year', (i) =>
  performanceFile(database.db, ctx, String(ids[(i * 7919) % ids.length]!.id), '2024-01-01', '2024-12-31'),
);

await database.close();
await new Promise((r) => setTimeout(r, 500));
if (!process.env.BENCH_KEEP) await admin.query(`DROP DATABASE IF EXISTS ${name}`);
await admin.end();
