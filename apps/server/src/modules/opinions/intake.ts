import {
  defaultOpinionCategories,
  opinionLimits,
  type PublicOpinionForm,
  type PublicOpinionInput,
  type PublicOpinionView,
} from '@renda/shared';
import { uuidv7 } from 'uuidv7';
import type { Db, Executor } from '../../db/client.js';
import type { Attachments, PreparedFile } from '../../platform/attachments.js';
import { auditRow } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { ruleInForce } from '../../platform/deadline-rules.js';
import { describeRule } from '../../platform/deadlines.js';
import { DomainError } from '../../platform/errors.js';
import { outboxRow, type Notifier } from '../../platform/notifications.js';
import { applyAction } from '../../platform/workflow.js';
import { citizenSms } from './notify.js';
import { presentPublic } from './presenters.js';
import { Batcher } from './batch.js';
import * as repo from './intake-repository.js';
import { citizenMachine } from './machine.js';
import { listEvents } from './opinion-repository.js';
import { abuseLimits, photoTypes, replyDeadline } from './rules.js';
import { formatTrackingCode, newTrackingCode, normalizeTrackingCode } from './tracking-code.js';

const badQr = () => new DomainError('OPINION_QR_INVALID', '二维码无效或已停用，请向联络站工作人员咨询', undefined, 404);
const badCode = () => new DomainError('OPINION_TRACKING_NOT_FOUND', '查询码不存在，请核对后重新输入', undefined, 404);

type Lookup = repo.IntakeLookup;
type Ref = { station?: string | undefined; deputy?: string | undefined };

/**
 * Group commit: look-ups and writes of submissions arriving together share statements (batch.ts).
 * One write statement at a time per server, so a phone's submissions are counted exactly against each
 * other; the next batch gathers while the current one commits.
 */
export const intakeBatching = {
  lookups: { maxBatch: 100, maxInFlight: 2 },
  writes: { maxBatch: 100, maxInFlight: 1 },
} as const;

const phoneLimits = { perHour: abuseLimits.perPhoneHour, perDay: abuseLimits.perPhoneDay };

function batchersOf(db: Db) {
  let b = batchers.get(db);
  if (!b)
    batchers.set(
      db,
      (b = {
        lookups: new Batcher((keys: repo.IntakeKey[]) => repo.intakeLookups(db, keys), intakeBatching.lookups),
        writes: new Batcher((rows: repo.SubmissionRows[]) => repo.insertSubmissions(db, rows, phoneLimits), intakeBatching.writes),
      }),
    );
  return b;
}
const batchers = new WeakMap<
  Db,
  { lookups: Batcher<repo.IntakeKey, Lookup>; writes: Batcher<repo.SubmissionRows, repo.SubmissionOutcome> }
>();

function lookUp(db: Db, ref: Ref, clientToken?: string) {
  return batchersOf(db).lookups.submit({ station: ref.station || null, deputy: ref.deputy || null, clientToken: clientToken || null });
}

/** Which station or deputy the QR code names; an unknown code, or a deputy no longer in office, is refused. */
function requireTarget(found: Lookup): NonNullable<Lookup['target']> {
  const target = found.target;
  if (!target || (target.kind === 'deputy' && target.status !== 'in_office')) throw badQr();
  return target;
}

/** The active categories of the dictionary in force: the body's own, an ancestor's, else the built-in one. */
function activeCategories(found: Lookup) {
  const items = found.categories ?? defaultOpinionCategories.map((c) => ({ ...c, active: true }));
  return items.filter((c) => c.active).map(({ code, label }) => ({ code, label }));
}

