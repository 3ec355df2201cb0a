import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteLexeme, searchQuery, searchTokens, segment, similarity } from './text.js';

describe('segment', () => {
  it('cuts Chinese in search mode and drops punctuation, spaces and function words', () => {
    expect(segment('关于老旧小区加装电梯的建议')).toEqual(expect.arrayContaining(['老旧', '小区', '加装', '电梯', '加装电梯', '建议']));
    expect(segment('关于老旧小区加装电梯的建议')).not.toContain('的');
    expect(segment('关于老旧小区加装电梯的建议')).not.toContain('关于');
    expect(segment('  ，。！？……  ')).toEqual([]);
    // Domain words stay whole and still give their parts.
    expect(segment('人大代表联络站')).toEqual(expect.arrayContaining(['人大代表', '人大', '代表', '联络站']));
  });

  it('keeps numbers and Latin words, full-width folded and in lower case', () => {
    const tokens = segment('Ｇ320国道3号路口的ETC车道');
    expect(tokens).toEqual(expect.arrayContaining(['g320', '国道', '3', '号', '路口', 'etc', '车道']));
    expect(tokens.every((t) => t === t.toLowerCase())).toBe(true);
  });
});

describe('searchQuery', () => {
  it('asks for every word of the keyword, the finest tokens only', () => {
    expect(searchQuery('小区电梯加装补贴')).toBe("'小区' & '电梯' & '加装' & '补贴'");
    expect(searchQuery('加装电梯')).toBe("'加装' & '电梯'");
    expect(searchQuery('的，')).toBeUndefined();
  });

  it('quotes what the user typed, operators and quotes included', () => {
    expect(searchQuery("it's")).toBe("'it' & 's'");
    expect(searchQuery('a\\b')).toBe("'a' & 'b'");
    expect(searchQuery("电梯' | !'学位")).toBe("'电梯' & '学位'");
  });
});

describe('similarity', () => {
  it('scores texts about the same thing above unrelated ones', () => {
    const a = '我们小区是老小区，没有电梯，老人上下楼很困难，希望政府给加装电梯补贴';
    const b = '建议对老旧小区加装电梯给予财政补贴，解决老年人上下楼难';
    const c = '学校门口早晚高峰交通拥堵，希望增加交警疏导';
    expect(similarity(a, b)).toBeGreaterThan(0.3);
    expect(similarity(a, c)).toBeLessThan(0.1);
    expect(similarity(a, a)).toBeCloseTo(1, 6);
    expect(similarity('，。', a)).toBe(0);
  });

  it('weighs the words that say what it is about above the words every complaint shares', () => {
    const retrofit = '我们小区是九十年代的老小区，六层没有电梯，老人上下楼很困难，希望政府出台加装电梯补贴政策。';
    const sameIssue = '建议对老旧小区加装电梯给予财政补贴，老年人上下楼太难了。';
    const brokenLift = '小区老旧电梯经常停运，楼里住着很多老人，上下楼很困难，希望纳入老旧小区改造。';
    expect(similarity(retrofit, sameIssue)).toBeGreaterThan(similarity(retrofit, brokenLift));
  });
});

/** The literals as PostgreSQL reads them: what the index stores and what a keyword matches. */
describe('tsvector and tsquery literals', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = new PGlite();
    await pg.exec(`CREATE TABLE t (id int, tokens tsvector)`);
    const rows = [
      [1, searchTokens('关于老旧小区加装电梯的建议', '小区没有电梯，希望财政补贴。')],
      [2, searchTokens('关于增加城区义务教育学位供给的建议', "学位紧张，it's a \\problem")],
      [3, searchTokens('G320国道3号路口红绿灯时间太短', '')],
    ] as const;
    for (const [id, tokens] of rows) await pg.query(`INSERT INTO t VALUES ($1, $2::tsvector)`, [id, tokens]);
  });
  afterAll(() => pg.close());

  const find = async (keyword: string) =>
    (await pg.query<{ id: number }>(`SELECT id FROM t WHERE tokens @@ $1::tsquery ORDER BY id`, [searchQuery(keyword)])).rows.map(
      (r) => r.id,
    );

  it('matches the words of a keyword in any order', async () => {
    expect(await find('小区电梯加装补贴')).toEqual([1]);
    expect(await find('电梯加装')).toEqual([1]);
    expect(await find('电梯 学位')).toEqual([]);
    expect(await find('学位')).toEqual([2]);
    expect(await find('g320')).toEqual([3]);
    expect(await find('３号路口')).toEqual([3]);
  });

  it('treats tsquery syntax and quotes as text', async () => {
    expect(await find("it's")).toEqual([2]);
    expect(await find("电梯' | '学位")).toEqual([]);
    expect(await find('!电梯')).toEqual([1]);
    expect(await find('\\problem')).toEqual([2]);
  });

  it('escapes quotes and backslashes inside a lexeme', async () => {
    const odd = "o'k\\ & |";
    const { rows } = await pg.query<{ lexemes: string[]; hit: boolean }>(
      `SELECT tsvector_to_array($1::tsvector) AS lexemes, $1::tsvector @@ $2::tsquery AS hit`,
      [`${quoteLexeme(odd)} ${quoteLexeme('x')}`, quoteLexeme(odd)],
    );
    expect(rows[0]).toEqual({ lexemes: [odd, 'x'], hit: true });
  });
});
