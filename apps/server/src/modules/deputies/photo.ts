import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { imageSize } from 'image-size';
import type { Attachment, Deputy } from '@renda/shared';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit } from '../../platform/audit.js';
import type { Attachments } from '../../platform/attachments.js';
import { clock } from '../../platform/clock.js';
import type { ActorContext } from '../../platform/context.js';
import { DomainError, notFound } from '../../platform/errors.js';
import type { DocxPhoto } from './performance-docx.js';
import * as repo from './repository.js';
import type { DeputyWithBody } from './repository.js';
import { getDeputy, requireDeputy } from './service.js';

/** JPEG and PNG only: the kinds a registry photo comes in, and the ones a Word document can embed. */
const photoTypes: ReadonlySet<string> = new Set(['image/jpeg', 'image/png']);
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const owner = (deputyId: string) => ({ ownerEntity: 'deputy', ownerId: deputyId });

/** Width and height in pixels from the image header, or a refusal when the header is damaged or missing. */
export function photoDimensions(data: Buffer): { width: number; height: number } {
  try {
    const { width, height } = imageSize(data);
    if (width > 0 && height > 0) return { width, height };
  } catch {
    /* refused below */
  }
  throw new DomainError('PHOTO_UNREADABLE', '照片文件已损坏，无法读出尺寸，请重新选择');
}

/**
 * Sets a deputy's registry photo. The file is checked and stored before the transaction; the
 * attachment row, the deputy's link to it and the audit entry commit together, and a failed
 * transaction removes the file. Earlier photos stay stored so the audit trail can still name them.
 */
export async function setPhoto(
  db: Db,
  attachments: Attachments,
  ctx: ActorContext,
  deputyId: string,
  file: { fileName: string; data: Buffer },
): Promise<Deputy> {
  await requireDeputy(db, ctx, deputyId);
  const prepared = await attachments.prepare({
    ...file,
    allowed: photoTypes,
    maxBytes: PHOTO_MAX_BYTES,
    typeRefusal: '代表照片请上传 JPG 或 PNG 图片',
  });
  try {
    photoDimensions(file.data);
    return await db.transaction(async (tx) => {
      const before = await getDeputy(tx, ctx, deputyId);
      await prepared.insert(tx, { bodyId: before.bodyId, ...owner(deputyId), uploadedBy: ctx.actor.id });
      await repo.updateDeputy(tx, deputyId, { photoAttachmentId: prepared.id, updatedAt: clock.now() });
      const after = await getDeputy(tx, ctx, deputyId);
      await recordAudit(tx, ctx, { entity: 'deputy', entityId: deputyId, bodyId: before.bodyId, action: 'photo_set', before, after });
      return after;
    });
  } catch (err) {
    await prepared.discard();
    throw err;
  }
}

export async function removePhoto(db: Db, ctx: ActorContext, deputyId: string): Promise<Deputy> {
  return db.transaction(async (tx) => {
    const before = await getDeputy(tx, ctx, deputyId);
    if (!before.photoId) throw new DomainError('PHOTO_NONE', '该代表尚未上传照片');
    await repo.updateDeputy(tx, deputyId, { photoAttachmentId: null, updatedAt: clock.now() });
    const after = await getDeputy(tx, ctx, deputyId);
    await recordAudit(tx, ctx, { entity: 'deputy', entityId: deputyId, bodyId: before.bodyId, action: 'photo_remove', before, after });
    return after;
  });
}

/** The deputy's current photo; the caller has already found the deputy within what its reader may see. */
export async function openPhoto(
  db: Executor,
  attachments: Attachments,
  row: DeputyWithBody,
): Promise<{ attachment: Attachment; stream: Readable }> {
  const id = row.deputy.photoAttachmentId;
  if (!id) throw notFound('代表照片');
  return attachments.openOwnedBy(db, owner(row.deputy.id), id);
}

/** The deputy's photo read whole, for a Word document; null when there is none. */
export async function photoForDocument(
  db: Executor,
  attachments: Attachments,
  deputyId: string,
  photoId: string | null,
): Promise<DocxPhoto | null> {
  if (!photoId) return null;
  const { attachment, stream } = await attachments.openOwnedBy(db, owner(deputyId), photoId);
  const data = await buffer(stream);
  return { data, mimeType: attachment.mimeType, ...photoDimensions(data) };
}
