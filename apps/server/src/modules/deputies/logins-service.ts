import type { DeputyLoginsResult } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { ActorContext } from '../../platform/context.js';
import type { Notifier } from '../../platform/notifications.js';
import { createInitialLogin, usernameTaken } from '../admin/index.js';
import * as repo from './repository.js';

/** A deputy's username: `d` and their public code (unique, lower-case letters and digits, no look-alikes). */
const usernameOf = (publicCode: string) => `d${publicCode}`.slice(0, 32);

/**
 * 开通登录账号 for deputies of the registry, one or many: each deputy in office within the actor's scope
 * who has no login gets one (role deputy, their body), linked to the registry entry, with a one-time
 * initial password sent by SMS when the registry has their mobile, else shown once in the answer.
 * The others are listed with the reason. One transaction: all the logins or none.
 */
export async function createDeputyLogins(db: Db, ctx: ActorContext, notifier: Notifier, deputyIds: string[]): Promise<DeputyLoginsResult> {
  return db.transaction((tx) => openDeputyLogins(tx, ctx, notifier, deputyIds));
}

/** The same inside the caller's transaction: the registry import opens logins for the deputies it has just written. */
export async function openDeputyLogins(
  tx: Executor,
  ctx: ActorContext,
  notifier: Notifier,
  deputyIds: string[],
): Promise<DeputyLoginsResult> {
  const rows = await repo.findDeputiesByIds(tx, ctx.actor, [...new Set(deputyIds)]);
  const result: DeputyLoginsResult = { created: [], skipped: [] };
  const found = new Set(rows.map((d) => d.id));
  for (const id of deputyIds) if (!found.has(id)) result.skipped.push({ deputyId: id, name: '', reason: '代表不存在或不在本机关范围内' });
  for (const d of rows) {
    const reason = d.userId ? '已有登录账号' : d.status !== 'in_office' ? '代表不在任' : null;
    if (reason) {
      result.skipped.push({ deputyId: d.id, name: d.name, reason });
      continue;
    }
    const username = usernameOf(d.publicCode);
    if (await usernameTaken(tx, username)) {
      result.skipped.push({ deputyId: d.id, name: d.name, reason: `用户名 ${username} 已被占用，请在用户管理中手工开通` });
      continue;
    }
    const login = await createInitialLogin(tx, ctx, notifier, {
      role: 'deputy',
      bodyId: d.bodyId,
      username,
      displayName: d.name,
      phone: d.phone && /^1\d{10}$/.test(d.phone) ? d.phone : null,
    });
    await repo.updateDeputy(tx, d.id, { userId: login.userId });
    await recordAudit(tx, ctx, {
      entity: 'deputy',
      entityId: d.id,
      bodyId: d.bodyId,
      action: 'create_login',
      after: { userId: login.userId, username, delivery: login.smsTo ? `短信发送至${login.smsTo}` : '当面告知' },
    });
    result.created.push({ deputyId: d.id, displayName: d.name, ...login });
  }
  return result;
}
