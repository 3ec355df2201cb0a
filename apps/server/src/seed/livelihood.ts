import { and, eq, like } from 'drizzle-orm';
import type { BallotChoices } from '@renda/shared';
import type { Tx } from '../db/client.js';
import { bodies, handlingUnits } from '../db/schema.js';
import { recordAudit } from '../platform/audit.js';
import { clock } from '../platform/clock.js';
import type { RequestContext } from '../platform/context.js';
import { chinaDate } from '../platform/deadlines.js';
import { deputies } from '../modules/deputies/tables.js';
import { newTrackingCode } from '../modules/opinions/index.js';
import { candidateVoteSpec } from '../modules/livelihood/ballots.js';
import { findPublicCycle } from '../modules/livelihood/repository.js';
import { membersOf, storeAnnouncedVote } from '../modules/votes/index.js';
import {
  livelihoodCycles,
  livelihoodGroupMembers,
  livelihoodInspections,
  livelihoodMilestones,
  livelihoodProjects,
  livelihoodProposals,
} from '../modules/livelihood/tables.js';

/** `votes`: of the source's 120 (秀洲区) or 58 (王江泾镇) ballots; the demo scales them to its own turnout. */
type Candidate = [name: string, location: string, budget: number, unitSuffix: string, target: string, category: string, votes: number];

/**
 * 民生实事票决 of the demo for the current year (seed 002 秀洲; seed 003 区镇全覆盖): 秀洲区 chose five of eight
 * candidates at its congress session and is carrying them out (groups, milestones, an inspection); 王江泾镇
 * has announced its result; 新塍镇 is still soliciting. The city's own cycle is left for the user to open.
 * Both voted cycles have their vote on the vote component, closed and announced, with the anonymous ballots
 * the public board publishes; the counts below are the source article's shares, scaled to the demo's
 * deputies (the ballots are made to give them; the cycle shows what the ballots tally).
 */
const xiuzhou: Candidate[] = [
  [
    '秀洲区城乡公交一体化提升工程',
    '秀洲区各镇（街道）',
    2680,
    '交通运输局',
    '新辟优化公交线路 8 条，新增新能源公交车 30 辆',
    'transport',
    118,
  ],
  ['中小学校“护眼灯”改造', '秀洲区中小学校', 860, '教育局', '完成 42 所中小学 1,200 间教室照明改造', 'education', 112],
  ['老旧小区改造提升', '新城街道、嘉北街道', 3450, '住房和城乡建设局', '完成 12 个老旧小区改造，惠及 5,600 户', 'housing', 106],
  ['居家养老服务中心提质', '秀洲区各镇（街道）', 620, '民政局', '新建 5 个镇级居家养老服务中心，开设老年食堂 10 家', 'elderly', 101],
  ['农村生活污水治理设施提标', '王江泾镇、油车港镇', 1980, '农业农村局', '完成 36 个行政村污水终端提标改造', 'water', 94],
  ['城区停车位增设', '秀洲新区', 540, '综合行政执法局', '新增公共停车泊位 1,500 个', 'transport', 71],
  ['全民健身中心建设', '秀洲区体育中心', 2300, '文化和广电旅游体育局', '建成全民健身中心并向公众开放', 'culture', 64],
  ['社区卫生服务站标准化建设', '洪合镇、新塍镇', 450, '卫生健康局', '完成 8 个社区卫生服务站标准化建设', 'health', 58],
];
const wangjiangjing: Candidate[] = [
  ['镇区雨污分流改造', '王江泾镇镇区', 680, '住房和城乡建设局', '完成镇区 4.2 公里雨污分流管网', 'water', 38],
  ['南汇村文化礼堂提升', '王江泾镇南汇村', 120, '教育局', '完成文化礼堂改造并常态化开放', 'culture', 35],
  ['闻川路人行道修复', '王江泾镇闻川路', 95, '交通运输局', '修复人行道 2.8 公里', 'transport', 31],
  ['镇卫生院发热门诊改造', '王江泾镇卫生院', 260, '卫生健康局', '完成发热门诊标准化改造', 'health', 22],
];

