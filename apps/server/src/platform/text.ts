import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

/**
 * Chinese text for search and similarity: jieba word segmentation (`@node-rs/jieba`, the Rust port with
 * prebuilt binaries) in search mode, so "加装电梯" yields 加装, 电梯 and 加装电梯 and a search for either
 * order of the words finds it. Texts and keywords go through the same steps: NFKC (full-width letters
 * and digits become ASCII), lower case, segmentation, then punctuation, spaces and function words dropped.
 *
 * Search stores the tokens in a `tsvector` written as a literal (`'电梯' '加装'`), so PostgreSQL's own
 * parser never re-splits or changes them and PGlite and PostgreSQL index the same lexemes; a keyword
 * becomes a `tsquery` literal ANDing its words.
 */

/**
 * Words of the domain kept whole. Each is made of words the default dictionary knows, so search mode
 * still yields the parts (老旧小区 is not here: 老旧 is found only by the HMM, and the whole word would hide it).
 */
const DOMAIN_WORDS = [
  '人大代表',
  '联络站',
  '代表联络站',
  '人大常委会',
  '加装电梯',
  '垃圾分类',
  '物业服务',
  '义务教育',
  '居家养老',
  '营商环境',
  '议案',
  '交办',
  '承办单位',
  '群众意见',
];

/** Function words that carry no meaning for search or similarity (kept short on purpose). */
const STOP_WORDS = new Set(
  (
    '的 地 得 了 着 过 和 与 及 以及 或 或者 是 在 对 对于 于 把 被 将 就 也 都 而 并 并且 且 等 之 其 这 那 这个 那个 ' +
    '有 个 我 你 他 她 它 我们 你们 他们 您 啊 吧 呢 吗 么 呀 哦 关于 一个 一些 进行 还 又 很 从 向 为 为了 让 给 由 因为 所以 但 但是 如果'
  ).split(' '),
);

/** Longer tokens are noise (a pasted code, a URL) and PostgreSQL refuses lexemes over 2 KB. */
const MAX_TOKEN_LENGTH = 64;

let jieba: Jieba | undefined;

/** The segmenter, its dictionary loaded once (about half a second); `main.ts` loads it at startup. */
export function segmenter(): Jieba {
  if (!jieba) {
    // The package's dictionary entry point has no `exports` map: load it through require.
    const { dict } = createRequire(import.meta.url)('@node-rs/jieba/dict.js') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} 100000 n`).join('\n')));
  }
  return jieba;
}

const meaningful = (token: string) => token.length <= MAX_TOKEN_LENGTH && /[\p{L}\p{N}]/u.test(token) && !STOP_WORDS.has(token);

/** Search-mode tokens of a text, in order, with repeats (similarity counts them). */
export function segment(text: string): string[] {
  const normal = text.normalize('NFKC').toLowerCase();
  if (!normal.trim()) return [];
  return segmenter()
    .cutForSearch(normal, true)
    .map((t) => t.trim())
    .filter(meaningful);
}

/** A lexeme quoted for a tsvector or tsquery literal: quotes and backslashes escaped. */
export const quoteLexeme = (token: string) => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The `tsvector` literal of some texts (each token once, quoted and escaped, joined by spaces), to be
 * cast with `::tsvector`; an empty string when there is nothing to index.
 */
export function searchTokens(...texts: (string | null | undefined)[]): string {
  const tokens = new Set(texts.flatMap((t) => (t ? segment(t) : [])));
  return [...tokens].map(quoteLexeme).join(' ');
}

/**
 * The `tsquery` literal of a user's keyword, to be cast with `::tsquery`: every word must occur (AND).
 * Of the overlapping search-mode tokens only the finest are required ("人大代表" asks for 人大 & 代表,
 * which every text containing 人大代表 also has). Operators typed by the user are plain text here:
 * every operand is a quoted lexeme. `undefined` when the keyword has no word to look for.
 */
export function searchQuery(keyword: string): string | undefined {
  const tokens = [...new Set(segment(keyword))];
  const finest = tokens.filter((t) => !tokens.some((o) => o !== t && t.includes(o)));
  return finest.length ? finest.map(quoteLexeme).join(' & ') : undefined;
}

let idfTable: { idf: Map<string, number>; median: number } | undefined;

/** jieba's inverse document frequencies (270,000 words), read on first use; unknown words get the median, as jieba does. */
function inverseFrequencies() {
  if (!idfTable) {
    const { idf } = createRequire(import.meta.url)('@node-rs/jieba/dict.js') as { idf: Uint8Array };
    const table = new Map<string, number>();
    for (const line of Buffer.from(idf).toString('utf8').split('\n')) {
      const space = line.lastIndexOf(' ');
      if (space > 0) table.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
    const sorted = [...table.values()].sort((a, b) => a - b);
    idfTable = { idf: table, median: sorted[sorted.length >> 1] ?? 1 };
  }
  return idfTable;
}

/** Token counts of a text. */
export function tokenCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of segment(text)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/**
 * A text's words weighted by count × rarity (tf-idf), for `similarity`: words every complaint shares
 * (希望, 困难, 小区) count less than the ones that say what it is about (加装, 电梯, 补贴).
 */
export function termWeights(text: string): Map<string, number> {
  const { idf, median } = inverseFrequencies();
  const weights = tokenCounts(text);
  for (const [t, n] of weights) weights.set(t, n * (idf.get(t) ?? median));
  return weights;
}

/** Cosine similarity (0–1) of two texts' term weights (`termWeights`); texts without words score 0. */
export function similarity(a: string | Map<string, number>, b: string | Map<string, number>): number {
  const x = typeof a === 'string' ? termWeights(a) : a;
  const y = typeof b === 'string' ? termWeights(b) : b;
  let dot = 0;
  for (const [t, n] of x) dot += n * (y.get(t) ?? 0);
  if (!dot) return 0;
  const norm = (m: Map<string, number>) => Math.sqrt([...m.values()].reduce((s, n) => s + n * n, 0));
  return Math.min(1, dot / (norm(x) * norm(y)));
}
