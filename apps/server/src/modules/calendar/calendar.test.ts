import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { clock } from '../../platform/clock.js';
import { dueDate, isProvisional } from '../../platform/deadlines.js';
import { remindNextYear } from './service.js';
import { notice2027 } from '../../test/calendar-2027.js';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['login']>>;
let staff: Awaited<ReturnType<TestApp['login']>>;
let deputy: Awaited<ReturnType<TestApp['login']>>;

beforeAll(async () => {
  t = await buildTestApp();
  // December 2026: 2027 is next year, and the package knows only up to 2026.
  clock.set(new Date('2026-12-20T09:00:00+08:00'));
  admin = await t.login('admin');
  staff = await t.login('staff');
  deputy = await t.login('deputy');
});
afterAll(async () => {
  clock.reset();
  await t.close();
});

describe('the official calendar (法定节假日安排)', () => {
  it('is seeded from the chinese-days package, idempotently, and 2027 is not known', async () => {
    const list = (await admin.request('GET', '/api/admin/calendar/years')).json();
    expect(list.items.map((y: { year: number }) => y.year)).toContain(2026);
    expect(list.items.find((y: { year: number }) => y.year === 2026)).toMatchObject({
      source: 'package',
      inPackage: true,
      daysOff: 33,
      makeUpDays: 6,
    });
    expect(list.packageYearsMissing).toEqual([]);
    const coverage = (await staff.request('GET', '/api/calendar/coverage')).json();
    expect(coverage.knownThrough).toBe(2026);
    const year = (await admin.request('GET', '/api/admin/calendar/years/2026')).json();
    expect(year.holidays.find((h: { name: string }) => h.name === '国庆节')).toMatchObject({ from: '2026-10-01', to: '2026-10-07' });
    expect((await admin.request('GET', '/api/admin/calendar/years/2027')).statusCode).toBe(404);
  });

  it('is entered by administrators only', async () => {
    const res = await staff.request('PUT', '/api/admin/calendar/years/2027', notice2027);
    expect(res.statusCode).toBe(403);
    expect((await staff.request('GET', '/api/admin/calendar/years')).statusCode).toBe(403);
    expect(isProvisional('2027-02-08')).toBe(true);
  });

  it('refuses a notice that does not fit its year with a Chinese message and the field', async () => {
    const reversed = await admin.request('PUT', '/api/admin/calendar/years/2027', {
      holidays: [{ name: '春节', from: '2027-02-13', to: '2027-02-06', makeUpDays: [] }],
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain('放假结束日期不能早于开始日期');
    const weekday = await admin.request('PUT', '/api/admin/calendar/years/2027', {
      holidays: [{ name: '春节', from: '2027-02-06', to: '2027-02-13', makeUpDays: ['2027-02-17'] }],
    });
    expect(weekday.statusCode).toBe(400);
    expect(weekday.json().error).toMatchObject({
      code: 'CALENDAR_MAKEUP_NOT_WEEKEND',
      details: { fields: [{ path: 'holidays.0.makeUpDays' }] },
    });
    const otherYear = await admin.request('PUT', '/api/admin/calendar/years/2027', {
      holidays: [{ name: '春节', from: '2026-02-06', to: '2026-02-13', makeUpDays: [] }],
    });
    expect(otherYear.json().error.code).toBe('CALENDAR_DATE_OUTSIDE_YEAR');
    const badYear = await admin.request('PUT', '/api/admin/calendar/years/abc', notice2027);
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    const noPackage = await admin.request('POST', '/api/admin/calendar/years/2027/import');
    expect(noPackage.json().error.code).toBe('CALENDAR_NOT_IN_PACKAGE');
  });

  it('takes a year entered from the notice at once: deadlines and rota previews skip the Spring Festival', async () => {
    const station = await staff.request('POST', '/api/stations', {
      bodyId: staff.user.bodyId,
      kind: 'liaison_station',
      name: '日历测试联络站',
    });
    expect(station.statusCode, station.body).toBe(201);
    const deputyId = (await staff.request('GET', `/api/deputies?q=${encodeURIComponent('张秀英')}`)).json().items[0].id;
    const preview = () =>
      staff.request('POST', `/api/stations/${station.json().id}/rota/repeat`, {
        from: '2027-02-01',
        to: '2027-02-19',
        weekdays: [1],
        startTime: '09:00',
        endTime: '11:00',
        topic: '春节前后接待',
        responsibleName: '朱晓峰',
        deputyIds: [deputyId],
        preview: true,
      });
    expect((await preview()).json().days).toEqual(['2027-02-01', '2027-02-08', '2027-02-15']);
    // Afternoon rota days saved while 2027 is unknown (the morning repeat above is only previewed):
    // Monday 8 February will be 春节, 15 February a working day.
    const rotaDay = (day: string) =>
      staff.request('POST', `/api/stations/${station.json().id}/rota`, {
        day,
        startTime: '14:00',
        endTime: '16:00',
        topic: '春节前后接待',
        responsibleName: '朱晓峰',
        deputyIds: [deputyId],
      });
    const onHoliday = await rotaDay('2027-02-08');
    expect(onHoliday.statusCode, onHoliday.body).toBe(201);
    expect(onHoliday.json().holiday).toBeNull();
    expect((await rotaDay('2027-02-15')).statusCode).toBe(201);
    expect(dueDate(new Date('2027-02-05T10:00:00+08:00'), { amount: 5, unit: 'working_days' })).toBe('2027-02-12');

    const saved = await admin.request('PUT', '/api/admin/calendar/years/2027', notice2027);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ year: 2027, source: 'manual', daysOff: 11, makeUpDays: 2, notice: notice2027.notice });
    expect(saved.json().holidays[1]).toEqual({
      name: '春节',
      from: '2027-02-06',
      to: '2027-02-13',
      makeUpDays: ['2027-01-31', '2027-02-20'],
    });

    const res = (await preview()).json();
    expect(res.days).toEqual(['2027-02-01', '2027-02-15']);
    expect(res.skipped).toContainEqual(expect.objectContaining({ day: '2027-02-08', reason: 'holiday' }));
    expect(dueDate(new Date('2027-02-05T10:00:00+08:00'), { amount: 5, unit: 'working_days' })).toBe('2027-02-19');
    expect(isProvisional('2027-02-19')).toBe(false);
    expect((await staff.request('GET', '/api/calendar/coverage')).json().knownThrough).toBe(2027);

    const audit = (await admin.request('GET', '/api/audit?entity=calendar_year')).json();
    expect(audit.items[0]).toMatchObject({ entity: 'calendar_year', entityId: '2027', action: 'update' });

    // The saved rota day on 春节 stays, flagged with the holiday; the one after it is untouched.
    const rota = (await staff.request('GET', `/api/stations/${station.json().id}/rota?from=2027-02-01&to=2027-02-28`)).json().items;
    expect(rota.map((r: { day: string; holiday: string | null }) => [r.day, r.holiday])).toEqual([
      ['2027-02-08', '春节'],
      ['2027-02-15', null],
    ]);
    const flagged = (await admin.request('GET', '/api/audit?entity=station_rota')).json().items;
    expect(flagged.filter((e: { action: string }) => e.action === 'fellOnHoliday')).toEqual([
      expect.objectContaining({ entityId: onHoliday.json().id, after: { day: '2027-02-08', holiday: '春节', calendarYear: 2027 } }),
    ]);
    // The station's staff and the deputy on duty are told, once each.
    const TITLE = '2027年法定节假日安排已录入，有排班落在放假日';
    const told = async (s: typeof staff) =>
      (await s.request('GET', '/api/notifications')).json().items.filter((n: { title: string }) => n.title === TITLE);
    for (const who of [staff, deputy]) {
      const notes = await told(who);
      expect(notes).toHaveLength(1);
      expect(notes[0].body).toContain('日历测试联络站 2027-02-08（春节）14:00—16:00“春节前后接待”');
      expect(notes[0].body).not.toContain('2027-02-15');
      expect(notes[0].link).toBe(`/stations/${station.json().id}`);
    }
    // Entering the same year again unchanged flags nothing new and tells no one.
    expect((await admin.request('PUT', '/api/admin/calendar/years/2027', notice2027)).statusCode).toBe(200);
    expect(await told(staff)).toHaveLength(1);
  });

  it('re-imports a year from the package, replacing a correction, audited', async () => {
    const changed = await admin.request('PUT', '/api/admin/calendar/years/2026', {
      holidays: [{ name: '元旦', from: '2026-01-01', to: '2026-01-01', makeUpDays: [] }],
    });
    expect(changed.json()).toMatchObject({ source: 'manual', daysOff: 1 });
    expect(isProvisional('2026-10-01')).toBe(false);
    const back = await admin.request('POST', '/api/admin/calendar/years/2026/import');
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ source: 'package', daysOff: 33, makeUpDays: 6 });
    const audit = (await admin.request('GET', '/api/audit?entity=calendar_year')).json();
    expect(audit.items[0]).toMatchObject({ entityId: '2026', action: 'import' });
  });

  it('reminds every administrator in December when next year is missing, and not once it is entered', async () => {
    clock.set(new Date('2027-12-01T09:00:00+08:00'));
    expect(await remindNextYear(t.db, t.deps.notifier)).toBe(2028);
    admin = await t.login('admin'); // a year later: the old session has expired
    const notes = (await admin.request('GET', '/api/notifications')).json();
    expect(JSON.stringify(notes)).toContain('请录入2028年法定节假日安排');
    clock.set(new Date('2026-12-01T09:00:00+08:00'));
    expect(await remindNextYear(t.db, t.deps.notifier)).toBeNull(); // 2027 was entered above
    clock.set(new Date('2027-11-01T09:00:00+08:00'));
    expect(await remindNextYear(t.db, t.deps.notifier)).toBeNull(); // not before December
  });
});
