/**
 * Supervision (监督) at a province's scale: ten years of items of every kind with their issue-list points,
 * invited deputies and field inspections, on PostgreSQL. Measures through the whole HTTP pipeline
 * (app.inject) the staff's item list with its filters (year, kind, stage, keyword; newest year first), the
 * issue list (state, overdue; earliest deadline first), an organ's own points and a deputy's 我参与的监督.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/supervision-list.ts
 *   options (env): ITEMS=20000 RUNS=200; BENCH_KEEP=1 keeps the database, BENCH_DB=<name> measures it again.
 *
 * The volume: a province has some 100 standing committees (the province, 11 cities, ~90 counties), each
 * hearing ~20 supervision items a year, so ten years are ~20,000 items, with ~6 points each. All of it is
 * put on the demo city's standing committees (the city and its counties), which the demo staff account
 * sees: each of its lists then runs over the whole province's volume, more than any one office has.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { supervisionStages } from '@renda/shared';
import { logIn, machine, startApp, timeRequests, withBenchDatabase } from './harness.js';

const ITEMS = Number(process.env.ITEMS ?? 20_000);
const RUNS = Number(process.env.RUNS ?? 200);
const YEARS = 10;
const FIRST_YEAR = 2017;

const subjects = [
  '城镇老旧小区改造工作情况',
  '《浙江省城镇燃气管理条例》实施情况',
  '城市公共交通服务质量',
  '义务教育优质均衡发展工作情况',
  '养老服务体系建设情况',
  '生态环境保护目标完成情况',
  '食品安全工作情况',
  '基层医疗卫生服务能力建设情况',
  '重大交通基础设施项目建设情况',
  '优化营商环境工作情况',
  '法治政府建设情况',
  '审计查出问题整改情况',
];
/** Kinds by share of a year's plan: most are special work reports. */
const kindCase = `CASE WHEN h % 10 < 4 THEN 'special_report' WHEN h % 10 < 6 THEN 'law_inspection' WHEN h % 10 < 7 THEN 'special_inquiry'
                       WHEN h % 10 < 8 THEN 'work_evaluation' ELSE 'major_project' END`;
/** The stages of each kind as SQL arrays, so the current year's items stand anywhere along their kind. */
const stageArrays = Object.entries(supervisionStages)
  .map(([kind, stages]) => `WHEN '${kind}' THEN ARRAY[${stages.map((s) => `'${s}'`).join(',')}]`)
  .join(' ');
const pointSource = `CASE kind WHEN 'law_inspection' THEN 'finding' WHEN 'special_inquiry' THEN 'commitment' WHEN 'major_project' THEN 'project' ELSE 'opinion' END`;

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

type Query = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

