import { asc, eq } from 'drizzle-orm';
import type { ClueKind, ClueStatus, TransferLevel } from '@renda/shared';
import type { Tx } from '../db/client.js';
import { bodies, handlingUnits } from '../db/schema.js';
import { recordAudit } from '../platform/audit.js';
import { clock } from '../platform/clock.js';
import type { RequestContext } from '../platform/context.js';
import { chinaDate, dueAt } from '../platform/deadlines.js';
import { deputies } from '../modules/deputies/tables.js';
import { rectifyDeadline } from '../modules/campaigns/rules.js';
import {
  campaignClueEvents,
  campaignClues,
  campaignTeamMembers,
  campaignTeams,
  campaignVisitDeputies,
  campaignVisits,
  campaigns,
} from '../modules/campaigns/tables.js';

interface DemoClue {
  kind: ClueKind;
  content: string;
  location: string | null;
  /** How far it went. */
  to: ClueStatus;
  unit?: string;
  level?: TransferLevel;
  rectification?: string;
  reason?: string;
}

interface DemoVisit {
  /** Months before the current one, and the day of that month. */
  monthsAgo: number;
  day: number;
  team: number;
  place: string;
  summary: string;
  clues: DemoClue[];
}

const townGovernments = ['王江泾镇人民政府', '油车港镇人民政府', '新塍镇人民政府'];
const districtGovernment = '秀洲区人民政府';

const teams = [
  { name: '王江泾镇代表监督组', area: '王江泾镇' },
  { name: '油车港镇代表监督组', area: '油车港镇' },
  { name: '新塍镇代表监督组', area: '新塍镇' },
];

/** Field visits of the kind seed 000 describes (生态环保突出问题监督), at every stage of the ledger. */
const visits: DemoVisit[] = [
  {
    monthsAgo: 3,
    day: 12,
    team: 0,
    place: '新塍塘王江泾段',
    summary: '沿河巡查排污口和河面保洁情况',
    clues: [
      {
        kind: 'problem',
        content: '新塍塘桥北侧有生活污水直排口，水面发黑有异味。',
        location: '新塍塘桥北侧',
        to: 'closed',
        unit: '王江泾镇人民政府',
        level: 'local',
        rectification: '排口为沿街餐饮店私接，已封堵并纳入截污纳管。',
      },
      {
        kind: 'problem',
        content: '沿河多个村庄生活污水管网未接入，属普遍存在的问题。',
        location: '王江泾镇沿河各村',
        to: 'rectified',
        unit: districtGovernment,
        level: 'government',
        rectification: '已列入区农村生活污水治理提标改造计划，首批 6 个村完成管网接入。',
      },
      {
        kind: 'suggestion',
        content: '建议将沿河村庄生活污水管网建设纳入区级年度民生实事。',
        location: null,
        to: 'transferred',
        unit: districtGovernment,
        level: 'government',
      },
    ],
  },
  {
    monthsAgo: 3,
    day: 20,
    team: 1,
    place: '油车港镇马厍村、麟湖村',
    summary: '查看村庄环境和养殖尾水治理',
    clues: [
      {
        kind: 'problem',
        content: '马厍村村口空地堆放建筑垃圾，群众反映已有一个多月。',
        location: '马厍村村口',
        to: 'closed',
        unit: '油车港镇人民政府',
        level: 'local',
        rectification: '已清运建筑垃圾 30 余吨，设置围挡和监控。',
      },
      {
        kind: 'problem',
        content: '部分养殖塘尾水未经处理直接排入河道。',
        location: '麟湖村养殖区',
        to: 'rectified',
        unit: '油车港镇人民政府',
        level: 'local',
        rectification: '已建成尾水处理池 2 处，其余养殖户限期整改。',
      },
    ],
  },
  {
    monthsAgo: 2,
    day: 8,
    team: 2,
    place: '新塍镇新塍塘集镇段',
    summary: '河面漂浮物和保洁频次',
    clues: [
      {
        kind: 'problem',
        content: '集镇段河面漂浮物较多，保洁不及时。',
        location: '新塍镇集镇段',
        to: 'closed',
        unit: '新塍镇人民政府',
        level: 'local',
        rectification: '保洁频次由每日一次调整为每日两次。',
      },
      {
        kind: 'suggestion',
        content: '建议在集镇段增设拦污设施。',
        location: '新塍镇集镇段',
        to: 'closed',
        unit: '新塍镇人民政府',
        level: 'local',
        rectification: '已增设拦污浮筒两处。',
      },
    ],
  },
  {
    monthsAgo: 2,
    day: 22,
    team: 0,
    place: '王江泾镇南汇村',
    summary: '走访企业周边村民',
    clues: [
      {
        kind: 'problem',
        content: '印染企业夜间排放废气，周边村民反映刺鼻，影响休息。',
        location: '南汇村',
        to: 'transferred',
        unit: '王江泾镇人民政府',
        level: 'local',
      },
    ],
  },
  {
    monthsAgo: 1,
    day: 10,
    team: 1,
    place: '油车港镇集镇社区',
    summary: '垃圾分类收集点设置情况',
    clues: [
      {
        kind: 'problem',
        content: '村里垃圾分类收集点只有一个，离得远，老人投放不方便。',
        location: '油车港镇马厍村',
        to: 'transferred',
        unit: '油车港镇人民政府',
        level: 'local',
      },
      { kind: 'suggestion', content: '建议按每 50 户设置一个分类收集点。', location: null, to: 'recorded' },
    ],
  },
  {
    monthsAgo: 1,
    day: 25,
    team: 2,
    place: '新塍镇农田片区',
    summary: '秸秆处置情况',
    clues: [
      {
        kind: 'problem',
        content: '群众反映有农户露天焚烧秸秆。',
        location: '新塍镇潘家浜村',
        to: 'dismissed',
        reason: '经现场核实为清理枯枝后的零星焚烧，已当场劝导熄灭，未发现秸秆焚烧。',
      },
    ],
  },
  {
    monthsAgo: 0,
    day: 3,
    team: 0,
    place: '王江泾镇农田灌溉渠',
    summary: '灌溉渠水质',
    clues: [{ kind: 'problem', content: '农田灌溉渠水体发黑发臭。', location: '王江泾镇双桥村', to: 'recorded' }],
  },
];

