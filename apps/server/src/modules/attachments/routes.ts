import { z } from 'zod';
import { attachment } from '@renda/shared';
import { attachmentTitles } from '../../platform/attachments.js';
import { registerAuditTitles } from '../../platform/audit.js';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { DomainError } from '../../platform/errors.js';
import { errorResponses, type ModuleRoutes } from '../../platform/http.js';
import { readOneFile } from '../../platform/multipart.js';

const owner = z.object({ ownerEntity: z.string().min(1).max(40), ownerId: z.string().min(1).max(64) });
/** An upload names its owner and, for an owner that keeps documents by stage, the stage (its current one when left out). */
const uploadOwner = owner.extend({ stage: z.string().min(1).max(24).optional() });

export const attachmentRoutes: ModuleRoutes = (app, { database: { db }, attachments }) => {
  registerAuditTitles({ attachment: attachmentTitles });
  const guard = { preValidation: requirePermission('attachments.upload') };

  app.post(
    '/api/attachments',
    {
      ...guard,
      schema: {
        tags: ['platform'],
        summary: '上传附件（multipart：字段 ownerEntity、ownerId，分阶段的记录可加 stage，再加文件 file）',
        consumes: ['multipart/form-data'],
        response: { 201: attachment, 413: errorResponses[400], 415: errorResponses[400], ...errorResponses },
      },
    },
    async (request, reply) => {
      const { fields, file } = await readOneFile(request, '请选择要上传的文件');
      const parsed = uploadOwner.safeParse(fields);
      if (!parsed.success) throw new DomainError('ATTACHMENT_OWNER_REQUIRED', '缺少附件所属记录（ownerEntity、ownerId）');
      const saved = await attachments.save(db, actorContext(request), { ...parsed.data, ...file });
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/api/attachments',
    {
      ...guard,
      schema: {
        tags: ['platform'],
        summary: '某条记录的附件',
        querystring: owner,
        response: { 200: z.object({ items: z.array(attachment) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await attachments.list(db, actorContext(request), request.query.ownerEntity, request.query.ownerId) }),
  );

  app.get(
    '/api/attachments/:id/download',
    { ...guard, schema: { tags: ['platform'], summary: '下载附件（权限同所属记录）', params: z.object({ id: z.uuid() }) } },
    async (request, reply) => {
      const { attachment: meta, stream } = await attachments.open(db, actorContext(request), request.params.id);
      return reply
        .header('content-type', meta.mimeType)
        .header('content-length', meta.size)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(meta.fileName)}`)
        .send(stream);
    },
  );
};
