import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { bodies, handlingUnits, users } from '../db/schema.js';
import { recordAudit } from '../platform/audit.js';
import { clock } from '../platform/clock.js';
import type { RequestContext } from '../platform/context.js';
import { chinaDate } from '../platform/deadlines.js';
import { newPublicCode, recordDuty } from '../modules/deputies/index.js';
import { deputies } from '../modules/deputies/tables.js';
import { majorMatters, meetingAttendees, meetingItems, meetings } from '../modules/meetings/tables.js';

const dayFrom = (n: number) => chinaDate(new Date(clock.now().getTime() + n * 86_400_000));

/**
 * 会议与表决 of the demo city: last month's standing-committee meeting, held and closed (one member on
 * leave, one absent, a deputy observing, the environment report heard), next week's meeting notified
 * with its agenda (the rail-transit plan to decide), and the major matter behind that item evaluated.
 * Votes are left for the user to take (the vote component counts only real ballots).
 */
export async function seedMeetings(tx: Tx, ctx: RequestContext) {
  const [city] = await tx.select().from(bodies).where(eq(bodies.regionCode, '330400'));
  const [staff] = await tx.select().from(users).where(eq(users.username, 'staff'));
  const [unit] = await tx.select().from(handlingUnits).where(eq(handlingUnits.name, '嘉兴市住房和城乡建设局'));
  if (!city || !staff || !unit) return;
  const members = await tx
    .select()
    .from(deputies)
    .where(and(eq(deputies.bodyId, city.id), eq(deputies.status, 'in_office'), isNotNull(deputies.committeeRole)));
  const [observer] = await tx
    .select()
    .from(deputies)
    .where(and(eq(deputies.bodyId, city.id), eq(deputies.status, 'in_office'), isNull(deputies.committeeRole)))
    .limit(1);
  if (members.length < 3) return;
  const now = clock.now();
  const insertMeeting = async (values: Omit<typeof meetings.$inferInsert, 'bodyId' | 'signInCode' | 'kind' | 'term' | 'createdBy'>) => {
    const [row] = await tx
      .insert(meetings)
      .values({ ...values, bodyId: city.id, kind: 'standing_committee', term: '第九届', signInCode: newPublicCode(), createdBy: staff.id })
      .returning();
    await tx.insert(meetingAttendees).values(members.map((m) => ({ meetingId: row!.id, role: 'member', deputyId: m.id, name: m.name })));
    await recordAudit(tx, ctx, { entity: 'meeting', entityId: row!.id, bodyId: city.id, action: 'create', after: { title: row!.title } });
    return row!;
  };

  // 上月: 第十次会议, held and closed.
  const held = dayFrom(-30);
  const past = await insertMeeting({
    number: 10,
    title: '市九届人大常委会第十次会议',
    startsOn: held,
    endsOn: held,
    place: '市人大常委会第一会议室',
    state: 'closed',
    materialsPublishedAt: now,
    notifiedAt: now,
    openedAt: now,
    closedAt: now,
  });
  await tx.insert(meetingItems).values([
    {
      meetingId: past.id,
      position: 1,
      kind: 'supervision_report',
      title: '听取和审议市人民政府关于环境状况和环境保护目标完成情况的报告',
      presenter: '副市长',
    },
    {
      meetingId: past.id,
      position: 2,
      kind: 'key_suggestion_report',
      title: '听取市人民政府关于重点建议办理情况的报告',
      presenter: '市政府办公室',
    },
  ]);
  const attendees = await tx.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, past.id));
  for (const [i, a] of attendees.entries()) {
    if (i === 0)
      await tx
        .update(meetingAttendees)
        .set({ response: 'leave', leaveReason: '赴省外考察学习', respondedAt: now })
        .where(eq(meetingAttendees.id, a.id));
    else if (i === 1)
      continue; // absent without leave
    else
      await tx
        .update(meetingAttendees)
        .set({ response: 'confirmed', signedInAt: now, signInWay: i % 2 ? 'qr' : 'staff' })
        .where(eq(meetingAttendees.id, a.id));
  }
  if (observer) {
    await tx.insert(meetingAttendees).values({
      meetingId: past.id,
      role: 'observer',
      deputyId: observer.id,
      name: observer.name,
      response: 'confirmed',
      signedInAt: now,
      signInWay: 'qr',
    });
    const dutyRecordId = await recordDuty(
      tx,
      {
        bodyId: city.id,
        kind: 'observing_meeting',
        occurredOn: held,
        place: past.place,
        title: `列席${past.title}`,
        description: null,
        votersReceived: 0,
        source: 'meeting',
        recordedBy: staff.id,
      },
      [observer.id],
    );
    await tx.update(meetings).set({ dutyRecordId }).where(eq(meetings.id, past.id));
  }
  await tx.insert(meetingAttendees).values({ meetingId: past.id, role: 'reporter', unitId: unit.id, name: unit.name, reporter: '局长' });

  // 下周: 第十一次会议, notified, to decide the rail-transit plan.
  const next = dayFrom(7);
  const coming = await insertMeeting({
    number: 11,
    title: '市九届人大常委会第十一次会议',
    startsOn: next,
    endsOn: next,
    place: '市人大常委会第一会议室',
    state: 'notified',
    notifiedAt: now,
  });
  const [item] = await tx
    .insert(meetingItems)
    .values({
      meetingId: coming.id,
      position: 1,
      kind: 'major_matter',
      title: '关于嘉兴市城市轨道交通第一期建设规划的决定（草案）',
      presenter: '市人民政府',
      toVote: true,
      threshold: 'more_than_half',
    })
    .returning();
  const [matter] = await tx
    .insert(majorMatters)
    .values({
      bodyId: city.id,
      title: '嘉兴市城市轨道交通第一期建设规划',
      proposer: '市人民政府',
      proposal: '提请市人大常委会审议决定嘉兴市城市轨道交通第一期建设规划（2026—2032年），线路总长约 38 公里。',
      evaluation: '经财政承受能力论证和社会稳定风险评估，规划与国土空间规划相衔接，建议提请常委会会议表决。',
      evaluatedAt: now,
      meetingId: coming.id,
      agendaItemId: item!.id,
      state: 'scheduled',
      createdBy: staff.id,
    })
    .returning();
  await tx
    .update(meetingItems)
    .set({ linkModule: 'major_matters', linkId: matter!.id, linkTitle: matter!.title })
    .where(eq(meetingItems.id, item!.id));
  await tx.insert(meetingItems).values({
    meetingId: coming.id,
    position: 2,
    kind: 'supervision_report',
    title: '听取和审议市人民政府关于学前教育优质发展推进情况的报告',
    presenter: '市教育局',
  });
  await recordAudit(tx, ctx, {
    entity: 'major_matter',
    entityId: matter!.id,
    bodyId: city.id,
    action: 'create',
    after: { title: matter!.title },
  });
}