/**
 * Votes per candidate for `cast` ballots of at most `places` choices: the source's counts scaled, each
 * below the one before, and the lowest cut until the ballots can hold them all.
 */
function voteCounts(source: number[], cast: number, places: number) {
  const scale = cast / Math.max(...source, 1);
  const counts = source.map((v) => Math.min(cast, Math.round(v * scale)));
  const descending = () => {
    for (let k = 1; k < counts.length; k++) counts[k] = Math.max(0, Math.min(counts[k]!, counts[k - 1]! - 1));
  };
  descending();
  while (counts.reduce((a, b) => a + b, 0) > cast * places) {
    const over = counts.findIndex((c, k) => k >= places && c === Math.max(...counts.slice(places)) && c > 0);
    counts[over >= 0 ? over : counts.length - 1]! -= 1;
    descending();
  }
  return counts;
}

/** Ballots holding each key exactly its count of times, handed out in turn (so no ballot holds a key twice). */
function ballotsWith(counts: readonly (readonly [key: string, n: number])[], cast: number): BallotChoices[] {
  const ballots = Array.from({ length: cast }, (): BallotChoices => ({}));
  let next = 0;
  for (const [key, n] of counts) for (let i = 0; i < n; i++) ballots[next++ % cast]![key] = 'chosen';
  return ballots;
}

