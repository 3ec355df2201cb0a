import { opinionLimits, type PublicOpinionForm, type PublicOpinionInput, type PublicOpinionView } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import type { Attachments, PreparedFile } from '../../platform/attachments.js';
import { recordAudit } from '../../platform/audit.js';
import { clock } from '../../platform/clock.js';
import type { RequestContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import type { Notifier } from '../../platform/notifications.js';
import { smsCitizen } from './notify.js';
import { presentPublic } from './presenters.js';
import * as repo from './repository.js';
import { abuseLimits, photoTypes } from './rules.js';
import { applyStep, categoriesFor } from './service.js';
import { formatTrackingCode, newTrackingCode, normalizeTrackingCode } from './tracking-code.js';

const badQr = () => new DomainError('OPINION_QR_INVALID', '二维码无效或已停用，请向联络站工作人员咨询', undefined, 404);
const badCode = () => new DomainError('OPINION_TRACKING_NOT_FOUND', '查询码不存在，请核对后重新输入', undefined, 404);

interface Target {
  kind: 'station' | 'deputy';
  id: string;
  name: string;
  bodyId: string;
  bodyName: string;
  bodyPath: string;
}

/** Which station or deputy the QR code names; an unknown code, or a deputy no longer in office, is refused. */
async function resolveTarget(db: Executor, ref: { station?: string | undefined; deputy?: string | undefined }): Promise<Target> {
  if (ref.station) {
    const s = await repo.findPublicStation(db, ref.station);
    if (!s) throw badQr();
    return { kind: 'station', ...s };
  }
  if (ref.deputy) {
    const d = await repo.findPublicDeputy(db, ref.deputy);
    if (!d || d.status !== 'in_office') throw badQr();
    return { kind: 'deputy', id: d.id, name: d.name, bodyId: d.bodyId, bodyName: d.bodyName, bodyPath: d.bodyPath };
  }
  throw badQr();
}

async function activeCategories(db: Executor, bodyPath: string) {
  return (await categoriesFor(db, bodyPath)).items.filter((c) => c.active).map(({ code, label }) => ({ code, label }));
}

export async function publicForm(db: Db, ref: { station?: string | undefined; deputy?: string | undefined }): Promise<PublicOpinionForm> {
  const target = await resolveTarget(db, ref);
  return {
    bodyName: target.bodyName,
    targetKind: target.kind,
    targetName: target.name,
    categories: await activeCategories(db, target.bodyPath),
    limits: {
      contentMin: opinionLimits.contentMin,
      contentMax: opinionLimits.contentMax,
      photosMax: opinionLimits.photosMax,
      photoMaxBytes: opinionLimits.photoMaxBytes,
    },
  };
}

async function checkPhoneLimit(db: Executor, phone: string) {
  const now = clock.now().getTime();
  const lastHour = await repo.countByPhoneSince(db, phone, new Date(now - 3600_000));
  if (lastHour >= abuseLimits.perPhoneHour)
    throw new DomainError('OPINION_PHONE_LIMIT', '该手机号一小时内提交次数较多，请稍后再提交；紧急情况请直接联系联络站', undefined, 429);
  const lastDay = await repo.countByPhoneSince(db, phone, new Date(now - 24 * 3600_000));
  if (lastDay >= abuseLimits.perPhoneDay)
    throw new DomainError('OPINION_PHONE_LIMIT', '该手机号今天提交次数已达上限，请明天再提交；紧急情况请直接联系联络站', undefined, 429);
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
  if (input.clientToken) {
    const earlier = await repo.findByClientToken(db, input.clientToken);
    if (earlier)
      return { trackingCode: formatTrackingCode(earlier.trackingCode), submittedAt: earlier.createdAt.toISOString(), repeated: true };
  }
  const target = await resolveTarget(db, input);
  const category = (await activeCategories(db, target.bodyPath)).find((c) => c.code === input.category);
  if (!category)
    throw new DomainError('OPINION_CATEGORY_INVALID', '请选择有效的意见类别', {
      fields: [{ path: 'category', message: '请选择意见类别' }],
    });
  if (photos.length > opinionLimits.photosMax)
    throw new DomainError('OPINION_TOO_MANY_PHOTOS', `最多上传 ${opinionLimits.photosMax} 张照片`, undefined, 413);
  if (input.phone) await checkPhoneLimit(db, input.phone);

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
    const opinion = await db.transaction(async (tx) => {
      const created = await repo.insertOpinion(tx, {
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
      });
      await repo.insertEvent(tx, {
        opinionId: created.id,
        at: now,
        action: 'submit',
        toStatus: 'submitted',
        actorName: '群众',
        public: true,
      });
      for (const p of prepared) await p.insert(tx, { bodyId: target.bodyId, ownerEntity: 'opinion', ownerId: created.id });
      await recordAudit(tx, ctx, {
        entity: 'opinion',
        entityId: created.id,
        bodyId: target.bodyId,
        action: 'submit',
        after: { status: 'submitted', channel: created.channel, category: category.code, photos: prepared.length },
      });
      await smsCitizen(tx, deps.notifier, created, target.bodyName, '已收到，我们会尽快受理');
      return created;
    });
    return { trackingCode: formatTrackingCode(opinion.trackingCode), submittedAt: opinion.createdAt.toISOString(), repeated: false };
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
  const events = await repo.listEvents(db, own.id, true);
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
    const target = await repo.bodyOf(tx, row.bodyId);
    const comment = input.comment || null;
    await applyStep(tx, notifier, ctx, row, target.name, target.path, input.rating === 'dissatisfied' ? 'rateDissatisfied' : 'rate', {
      patch: { rating: input.rating, ratingComment: comment, ratedAt: clock.now() },
      note: comment,
    });
  });
  return track(db, normalized);
}