export async function publicForm(db: Db, ref: Ref): Promise<PublicOpinionForm> {
  const found = await lookUp(db, ref);
  const target = requireTarget(found);
  return {
    bodyName: target.bodyName,
    targetKind: target.kind,
    targetName: target.name,
    categories: activeCategories(found),
    replyPeriod: describeRule(await ruleInForce(db, target.bodyPath, replyDeadline.key)),
    limits: {
      contentMin: opinionLimits.contentMin,
      contentMax: opinionLimits.contentMax,
      photosMax: opinionLimits.photosMax,
      photoMaxBytes: opinionLimits.photoMaxBytes,
    },
  };
}

function phoneLimitError(found: repo.SubmissionOutcome) {
  if (found.phoneLastHour >= abuseLimits.perPhoneHour)
    return new DomainError('OPINION_PHONE_LIMIT', '该手机号一小时内提交次数较多，请稍后再提交；紧急情况请直接联系联络站', undefined, 429);
  if (found.phoneLastDay >= abuseLimits.perPhoneDay)
    return new DomainError('OPINION_PHONE_LIMIT', '该手机号今天提交次数已达上限，请明天再提交；紧急情况请直接联系联络站', undefined, 429);
  return null;
}

export interface Photo {
  fileName: string;
  data: Buffer;
}

/**
 * Stores a citizen's submission. Photos are checked and written first; the opinion, its first step,
 * its photos' rows and the audit event are then committed in one transaction before the answer,
 * so a code the citizen was given always names a stored opinion.
 */
export async function submit(
  db: Db,
  deps: { attachments: Attachments; notifier: Notifier },
  ctx: RequestContext,
  input: PublicOpinionInput,
  photos: Photo[],
): Promise<{ trackingCode: string; submittedAt: string; repeated: boolean }> {
  const found = await lookUp(db, input, input.clientToken);
  if (found.earlier)
    return {
      trackingCode: formatTrackingCode(found.earlier.trackingCode),
      submittedAt: found.earlier.createdAt.toISOString(),
      repeated: true,
    };
  const target = requireTarget(found);
  const category = activeCategories(found).find((c) => c.code === input.category);
  if (!category)
    throw new DomainError('OPINION_CATEGORY_INVALID', '请选择有效的意见类别', {
      fields: [{ path: 'category', message: '请选择意见类别' }],
    });
  if (photos.length > opinionLimits.photosMax)
    throw new DomainError('OPINION_TOO_MANY_PHOTOS', `最多上传 ${opinionLimits.photosMax} 张照片`, undefined, 413);

  const prepared: PreparedFile[] = [];
  try {
    for (const photo of photos)
      prepared.push(
        await deps.attachments.prepare({ ...photo, allowed: photoTypes, maxBytes: opinionLimits.photoMaxBytes }).catch((err: unknown) => {
          if (err instanceof DomainError && err.code === 'FILE_TYPE_NOT_ALLOWED')
            throw new DomainError('OPINION_PHOTO_TYPE', '照片格式不支持，请上传 JPG、PNG、WEBP 或 HEIC 图片', err.details, 415);
          if (err instanceof DomainError && err.code === 'FILE_TOO_LARGE')
            throw new DomainError(
              'OPINION_PHOTO_TOO_LARGE',
              `每张照片不能超过 ${opinionLimits.photoMaxBytes / 1024 / 1024} MB`,
              undefined,
              413,
            );
          throw err;
        }),
      );
    const now = clock.now();
    const opinion: repo.SubmissionRows['opinion'] & { trackingCode: string; citizenPhone: string | null } = {
      id: uuidv7(),
      bodyId: target.bodyId,
      trackingCode: newTrackingCode(),
      channel: target.kind === 'station' ? 'qr_station' : 'qr_deputy',
      stationId: target.kind === 'station' ? target.id : null,
      deputyId: target.kind === 'deputy' ? target.id : null,
      categoryCode: category.code,
      categoryLabel: category.label,
      content: input.content,
      location: input.location || null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      citizenName: input.name || null,
      citizenPhone: input.phone || null,
      contactConsent: input.contactConsent,
      status: 'submitted',
      submitIp: ctx.ip,
      clientToken: input.clientToken ?? null,
      createdAt: now,
      updatedAt: now,
    };
    const sms = citizenSms(opinion, target.bodyName, '已收到，我们会尽快受理');
    const rows = {
      opinion,
      event: { opinionId: opinion.id, at: now, action: 'submit', toStatus: 'submitted', actorName: '群众', public: true },
      audit: auditRow(ctx, {
        entity: 'opinion',
        entityId: opinion.id,
        bodyId: target.bodyId,
        action: 'submit',
        after: { status: 'submitted', channel: opinion.channel, category: category.code, photos: prepared.length },
      }),
      // Ids made here: a prepared statement would otherwise reuse the id its default made once.
      sms: sms && { id: uuidv7(), ...outboxRow(sms) },
    };
    // Without photos the submission joins the next batch statement (group commit); with photos it is
    // written alone, its photos' rows beside it in a transaction.
    const outcome = prepared.length
      ? await db.transaction(async (tx) => {
          const [done] = await repo.insertSubmissions(tx, [rows], phoneLimits);
          if (done!.inserted)
            for (const p of prepared) await p.insert(tx, { bodyId: target.bodyId, ownerEntity: 'opinion', ownerId: opinion.id });
          return done!;
        })
      : await batchersOf(db).writes.submit(rows);
    if (!outcome.inserted) {
      // The same submission arriving twice at once: the second answers with the first one's code.
      const earlier = input.clientToken ? (await lookUp(db, input, input.clientToken)).earlier : null;
      if (earlier) {
        await Promise.all(prepared.map((p) => p.discard()));
        return { trackingCode: formatTrackingCode(earlier.trackingCode), submittedAt: earlier.createdAt.toISOString(), repeated: true };
      }
      throw phoneLimitError(outcome) ?? new Error('opinion submission neither stored nor refused');
    }
    return { trackingCode: formatTrackingCode(opinion.trackingCode), submittedAt: now.toISOString(), repeated: false };
  } catch (err) {
    await Promise.all(prepared.map((p) => p.discard()));
    throw err;
  }
}

