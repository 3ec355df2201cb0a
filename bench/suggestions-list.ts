/**
 * Deputies' suggestions at scale: 500,000 suggestions over ten congress sessions on PostgreSQL.
 * Measures, through the whole HTTP pipeline (app.inject, logged in as the demo staff account), a
 * body's filtered and paged list (target p95 < 100 ms) and the rates per unit for a session
 * (target p95 < 200 ms).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/suggestions-list.ts
 *   options (env): SUGGESTIONS=500000 RUNS=200; BENCH_KEEP=1 keeps the database, BENCH_DB=<name>
 *   measures an existing one again (no generation).
 *
 * Creates its own database on that server (and drops it at the end), migrates it, seeds the demo
 * city (嘉兴市, its bodies, units, deputies and accounts), then generates the suggestions, their
 * assignments and co-signers with set-based SQL (generate_series).
 */
import { performance } from 'node:perf_hooks';
import { searchTokens } from '../apps/server/src/platform/text.js';
import { logIn, machine, startApp, timeRequests, withBenchDatabase } from './harness.js';

const SUGGESTIONS = Number(process.env.SUGGESTIONS ?? 500_000);
const RUNS = Number(process.env.RUNS ?? 200);
const SESSIONS = 10;

const titles = [
  '关于加快老旧小区加装电梯的建议',
  '关于推进城镇老旧小区雨污分流改造的建议',
  '关于规范住宅小区物业服务收费的建议',
  '关于加强保障性租赁住房供给的建议',
  '关于增加城区义务教育学位供给的建议',
  '关于推进普惠性托育服务体系建设的建议',
  '关于提升基层医疗卫生服务能力的建议',
  '关于加快社区居家养老服务中心建设的建议',
  '关于优化公交线网提升公交出行分担率的建议',
  '关于加强河湖长制落实推进美丽河湖建设的建议',
  '关于加大高标准农田建设投入的建议',
  '关于加强食品安全快检能力建设的建议',
  '关于加强新就业形态劳动者权益保障的建议',
  '关于加强校园周边交通安全管理的建议',
  '关于推进垃圾分类精细化管理的建议',
  '关于加大科技型中小企业扶持力度的建议',
  '关于盘活低效工业用地的建议',
  '关于加强未成年人司法保护的建议',
  '关于加强财政资金绩效管理的建议',
  '关于加强中小学心理健康教育的建议',
];
const fields = ['economy', 'urban', 'education', 'health', 'social', 'environment', 'agriculture', 'law', 'other'];

