import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Attachment } from '@renda/shared';
import type { Db, Executor } from '../db/client.js';
import { attachments } from '../db/schema.js';
import { recordAudit, titleColumn } from './audit.js';
import { clock } from './clock.js';
import type { ActorContext } from './context.js';
import { DomainError, notFound } from './errors.js';

/**
 * Each module that owns attachments says how to find the owning record within the actor's scope:
 * the resolver returns the record's body id, or null when the actor may not see it. An owner that keeps
 * its documents by stage (a supervision item) also returns the stage an upload goes to, given the stage
 * asked for (or none: its current one), and refuses a stage the actor may not file under.
 */
export type OwnerResolver = (
  db: Db,
  ctx: ActorContext,
  ownerId: string,
  stage?: string,
) => Promise<{ bodyId: string; stage?: string } | null>;

/** File kinds a congress platform receives: photos, office documents, PDFs, archives of evidence. */
export const allowedMimeTypes = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/heic',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/msword',
  'application/vnd.ms-excel',
  'application/x-cfb',
  'application/zip',
  'video/mp4',
  'audio/mpeg',
]);

/** The type read from the content; none when the content is cut short inside the part that names it. */
async function detectType(data: Buffer) {
  try {
    return await fileTypeFromBuffer(data);
  } catch {
    return undefined;
  }
}

export interface PreparedFile {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  /** `uploadedBy` is the signed-in user, or absent for a citizen's public submission. */
  insert(tx: Executor, owner: { bodyId: string; ownerEntity: string; ownerId: string; uploadedBy?: string }): Promise<void>;
  discard(): Promise<void>;
}

export interface NewAttachment {
  ownerEntity: string;
  ownerId: string;
  fileName: string;
  data: Buffer;
  /** The owner's stage to file it under, for owners that keep documents by stage. */
  stage?: string;
}

/**
 * The one attachment store. The type is read from the file's content, never its name; files are
 * written under a random id, first to a temporary name, so a crash leaves no half file behind a row.
 */
export class Attachments {
  private owners = new Map<string, OwnerResolver>();

  constructor(
    private readonly dir: string,
    readonly maxBytes: number,
  ) {}

  registerOwner(entity: string, resolver: OwnerResolver) {
    this.owners.set(entity, resolver);
  }

  /** The owning record's body (and stage), or a 404 when the record does not exist or lies outside the actor's scope. */
  private async owner(db: Db, ctx: ActorContext, ownerEntity: string, ownerId: string, stage?: string) {
    const resolver = this.owners.get(ownerEntity);
    if (!resolver) throw new DomainError('ATTACHMENT_OWNER_UNKNOWN', `附件不能挂在“${ownerEntity}”上`, { ownerEntity });
    const owner = await resolver(db, ctx, ownerId, stage);
    if (!owner) throw notFound('附件所属记录');
    if (stage !== undefined && owner.stage === undefined)
      throw new DomainError('ATTACHMENT_STAGE_UNSUPPORTED', '该记录的附件不分阶段', { ownerEntity });
    return owner;
  }

  private fileOf(id: string) {
    return path.join(this.dir, id.slice(0, 2), id);
  }

  async save(db: Db, ctx: ActorContext, input: NewAttachment): Promise<Attachment> {
    const { bodyId, stage = null } = await this.owner(db, ctx, input.ownerEntity, input.ownerId, input.stage);
    if (input.data.length === 0) throw new DomainError('FILE_EMPTY', '文件为空');
    if (input.data.length > this.maxBytes)
      throw new DomainError('FILE_TOO_LARGE', `文件超过 ${Math.round(this.maxBytes / 1024 / 1024)} MB 上限`, undefined, 413);
    const type = await detectType(input.data);
    if (!type || !allowedMimeTypes.has(type.mime))
      throw new DomainError(
        'FILE_TYPE_NOT_ALLOWED',
        '不支持的文件类型，请上传图片、PDF 或 Office 文档',
        { detected: type?.mime ?? null },
        415,
      );
    const id = randomUUID();
    const file = this.fileOf(id);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(`${file}.part`, input.data);
    await rename(`${file}.part`, file);
    const row = {
      id,
      bodyId,
      ownerEntity: input.ownerEntity,
      ownerId: input.ownerId,
      stage,
      fileName: path.basename(input.fileName).slice(0, 200) || `附件.${type.ext}`,
      mimeType: type.mime,
      size: input.data.length,
      sha256: createHash('sha256').update(input.data).digest('hex'),
      uploadedBy: ctx.actor.id,
      createdAt: clock.now(),
    };
    try {
      await db.transaction(async (tx) => {
        await tx.insert(attachments).values(row);
        await recordAudit(tx, ctx, { entity: 'attachment', entityId: id, bodyId, action: 'upload', after: present(row) });
      });
    } catch (err) {
      await rm(file, { force: true });
      throw err;
    }
    return present(row);
  }

