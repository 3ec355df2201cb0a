import { z } from 'zod';
import {
  pageOf,
  publicStationView,
  station,
  stationFigures,
  stationFiguresByStation,
  stationFiguresByStationQuery,
  stationFiguresQuery,
  stationInput,
  stationQuery,
} from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { errorResponses, idParams, type ModuleRoutes, sendDownload } from '../../platform/http.js';
import { opinionLink, posterHtml, publicCodeParam, qrPng, requestOrigin } from '../deputies/index.js';
import { figures as figuresOf, figuresByStation } from './figures-service.js';
import * as stations from './stations-service.js';

const tags = ['stations'];

/** 代表之家、联络站: the places, their figures, their QR code and poster, and what the code opens. */
export const stationsRoutes: ModuleRoutes = (app, { database: { db } }) => {
  const read = { preValidation: requirePermission('stations.read') };
  const manage = { preValidation: requirePermission('stations.manage') };

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
    async (request) => stations.pageStations(db, actorContext(request), request.query),
  );
  app.get(
    '/api/stations/export.xlsx',
    {
      ...read,
      schema: { tags, summary: '导出联络站（Excel，条件同列表）', querystring: stationQuery.omit({ page: true, pageSize: true }) },
    },
    async (request, reply) =>
      sendDownload(reply, '代表联络站.xlsx', await stations.exportStations(db, actorContext(request), request.query)),
  );
  app.get(
    '/api/stations/figures',
    {
      ...read,
      schema: {
        tags,
        summary: '进站接待统计（场次、进站代表人次、接待选民、意见及办理）',
        querystring: stationFiguresQuery,
        response: { 200: stationFigures, ...errorResponses },
      },
    },
    async (request) => figuresOf(db, actorContext(request), request.query),
  );
  app.get(
    '/api/stations/figures/by-station',
    {
      ...read,
      schema: {
        tags,
        summary: '各站接待对比（接待场次、接待选民、收集意见，接待最多的 20 个站）',
        querystring: stationFiguresByStationQuery,
        response: { 200: stationFiguresByStation, ...errorResponses },
      },
    },
    async (request) => figuresByStation(db, actorContext(request), request.query),
  );
  app.get(
    '/api/stations/:id',
    { ...read, schema: { tags, summary: '联络站详情', params: idParams, response: { 200: station, ...errorResponses } } },
    async (request) => stations.getStation(db, actorContext(request), request.params.id),
  );
  app.post(
    '/api/stations',
    { ...manage, schema: { tags, summary: '新建联络站', body: stationInput, response: { 201: station, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await stations.createStation(db, actorContext(request), request.body)),
  );
  app.put(
    '/api/stations/:id',
    {
      ...manage,
      schema: { tags, summary: '修改联络站', params: idParams, body: stationInput, response: { 200: station, ...errorResponses } },
    },
    async (request) => stations.updateStation(db, actorContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/stations/:id/qr.png',
    { ...read, schema: { tags, summary: '联络站码（PNG）', params: idParams } },
    async (request, reply) => {
      const row = await stations.requireStation(db, actorContext(request), request.params.id);
      const png = await qrPng(opinionLink(requestOrigin(request), 'station', row.station.publicCode));
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
      const s = await stations.getStation(db, actorContext(request), request.params.id);
      const html = await posterHtml({
        title: s.name,
        subtitle: s.bodyName,
        lines: [
          s.address ? `地址：${s.address}` : null,
          s.openingHours ? `接待时间：${s.openingHours}` : null,
          s.contactName ? `联络员：${s.contactName} ${s.contactPhone ?? ''}` : null,
        ].filter((l): l is string => !!l),
        link: opinionLink(requestOrigin(request), 'station', s.publicCode),
      });
      return reply.header('content-type', 'text/html; charset=utf-8').send(html);
    },
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
          200: publicStationView,
          404: errorResponses[404],
        },
      },
    },
    async (request) => stations.publicStation(db, request.params.code),
  );
};
