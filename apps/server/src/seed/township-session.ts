import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { bodies, users } from '../db/schema.js';
import { recordAudit } from '../platform/audit.js';
import { clock } from '../platform/clock.js';
import type { RequestContext } from '../platform/context.js';
import { chinaDate } from '../platform/deadlines.js';
import { newPublicCode } from '../modules/deputies/index.js';
import { deputies } from '../modules/deputies/tables.js';
import { meetingAttendees, meetingItems, meetings } from '../modules/meetings/tables.js';

// Invented people in real places of 王江泾镇; any likeness to a real deputy is unintended.
const surnames = ['沈', '陆', '朱', '钱', '姚', '吴', '徐', '顾', '蒋', '陈', '王', '金', '俞', '褚', '许', '费', '曹'];
const given = ['建华', '雪琴', '国良', '丽萍', '卫星', '美娟', '永明', '惠芬', '志强', '秀珍', '伟东', '月英', '海林', '玉梅', '根荣'];
const places = [
  ['南汇村', '村党委书记'],
  ['市泾村', '村委会主任'],
  ['双桥村', '村股份经济合作社社长'],
  ['荷花村', '家庭农场主'],
  ['民主村', '村党委副书记'],
  ['田乐村', '村委会委员'],
  ['闻川社区', '社区居委会主任'],
  ['运河社区', '社区网格员'],
  ['王江泾镇中心小学', '校长'],
  ['王江泾镇卫生院', '副院长'],
  ['王江泾镇纺织工业园区某织造企业', '总经理'],
] as const;

/** The most recent 14 August (seed 002: 秀洲区各镇人大统一召开年中镇人民代表大会会议 on 8月14日). */
function lastMidYearDay() {
  const today = chinaDate(clock.now());
  const year = Number(today.slice(0, 4));
  const thisYear = `${year}-08-14`;
  return thisYear < today ? thisYear : `${year - 1}-08-14`;
}

/**
 * 乡镇人大年中会议 (seed 002): 王江泾镇's mid-year people's congress session, held in August with its
 * 35 deputies in the registry (陈荣根 of 南汇村 a city deputy too, one person in two congresses), two on
 * leave and one absent, hearing the half-year reports and appraising the township's departments. The
 * session heard reports only; votes are left for the user to take on the vote component.
 */
export async function seedTownshipSession(tx: Tx, ctx: RequestContext) {
  const [town] = await tx.select().from(bodies).where(eq(bodies.regionCode, '330411101'));
  const [staff] = await tx.select().from(users).where(eq(users.username, 'xzstaff'));
  const [chen] = await tx
    .select()
    .from(deputies)
    .where(and(eq(deputies.name, '陈荣根'), eq(deputies.term, '第九届')));
  if (!town || !staff) return;
  const term = '第十一届';
  const rows = Array.from({ length: 34 }, (_, i) => {
    const [place, post] = places[i % places.length]!;
    const male = i % 3 !== 1;
    return {
      bodyId: town.id,
      term,
      name: `${surnames[(i * 5) % surnames.length]}${given[(i * 7) % given.length]}`,
      gender: male ? 'male' : 'female',
      ethnicity: '汉族',
      birthDate: `${1965 + ((i * 7) % 25)}-${String(1 + ((i * 5) % 12)).padStart(2, '0')}-${String(1 + ((i * 11) % 28)).padStart(2, '0')}`,
      party: i % 4 === 3 ? '群众' : '中共党员',
      occupation: place.endsWith('村') ? '农业' : place.endsWith('社区') ? '社区工作者' : '专业技术人员',
      employer: `秀洲区王江泾镇${place}`,
      post,
      constituency: `王江泾镇第${(i % 12) + 1}选区`,
      publicCode: newPublicCode(),
      createdAt: clock.now(),
    };
  });
  if (chen)
    rows.unshift({
      ...rows[0]!,
      name: chen.name,
      gender: chen.gender ?? 'male',
      birthDate: chen.birthDate ?? rows[0]!.birthDate,
      party: chen.party ?? '中共党员',
      occupation: chen.occupation ?? '农业',
      employer: '秀洲区王江泾镇南汇村',
      post: '村党委书记',
      constituency: '王江泾镇第1选区',
      publicCode: newPublicCode(),
    });
  const members = await tx
    .insert(deputies)
    .values(rows.map((r, i) => (i === 0 && chen ? { ...r, personKey: chen.personKey } : r)))
    .returning({ id: deputies.id, name: deputies.name });

  const held = lastMidYearDay();
  const at = (time: string) => new Date(`${held}T${time}:00+08:00`);
  const [session] = await tx
    .insert(meetings)
    .values({
      bodyId: town.id,
      kind: 'congress_session',
      midYear: true,
      number: 9,
      term,
      title: '王江泾镇第十一届人民代表大会第九次会议',
      startsOn: held,
      endsOn: held,
      place: '王江泾镇人民政府三楼大会议室',
      note: '年中镇人代会：听取半年度工作报告，开展部门（站所）评议。',
      state: 'closed',
      signInCode: newPublicCode(),
      materialsPublishedAt: at('08:00'),
      notifiedAt: at('08:00'),
      openedAt: at('08:45'),
      closedAt: at('11:30'),
      createdBy: staff.id,
      createdAt: at('08:00'),
    })
    .returning();
  const leave: Record<number, string> = { 5: '在外地参加培训', 17: '住院治疗' };
  await tx.insert(meetingAttendees).values(
    members.map((m, i) => ({
      meetingId: session!.id,
      role: 'member',
      deputyId: m.id,
      name: m.name,
      // Two on leave with a reason, one absent without a reply, the rest signed in (most by the hall's QR code).
      response: leave[i] ? 'leave' : i === 29 ? 'pending' : 'confirmed',
      leaveReason: leave[i] ?? null,
      signedInAt: leave[i] || i === 29 ? null : at('08:30'),
      signInWay: leave[i] || i === 29 ? null : i % 6 === 0 ? 'staff' : 'qr',
      createdAt: at('08:00'),
    })),
  );
  await tx.insert(meetingItems).values(
    [
      ['supervision_report', '听取和审议镇人民政府上半年工作报告', '镇长'],
      ['supervision_report', '听取和审议镇人民政府关于上半年财政预算执行情况的报告', '镇财政所所长'],
      ['supervision_report', '听取镇人民政府关于本年度代表票决民生实事项目实施情况的报告', '分管副镇长'],
      ['other', '部门（站所）评议：代表对镇综合执法队、农业农村办公室的工作进行评议', '大会主席团'],
    ].map(([kind, title, presenter], i) => ({ meetingId: session!.id, position: i + 1, kind: kind!, title: title!, presenter })),
  );
  await recordAudit(tx, ctx, {
    entity: 'meeting',
    entityId: session!.id,
    bodyId: town.id,
    action: 'create',
    after: { title: session!.title, members: members.length },
  });
}