async function generate(q: Query) {
  const started = performance.now();
  // The standing committees of the demo city: the city and its counties.
  const bodyIds = (
    await q(
      `SELECT id FROM bodies WHERE level IN ('city', 'county') AND path LIKE (SELECT path FROM bodies WHERE region_code = '330400') || '%' ORDER BY path`,
    )
  ).rows.map((r) => String(r.id));
  const [staff] = (await q(`SELECT id FROM users WHERE username = 'staff'`)).rows;
  // One plan a year per body (the demo's own plans stay as they are).
  await q(
    `INSERT INTO supervision_plans (id, body_id, year, title, state, adopted_at, published_at, created_by, created_at)
     SELECT gen_random_uuid(), b, y, y || '年度监督工作计划（基准测试）', 'published', make_date(y - 1, 12, 20), make_date(y - 1, 12, 28), $2, make_date(y - 1, 12, 1)
     FROM unnest($1::uuid[]) b, generate_series(${FIRST_YEAR}, ${FIRST_YEAR + YEARS - 1}) y
     ON CONFLICT DO NOTHING`,
    [bodyIds, staff!.id],
  );
  const latest = FIRST_YEAR + YEARS - 1;
  // The demo's own items keep their points and inspections; only the generated ones get made-up ones.
  const demoItems = (await q(`SELECT id FROM supervision_items`)).rows.map((r) => String(r.id));
  const generated = `(SELECT i.*, hashtext(i.id::text) & 2147483647 AS hi FROM supervision_items i WHERE NOT (i.id = ANY($1::uuid[])))`;
  // Items: spread over bodies and years; old years closed, the latest anywhere along its kind's stages.
  await q(
    `WITH g AS (
       SELECT n, hashint4(n) & 2147483647 AS h, ($1::uuid[])[1 + n % array_length($1::uuid[], 1)] AS body_id,
              ${FIRST_YEAR} + (n / array_length($1::uuid[], 1)) % ${YEARS} AS year
       FROM generate_series(0, $2::int - 1) n
     ), k AS (SELECT g.*, ${kindCase} AS kind FROM g)
     INSERT INTO supervision_items (id, plan_id, body_id, year, kind, subject, committee, organ_unit_id, meeting, meeting_on, stage,
                                    stage_started_at, round, next_point_seq, created_at)
     SELECT gen_random_uuid(), p.id, k.body_id, k.year, k.kind, ($3::text[])[1 + (h / 7) % array_length($3::text[], 1)] || '（' || k.n || '）',
            '财经工委', u.id, '常委会第' || (1 + h % 8) || '次会议', make_date(k.year, 3 + h % 9, 1 + h % 27),
            CASE WHEN k.year < ${latest} THEN 'closed' ELSE (CASE k.kind ${stageArrays} END)[1 + (h / 11) % array_length(CASE k.kind ${stageArrays} END, 1)] END,
            make_date(k.year, 3, 1), CASE WHEN h % 25 = 0 THEN 2 ELSE 1 END, 1, make_date(k.year - 1, 12, 28)
     FROM k
     JOIN supervision_plans p ON p.body_id = k.body_id AND p.year = k.year
     JOIN LATERAL (SELECT id FROM handling_units WHERE body_id = k.body_id ORDER BY name OFFSET (k.h / 13) % 6 LIMIT 1) u ON true`,
    [bodyIds, ITEMS, subjects],
  );
  // Deputies invited: two or three per item, of the item's body.
  await q(
    `INSERT INTO supervision_item_deputies (item_id, deputy_id)
     SELECT i.id, d.id FROM supervision_items i
     JOIN LATERAL (SELECT id FROM deputies WHERE body_id = i.body_id ORDER BY id
                   OFFSET (hashtext(i.id::text) & 2147483647) % 20 LIMIT 2 + (hashtext(i.id::text) & 1)) d ON true
     ON CONFLICT DO NOTHING`,
  );
  // Field inspections of inspections and project visits: two per item, the invited deputies on them.
  await q(
    `INSERT INTO supervision_visits (id, item_id, stage, visited_on, place, summary, deputy_ids, created_at)
     SELECT gen_random_uuid(), i.id, CASE i.kind WHEN 'law_inspection' THEN 'field_inspection' ELSE 'quarterly' END, i.meeting_on - 30 * v, '实地检查点' || v, '检查情况（基准测试）',
            (SELECT coalesce(jsonb_agg(deputy_id::text), '[]') FROM supervision_item_deputies WHERE item_id = i.id), i.meeting_on - 30 * v
     FROM ${generated} i, generate_series(1, 2) v
     WHERE i.kind IN ('law_inspection', 'major_project')`,
    [demoItems],
  );
  // Points: two to ten per item (six on average), closed items' all solved or carried over; the latest year's open to solved.
  await q(
    `INSERT INTO supervision_points (id, item_id, body_id, seq, round, source, content, organ_unit_id, due_on, state, evidence, answered_at,
                                     judgement, judged_at, created_at)
     SELECT gen_random_uuid(), i.id, i.body_id, s, 1, ${pointSource}, '督办问题' || s || '（基准测试）', i.organ_unit_id,
            i.meeting_on + 30 + 15 * s,
            CASE WHEN i.stage = 'closed' THEN CASE WHEN h % 20 = 0 THEN 'carried_over' ELSE 'solved' END
                 WHEN h % 10 < 4 THEN 'open' WHEN h % 10 < 7 THEN 'answered' ELSE 'solved' END AS state,
            '整改情况（基准测试）', i.meeting_on + 20 + 15 * s, '认定意见', i.meeting_on + 25 + 15 * s, i.meeting_on + 1
     FROM ${generated} i, generate_series(1, 10) s, LATERAL (SELECT hashint4(i.hi + s) & 2147483647 AS h) x
     WHERE i.stage <> 'planned' AND s <= 2 + i.hi % 9`,
    [demoItems],
  );
  await q(
    `UPDATE supervision_items i SET next_point_seq = 1 + (SELECT count(*) FROM supervision_points p WHERE p.item_id = i.id)
     WHERE NOT (i.id = ANY($1::uuid[]))`,
    [demoItems],
  );
  await q(`VACUUM ANALYZE`);
  const counts = (
    await q(`SELECT (SELECT count(*) FROM supervision_items)::int AS i, (SELECT count(*) FROM supervision_points)::int AS p,
                    (SELECT count(*) FROM supervision_item_deputies)::int AS d, (SELECT count(*) FROM supervision_visits)::int AS v,
                    ${bodyIds.length} AS b`)
  ).rows[0]!;
  console.log(
    `  generated in ${((performance.now() - started) / 1000).toFixed(0)} s: ${counts.i} items on ${counts.b} bodies, ${counts.p} points, ${counts.d} invitations, ${counts.v} field inspections`,
  );
}

