import { z } from 'zod';
import {
  appointment,
  appointmentActions,
  appointmentInput,
  appointmentQuery,
  choice,
  contactLink,
  contactLinkDetail,
  contactLinkInput,
  contactLinkQuery,
  contactRecordInput,
  pageOf,
} from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { errorResponses, idParams, type ModuleRoutes, registerActionRoutes, sendDownload } from '../../platform/http.js';
import { registerPerformanceSection, registerSevenOnesSource } from '../deputies/index.js';
import * as appointments from './appointments-service.js';
import { appointmentSection, memberContactSection } from './performance.js';
import { opinionsRaisedWith, auditTitleSources } from './repository.js';
import * as service from './service.js';
import { registerAuditTitles } from '../../platform/audit.js';

const tags = ['deputies'];

export const contactRoutes: ModuleRoutes = (app, { database: { db }, notifier }) => {
  registerAuditTitles(auditTitleSources);
  const read = { preValidation: requirePermission('contacts.read') };
  const manage = { preValidation: requirePermission('contacts.manage') };
  const record = { preValidation: requirePermission('contacts.record') };
  const readAppointments = { preValidation: requirePermission('appointments.read') };
  const request = { preValidation: requirePermission('appointments.request') };

  // Opinions voters raise when a deputy contacts them count as collected (收集反映一批社情民意);
  // the contacts themselves are duty-log entries and count as 联系身边一批群众 from there.
  registerSevenOnesSource('contacts', async (tx, deputyId, from, to) => ({
    collectOpinions: await opinionsRaisedWith(tx, deputyId, from, to),
  }));
  registerPerformanceSection('member-contacts', memberContactSection);
  registerPerformanceSection('appointments', appointmentSection);

  // ---- 双联系 ----
  app.get(
    '/api/contact-links',
    {
      ...read,
      schema: {
        tags,
        summary: '双联系名单（常委会组成人员联系代表、代表联系群众）',
        querystring: contactLinkQuery,
        response: { 200: pageOf(contactLink), ...errorResponses },
      },
    },
    async (request) => service.pageLinks(db, actorContext(request), request.query),
  );
  app.get(
    '/api/contact-links/export.xlsx',
    { ...read, schema: { tags, summary: '导出双联系名单（Excel）', querystring: contactLinkQuery.omit({ page: true, pageSize: true }) } },
    async (request, reply) => {
      const file = await service.exportLinks(db, actorContext(request), request.query);
      return sendDownload(reply, '双联系名单.xlsx', file);
    },
  );
  app.get(
    '/api/contact-links/members',
    {
      ...manage,
      schema: {
        tags,
        summary: '可安排联系代表的常委会组成人员',
        response: { 200: z.object({ items: z.array(choice) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await service.committeeMembers(db, actorContext(request)) }),
  );
  app.get(
    '/api/contact-links/:id',
    { ...read, schema: { tags, summary: '联系关系及联系记录', params: idParams, response: { 200: contactLinkDetail, ...errorResponses } } },
    async (request) => service.getLink(db, actorContext(request), request.params.id),
  );
  app.post(
    '/api/contact-links',
    {
      ...record,
      schema: {
        tags,
        summary: '建立联系关系（代表可登记本人联系的群众）',
        body: contactLinkInput,
        response: { 201: contactLinkDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createLink(db, actorContext(request), request.body)),
  );
  app.delete(
    '/api/contact-links/:id',
    {
      ...manage,
      schema: { tags, summary: '删除尚无联系记录的联系关系', params: idParams, response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await service.deleteLink(db, actorContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/contact-links/:id/records',
    {
      ...record,
      schema: {
        tags,
        summary: '登记联系记录（代表联系群众同时记入履职登记）',
        params: idParams,
        body: contactRecordInput,
        response: { 201: contactLinkDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.addRecord(db, actorContext(request), request.params.id, request.body)),
  );

  // ---- 代表约见国家机关负责人 ----
  app.get(
    '/api/appointments',
    {
      ...readAppointments,
      schema: {
        tags,
        summary: '代表约见国家机关负责人',
        querystring: appointmentQuery,
        response: { 200: pageOf(appointment), ...errorResponses },
      },
    },
    async (request) => appointments.pageAppointments(db, actorContext(request), request.query),
  );
  app.get(
    '/api/appointments/export.xlsx',
    {
      ...readAppointments,
      schema: { tags, summary: '导出代表约见（Excel，条件同列表）', querystring: appointmentQuery.omit({ page: true, pageSize: true }) },
    },
    async (request, reply) =>
      sendDownload(reply, '代表约见.xlsx', await appointments.exportAppointments(db, actorContext(request), request.query)),
  );
  app.get(
    '/api/appointments/units',
    {
      ...request,
      schema: { tags, summary: '可约见的国家机关', response: { 200: z.object({ items: z.array(choice) }), ...errorResponses } },
    },
    async (req) => ({ items: await service.units(db, actorContext(req)) }),
  );
  app.get(
    '/api/appointments/:id',
    { ...readAppointments, schema: { tags, summary: '约见详情', params: idParams, response: { 200: appointment, ...errorResponses } } },
    async (request) => appointments.getAppointment(db, actorContext(request), request.params.id),
  );
  app.post(
    '/api/appointments',
    { ...request, schema: { tags, summary: '代表提出约见', body: appointmentInput, response: { 201: appointment, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await appointments.requestAppointment(db, actorContext(req), req.body)),
  );
  registerActionRoutes(app, appointmentActions, {
    tags,
    route: readAppointments,
    response: appointment,
    run: (req, id, action, input) => appointments.act(db, notifier, actorContext(req), id, action, input),
  });
};
