import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { deputy } from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { notFound } from '../../platform/errors.js';
import { errorResponses, idParams, type ModuleRoutes } from '../../platform/http.js';
import { readOneFile } from '../../platform/multipart.js';
import { openPhoto, removePhoto, setPhoto } from './photo.js';
import { publicCodeParam } from './public-code.js';
import { findDeputyByPublicCode } from './repository.js';
import * as service from './service.js';

const tags = ['deputies'];

/** The registry photo: staff set it, staff and the deputy see it, the public card shows it while the deputy is in office. */
export const photoRoutes: ModuleRoutes = (app, { database: { db }, attachments }) => {
  const read = { preValidation: requirePermission('deputies.read') };
  const manage = { preValidation: requirePermission('deputies.manage') };
  const self = { preValidation: requirePermission('deputies.self') };

  const sendPhoto = (reply: FastifyReply, photo: Awaited<ReturnType<typeof openPhoto>>, cache: string) =>
    reply
      .header('content-type', photo.attachment.mimeType)
      .header('content-length', photo.attachment.size)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', cache)
      .send(photo.stream);

  app.put(
    '/api/deputies/:id/photo',
    {
      ...manage,
      schema: {
        tags,
        summary: '上传或更换代表照片（multipart：文件 file，JPG 或 PNG，不超过 5 MB）',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: deputy, 413: errorResponses[400], 415: errorResponses[400], ...errorResponses },
      },
    },
    async (request) => {
      const { file } = await readOneFile(request, '请选择代表照片');
      return setPhoto(db, attachments, actorContext(request), request.params.id, file);
    },
  );

  app.delete(
    '/api/deputies/:id/photo',
    { ...manage, schema: { tags, summary: '删除代表照片', params: idParams, response: { 200: deputy, ...errorResponses } } },
    async (request) => removePhoto(db, actorContext(request), request.params.id),
  );

  app.get('/api/deputies/:id/photo', { ...read, schema: { tags, summary: '代表照片', params: idParams } }, async (request, reply) => {
    const row = await service.requireDeputy(db, actorContext(request), request.params.id);
    return sendPhoto(reply, await openPhoto(db, attachments, row), 'private, no-cache');
  });

  app.get('/api/me/deputy/photo', { ...self, schema: { tags, summary: '我的代表照片' } }, async (request, reply) => {
    const row = await service.ownDeputy(db, actorContext(request));
    return sendPhoto(reply, await openPhoto(db, attachments, row), 'private, no-cache');
  });

  app.get(
    '/api/public/deputies/:code/photo',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { tags, summary: '代表公开名片上的照片（在任代表）', security: [], params: z.object({ code: publicCodeParam }) },
    },
    async (request, reply) => {
      const row = await findDeputyByPublicCode(db, request.params.code);
      if (!row || row.deputy.status !== 'in_office') throw notFound('代表');
      // The card's address carries the photo's id, so a new photo is a new address.
      return sendPhoto(reply, await openPhoto(db, attachments, row), 'public, max-age=86400');
    },
  );
};
