import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditQuery, inOrder, pageQuery, rotaRepeatInput, suggestionQuery, suggestionSessionInput } from './index.js';

const asciiLetter = /[A-Za-z]/;

/** Every message zod gives for the input, which must all be Chinese sentences. */
function messages(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input);
  expect(parsed.success, `${String(input)} should be refused`).toBe(false);
  return parsed.error!.issues.map((i) => i.message);
}

// One row per kind of issue zod raises, each through a check written without a message of its own.
const cases: [string, z.ZodType, unknown, string][] = [
  ['missing', z.object({ name: z.string() }), {}, '此项必填'],
  ['wrong type', z.string(), 12, '应为文字'],
  ['not a number', z.coerce.number(), 'abc', '应为有效的数字'],
  ['not an integer', z.number().int(), 1.5, '应为整数'],
  ['boolean', z.boolean(), 'yes', '应为是或否'],
  ['array type', z.array(z.string()), 'a', '应为列表'],
  ['object type', z.object({}), 'a', '应为一组字段'],
  ['date type', z.date(), 'a', '应为日期'],
  ['class instance', z.instanceof(Map), 'a', '格式不正确'],
  ['number too small', z.number().min(1), 0, '不能小于 1'],
  ['number not positive', z.number().positive(), 0, '应大于 0'],
  ['number too big', z.number().max(200), 1000, '不能大于 200'],
  ['number below exclusive max', z.number().lt(10), 10, '应小于 10'],
  ['bigint too big', z.bigint().max(5n), BigInt(6), '不能大于 5'],
  ['empty string', z.string().min(1), '', '不能为空'],
  ['short string', z.string().min(4), 'ab', '至少 4 个字'],
  ['long string', z.string().max(3), 'abcd', '最多 3 个字'],
  ['exact length', z.string().length(6), 'abc', '应为 6 个字'],
  ['empty array', z.array(z.number()).min(1), [], '请至少选择一项'],
  ['short array', z.array(z.number()).min(2), [1], '至少 2 项'],
  ['long array', z.array(z.number()).max(2), [1, 2, 3], '最多 2 项'],
  ['early date', z.date().min(new Date('2026-01-01')), new Date('2025-12-31'), '不能早于 2026-01-01'],
  ['late date', z.date().max(new Date('2026-01-01')), new Date('2026-01-02'), '不能晚于 2026-01-01'],
  ['uuid', z.uuid(), 'abc', '编号格式不正确'],
  ['email', z.email(), 'a@', '电子邮箱格式不正确'],
  ['url', z.url(), 'nota url', '网址格式不正确'],
  ['iso date', z.iso.date(), '2026-13-40', '日期格式不正确，应如 2026-05-01'],
  ['iso datetime', z.iso.datetime({ offset: true }), 'yesterday', '日期时间格式不正确'],
  ['iso time', z.iso.time(), '25:99', '时间格式不正确，应如 09:30'],
  ['regex', z.string().regex(/^\d+$/), 'abc', '格式不正确'],
  ['starts with', z.string().startsWith('关于'), '建议', '格式不正确'],
  ['multiple of', z.number().multipleOf(5), 7, '应为 5 的整数倍'],
  ['enum', z.enum(['draft', 'submitted']), 'xyz', '请从可选项中选择'],
  ['literal', z.literal(true), false, '取值不正确'],
  ['unknown keys', z.strictObject({ a: z.string() }), { a: 'x', extra: 1 }, '含有不能提交的字段'],
  ['record key', z.record(z.string().min(2), z.number()), { c: 1 }, '含有无效的字段名'],
  ['union', z.union([z.string(), z.number()]), true, '格式不正确'],
  ['refine without message', z.string().refine((s) => s === 'x'), 'y', '格式不正确'],
];

describe("zod's messages are wholly Chinese", () => {
  it.each(cases)('%s', (_name, schema, input, expected) => {
    const [message] = messages(schema, input);
    expect(message).toBe(expected);
    expect(message).not.toMatch(asciiLetter);
  });

  it('in the schemas the API uses: paging, filters, enums, ids and dates', () => {
    const all = [
      ...messages(pageQuery, { page: '0', pageSize: '1000' }),
      ...messages(pageQuery, { page: 'abc' }),
      ...messages(suggestionQuery, { state: 'xyz', bodyId: 'abc', isKey: 'yes', q: 'x'.repeat(61) }),
      ...messages(auditQuery, { actorId: '1' }),
      ...messages(rotaRepeatInput, { from: '2026-5-1', to: 'x', weekdays: [0, 9, 1, 2, 3, 4, 5, 6], startTime: 9 }),
      ...messages(suggestionSessionInput, { bodyId: null, name: '', year: 1800 }),
    ];
    expect(all.length).toBeGreaterThanOrEqual(14);
    for (const message of all) expect(message).not.toMatch(asciiLetter);
  });
});

describe('a reversed range is refused by the one shared refinement', () => {
  const range = inOrder(z.object({ from: z.string().optional(), to: z.string().optional() }));

  it.each([
    ['dates', { from: '2026-05-02', to: '2026-05-01' }],
    ['date-times, compared by instant', { from: '2026-05-01T09:00:00+08:00', to: '2026-05-01T00:30:00Z' }],
  ])('%s', (_name, input) => {
    const parsed = range.safeParse(input);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ['to'], message: '结束日期不能早于开始日期' })]);
  });

  it.each([
    ['in order', { from: '2026-05-01', to: '2026-05-02' }],
    ['one day', { from: '2026-05-01', to: '2026-05-01' }],
    ['open start', { to: '2026-05-01' }],
    ['open end', { from: '2026-05-01' }],
    ['same instant in two offsets', { from: '2026-05-01T08:00:00+08:00', to: '2026-05-01T00:00:00Z' }],
  ])('accepts %s', (_name, input) => {
    expect(range.safeParse(input).success).toBe(true);
  });

  it('names its own ends on forms with other field names', () => {
    const parsed = suggestionSessionInput.safeParse({
      bodyId: crypto.randomUUID(),
      name: '第一次会议',
      year: 2026,
      startsOn: '2026-02-03',
      endsOn: '2026-02-01',
    });
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ['endsOn'], message: '结束日期不能早于开始日期' })]);
  });
});