  /**
   * For public (no-login) submissions: checks the type by content and the size, and writes the file
   * before the caller's transaction. `insert` adds the row inside that transaction; `discard`
   * removes the file when the transaction fails, so no file is left without a row.
   */
  async prepare(input: {
    fileName: string;
    data: Buffer;
    allowed: ReadonlySet<string>;
    maxBytes: number;
    /** What to tell the sender when the type is not allowed, e.g. which kinds are. */
    typeRefusal?: string;
  }): Promise<PreparedFile> {
    if (input.data.length === 0) throw new DomainError('FILE_EMPTY', '文件为空');
    if (input.data.length > input.maxBytes)
      throw new DomainError('FILE_TOO_LARGE', `文件超过 ${Math.round(input.maxBytes / 1024 / 1024)} MB 上限`, undefined, 413);
    const type = await detectType(input.data);
    if (!type || !input.allowed.has(type.mime))
      throw new DomainError('FILE_TYPE_NOT_ALLOWED', input.typeRefusal ?? '不支持的文件类型', { detected: type?.mime ?? null }, 415);
    const id = randomUUID();
    const file = this.fileOf(id);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(`${file}.part`, input.data);
    await rename(`${file}.part`, file);
    const meta = {
      id,
      fileName: path.basename(input.fileName).slice(0, 200) || `附件.${type.ext}`,
      mimeType: type.mime,
      size: input.data.length,
      sha256: createHash('sha256').update(input.data).digest('hex'),
    };
    return {
      ...meta,
      insert: async (tx, owner) => {
        await tx.insert(attachments).values({ uploadedBy: null, ...meta, ...owner, createdAt: clock.now() });
      },
      discard: () => rm(file, { force: true }),
    };
  }

  /** A stored file with its metadata, authorised like the record it belongs to. */
  async open(db: Db, ctx: ActorContext, id: string) {
    const row = await db.query.attachments.findFirst({ where: eq(attachments.id, id) });
    if (!row) throw notFound('附件');
    await this.owner(db, ctx, row.ownerEntity, row.ownerId);
    return { attachment: present(row), stream: createReadStream(this.fileOf(id)) };
  }

  /**
   * A stored file that must belong to the given record. For callers that have authorised the record
   * themselves, e.g. a deputy's photo on the public card: the check here only stops one record's
   * route from serving another record's file.
   */
  async openOwnedBy(db: Executor, owner: { ownerEntity: string; ownerId: string }, id: string) {
    const row = await db.query.attachments.findFirst({
      where: and(eq(attachments.id, id), eq(attachments.ownerEntity, owner.ownerEntity), eq(attachments.ownerId, owner.ownerId)),
    });
    if (!row) throw notFound('附件');
    return { attachment: present(row), stream: createReadStream(this.fileOf(id)) };
  }

  async list(db: Db, ctx: ActorContext, ownerEntity: string, ownerId: string): Promise<Attachment[]> {
    await this.owner(db, ctx, ownerEntity, ownerId);
    const rows = await db.query.attachments.findMany({
      where: and(eq(attachments.ownerEntity, ownerEntity), eq(attachments.ownerId, ownerId)),
      orderBy: attachments.createdAt,
    });
    return rows.map(present);
  }
}

export function present(row: typeof attachments.$inferSelect): Attachment {
  return {
    id: row.id,
    fileName: row.fileName,
    mimeType: row.mimeType,
    size: row.size,
    ownerEntity: row.ownerEntity,
    ownerId: row.ownerId,
    stage: row.stage,
    createdAt: row.createdAt.toISOString(),
  };
}

/** An attachment's file name, for the audit log. */
export const attachmentTitles = titleColumn(attachments.id, attachments.fileName);
