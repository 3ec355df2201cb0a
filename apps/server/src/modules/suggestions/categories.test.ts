import { describe, expect, it } from 'vitest';
import { defaultReplyCategories, type ReplyCategoryOption } from '@renda/shared';
import { categoryLabel, categoryRefusal, categorySchemeProblem } from './categories.js';
import { replyAddressees } from './letters.js';

const four: ReplyCategoryOption[] = [
  { code: 'A', label: '已解决或采纳' },
  { code: 'B', label: '正在解决或列入计划' },
  { code: 'C', label: '因条件限制留作参考' },
  { code: 'D', label: '其他' },
];

describe('a body’s result categories (办理结果分类)', () => {
  it.each([
    ['the default A/B/C', defaultReplyCategories, null],
    ['four categories A–D', four, null],
    ['two categories A/B', four.slice(0, 2), null],
    ['a gap (A, C)', [four[0]!, four[2]!], 'replyCategories.1.code'],
    ['not starting at A (B, C)', four.slice(1, 3), 'replyCategories.0.code'],
    ['a label used twice', [four[0]!, { code: 'B', label: four[0]!.label }], 'replyCategories.1.label'],
  ] as const)('%s → %s', (_name, scheme, path) => {
    expect(categorySchemeProblem([...scheme])?.path ?? null).toBe(path);
  });

  it('accepts a reply category only from the body’s scheme and names the scheme when it refuses', () => {
    expect(categoryRefusal(four, 'D')).toBeNull();
    expect(categoryRefusal(defaultReplyCategories, 'D')).toBe(
      '本机关的办理结果分为A类（已解决或基本解决）、B类（正在解决或列入计划解决）、C类（因条件限制留作参考），没有D类',
    );
    expect(categoryLabel(four, 'A')).toBe('已解决或采纳');
    expect(categoryLabel(defaultReplyCategories, 'D')).toBeNull();
  });
});

describe('whom a co-signed item’s reply letter is addressed to (联名)', () => {
  const lead = { id: 'lead', name: '张秀英' };
  const cosigners = [
    { deputyId: 'c1', name: '王建华', confirmed: true },
    { deputyId: 'c2', name: '沈国强', confirmed: false },
    { deputyId: 'c3', name: '李敏', confirmed: true },
  ];
  it('names the lead deputy and every confirmed co-signer in one letter', () => {
    expect(replyAddressees('named', lead, cosigners)).toEqual({
      names: ['张秀英', '王建华', '李敏'],
      leadDeputyName: null,
      cosigned: false,
    });
  });
  it('writes one letter to each signer where the body chooses so; an unconfirmed co-signer has none', () => {
    expect(replyAddressees('each', lead, cosigners)).toEqual({ names: ['张秀英'], leadDeputyName: null, cosigned: false });
    expect(replyAddressees('each', lead, cosigners, 'c3')).toEqual({ names: ['李敏'], leadDeputyName: '张秀英', cosigned: true });
    expect(replyAddressees('each', lead, cosigners, 'c2')).toBeNull();
    expect(replyAddressees('each', lead, cosigners, 'nobody')).toBeNull();
  });
});
