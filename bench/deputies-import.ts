/**
 * Importing a 200-row deputies sheet (target: under 5 s), through the whole HTTP pipeline as the demo
 * staff account: the preview (parse, check every row, look for people already on the roll) and the
 * import itself (the same checks, then all rows in one transaction, audited).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/deputies-import.ts
 *   options (env): ROWS=200 RUNS=20
 *
 * Creates its own database on that server (dropped at the end), migrates it and seeds the demo city;
 * each run imports 200 new people into 秀洲区's roll, so the roll grows as a real one does.
 */
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { withCheckCharacter } from '../apps/server/src/modules/deputies/id-number.js';
import { multipart } from '../apps/server/src/test/multipart.js';
import { logIn, machine, percentile, startApp, withBenchDatabase } from './harness.js';

const ROWS = Number(process.env.ROWS ?? 200);
const RUNS = Number(process.env.RUNS ?? 20);

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';
const givenNames = ['建国', '秀英', '志强', '丽华', '伟明', '海燕', '国平', '雪芬', '永林', '月芳'];
const employers = ['王江泾镇人民政府', '嘉兴市秀洲区人民医院', '新塍镇中心小学', '浙江某纺织有限公司', '油车港镇农业合作社'];

/** One sheet of new people, laid out as the import template (the sequence keeps ID numbers unique). */
async function sheet(run: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('代表名册');
  ws.addRow(['姓名*', '性别', '出生日期', '政治面貌', '工作单位', '选区（选举单位）', '手机号', '身份证号*']);
  for (let i = 0; i < ROWS; i++) {
    const seq = run * ROWS + i;
    const birth = `19${60 + (seq % 35)}${String(1 + (seq % 12)).padStart(2, '0')}${String(1 + (seq % 28)).padStart(2, '0')}`;
    ws.addRow([
      surnames[seq % surnames.length]! + givenNames[Math.floor(seq / surnames.length) % givenNames.length]!,
      seq % 2 ? '女' : '男',
      `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
      seq % 3 ? '中共党员' : '群众',
      employers[seq % employers.length],
      `王江泾镇第${1 + (seq % 9)}选区`,
      `139${String(seq).padStart(8, '0')}`,
      withCheckCharacter(`330411${birth}${String(seq % 1000).padStart(3, '0')}`),
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

await withBenchDatabase('import', async (bench) => {
  const { app } = await startApp(bench);
  const { cookies, csrfToken } = await logIn(app, 'staff');
  const { rows } = await bench.database.raw.query(`SELECT id FROM bodies WHERE region_code = '330411'`);
  const fields = { bodyId: String(rows[0]!.id), term: '第十届' };

  const send = async (route: string, file: Buffer) => {
    const { payload, headers } = await multipart(fields, [{ name: 'file', fileName: '代表名册.xlsx', data: file }]);
    const t0 = performance.now();
    const res = await app.inject({ method: 'POST', url: route, payload, cookies, headers: { ...headers, 'x-csrf-token': csrfToken } });
    const elapsed = performance.now() - t0;
    if (res.statusCode >= 300) throw new Error(`${route}: ${res.statusCode} ${res.body}`);
    return { elapsed, body: res.json<{ valid?: number; imported?: number }>() };
  };
  const previews: number[] = [];
  const imports: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const file = await sheet(run);
    const preview = await send('/api/deputies/import/preview', file);
    if (preview.body.valid !== ROWS) throw new Error(`preview found ${preview.body.valid} valid rows of ${ROWS}`);
    const done = await send('/api/deputies/import', file);
    if (done.body.imported !== ROWS) throw new Error(`imported ${done.body.imported} of ${ROWS}`);
    previews.push(preview.elapsed);
    imports.push(done.elapsed);
  }
  await app.close();
  const show = (label: string, times: number[]) => {
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `${label}: first ${times[0]!.toFixed(0)} ms  p50 ${percentile(sorted, 50).toFixed(0)} ms  p95 ${percentile(sorted, 95).toFixed(0)} ms  max ${sorted.at(-1)!.toFixed(0)} ms`,
    );
  };
  console.log(machine());
  console.log(`${RUNS} runs of a ${ROWS}-row sheet (each run new people), through HTTP as staff`);
  show('preview', previews);
  show('import', imports);
});
