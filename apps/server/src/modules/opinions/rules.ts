import type { Role } from '@renda/shared';
import { defineDeadlineRule } from '../../platform/deadline-rules.js';

/**
 * Seed 000 asks that citizens' problems be handled at once and answered in time ("马上办、及时回")
 * but names no number of days. The default is this platform's choice, well inside the legal ceiling
 * for comparable complaints: 《信访工作条例》（2022）第三十二条 — handled within 60 days of acceptance.
 */
export const replyDeadline = defineDeadlineRule({
  key: 'opinion.reply',
  label: '群众意见转办后承办单位答复期限',
  default: { amount: 15, unit: 'working_days' },
  source: '平台默认值（种子000“马上办、及时回”）；上限参照《信访工作条例》第三十二条“自受理之日起60日内办结”',
});

/** A handling unit is reminded this many working days before the due date. */
export const REMINDER_WORKING_DAYS = 3;

/**
 * Abuse limits that real people do not meet: several citizens may share a station's Wi-Fi, so the
 * per-address limit is generous; one phone number may report a few different problems a day.
 */
export const abuseLimits = {
  perIp: { max: 30, timeWindow: '10 minutes' },
  perIpTracking: { max: 120, timeWindow: '1 minute' },
  perPhoneHour: 5,
  perPhoneDay: 20,
} as const;

/** Photos a citizen may attach: checked by content, never by name. */
export const photoTypes: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/gif']);

/**
 * Who reads the citizen's name and phone. 个人信息保护法第二十三条: personal information goes to another
 * handler (the handling unit) only with the person's separate consent (单独同意), the citizen's
 * "同意承办单位联系我" (`contactConsent`, off unless ticked, 第十四条). The congress staff who take the
 * opinion in and triage it hold it for their statutory duty (第十三条第一款第三项, 第三十四条): they see it,
 * and every read is audited. Deputies and anyone else never see it here.
 */
export function mayReadContact(role: Role, contactConsent: boolean): boolean {
  if (role === 'staff' || role === 'leader') return true;
  return role === 'handling_unit' && contactConsent;
}