export async function seedLivelihood(tx: Tx, ctx: RequestContext) {
  const now = clock.now();
  const year = Number(chinaDate(now).slice(0, 4));
  const body = async (name: string) => (await tx.select().from(bodies).where(eq(bodies.name, name)))[0];
  const county = await body('秀洲区人大常委会');
  const wjj = await body('王江泾镇人民代表大会');
  const xc = await body('新塍镇人民代表大会');
  if (!county) return;
  // The departments that carry out 秀洲区's projects, beside the ones the demo city already has.
  const needed = [...new Set([...xiuzhou, ...wangjiangjing].map((c) => c[3]))];
  const existing = await tx.select().from(handlingUnits).where(like(handlingUnits.name, '秀洲区%'));
  for (const suffix of needed.filter((s) => !existing.some((u) => u.name.endsWith(s))))
    await tx.insert(handlingUnits).values({ bodyId: county.id, name: `秀洲区${suffix}`, kind: 'government_department', createdAt: now });
  const units = await tx.select().from(handlingUnits).where(like(handlingUnits.name, '秀洲区%'));
  const unitFor = (suffix: string) => units.find((u) => u.name.endsWith(suffix))!;
  const countyDeputies = await tx
    .select({ id: deputies.id })
    .from(deputies)
    .where(and(eq(deputies.bodyId, county.id), eq(deputies.status, 'in_office')));

  const cycle = async (bodyId: string, state: string, places: number, extra: Partial<typeof livelihoodCycles.$inferInsert> = {}) => {
    const [row] = await tx
      .insert(livelihoodCycles)
      .values({ bodyId, year, places, state, publicCode: newTrackingCode(), solicitUntil: `${year}-01-31`, createdAt: now, ...extra })
      .returning({ id: livelihoodCycles.id });
    await recordAudit(tx, ctx, { entity: 'livelihood_cycle', entityId: row!.id, bodyId, action: 'create', after: { year, places } });
    return row!.id;
  };
  /**
   * The candidates, then the congress's vote on them as the vote component stores it: the roll of the
   * body's deputies in office, one ballot each for those present, the result tallied from the ballots.
   * Who is chosen, the votes and ranks the cycle shows are read from that result, so they recount.
   */
  const projects = async (cycleId: string, bodyId: string, list: Candidate[], places: number, turnout: number, progressed: boolean) => {
    const ids = new Map<string, number>();
    for (const [i, [name, location, budget, suffix, target, category]] of list.entries()) {
      const [p] = await tx
        .insert(livelihoodProjects)
        .values({
          cycleId,
          bodyId,
          name,
          content: `${name}：${target}。`,
          location,
          budget,
          unitId: unitFor(suffix).id,
          target,
          dueOn: `${year}-12-31`,
          category,
          createdAt: now,
        })
        .returning({ id: livelihoodProjects.id });
      ids.set(p!.id, i);
    }
    const spec = await candidateVoteSpec(tx, (await findPublicCycle(tx, { id: cycleId }))!);
    const electorate = (await membersOf(tx, bodyId, spec.electorate)).length;
    const cast = Math.min(electorate - 1, Math.round(electorate * turnout));
    const counts = voteCounts(
      list.map((c) => c[6]),
      cast,
      places,
    );
    const ballots = ballotsWith(
      spec.items.map((item) => [item.key, counts[ids.get(item.key)!]!] as const),
      cast,
    );
    const { id: voteId, result } = await storeAnnouncedVote(tx, ctx, spec, ballots, now);
    await tx
      .update(livelihoodCycles)
      .set({ voteId, electorateSize: result.electorateSize, ballotsCast: result.ballotsCast })
      .where(eq(livelihoodCycles.id, cycleId));
    const chosen: string[] = [];
    for (const item of result.items) {
      const rank = item.chosen ? (item.rank ?? null) : null;
      await tx
        .update(livelihoodProjects)
        .set({
          state: item.chosen ? 'chosen' : 'not_chosen',
          votes: item.votes,
          rank,
          progress: rank && progressed ? ([85, 100, 70, 90, 60][rank - 1] ?? 50) : 0,
        })
        .where(eq(livelihoodProjects.id, item.key));
      if (item.chosen) chosen.push(item.key);
    }
    return chosen;
  };

  // 秀洲区: 8 candidates for 5 places, 120 of 128 deputies voting (seed 002: 2017年度 代表票决民生实事项目).
  const countyCycle = await cycle(county.id, 'implementing', 5, {
    midYearReport: '区政府关于本年度代表票决民生实事项目实施情况的报告：5 个项目均已开工，总体进度符合计划。',
    midYearReportedOn: `${year}-07-15`,
  });
  const chosen = await projects(countyCycle, county.id, xiuzhou, 5, 120 / 128, true);
  await tx.insert(livelihoodProposals).values([
    {
      cycleId: countyCycle,
      bodyId: county.id,
      source: 'citizen',
      title: '多开几条到镇上的公交',
      content: '村里到镇上的公交一小时一班，希望加密班次。',
      category: 'transport',
      proposerName: '沈大伯',
      trackingCode: newTrackingCode(),
      state: 'adopted',
      projectId: chosen[0],
      createdAt: now,
    },
    {
      cycleId: countyCycle,
      bodyId: county.id,
      source: 'deputy',
      title: '学校教室照明改造',
      content: '部分学校教室灯光偏暗，建议统一改造为护眼灯。',
      category: 'education',
      proposerName: '蒋美琴',
      state: 'adopted',
      projectId: chosen[1],
      createdAt: now,
    },
  ]);
  for (const [i, projectId] of chosen.entries()) {
    const group = countyDeputies.slice(i * 2, i * 2 + 2);
    if (group.length) await tx.insert(livelihoodGroupMembers).values(group.map((d, j) => ({ projectId, deputyId: d.id, leader: j === 0 })));
    await tx.insert(livelihoodMilestones).values([
      { projectId, title: '完成立项和招标', dueOn: `${year}-04-30`, doneOn: `${year}-04-20`, createdAt: now },
      { projectId, title: '主体工程完工', dueOn: `${year}-10-31`, doneOn: i < 2 ? `${year}-10-25` : null, createdAt: now },
    ]);
    await tx.insert(livelihoodInspections).values({
      projectId,
      quarter: 3,
      inspectedOn: `${year}-09-20`,
      progress: [85, 100, 70, 90, 60][i] ?? 50,
      findings: '代表监督小组实地察看施工现场，听取责任单位汇报。',
      problems: i === 2 ? '部分小区管线迁改滞后，影响工期。' : null,
      createdAt: now,
    });
  }

  // 区镇全覆盖: two of 秀洲区's townships run their own cycle.
  if (wjj) {
    const townCycle = await cycle(wjj.id, 'announced', 3);
    await projects(townCycle, wjj.id, wangjiangjing, 3, 58 / 62, false);
  }
  if (xc) await cycle(xc.id, 'soliciting', 3, { solicitUntil: `${year}-12-31` });
}
