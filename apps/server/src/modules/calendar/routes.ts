import { calendarCoverage, calendarYearDetail, calendarYearInput, calendarYearList, calendarYearParams } from '@renda/shared';
import { actorContext, requirePermission } from '../../platform/auth.js';
import { errorResponses, type ModuleRoutes } from '../../platform/http.js';
import * as service from './service.js';

const tags = ['admin'];

/** The official calendar: which days are days off and make-up working days, year by year. */
export const calendarRoutes: ModuleRoutes = async (app, { database, jobs, notifier }) => {
  const manage = { preValidation: requirePermission('calendar.manage') };
  await service.seedAndLoad(database.db);
  let unlisten: (() => Promise<void>) | null = null;
  app.addHook('onReady', async () => {
    unlisten = await service.listenForChanges(database);
  });
  app.addHook('onClose', async () => {
    await unlisten?.();
  });
  jobs.define({
    name: 'calendar-next-year-reminder',
    // 09:00 China time on the 1st, 10th and 20th of December.
    cron: '0 1 1,10,20 12 *',
    handler: async () => void (await service.remindNextYear(database.db, notifier)),
  });

  app.get(
    '/api/calendar/coverage',
    {
      preValidation: requirePermission('calendar.read'),
      schema: { tags, summary: '法定节假日安排已录入的年份（其后的日期为暂定）', response: { 200: calendarCoverage, ...errorResponses } },
    },
    async () => service.coverage(),
  );

  app.get(
    '/api/admin/calendar/years',
    { ...manage, schema: { tags, summary: '各年度法定节假日安排', response: { 200: calendarYearList, ...errorResponses } } },
    async () => service.listYears(database.db),
  );

  app.get(
    '/api/admin/calendar/years/:year',
    {
      ...manage,
      schema: {
        tags,
        summary: '一个年度的放假与调休安排',
        params: calendarYearParams,
        response: { 200: calendarYearDetail, ...errorResponses },
      },
    },
    async (request) => service.getYear(database.db, request.params.year),
  );

  app.put(
    '/api/admin/calendar/years/:year',
    {
      ...manage,
      schema: {
        tags,
        summary: '按国务院办公厅通知录入或修改一个年度的放假与调休安排',
        params: calendarYearParams,
        body: calendarYearInput,
        response: { 200: calendarYearDetail, ...errorResponses },
      },
    },
    async (request) => service.saveYear(database, notifier, actorContext(request), request.params.year, request.body),
  );

  app.post(
    '/api/admin/calendar/years/:year/import',
    {
      ...manage,
      schema: {
        tags,
        summary: '从已安装的日历数据包（chinese-days）导入一个年度',
        params: calendarYearParams,
        response: { 200: calendarYearDetail, ...errorResponses },
      },
    },
    async (request) => service.importFromPackage(database, notifier, actorContext(request), request.params.year),
  );
};
