import { replyCategory, type ReplyCategory, type ReplyCategoryOption } from '@renda/shared';

/**
 * A body's result categories (办理结果分类). Provinces differ: Zhejiang marks A/B/C
 * (已解决或基本解决 / 正在解决或列入计划解决 / 因条件限制留作参考), others add a fourth (D, e.g. 其他 or
 * 留作参考), and each congress words its own labels. The codes are lettered from A without a gap so
 * that A always means solved (the solved rate counts A) and letters, forms and statistics agree.
 */
export function categorySchemeProblem(scheme: ReplyCategoryOption[]): { path: string; message: string } | null {
  const expected = replyCategory.options.slice(0, scheme.length);
  for (const [i, option] of scheme.entries())
    if (option.code !== expected[i])
      return { path: `replyCategories.${i}.code`, message: `类别须按 ${expected.join('、')} 的顺序设置，第${i + 1}个应为${expected[i]}类` };
  const seen = new Set<string>();
  for (const [i, option] of scheme.entries()) {
    if (seen.has(option.label)) return { path: `replyCategories.${i}.label`, message: `类别名称“${option.label}”重复` };
    seen.add(option.label);
  }
  return null;
}

/** The label of a category in the body's scheme, or null when the scheme has no such category. */
export function categoryLabel(scheme: ReplyCategoryOption[], code: string): string | null {
  return scheme.find((c) => c.code === code)?.label ?? null;
}

/** A reply's category must be one of the body's scheme (a D reply in an A/B/C body is refused). */
export function categoryRefusal(scheme: ReplyCategoryOption[], code: ReplyCategory): string | null {
  if (categoryLabel(scheme, code)) return null;
  return `本机关的办理结果分为${scheme.map((c) => `${c.code}类（${c.label}）`).join('、')}，没有${code}类`;
}
