import { z } from 'zod';
import {
  closeSessionInput,
  concernInput,
  pageOf,
  publicDeputyCard,
  receptionSession,
  rotaEntry,
  rotaInput,
  rotaQuery,
  rotaRepeatInput,
  rotaRepeatResult,
  sessionInput,
  signInInput,
  station,
  stationFigures,
  stationInput,
  stationKind,
  stationQuery,
} from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { attachmentDisposition, XLSX_MIME } from '../../platform/documents.js';
import { errorResponses, type ModuleRoutes } from '../../platform/http.js';
import { publicCodeParam, registerSevenOnesSource } from '../deputies/index.js';
import { opinionLink, posterHtml, qrPng } from '../deputies/qr.js';
import { origin } from '../deputies/routes.js';
import { concernsHeardBy } from './repository.js';
import * as service from './service.js';

const idParams = z.object({ id: z.uuid('编号格式不正确') });
const tags = ['stations'];
const period = z.object({ from: z.iso.date(), to: z.iso.date() });

export const stationRoutes: ModuleRoutes = (app, { database: { db }, notifier, jobs, attachments }) => {
  const read = { preValidation: requirePermission('stations.read') };
  const manage = { preValidation: requirePermission('stations.manage') };

  // Concerns heard at receptions count toward the deputies' seven ones (收集社情民意, 解决具体问题).
  registerSevenOnesSource('stations', async (tx, deputyId, from, to) => {
    const { heard, resolved } = await concernsHeardBy(tx, deputyId, from, to);
    return { collectOpinions: heard, solveProblem: resolved };
  });
  attachments.registerOwner('station', async (tx, ctx, id) => {
    const row = await service.requireStation(tx, ctx, id).catch(() => null);
    return row ? { bodyId: row.station.bodyId } : null;
  });
  // 四定: the day before a reception, the deputies on the rota are reminded.
  jobs.define({ name: 'station-rota-remind', cron: '0 8 * * *', handler: async () => void (await service.remindRota(db, notifier)) });

  app.get(
    '/api/stations',
    {
      ...read,
      schema: {
        tags,
        summary: '代表之家、联络站（室）、网上联络站、基层立法联系点',
        querystring: stationQuery,
        response: { 200: pageOf(station), ...errorResponses },
      },
    },
    async (request) => service.pageStations(db, actorContext(request), request.query),
  );
  app.get(
    '/api/stations/figures',
    {
      ...read,
      schema: {
        tags,
        summary: '进站接待统计（场次、进站代表人次、接待选民、意见及办理）',
        querystring: period.extend({ bodyId: z.uuid().optional(), stationId: z.uuid().optional() }),
        response: { 200: stationFigures, ...errorResponses },
      },
    },
    async (request) => service.figures(db, actorContext(request), request.query),
  );
  app.get(
    '/api/stations/:id',
    { ...read, schema: { tags, summary: '联络站详情', params: idParams, response: { 200: station, ...errorResponses } } },
    async (request) => service.getStation(db, actorContext(request), request.params.id),
  );
  app.post(
    '/api/stations',
    { ...manage, schema: { tags, summary: '新建联络站', body: stationInput, response: { 201: station, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await service.createStation(db, actorContext(request), request.body)),
  );
  app.put(
    '/api/stations/:id',
    {
      ...manage,
      schema: { tags, summary: '修改联络站', params: idParams, body: stationInput, response: { 200: station, ...errorResponses } },
    },
    async (request) => service.updateStation(db, actorContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/stations/:id/qr.png',
    { ...read, schema: { tags, summary: '联络站码（PNG）', params: idParams } },
    async (request, reply) => {
      const row = await service.requireStation(db, actorContext(request), request.params.id);
      const png = await qrPng(opinionLink(origin(request), 'station', row.station.publicCode));
      return reply
        .header('content-type', 'image/png')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${row.station.name}二维码.png`)}`)
        .send(png);
    },
  );
  app.get(
    '/api/stations/:id/poster',
    { ...read, schema: { tags, summary: '联络站码 A4 海报（可打印的 HTML 页）', params: idParams } },
    async (request, reply) => {
      const s = await service.getStation(db, actorContext(request), request.params.id);
      const html = await posterHtml({
        title: s.name,
        subtitle: s.bodyName,
        lines: [
          s.address ? `地址：${s.address}` : null,
          s.openingHours ? `接待时间：${s.openingHours}` : null,
          s.contactName ? `联络员：${s.contactName} ${s.contactPhone ?? ''}` : null,
        ].filter((l): l is string => !!l),
        link: opinionLink(origin(request), 'station', s.publicCode),
      });
      return reply.header('content-type', 'text/html; charset=utf-8').send(html);
    },
  );

  // ---- 四定 rota ----
  app.get(
    '/api/stations/:id/rota',
    {
      ...read,
      schema: {
        tags,
        summary: '排班（进站定人、活动定题、办理定责）',
        params: idParams,
        querystring: rotaQuery,
        response: { 200: z.object({ items: z.array(rotaEntry) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await service.rota(db, actorContext(request), request.params.id, request.query.from, request.query.to) }),
  );
  app.post(
    '/api/stations/:id/rota',
    {
      ...manage,
      schema: { tags, summary: '新增排班', params: idParams, body: rotaInput, response: { 201: rotaEntry, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await service.addRota(db, actorContext(request), request.params.id, request.body)),
  );
  app.post(
    '/api/stations/:id/rota/repeat',
    {
      ...manage,
      schema: {
        tags,
        summary: '按周重复排班（周接待：期间内每周选定的几天各排一班，跳过法定节假日和已有重叠排班的日子；preview 为 true 时只预览不保存）',
        params: idParams,
        body: rotaRepeatInput,
        response: { 200: rotaRepeatResult, 201: rotaRepeatResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await service.repeatRota(db, actorContext(request), request.params.id, request.body);
      return reply.status(result.preview ? 200 : 201).send(result);
    },
  );
  app.delete(
    '/api/stations/:id/rota/:rotaId',
    {
      ...manage,
      schema: { tags, summary: '删除排班', params: idParams.extend({ rotaId: z.uuid() }), response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await service.deleteRota(db, actorContext(request), request.params.id, request.params.rotaId);
      return reply.status(204).send(null);
    },
  );

  // ---- reception sessions ----
  app.get(
    '/api/stations/:id/sessions',
    {
      ...read,
      schema: {
        tags,
        summary: '接待记录（最近 100 场）',
        params: idParams,
        response: { 200: z.object({ items: z.array(receptionSession) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await service.listSessions(db, actorContext(request), request.params.id) }),
  );
  app.get(
    '/api/stations/:id/sessions/export.xlsx',
    { ...manage, schema: { tags, summary: '导出接待记录及群众反映事项（含联系方式，仅机关可导出）', params: idParams } },
    async (request, reply) => {
      const { name, data } = await service.exportSessions(db, actorContext(request), request.params.id);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', attachmentDisposition(`${name}接待记录.xlsx`))
        .send(data);
    },
  );
  app.post(
    '/api/stations/:id/sessions',
    {
      ...manage,
      schema: {
        tags,
        summary: '开始一场接待',
        params: idParams,
        body: sessionInput,
        response: { 201: receptionSession, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.openSession(db, actorContext(request), request.params.id, request.body)),
  );
  app.get(
    '/api/reception-sessions/:id',
    { ...read, schema: { tags, summary: '接待详情', params: idParams, response: { 200: receptionSession, ...errorResponses } } },
    async (request) => service.getSession(db, actorContext(request), request.params.id),
  );
  app.post(
    '/api/reception-sessions/:id/sign-in',
    {
      ...read,
      schema: {
        tags,
        summary: '代表签到（代表本人或工作人员代签）',
        params: idParams,
        body: signInInput.partial(),
        response: { 200: receptionSession, ...errorResponses },
      },
    },
    async (request) => service.signIn(db, actorContext(request), request.params.id, request.body.deputyId ?? null),
  );
  app.post(
    '/api/reception-sessions/:id/concerns',
    {
      ...manage,
      schema: {
        tags,
        summary: '登记群众反映事项',
        params: idParams,
        body: concernInput,
        response: { 200: receptionSession, ...errorResponses },
      },
    },
    async (request) => service.addConcern(db, actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/reception-sessions/:id/close',
    {
      ...manage,
      schema: {
        tags,
        summary: '结束接待（写入签到代表的履职记录）',
        params: idParams,
        body: closeSessionInput,
        response: { 200: receptionSession, ...errorResponses },
      },
    },
    async (request) => service.closeSession(db, actorContext(request), request.params.id, request.body),
  );

  // ---- public (no login) ----
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
    async (request) => service.publicDeputyCard(db, request.params.code, origin(request)),
  );
  app.get(
    '/api/public/stations/:code',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '联络站公开信息（扫联络站码打开）',
        security: [],
        params: z.object({ code: publicCodeParam }),
        response: {
          200: z.object({
            name: z.string(),
            kind: stationKind,
            kindLabel: z.string(),
            address: z.string().nullable(),
            openingHours: z.string().nullable(),
            contactName: z.string().nullable(),
            contactPhone: z.string().nullable(),
          }),
          404: errorResponses[404],
        },
      },
    },
    async (request) => service.publicStation(db, request.params.code),
  );
};
