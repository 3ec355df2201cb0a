import { z } from 'zod';

/**
 * Zod's own messages (for checks without a custom one), wholly in Chinese, on server and web alike.
 * Zod's bundled zh-CN locale leaks English and symbols ("数值过小：期望 number >=1", an enum's codes
 * joined by "|"), which a person filling a form cannot read; these say what to enter instead. The
 * allowed values and unknown keys still reach programs in the error's details, not in the sentence.
 */
const typeName: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否',
  date: '日期',
  array: '列表',
  tuple: '列表',
  set: '列表',
  object: '一组字段',
  record: '一组字段',
  map: '一组字段',
  file: '文件',
  null: '空值',
};

const sizeUnit: Record<string, string> = { string: '个字', array: '项', set: '项', map: '项', file: '字节' };

const formatName: Record<string, string> = {
  email: '电子邮箱格式不正确',
  url: '网址格式不正确',
  uuid: '编号格式不正确',
  uuidv4: '编号格式不正确',
  uuidv6: '编号格式不正确',
  uuidv7: '编号格式不正确',
  guid: '编号格式不正确',
  datetime: '日期时间格式不正确',
  date: '日期格式不正确，应如 2026-05-01',
  time: '时间格式不正确，应如 09:30',
  duration: '时长格式不正确',
  ipv4: '网络地址格式不正确',
  ipv6: '网络地址格式不正确',
  e164: '电话号码格式不正确',
};

/** A bound as people read it: dates as 年-月-日, numbers as they are. */
function bound(origin: string, value: number | bigint) {
  return origin === 'date' ? new Date(Number(value)).toISOString().slice(0, 10) : value.toString();
}

function tooSmall(origin: string, minimum: number | bigint, inclusive: boolean, exact: boolean) {
  const n = bound(origin, minimum);
  const unit = sizeUnit[origin];
  if (unit) {
    if (exact) return `应为 ${n} ${unit}`;
    if (origin === 'string' && Number(minimum) <= 1 && inclusive) return '不能为空';
    if (origin !== 'string' && origin !== 'file' && Number(minimum) <= 1 && inclusive) return '请至少选择一项';
    return `至少 ${inclusive ? n : Number(minimum) + 1} ${unit}`;
  }
  if (origin === 'date') return inclusive ? `不能早于 ${n}` : `应晚于 ${n}`;
  return inclusive ? `不能小于 ${n}` : `应大于 ${n}`;
}

function tooBig(origin: string, maximum: number | bigint, inclusive: boolean, exact: boolean) {
  const n = bound(origin, maximum);
  const unit = sizeUnit[origin];
  if (unit) {
    if (exact) return `应为 ${n} ${unit}`;
    return `最多 ${inclusive ? n : Number(maximum) - 1} ${unit}`;
  }
  if (origin === 'date') return inclusive ? `不能晚于 ${n}` : `应早于 ${n}`;
  return inclusive ? `不能大于 ${n}` : `应小于 ${n}`;
}

export const chineseErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.expected === 'nonoptional') return '此项必填';
      if (issue.expected === 'number' && typeof issue.input === 'number') return '应为有效的数字';
      return typeName[issue.expected] ? `应为${typeName[issue.expected]}` : '格式不正确';
    case 'too_small':
      return tooSmall(issue.origin, issue.minimum, issue.inclusive ?? false, issue.exact ?? false);
    case 'too_big':
      return tooBig(issue.origin, issue.maximum, issue.inclusive ?? false, issue.exact ?? false);
    case 'invalid_format':
      return formatName[issue.format] ?? '格式不正确';
    case 'not_multiple_of':
      return `应为 ${issue.divisor} 的整数倍`;
    case 'invalid_value':
      return issue.values.length === 1 ? '取值不正确' : '请从可选项中选择';
    case 'unrecognized_keys':
      return '含有不能提交的字段';
    case 'invalid_key':
      return '含有无效的字段名';
    case 'invalid_element':
      return '含有无效的值';
    case 'invalid_union':
    case 'custom':
    default:
      return '格式不正确';
  }
};

z.config({ localeError: chineseErrorMap });