/** The first day of the month `monthsAgo` months before today's (China dates). */
function monthStart(today: string, monthsAgo: number): { year: number; month: number } {
  const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - monthsAgo, 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}
const ymd = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const tenOClock = (date: string) => new Date(`${date}T02:00:00Z`);
const plusDays = (at: Date, days: number) => new Date(at.getTime() + days * 86_400_000);

/** The 秀洲区 ecological campaign of seed 000's kind: teams, visits in person-times, and its clue ledger. */
export async function seedCampaigns(tx: Tx, ctx: RequestContext) {
  const [xiuzhou] = await tx.select().from(bodies).where(eq(bodies.regionCode, '330411'));
  if (!xiuzhou) return;
  const people = await tx
    .select({ id: deputies.id })
    .from(deputies)
    .where(eq(deputies.bodyId, xiuzhou.id))
    .orderBy(asc(deputies.createdAt), asc(deputies.id));
  if (people.length < 2) return;
  const now = clock.now();
  const today = chinaDate(now);

  const unitIds = new Map<string, string>();
  for (const name of [...townGovernments, districtGovernment]) {
    const [unit] = await tx
      .insert(handlingUnits)
      .values({ bodyId: xiuzhou.id, name, kind: name === districtGovernment ? 'other' : 'township_government', createdAt: now })
      .returning({ id: handlingUnits.id });
    unitIds.set(name, unit!.id);
  }

  const start = monthStart(today, 3);
  const end = monthStart(today, -8);
  const [campaign] = await tx
    .insert(campaigns)
    .values({
      bodyId: xiuzhou.id,
      title: '生态环保突出问题代表专项监督',
      theme: '河道排污、垃圾乱堆、废气扰民、养殖尾水等生态环保突出问题',
      description:
        '组织全区各级人大代表分组开展实地监督，发现的问题线索和意见建议建立台账，全部转属地政府办理；普遍存在、属于区级事权的转区人民政府督促办理；每月调度一次。',
      startsOn: ymd(start.year, start.month, 1),
      endsOn: ymd(end.year, end.month, new Date(Date.UTC(end.year, end.month, 0)).getUTCDate()),
      createdAt: now,
    })
    .returning();
  await recordAudit(tx, ctx, {
    entity: 'campaign',
    entityId: campaign!.id,
    bodyId: xiuzhou.id,
    action: 'create',
    after: { title: campaign!.title },
  });

  const teamIds: string[] = [];
  for (const [i, team] of teams.entries()) {
    const [row] = await tx
      .insert(campaignTeams)
      .values({ campaignId: campaign!.id, ...team, createdAt: new Date(now.getTime() + i) })
      .returning({ id: campaignTeams.id });
    teamIds.push(row!.id);
    const members = people.slice(i * 3, i * 3 + 3);
    if (members.length) await tx.insert(campaignTeamMembers).values(members.map((p) => ({ teamId: row!.id, deputyId: p.id })));
  }

  let seq = 0;
  for (const v of visits) {
    const m = monthStart(today, v.monthsAgo);
    const visitedOn = ymd(m.year, m.month, v.day);
    if (visitedOn > today) continue;
    const members = people.slice(v.team * 3, v.team * 3 + 3);
    if (!members.length) continue;
    const [visit] = await tx
      .insert(campaignVisits)
      .values({
        campaignId: campaign!.id,
        teamId: teamIds[v.team]!,
        visitedOn,
        place: v.place,
        summary: v.summary,
        createdAt: tenOClock(visitedOn),
      })
      .returning({ id: campaignVisits.id });
    await tx.insert(campaignVisitDeputies).values(members.map((p) => ({ visitId: visit!.id, deputyId: p.id })));
    for (const c of v.clues) {
      seq += 1;
      const found = tenOClock(visitedOn);
      const transferredAt = plusDays(found, 1);
      const rectifiedAt = plusDays(found, 20);
      const closedAt = plusDays(found, 25);
      // A step dated after today has not happened yet: the clue stops at the step before.
      let status: ClueStatus = c.to;
      if (status === 'closed' && closedAt > now) status = 'rectified';
      if (status === 'rectified' && rectifiedAt > now) status = 'transferred';
      if ((status === 'transferred' || status === 'dismissed') && transferredAt > now) status = 'recorded';
      const transferred = ['transferred', 'rectified', 'closed'].includes(status);
      const [row] = await tx
        .insert(campaignClues)
        .values({
          campaignId: campaign!.id,
          bodyId: xiuzhou.id,
          seq,
          kind: c.kind,
          content: c.content,
          location: c.location,
          visitId: visit!.id,
          foundOn: visitedOn,
          status,
          handlingUnitId: transferred ? unitIds.get(c.unit!)! : null,
          transferLevel: transferred ? c.level! : null,
          firstTransferredAt: transferred ? transferredAt : null,
          transferredAt: transferred ? transferredAt : null,
          dueAt: transferred ? dueAt(transferredAt, rectifyDeadline.default) : null,
          rectificationNote: ['rectified', 'closed'].includes(status) ? c.rectification! : null,
          rectifiedAt: ['rectified', 'closed'].includes(status) ? rectifiedAt : null,
          closedAt: status === 'closed' ? closedAt : status === 'dismissed' ? transferredAt : null,
          reason: status === 'dismissed' ? c.reason! : null,
          createdAt: found,
          updatedAt: now,
        })
        .returning({ id: campaignClues.id });
      const steps: { action: string; at: Date; to: ClueStatus; note: string | null }[] = [
        { action: 'record', at: found, to: 'recorded', note: null },
      ];
      if (transferred) steps.push({ action: 'transfer', at: transferredAt, to: 'transferred', note: c.unit! });
      if (status === 'rectified' || status === 'closed')
        steps.push({ action: 'reportRectified', at: rectifiedAt, to: 'rectified', note: c.rectification! });
      if (status === 'closed') steps.push({ action: 'confirm', at: closedAt, to: 'closed', note: null });
      if (status === 'dismissed') steps.push({ action: 'dismiss', at: transferredAt, to: 'dismissed', note: c.reason! });
      await tx.insert(campaignClueEvents).values(
        steps.map((s, i) => ({
          clueId: row!.id,
          at: s.at,
          action: s.action,
          fromStatus: i ? steps[i - 1]!.to : null,
          toStatus: s.to,
          actorName: '系统导入',
          note: s.note,
        })),
      );
      await recordAudit(tx, ctx, {
        entity: 'campaign_clue',
        entityId: row!.id,
        bodyId: xiuzhou.id,
        action: 'create',
        after: { seq, status },
      });
    }
  }
}