async function requireByCode(db: Executor, code: string) {
  const normalized = normalizeTrackingCode(code);
  if (!normalized) throw badCode();
  const row = await repo.findPublicByTrackingCode(db, normalized);
  if (!row) throw badCode();
  return row;
}

export async function track(db: Db, code: string): Promise<PublicOpinionView> {
  const row = await requireByCode(db, code);
  const own = row.opinion;
  const handling = own.mergedIntoId ? await repo.findPublicById(db, own.mergedIntoId) : { opinion: own, unitName: row.unitName };
  const events = await listEvents(db, own.id, true);
  return presentPublic(own, row.stationName ?? row.deputyName, events, handling ?? { opinion: own, unitName: null });
}

/** The citizen's rating of an approved reply; 不满意 sends the opinion back to staff for review. */
export async function rate(
  db: Db,
  notifier: Notifier,
  ctx: RequestContext,
  code: string,
  input: { rating: 'satisfied' | 'basically_satisfied' | 'dissatisfied'; comment?: string | undefined },
): Promise<PublicOpinionView> {
  const normalized = normalizeTrackingCode(code);
  if (!normalized) throw badCode();
  await db.transaction(async (tx) => {
    const row = await repo.lockByTrackingCode(tx, normalized);
    if (!row) throw badCode();
    if (row.status !== 'reply_approved')
      throw new DomainError(
        'OPINION_RATING_NOT_OPEN',
        row.ratedAt ? '您已评价过，感谢您的反馈' : '答复发布后才能评价',
        { status: row.status },
        409,
      );
    // The citizen's step goes through the same table as the staff's (the rows for 'citizen').
    await applyAction(tx, notifier, citizenMachine, ctx, row.id, input.rating === 'dissatisfied' ? 'rateDissatisfied' : 'rate', input);
  });
  return track(db, normalized);
}
