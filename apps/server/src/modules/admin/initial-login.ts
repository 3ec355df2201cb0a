import { randomInt } from 'node:crypto';
import { maskPhone, type Role } from '@renda/shared';
import type { Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { type Notifier, secret } from '../../platform/notifications.js';
import { hashPassword } from '../../platform/passwords.js';
import { presentUser } from './presenters.js';
import * as repo from './repository.js';

/** Letters and digits without look-alikes (0/O, 1/l/I), so a password read off a screen or an SMS is typed right. */
const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const pick = (set: string, n: number) => Array.from({ length: n }, () => set[randomInt(set.length)]).join('');

/** A one-time initial password: 8 letters and 4 digits (the password rule asks for both, 10 at least). */
export const initialPassword = () => pick(LETTERS, 4) + pick(DIGITS, 2) + pick(LETTERS, 4) + pick(DIGITS, 2);

export interface InitialLogin {
  role: Extract<Role, 'deputy' | 'handling_unit'>;
  bodyId: string;
  handlingUnitId?: string | null;
  username: string;
  displayName: string;
  /** The person's mobile: the password goes there by SMS instead of onto the screen. */
  phone: string | null;
}

export interface CreatedLogin {
  userId: string;
  username: string;
  /** Shown once to the staff member who created it; null when it went by SMS. */
  password: string | null;
  smsTo: string | null;
}

/**
 * Creates a login with a one-time initial password, inside the caller's transaction: stored only hashed,
 * sent by SMS through the outbox when there is a phone (marked secret, so the outbox list masks it),
 * otherwise returned once for staff to hand over. The user must change it at the first login. Audited as the user's creation.
 */
export async function createInitialLogin(tx: Executor, ctx: ActorContext, notifier: Notifier, login: InitialLogin): Promise<CreatedLogin> {
  const password = initialPassword();
  const id = await repo.insertUser(tx, {
    username: login.username,
    displayName: login.displayName,
    role: login.role,
    bodyId: login.bodyId,
    handlingUnitId: login.role === 'handling_unit' ? (login.handlingUnitId ?? null) : null,
    phone: login.phone,
    passwordHash: await hashPassword(password),
    passwordMustChange: true,
    createdAt: clock.now(),
  });
  const user = await repo.getUser(tx, ctx.actor, id);
  const smsTo = login.phone;
  if (smsTo)
    await notifier.enqueueMessage(tx, {
      channel: 'sms',
      recipient: smsTo,
      bodyId: login.bodyId,
      body: `【人大履职服务平台】${login.displayName}您好，您的登录账号已开通：用户名 ${login.username}，初始密码 ${secret(password)}。请登录后修改密码。`,
    });
  await recordAudit(tx, ctx, {
    entity: 'user',
    entityId: id,
    bodyId: login.bodyId,
    action: 'create',
    after: {
      ...(user ? presentUser(user) : { username: login.username }),
      initialPassword: smsTo ? `短信发送至${maskPhone(smsTo)}` : '当面告知',
    },
  });
  return { userId: id, username: login.username, password: smsTo ? null : password, smsTo: smsTo ? maskPhone(smsTo) : null };
}

/** Whether a username is taken (initial logins pick another). */
export const usernameTaken = (db: Executor, username: string) => repo.usernameExists(db, username);