async function generate(q: (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>) {
  const [city] = (await q(`SELECT id FROM bodies WHERE name = '嘉兴市人大常委会'`)).rows;
  const cityId = String(city!.id);
  const [staff] = (await q(`SELECT id FROM users WHERE username = 'staff'`)).rows;
  // A city assigns to some sixty units: the demo's departments plus numbered ones.
  await q(
    `INSERT INTO handling_units (id, body_id, name, kind, active)
     SELECT gen_random_uuid(), $1, '嘉兴市承办单位' || n, 'government_department', true FROM generate_series(1, 44) n`,
    [cityId],
  );
  const units = (await q(`SELECT id FROM handling_units WHERE body_id = $1 ORDER BY name`, [cityId])).rows.map((r) => String(r.id));
  const deputyIds = (await q(`SELECT id FROM deputies WHERE body_id = $1 AND status = 'in_office' ORDER BY id`, [cityId])).rows.map((r) =>
    String(r.id),
  );
  if (deputyIds.length < 3) throw new Error('the demo data has too few city deputies');
  // Ten sessions, one a year (2017–2026); the latest is still being handled.
  await q(
    `INSERT INTO suggestion_sessions (id, body_id, name, year, starts_on, ends_on)
     SELECT gen_random_uuid(), $1, '嘉兴市人民代表大会' || y || '年会议（基准测试）', y, make_date(y, 2, 20), make_date(y, 2, 24)
     FROM generate_series(2017, 2026) y`,
    [cityId],
  );
  const sessions = (await q(`SELECT id, starts_on FROM suggestion_sessions WHERE name LIKE '%基准测试%' ORDER BY year`)).rows.map((r) =>
    String(r.id),
  );

  const perSession = Math.ceil(SUGGESTIONS / SESSIONS);
  // The keyword search's jieba tokens, as the app writes them: segmented in Node once per title and for
  // the content's fixed text; the content's number is one more token, added in SQL.
  const content = ['建议内容（基准测试数据）：', '。近年来群众反映较多，建议加强统筹、加大投入、完善机制。'] as const;
  const titleTokens = titles.map((t) => `${searchTokens(t, content.join(''))} `);
  const started = performance.now();
  for (let s = 0; s < SESSIONS; s++) {
    const latest = s === SESSIONS - 1;
    // Where the items stand: old sessions are nearly all closed; the latest one is mid-handling.
    const stateCase = latest
      ? `CASE WHEN r < 2 THEN 'merged' WHEN r < 3 THEN 'returned' WHEN r < 7 THEN 'submitted' WHEN r < 12 THEN 'accepted'
              WHEN r < 22 THEN 'assigned' WHEN r < 24 THEN 'reassignment_requested' WHEN r < 59 THEN 'handling' WHEN r < 67 THEN 'replied'
              WHEN r < 77 THEN 'reply_released' WHEN r < 87 THEN 'rated' WHEN r < 95 THEN 'closed' ELSE 'rehandling' END`
      : `CASE WHEN r < 2 THEN 'merged' WHEN r < 3 THEN 'returned' WHEN r < 85 THEN 'closed' WHEN r < 93 THEN 'rated'
              WHEN r < 97 THEN 'reply_released' WHEN r < 99 THEN 'handling' ELSE 'rehandling' END`;
    await q(
      `WITH g AS (
         SELECT n, h, h % 100 AS r FROM (SELECT n, hashint4(n + $9::int * 1000003) & 2147483647 AS h FROM generate_series(1, $8::int) n) z
       ), x AS (
         SELECT n, h, r, ${stateCase} AS state,
                make_date($7::int, 2, 20) + (h % 4) AS submitted_on,
                ${latest ? `(h / 7) % 250` : `14 + (h / 7) % 30`} AS assign_after,
                (h / 11) % 100 AS reply_after
         FROM g
       )
       INSERT INTO suggestions (id, body_id, session_id, kind, period, year, number_series, number, title, content, field, lead_deputy_id,
                                created_by, state, round, complex, disclose, lead_unit_id, due_at, reply_category, rating, is_key,
                                submitted_at, accepted_at, assigned_at, first_replied_at, replied_on_time, released_at, closed_at,
                                created_at, updated_at, search_tokens)
       SELECT gen_random_uuid(), $1, $2::uuid, CASE WHEN h % 20 = 0 THEN 'motion' ELSE 'suggestion' END, 'session', $7::int,
              CASE WHEN numbered THEN $2::uuid::text END, CASE WHEN numbered THEN n END,
              ($3::text[])[1 + (h / 3) % array_length($3::text[], 1)], $11::text || n || $12::text,
              ($4::text[])[1 + (h / 5) % 9], ($5::uuid[])[1 + (h / 13) % array_length($5::uuid[], 1)], $6,
              state, CASE WHEN state = 'rehandling' THEN 2 ELSE 1 END, h % 50 = 0, true,
              CASE WHEN assigned THEN ($10::uuid[])[1 + floor(array_length($10::uuid[], 1) * power(((h / 17) % 1000) / 1000.0, 2))::int] END,
              CASE WHEN assigned THEN assigned_at + CASE WHEN state = 'rehandling' THEN interval '5 months' WHEN h % 50 = 0 THEN interval '6 months' ELSE interval '3 months' END END,
              CASE WHEN released THEN CASE WHEN h % 10 < 6 THEN 'A' WHEN h % 10 < 9 THEN 'B' ELSE 'C' END END,
              CASE WHEN state = 'rehandling' THEN 'dissatisfied' WHEN state IN ('rated', 'closed') THEN
                   CASE WHEN (h / 19) % 100 < 80 THEN 'satisfied' WHEN (h / 19) % 100 < 95 THEN 'basically_satisfied' ELSE 'dissatisfied' END END,
              h % 100 = 50,
              submitted_at, CASE WHEN numbered THEN submitted_at + interval '7 days' END,
              CASE WHEN assigned THEN assigned_at END, replied_at, CASE WHEN replied_at IS NOT NULL THEN (h / 23) % 10 < 9 END,
              CASE WHEN released THEN replied_at + interval '3 days' END,
              CASE WHEN state = 'closed' THEN replied_at + interval '40 days' END,
              submitted_at - interval '1 day',
              coalesce(CASE WHEN state = 'closed' THEN replied_at + interval '40 days' END, replied_at, CASE WHEN assigned THEN assigned_at END, submitted_at) + (h % 86400) * interval '1 second',
              (($13::text[])[1 + (h / 3) % array_length($3::text[], 1)] || '''' || n || '''')::tsvector
       FROM (
         SELECT x.*, state NOT IN ('merged', 'returned', 'submitted') AS numbered,
                state NOT IN ('merged', 'returned', 'submitted', 'accepted') AS assigned,
                state IN ('reply_released', 'rated', 'closed', 'rehandling') AS released,
                submitted_on + time '10:00' AS submitted_at,
                submitted_on + assign_after + time '10:00' AS assigned_at,
                CASE WHEN state IN ('replied', 'reply_released', 'rated', 'closed', 'rehandling') THEN submitted_on + assign_after + reply_after + time '15:00' END AS replied_at
         FROM x
       ) y`,
      [cityId, sessions[s], titles, fields, deputyIds, String(staff!.id), 2017 + s, perSession, s, units, ...content, titleTokens],
    );
    process.stdout.write(`\r  suggestions: ${(s + 1) * perSession} / ${SUGGESTIONS}`);
  }
  // Assignments: the lead unit of every assigned item, a joint unit for one in ten.
  await q(
    `INSERT INTO suggestion_assignments (id, suggestion_id, unit_id, role, state, round, assigned_at, sign_for_due_at, signed_for_at, due_at)
     SELECT gen_random_uuid(), id, lead_unit_id, 'lead',
            CASE state WHEN 'assigned' THEN 'assigned' WHEN 'reassignment_requested' THEN 'reassignment_requested'
                       WHEN 'handling' THEN 'signed_for' WHEN 'rehandling' THEN 'signed_for' ELSE 'replied' END,
            round, assigned_at, assigned_at + interval '9 days',
            CASE WHEN state NOT IN ('assigned', 'reassignment_requested') THEN assigned_at + interval '2 days' END, due_at
     FROM suggestions WHERE lead_unit_id IS NOT NULL AND session_id = ANY($1::uuid[])`,
    [sessions],
  );
  await q(
    `INSERT INTO suggestion_assignments (id, suggestion_id, unit_id, role, state, round, assigned_at, sign_for_due_at, signed_for_at, due_at)
     SELECT gen_random_uuid(), s.id, ($1::uuid[])[1 + ((hashtext(s.id::text) & 2147483647) % array_length($1::uuid[], 1))], 'joint', 'opinion_sent', 1,
            s.assigned_at, s.assigned_at + interval '9 days', s.assigned_at + interval '3 days', s.assigned_at + interval '1 month'
     FROM suggestions s WHERE s.lead_unit_id IS NOT NULL AND s.session_id = ANY($2::uuid[]) AND (hashtext(s.id::text) & 2147483647) % 10 = 0`,
    [units, sessions],
  );
  // Co-signers (联名): two for one item in three.
  await q(
    `INSERT INTO suggestion_cosigners (suggestion_id, deputy_id, created_at, confirmed_at)
     SELECT s.id, d.id, s.created_at, s.submitted_at
     FROM suggestions s
     JOIN LATERAL (SELECT id FROM deputies WHERE body_id = s.body_id AND id <> s.lead_deputy_id AND status = 'in_office'
                   ORDER BY id OFFSET (hashtext(s.id::text) & 2147483647) % 20 LIMIT 2) d ON true
     WHERE s.session_id = ANY($1::uuid[]) AND (hashtext(s.id::text) & 2147483647) % 3 = 0`,
    [sessions],
  );
  await q(`VACUUM ANALYZE`);
  const seconds = (performance.now() - started) / 1000;
  const counts = (
    await q(`SELECT (SELECT count(*) FROM suggestions)::int AS s, (SELECT count(*) FROM suggestion_assignments)::int AS a,
                    (SELECT count(*) FROM suggestion_cosigners)::int AS c, pg_size_pretty(pg_total_relation_size('suggestions')) AS size`)
  ).rows[0]!;
  console.log(
    `\n  generated in ${seconds.toFixed(0)} s: ${counts.s} suggestions (${counts.size} with indexes), ${counts.a} assignments, ${counts.c} co-signers`,
  );
}

async function main() {
  await withBenchDatabase('suggestions', async (bench) => {
    const q = (text: string, values?: unknown[]) => bench.database.raw.query(text, values);
    if (bench.fresh) await generate(q);
    else await q('ANALYZE');
    const { app } = await startApp(bench);
    const { cookies } = await logIn(app, 'staff');

    const sessions = (await q(`SELECT id FROM suggestion_sessions WHERE name LIKE '%基准测试%' ORDER BY year`)).rows.map((r) =>
      String(r.id),
    );
    const latest = sessions.at(-1)!;
    const units = (
      await q(`SELECT lead_unit_id AS id, count(*)::int AS n FROM suggestions WHERE lead_unit_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC`)
    ).rows.map((r) => String(r.id));
    const { total } = ((await q(`SELECT count(*)::int AS total FROM suggestions`)).rows as { total: number }[])[0]!;

    const cases: [string, (i: number) => string][] = [
      ['list: one session + state (办理中), pages 1–5', (i) => `/api/suggestions?sessionId=${latest}&state=handling&page=${1 + (i % 5)}`],
      [
        'list: one session + lead unit (any of 60, largest first)',
        (i) => `/api/suggestions?sessionId=${sessions[i % SESSIONS]}&unitId=${units[i % 12]}`,
      ],
      ['list: overdue in the current session', (i) => `/api/suggestions?sessionId=${latest}&overdue=true&page=${1 + (i % 3)}`],
      ['list: key suggestions, all sessions', (i) => `/api/suggestions?isKey=true&page=${1 + (i % 3)}`],
      [
        'list: one session + kind (议案) + state (已办结)',
        (i) => `/api/suggestions?sessionId=${sessions[i % (SESSIONS - 1)]}&kind=motion&state=closed`,
      ],
      [
        'list: one session + keyword in title',
        (i) => `/api/suggestions?sessionId=${sessions[i % SESSIONS]}&q=${encodeURIComponent(['电梯', '养老', '公交', '学位'][i % 4]!)}`,
      ],
      ['list: no filter (whole body, 500k), pages 1–50', (i) => `/api/suggestions?page=${1 + (i % 50)}`],
      ['list: whole body by number (按编号), pages 1–50', (i) => `/api/suggestions?sort=number&page=${1 + (i % 50)}`],
      ['list: one session by number (按编号), pages 1–5', (i) => `/api/suggestions?sessionId=${latest}&sort=number&page=${1 + (i % 5)}`],
      ['list: keyword, all sessions', (i) => `/api/suggestions?q=${encodeURIComponent(['电梯', '养老', '公交', '学位'][i % 4]!)}`],
      [
        'rates per unit for a session (GET /api/suggestions/rates: overall + per unit + per body)',
        (i) => `/api/suggestions/rates?sessionId=${sessions[i % SESSIONS]}`,
      ],
    ];
    console.log(machine());
    console.log(`data: ${total} suggestions over ${SESSIONS} sessions`);
    await timeRequests(
      app,
      RUNS,
      cases.map(([label, url]) =>
        label.startsWith('rates')
          ? { label, cookies, url, unit: 'units', count: (body) => (body.byUnit as unknown[]).length }
          : { label, cookies, url },
      ),
    );
    await app.close();
  });
}

await main();