async function main() {
  await withBenchDatabase('supervision', async (bench) => {
    const q: Query = (text, values) => bench.database.raw.query(text, values);
    if (bench.fresh) await generate(q);
    else await q('ANALYZE');
    const { app } = await startApp(bench);
    const sessions = { staff: await logIn(app, 'staff'), unit: await logIn(app, 'unit'), deputy: await logIn(app, 'deputy') };
    // The demo deputy is invited to items of the city's: as many as a deputy of a province would be on.
    await q(
      `INSERT INTO supervision_item_deputies (item_id, deputy_id)
       SELECT i.id, d.id FROM supervision_items i, deputies d JOIN users u ON u.id = d.user_id AND u.username = 'deputy'
       WHERE i.body_id = d.body_id AND (hashtext(i.id::text) & 2147483647) % 40 = 0 ON CONFLICT DO NOTHING`,
    );
    const [city] = (await q(`SELECT id FROM bodies WHERE region_code = '330400'`)).rows;
    const { total } = ((await q(`SELECT count(*)::int AS total FROM supervision_items`)).rows as { total: number }[])[0]!;
    const years = Array.from({ length: YEARS }, (_, i) => FIRST_YEAR + i);
    const kinds = Object.keys(supervisionStages);
    const words = ['老旧小区', '燃气', '公共交通', '养老'];

    const cases: [string, keyof typeof sessions, (i: number) => string][] = [
      ['items: no filter (the whole province), pages 1–50', 'staff', (i) => `/api/supervision-items?page=${1 + (i % 50)}`],
      ['items: one year + kind', 'staff', (i) => `/api/supervision-items?year=${years[i % YEARS]}&kind=${kinds[i % kinds.length]}`],
      ['items: current year + stage (跟踪监督)', 'staff', () => `/api/supervision-items?year=${years.at(-1)}&stage=follow_up`],
      ['items: one body (the city), pages 1–10', 'staff', (i) => `/api/supervision-items?bodyId=${city!.id}&page=${1 + (i % 10)}`],
      ['items: keyword in subject, all years', 'staff', (i) => `/api/supervision-items?q=${encodeURIComponent(words[i % 4]!)}`],
      ['points: no filter, pages 1–50 (earliest deadline first)', 'staff', (i) => `/api/supervision-points?page=${1 + (i % 50)}`],
      ['points: state (整改中)', 'staff', (i) => `/api/supervision-points?state=open&page=${1 + (i % 5)}`],
      ['points: overdue', 'staff', (i) => `/api/supervision-points?overdue=true&page=${1 + (i % 3)}`],
      ['points: the organ’s own (unit), open', 'unit', () => `/api/supervision-points/assigned?state=open`],
      ['items: the deputy’s 我参与的监督', 'deputy', () => `/api/supervision-items/mine`],
    ];
    console.log(machine());
    console.log(`data: ${total} supervision items over ${YEARS} years; load average before ${load()}`);
    await timeRequests(
      app,
      RUNS,
      cases.map(([label, who, url]) => ({ label, cookies: sessions[who].cookies, url })),
    );
    console.log(`load average after ${load()}`);
    await app.close();
  });
}

await main();
