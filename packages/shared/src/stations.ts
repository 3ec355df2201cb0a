import { z } from 'zod';
import { pageQuery } from './pagination.js';
import { inOrder } from './range.js';
import { deputyRef } from './deputies.js';
import { defineActions } from './workflow.js';

export const stationKind = z.enum(['deputies_home', 'liaison_station', 'liaison_room', 'online_station', 'legislative_point']);
export type StationKind = z.infer<typeof stationKind>;
export const stationKindLabel = {
  deputies_home: '代表之家',
  liaison_station: '代表联络站',
  liaison_room: '代表联络室',
  online_station: '网上联络站',
  legislative_point: '基层立法联系点',
} satisfies Record<StationKind, string>;

/** 联络站+小区/园区/产业 (seed 003). */
export const placeKind = z.enum(['community', 'park', 'farm', 'township', 'other']);
export type PlaceKind = z.infer<typeof placeKind>;
export const placeKindLabel = {
  community: '社区（小区）',
  park: '园区',
  farm: '产业基地',
  township: '乡镇（街道）',
  other: '其他',
} satisfies Record<PlaceKind, string>;

const optionalText = (max: number) => z.string().trim().max(max, `最多 ${max} 个字`).nullable().default(null);

export const station = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  kind: stationKind,
  name: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  placeKind: placeKind.nullable(),
  openingHours: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  rules: z.string().nullable(),
  active: z.boolean(),
  publicCode: z.string(),
  createdAt: z.iso.datetime(),
});
export type Station = z.infer<typeof station>;

export const stationInput = z.object({
  bodyId: z.uuid('请选择所属人大'),
  kind: stationKind,
  name: z.string().trim().min(2, '名称至少 2 个字').max(60, '名称最多 60 个字'),
  regionCode: z
    .string()
    .regex(/^(\d{6}|\d{9}|\d{12})$/, '区划代码格式不正确')
    .nullable()
    .default(null),
  address: optionalText(200),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  placeKind: placeKind.nullable().default(null),
  openingHours: optionalText(100),
  contactName: optionalText(40),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[\d-]{7,20}$/, '联系电话格式不正确')
    .nullable()
    .default(null),
  rules: optionalText(4000),
  active: z.boolean().default(true),
});
export type StationInput = z.infer<typeof stationInput>;

export const stationQuery = pageQuery.extend({
  q: z.string().trim().max(40).optional(),
  bodyId: z.uuid().optional(),
  kind: stationKind.optional(),
  /** `thisWeek`: active stations with no duty day on the rota this week (Monday to Sunday, China time). */
  rotaGap: z.enum(['thisWeek']).optional(),
});

// ---- 四定 duty rota ----
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式不正确，应如 09:30');
export const rotaEntry = z.object({
  id: z.uuid(),
  stationId: z.uuid(),
  day: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  topic: z.string(),
  responsibleName: z.string(),
  responsiblePhone: z.string().nullable(),
  deputies: z.array(deputyRef),
  remindedAt: z.iso.datetime().nullable(),
  sessionId: z.uuid().nullable(),
  /** The official holiday the day falls on (春节…), or null: an entry saved before its year's arrangement was entered may now lie on one. */
  holiday: z.string().nullable(),
});
export type RotaEntry = z.infer<typeof rotaEntry>;
/** What one rota day and a weekly repeat share: hours, topic, responsible person and deputies. */
const rotaFields = z.object({
  startTime: hhmm,
  endTime: hhmm,
  topic: z.string().trim().min(2, '活动主题至少 2 个字').max(100, '活动主题最多 100 个字'),
  responsibleName: z.string().trim().min(2, '请填写办理责任人').max(40),
  responsiblePhone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '手机号应为 11 位数字')
    .nullable()
    .default(null),
  deputyIds: z.array(z.uuid()).min(1, '请至少安排一名进站代表').max(20, '一次最多安排 20 名代表'),
});
const endAfterStart = <S extends z.ZodType<{ startTime: string; endTime: string }>>(schema: S) =>
  schema.refine((r) => r.startTime < r.endTime, { message: '结束时间须晚于开始时间', path: ['endTime'] });
export const rotaInput = endAfterStart(rotaFields.extend({ day: z.iso.date() }));
export type RotaInput = z.infer<typeof rotaInput>;
const period = z.object({ from: z.iso.date(), to: z.iso.date() });
export const rotaQuery = inOrder(period);
/** A station's or body's reception figures over a period. */
export const stationFiguresQuery = inOrder(period.extend({ bodyId: z.uuid().optional(), stationId: z.uuid().optional() }));

/** 周接待: ISO weekdays, 1 = 星期一 … 7 = 星期日. */
export const weekday = z.number().int().min(1).max(7);
export const weekdayLabel = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'] as const;
/** The longest period one weekly repeat may fill (a rota is planned a year at a time at most). */
export const rotaRepeatMaxDays = 366;
export const rotaRepeatInput = inOrder(
  endAfterStart(
    rotaFields.extend({
      from: z.iso.date(),
      to: z.iso.date(),
      weekdays: z.array(weekday).min(1, '请至少选择一个星期几').max(7),
      /** true: only say which days would be created and which skipped; nothing is written. */
      preview: z.boolean().default(false),
    }),
  ),
);
export type RotaRepeatInput = z.infer<typeof rotaRepeatInput>;
/** Why a matching day got no entry: an official holiday (法定节假日/调休放假) or an overlapping entry already on the rota. */
export const rotaSkipReason = z.enum(['holiday', 'overlap']);
export type RotaSkipReason = z.infer<typeof rotaSkipReason>;
export const rotaSkipReasonLabel = { holiday: '法定节假日', overlap: '已有时间重叠的排班' } satisfies Record<RotaSkipReason, string>;
export const rotaRepeatResult = z.object({
  preview: z.boolean(),
  /** The days given an entry (or, in a preview, that would be). */
  days: z.array(z.string()),
  /** The entries written; empty in a preview. */
  created: z.array(rotaEntry),
  skipped: z.array(z.object({ day: z.string(), reason: rotaSkipReason, note: z.string() })),
});
export type RotaRepeatResult = z.infer<typeof rotaRepeatResult>;

