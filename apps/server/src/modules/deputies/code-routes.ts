import { z } from 'zod';
import { deputyTitle, publicDeputyCard } from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { errorResponses, idParams, type ModuleRoutes } from '../../platform/http.js';
import { publicDeputyCard as cardOf } from './public-card.js';
import { publicCodeParam } from './public-code.js';
import { opinionLink, posterHtml, qrPng, requestOrigin as origin } from './qr.js';
import * as service from './service.js';

const tags = ['deputies'];

/** 代表码: the QR code and its A4 poster for staff, and the public card a voter opens by scanning it. */
export const codeRoutes: ModuleRoutes = (app, { database: { db } }) => {
  const read = { preValidation: requirePermission('deputies.read') };

  app.get('/api/deputies/:id/qr.png', { ...read, schema: { tags, summary: '代表码（PNG）', params: idParams } }, async (request, reply) => {
    const row = await service.requireDeputy(db, actorContext(request), request.params.id);
    const png = await qrPng(opinionLink(origin(request), 'deputy', row.deputy.publicCode));
    return reply
      .header('content-type', 'image/png')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${row.deputy.name}代表码.png`)}`)
      .send(png);
  });

  app.get(
    '/api/deputies/:id/poster',
    { ...read, schema: { tags, summary: '代表码 A4 海报（可打印的 HTML 页）', params: idParams } },
    async (request, reply) => {
      const row = await service.requireDeputy(db, actorContext(request), request.params.id);
      const d = row.deputy;
      const html = await posterHtml({
        title: `${d.name}代表`,
        subtitle: deputyTitle(row.bodyName, d.term),
        lines: [d.post, d.constituency ? `选区：${d.constituency}` : null, d.publicContact].filter((l): l is string => !!l),
        link: opinionLink(origin(request), 'deputy', d.publicCode),
      });
      return reply.header('content-type', 'text/html; charset=utf-8').send(html);
    },
  );

  app.get(
    '/api/public/deputies/:code',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '代表公开名片（扫代表码打开）',
        security: [],
        params: z.object({ code: publicCodeParam }),
        response: { 200: publicDeputyCard, 404: errorResponses[404] },
      },
    },
    async (request) => cardOf(db, request.params.code, origin(request)),
  );
};
