import { and, asc, eq } from 'drizzle-orm';
import type { VoterRating } from '@renda/shared';
import type { Tx } from '../db/client.js';
import { bodies } from '../db/schema.js';
import { recordAudit } from '../platform/audit.js';
import { clock } from '../platform/clock.js';
import type { RequestContext } from '../platform/context.js';
import { newPublicCode } from '../modules/deputies/index.js';
import { deputies } from '../modules/deputies/tables.js';
import { maskPhone } from '@renda/shared';
import { phoneHash } from '../modules/reportbacks/rules.js';
import { honourCampaigns, honourNominations, reportBackRatings, reportBacks } from '../modules/reportbacks/tables.js';

const demoRatings: [VoterRating, string][] = [
  ['satisfied', '张代表对社区养老服务站的事一直跟到底，点赞。'],
  ['satisfied', ''],
  ['satisfied', '老旧小区加装电梯的进度讲得很清楚。'],
  ['basically_satisfied', '希望多来几次联络站，晚上也能见到代表。'],
  ['basically_satisfied', ''],
  ['dissatisfied', '烟雨路口停车难的问题还没有解决。'],
];

/** 回选区述职 of 张秀英 with some voters' ratings, and a 最美人大代表 campaign open for nominations. */
export async function seedReportBacks(tx: Tx, ctx: RequestContext) {
  const [city] = await tx.select().from(bodies).where(eq(bodies.regionCode, '330400'));
  if (!city) return;
  const [zhang] = await tx
    .select()
    .from(deputies)
    .where(and(eq(deputies.bodyId, city.id), eq(deputies.name, '张秀英')));
  if (!zhang) return;
  const now = clock.now();
  const heldOn = new Date(now.getTime() - 20 * 86_400_000).toISOString().slice(0, 10);
  const [event] = await tx
    .insert(reportBacks)
    .values({
      bodyId: city.id,
      deputyId: zhang.id,
      heldOn,
      place: '南湖街道烟雨社区代表联络站',
      constituency: zhang.constituency ?? '南湖区',
      title: `${now.getFullYear()}年度向原选区选民报告履职情况`,
      report:
        '各位选民：一年来，我围绕社区居家养老、老旧小区改造和停车难等大家关心的问题，进站接待选民 6 次，' +
        '收集意见 23 条，提出代表建议 2 件，其中《关于加快老旧小区加装电梯的建议》已列入市住建局年度计划。' +
        '下一步，我将继续跟踪烟雨路口停车难问题，每月第一个周三上午在联络站接待大家。请大家评议。',
      state: 'closed',
      publicCode: newPublicCode(),
      createdAt: now,
      openedAt: now,
      closedAt: now,
    })
    .returning({ id: reportBacks.id });
  await tx.insert(reportBackRatings).values(
    demoRatings.map(([rating, comment], i) => {
      const phone = `1375730${String(1000 + i * 37).padStart(4, '0')}`;
      return {
        reportBackId: event!.id,
        phoneHash: phoneHash(event!.id, phone),
        phoneMasked: maskPhone(phone),
        rating,
        comment,
        createdAt: now,
      };
    }),
  );
  await recordAudit(tx, ctx, {
    entity: 'report_back',
    entityId: event!.id,
    bodyId: city.id,
    action: 'create',
    after: { deputy: zhang.name },
  });

  const [campaign] = await tx
    .insert(honourCampaigns)
    .values({
      bodyId: city.id,
      title: `${now.getFullYear()}年度“最美人大代表”评选`,
      description: '在市人大代表中评选履职尽责、联系群众紧密、为民办实事成效明显的“最美人大代表”。',
      places: 2,
      maxChoices: 2,
      state: 'nominating',
      createdAt: now,
    })
    .returning({ id: honourCampaigns.id });
  const nominees = await tx.select().from(deputies).where(eq(deputies.bodyId, city.id)).orderBy(asc(deputies.name)).limit(3);
  const reasons = [
    '扎根社区，牵头推动老旧小区加装电梯 12 台。',
    '常年进站接待，帮助群众解决实际问题 30 余件。',
    '围绕乡村振兴开展专题调研，建议被采纳落实。',
  ];
  await tx
    .insert(honourNominations)
    .values(nominees.map((d, i) => ({ campaignId: campaign!.id, deputyId: d.id, reason: reasons[i]!, createdAt: now })));
  await recordAudit(tx, ctx, {
    entity: 'honour_campaign',
    entityId: campaign!.id,
    bodyId: city.id,
    action: 'create',
    after: { nominees: nominees.length },
  });
}
