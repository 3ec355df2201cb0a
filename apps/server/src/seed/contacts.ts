import { and, eq, like } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { bodies, handlingUnits, regions, users } from '../db/schema.js';
import { recordAudit } from '../platform/audit.js';
import { clock } from '../platform/clock.js';
import type { RequestContext } from '../platform/context.js';
import { recordDuty } from '../modules/deputies/index.js';
import { deputies } from '../modules/deputies/tables.js';
import { appointments, contactLinks, contactRecords } from '../modules/contacts/tables.js';

const daysAgo = (n: number) => new Date(clock.now().getTime() - n * 86_400_000).toISOString().slice(0, 10);

/**
 * 双联系 and 约见 of the demo city: 陈建国 (leader) keeps in touch with 张秀英 and 周建明, 周建明
 * keeps in touch with two voters (one contact each, in his duty log), and 周建明 has met the head of
 * the transport bureau; 张秀英's own contacts and appointments are left for the user to make.
 */
export async function seedContacts(tx: Tx, ctx: RequestContext) {
  const [city] = await tx.select().from(bodies).where(eq(bodies.regionCode, '330400'));
  const [leader] = await tx.select().from(users).where(eq(users.username, 'leader'));
  const [staff] = await tx.select().from(users).where(eq(users.username, 'staff'));
  if (!city || !leader || !staff) return;
  const byName = async (name: string) =>
    (
      await tx
        .select()
        .from(deputies)
        .where(and(eq(deputies.bodyId, city.id), eq(deputies.name, name)))
    )[0];
  const zhang = await byName('张秀英');
  const zhou = await byName('周建明');
  const [village] = await tx
    .select()
    .from(regions)
    .where(and(eq(regions.level, 'village'), like(regions.code, '330402%')))
    .limit(1);
  const [unit] = await tx.select().from(handlingUnits).where(eq(handlingUnits.name, '嘉兴市交通运输局'));
  if (!zhang || !zhou || !unit) return;
  const now = clock.now();
  const yearOf = (day: string) => Number(day.slice(0, 4));
  /** The duty-log entry the service writes for a voter contact or a meeting, as it would. */
  const duty = async (
    deputyId: string,
    kind: 'voter_reception' | 'other',
    occurredOn: string,
    title: string,
    extra: { place: string | null; description: string | null; votersReceived: number },
  ) => recordDuty(tx, { bodyId: city.id, kind, occurredOn, title, ...extra, source: 'contact', recordedBy: staff.id }, [deputyId]);

  for (const deputy of [zhang, zhou]) {
    const [link] = await tx
      .insert(contactLinks)
      .values({
        bodyId: city.id,
        kind: 'member_deputy',
        year: yearOf(daysAgo(30)),
        deputyId: deputy.id,
        memberId: leader.id,
        createdBy: staff.id,
        createdAt: now,
      })
      .returning({ id: contactLinks.id });
    await tx.insert(contactRecords).values({
      linkId: link!.id,
      occurredOn: daysAgo(30),
      way: 'visit',
      content: '走访代表所在单位，通报常委会年度工作要点，听取对监督工作的意见',
      raised: deputy === zhang ? '建议把老旧小区加装电梯列入专题询问' : '建议加快城乡公交一体化',
      recordedBy: leader.id,
      createdAt: now,
    });
    await recordAudit(tx, ctx, {
      entity: 'contact_link',
      entityId: link!.id,
      bodyId: city.id,
      action: 'create',
      after: { deputy: deputy.name },
    });
  }

  const voters: [string, string, string, string][] = [
    ['顾阿姨', '139****2718', '上门走访，了解独居老人助餐需求', '希望社区食堂周末也供餐'],
    ['马师傅', '137****0964', '电话回访，询问公交线路调整后的出行情况', '早高峰 12 路车班次太少'],
  ];
  for (const [i, [name, phone, content, raised]] of voters.entries()) {
    const occurredOn = daysAgo(10 + i);
    const [link] = await tx
      .insert(contactLinks)
      .values({
        bodyId: city.id,
        kind: 'deputy_voter',
        year: yearOf(occurredOn),
        deputyId: zhou.id,
        voterName: name,
        voterPhoneMasked: phone,
        regionCode: village?.code ?? null,
        createdBy: staff.id,
        createdAt: now,
      })
      .returning({ id: contactLinks.id });
    const way = i === 0 ? 'visit' : 'phone';
    const dutyRecordId = await duty(zhou.id, 'voter_reception', occurredOn, `联系群众（${i === 0 ? '走访' : '电话'}）：${name}`, {
      place: village?.name ?? null,
      description: `${content}\n反映：${raised}`,
      votersReceived: 1,
    });
    await tx
      .insert(contactRecords)
      .values({ linkId: link!.id, occurredOn, way, content, raised, dutyRecordId, recordedBy: staff.id, createdAt: now });
  }

  const heldOn = daysAgo(5);
  const dutyRecordId = await duty(zhou.id, 'other', heldOn, '约见嘉兴市交通运输局局长：城乡公交早高峰运力不足', {
    place: '市人大常委会 302 会议室',
    description: null,
    votersReceived: 0,
  });
  const [met] = await tx
    .insert(appointments)
    .values({
      bodyId: city.id,
      deputyId: zhou.id,
      unitId: unit.id,
      official: '局长',
      topic: '城乡公交早高峰运力不足',
      reason: '多名群众反映 12 路等城乡公交早高峰班次少、候车时间长，请交通运输局负责人当面说明改进计划。',
      state: 'answered',
      scheduledAt: new Date(`${heldOn}T02:00:00Z`),
      place: '市人大常委会 302 会议室',
      attendees: '周建明代表；市交通运输局局长；市人大常委会代表工作委员会',
      meetingNotes: '代表介绍群众反映的情况，局长说明运力调配计划。',
      heldOn,
      dutyRecordId,
      commitment: '下月起早高峰加密 12 路班次至 8 分钟一班，并新增 2 条定制公交线路。',
      followUp: '每月向代表通报运行情况',
      requestedBy: staff.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: appointments.id });
  await recordAudit(tx, ctx, {
    entity: 'appointment',
    entityId: met!.id,
    bodyId: city.id,
    action: 'request',
    after: { deputy: zhou.name },
  });
}
