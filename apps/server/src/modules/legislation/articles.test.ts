import { describe, expect, it } from 'vitest';
import { chineseNumeral } from '@renda/shared';
import { articleLabel, chineseNumber, parseArticles } from './articles.js';

describe('Chinese numerals of article numbers', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十三', 23],
    ['一百', 100],
    ['一百零二', 102],
    ['一百一十', 110],
    ['一百一十一', 111],
    ['两百零五', 205],
    ['一千零一', 1001],
    ['12', 12],
    ['１２', 12],
  ])('%s → %i', (text, n) => expect(chineseNumber(text)).toBe(n));

  it('is not a number for other characters', () => expect(chineseNumber('若干')).toBeNaN());

  it.each([1, 10, 11, 20, 23, 100, 102, 110, 111, 205, 1001, 1010])('writes %i back as it reads', (n) =>
    expect(chineseNumber(chineseNumeral(n))).toBe(n),
  );

  it('labels articles the way regulations write them', () => {
    expect(articleLabel(11)).toBe('第十一条');
    expect(articleLabel(102)).toBe('第一百零二条');
    expect(articleLabel(110)).toBe('第一百一十条');
  });
});

const draft = `嘉兴市河道保护条例（草案）

目  录
第一章\u3000总则
第二章\u3000规划与建设
第三章\u3000附则

第一章\u3000总则
第一条\u3000为了加强河道保护，保障防洪安全，改善水生态环境，根据《中华人民共和国水法》等法律、行政法规，结合本市实际，制定本条例。
第二条\u3000本市行政区域内河道的规划、建设、保护和管理，适用本条例。
本条例所称河道，包括河流、湖泊、人工水道。
第二章\u3000规划与建设
第一节\u3000规划
第三条\u3000市水行政主管部门应当会同有关部门编制河道保护规划，报市人民政府批准后公布。
第四条\u3000禁止在河道管理范围内实施下列行为：
（一）弃置、倾倒垃圾；
（二）设置拦河渔具。
第十一条\u3000违反本条例第四条规定的，由水行政主管部门责令改正。
第三章\u3000附则
第一百零二条\u3000本条例自 年 月 日起施行。`;

describe('parseArticles', () => {
  const parsed = parseArticles(draft);

  it('finds each article with its number, label and chapter; the 目录 names no article', () => {
    expect(parsed.articles.map((a) => [a.number, a.label, a.chapter])).toEqual([
      [1, '第一条', '第一章 总则'],
      [2, '第二条', '第一章 总则'],
      [3, '第三条', '第二章 规划与建设'],
      [4, '第四条', '第二章 规划与建设'],
      [11, '第十一条', '第二章 规划与建设'],
      [102, '第一百零二条', '第三章 附则'],
    ]);
  });

  it('keeps an article’s paragraphs and items, and leaves section headings out of the text', () => {
    expect(parsed.articles[1]!.text).toBe(
      '本市行政区域内河道的规划、建设、保护和管理，适用本条例。\n本条例所称河道，包括河流、湖泊、人工水道。',
    );
    expect(parsed.articles[3]!.text).toBe('禁止在河道管理范围内实施下列行为：\n（一）弃置、倾倒垃圾；\n（二）设置拦河渔具。');
    expect(parsed.articles[2]!.text).not.toContain('第一节');
  });

  it('does not split on a reference to another article inside a line', () => {
    expect(parsed.articles[4]!.text).toBe('违反本条例第四条规定的，由水行政主管部门责令改正。');
  });

  it('keeps the title before the first chapter as the preamble', () => {
    expect(parsed.preamble).toContain('嘉兴市河道保护条例（草案）');
  });

  it('warns of skipped numbers instead of failing', () => {
    expect(parsed.warnings).toEqual(['第十一条前应为第五条，请核对条文序号', '第一百零二条前应为第十二条，请核对条文序号']);
  });

  it('reads a draft without chapters, with Windows line ends and half-width spaces', () => {
    const simple = parseArticles('第一条 为了规范管理，制定本办法。\r\n第二条 本办法自公布之日起施行。\r\n');
    expect(simple.articles).toEqual([
      { number: 1, label: '第一条', chapter: '', text: '为了规范管理，制定本办法。' },
      { number: 2, label: '第二条', chapter: '', text: '本办法自公布之日起施行。' },
    ]);
    expect(simple.warnings).toEqual([]);
  });

  it('finds no article in text without any', () => {
    expect(parseArticles('这是一段说明文字。').articles).toEqual([]);
  });
});
