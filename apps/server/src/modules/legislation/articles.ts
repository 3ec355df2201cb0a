/**
 * The articles of a draft regulation, parsed from its pasted text. A Chinese regulation is written as
 * chapters (第一章 总则), sometimes sections (第一节), and articles numbered in Chinese numerals
 * (第一条 … 第十一条 … 第一百零二条) that start a line; an article runs until the next article or
 * heading, its paragraphs (款) and items (项) included. 《立法法》 and 《立法技术规范》 fix this shape.
 */
import { chineseNumeral } from '@renda/shared';

export interface ParsedArticle {
  /** 1, 2, … as written (第十一条 → 11). */
  number: number;
  /** 第十一条 */
  label: string;
  /** 第二章 管理与保护, or '' before the first chapter. */
  chapter: string;
  /** The article's text without its label; paragraphs joined by line breaks. */
  text: string;
}

export interface ParsedDraft {
  /** Text before the first chapter or article (title, 目录): kept, not an article. */
  preamble: string;
  articles: ParsedArticle[];
  /** Problems a person should look at (numbers skipped or repeated); the parse itself does not fail. */
  warnings: string[];
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const NUMERAL = '[零〇一二两三四五六七八九十百千0-9０-９]+';

/** 十一 → 11, 一百零二 → 102, 二百 → 200, 一千零一 → 1001; Arabic digits also accepted. NaN when not a numeral. */
export function chineseNumber(text: string): number {
  const ascii = text.normalize('NFKC');
  if (/^\d+$/.test(ascii)) return Number(ascii);
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
    } else if (ch in UNITS) {
      // 十 alone at the start means 一十.
      total += (digit ?? 1) * UNITS[ch]!;
      digit = null;
    } else return Number.NaN;
  }
  return total + (digit ?? 0);
}

export const articleLabel = (n: number) => `第${chineseNumeral(n)}条`;

const CHAPTER = new RegExp(`^第(${NUMERAL})章(?:[\\s\\u3000]+(.*))?$`);
const SECTION = new RegExp(`^第(${NUMERAL})节(?:[\\s\\u3000]+(.*))?$`);
const ARTICLE = new RegExp(`^第(${NUMERAL})条(?:[\\s\\u3000]*)(.*)$`);

const normalise = (line: string) => line.replace(/[\u00a0\u3000]/g, ' ').trim();

/**
 * Splits the text into articles. A 目录 lists the chapters before the body: a chapter heading seen
 * again later replaces the earlier one, and only lines followed by articles name a chapter.
 */
export function parseArticles(source: string): ParsedDraft {
  const lines = source.replace(/\r\n?/g, '\n').split('\n').map(normalise);
  const articles: ParsedArticle[] = [];
  const preamble: string[] = [];
  let chapter = '';
  let current: { number: number; label: string; chapter: string; lines: string[] } | null = null;
  const flush = () => {
    if (current)
      articles.push({ number: current.number, label: current.label, chapter: current.chapter, text: current.lines.join('\n').trim() });
    current = null;
  };
  for (const line of lines) {
    if (!line) continue;
    const chapterMatch = CHAPTER.exec(line);
    if (chapterMatch) {
      flush();
      chapter = `第${chapterMatch[1]}章${chapterMatch[2] ? ` ${chapterMatch[2].trim()}` : ''}`;
      continue;
    }
    if (SECTION.test(line)) {
      // Sections sit inside chapters; the article keeps its chapter, the section heading is not text.
      flush();
      continue;
    }
    const articleMatch = ARTICLE.exec(line);
    const number = articleMatch ? chineseNumber(articleMatch[1]!) : Number.NaN;
    if (articleMatch && Number.isFinite(number) && number > 0) {
      flush();
      current = { number, label: articleLabel(number), chapter, lines: articleMatch[2] ? [articleMatch[2]] : [] };
      continue;
    }
    if (current) current.lines.push(line);
    else if (!articles.length) preamble.push(line);
  }
  flush();
  return { preamble: preamble.join('\n'), articles, warnings: sequenceWarnings(articles) };
}

/** Articles are numbered 1, 2, 3 … without gaps across chapters; anything else is probably a paste error. */
function sequenceWarnings(articles: ParsedArticle[]): string[] {
  const warnings: string[] = [];
  articles.forEach((a, i) => {
    const expected = i === 0 ? 1 : articles[i - 1]!.number + 1;
    if (a.number !== expected) warnings.push(`${a.label}前应为${articleLabel(expected)}，请核对条文序号`);
    if (!a.text) warnings.push(`${a.label}没有内容`);
  });
  return warnings;
}