// ---- reception sessions ----
export const receptionState = z.enum(['open', 'closed']);
export type ReceptionState = z.infer<typeof receptionState>;
export const receptionStateLabel = { open: '接待中', closed: '已结束' } satisfies Record<ReceptionState, string>;
export const receptionAction = z.enum(['signIn', 'addConcern', 'close']);
export type ReceptionAction = z.infer<typeof receptionAction>;
export const receptionActionLabel = { signIn: '签到', addConcern: '登记反映事项', close: '结束接待' } satisfies Record<
  ReceptionAction,
  string
>;

export const concern = z.object({
  id: z.uuid(),
  content: z.string(),
  visitorName: z.string().nullable(),
  visitorPhone: z.string().nullable(),
  /** 同意承办单位联系我: the visitor's yes to hand their name and phone to the handling unit. */
  contactConsent: z.boolean(),
  resolvedOnSite: z.boolean(),
  opinionId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type Concern = z.infer<typeof concern>;
export const concernInput = z.object({
  content: z.string().trim().min(4, '反映内容至少 4 个字').max(2000, '反映内容最多 2000 字'),
  visitorName: optionalText(40),
  visitorPhone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '手机号应为 11 位数字')
    .nullable()
    .default(null),
  /** 同意承办单位联系我, asked of the visitor as the public form asks the citizen; off unless ticked. */
  contactConsent: z.boolean().default(false),
  resolvedOnSite: z.boolean().default(false),
});

export const receptionSession = z.object({
  id: z.uuid(),
  stationId: z.uuid(),
  stationName: z.string(),
  rotaId: z.uuid().nullable(),
  heldOn: z.string(),
  topic: z.string(),
  responsibleName: z.string(),
  committee: z.string().nullable(),
  votersReceived: z.number().int(),
  notes: z.string().nullable(),
  state: receptionState,
  allowedActions: z.array(receptionAction),
  signedIn: z.array(deputyRef.extend({ signedAt: z.iso.datetime() })),
  concerns: z.array(concern),
  dutyRecordId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type ReceptionSession = z.infer<typeof receptionSession>;
export const sessionInput = z.object({
  rotaId: z.uuid().nullable().default(null),
  heldOn: z.iso.date(),
  topic: z.string().trim().min(2, '活动主题至少 2 个字').max(100),
  responsibleName: z.string().trim().min(2, '请填写办理责任人').max(40),
  committee: optionalText(60),
});
export const closeSessionInput = z.object({
  votersReceived: z.number().int().min(0, '人数不能为负').max(10000),
  notes: optionalText(4000),
});
export const signInInput = z.object({ deputyId: z.uuid('请选择代表') });

/** A reception's steps, each posted to /api/reception-sessions/<id>/actions/<action>. */
export const receptionActions = defineActions('reception-sessions', {
  signIn: { input: signInInput.partial(), summary: '代表签到（代表本人或工作人员代签）' },
  addConcern: { input: concernInput, summary: '登记群众反映事项' },
  close: { input: closeSessionInput, summary: '结束接待（写入签到代表的履职记录）' },
} satisfies Record<ReceptionAction, unknown>);

export const stationFigures = z.object({
  sessions: z.number().int(),
  deputyVisits: z.number().int(),
  votersReceived: z.number().int(),
  concerns: z.number().int(),
  resolvedOnSite: z.number().int(),
  registeredAsOpinions: z.number().int(),
  /** All opinions of the stations in the period: sent by QR code and registered at receptions. */
  opinionsCollected: z.number().int(),
  /** …whose reply the citizen has been shown. */
  opinionsReplied: z.number().int(),
  /** …whose citizen rated the answer 满意 or 基本满意. */
  opinionsSolved: z.number().int(),
});
export type StationFigures = z.infer<typeof stationFigures>;

/** 各站接待对比: the busiest stations in scope (at most 20, those without receptions as zeros) with their receptions, voters received and concerns heard. */
export const stationFiguresByStationQuery = inOrder(period.extend({ bodyId: z.uuid().optional() }));
export const stationFiguresByStation = z.object({
  items: z.array(
    z.object({
      stationId: z.uuid(),
      name: z.string(),
      sessions: z.number().int(),
      votersReceived: z.number().int(),
      concerns: z.number().int(),
    }),
  ),
});
export type StationFiguresByStation = z.infer<typeof stationFiguresByStation>;

/** What a station's QR code shows the public: the station, its hours, and who receives citizens when. */
export const publicStationView = z.object({
  name: z.string(),
  kind: stationKind,
  kindLabel: z.string(),
  address: z.string().nullable(),
  openingHours: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  /** Today's reception days on the rota, else the next one within two weeks: deputies by name only. */
  receptions: z.array(
    z.object({
      day: z.string(),
      today: z.boolean(),
      startTime: z.string(),
      endTime: z.string(),
      topic: z.string(),
      deputies: z.array(z.string()),
    }),
  ),
});
export type PublicStationView = z.infer<typeof publicStationView>;
