import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { bodies, users } from '../db/schema.js';
import { recordAudit } from '../platform/audit.js';
import { clock } from '../platform/clock.js';
import type { RequestContext } from '../platform/context.js';
import { chinaDate } from '../platform/deadlines.js';
import { newPublicCode } from '../modules/deputies/index.js';
import { parseArticles } from '../modules/legislation/articles.js';
import {
  legislationArticles,
  legislationComments,
  legislationContactPointMembers,
  legislationContactPoints,
  legislationDraftPoints,
  legislationDrafts,
  legislationVersions,
} from '../modules/legislation/tables.js';

/** The demo draft: a city regulation of 16 articles in five chapters, as a standing committee publishes it. */
export const DEMO_DRAFT_TITLE = '嘉兴市河道保护条例（草案）';
export const DEMO_DRAFT_TEXT = `嘉兴市河道保护条例（草案）

第一章\u3000总则
第一条\u3000为了加强河道保护，保障防洪排涝安全，改善水生态环境，根据《中华人民共和国水法》《中华人民共和国防洪法》等法律、行政法规，结合本市实际，制定本条例。
第二条\u3000本市行政区域内河道的规划、整治、保护和管理，适用本条例。
本条例所称河道，包括河流、湖泊、荡漾、人工水道以及行洪区、蓄洪区、滞洪区。
第三条\u3000河道保护应当坚持统筹规划、保护优先、综合治理、属地管理的原则。
第四条\u3000市、县（市、区）人民政府应当加强对河道保护工作的领导，将河道保护经费纳入本级财政预算。
镇人民政府、街道办事处负责本辖区内河道的日常保护工作，村（居）民委员会协助做好相关工作。
第五条\u3000本市全面推行河长制，建立市、县、镇、村四级河长体系。河长负责组织领导相应河道的管理和保护工作。
第二章\u3000规划与整治
第六条\u3000市水行政主管部门应当会同发展改革、自然资源和规划、生态环境等部门编制全市河道保护规划，报市人民政府批准后公布实施。
第七条\u3000河道整治应当兼顾防洪排涝、水生态修复和历史文化保护，保持河道的自然形态，不得随意裁弯取直、填堵河道。
第八条\u3000因城市建设确需填堵、改道河道的，建设单位应当先行开挖替代河道，并经水行政主管部门批准。
第三章\u3000保护与管理
第九条\u3000河道管理范围内禁止下列行为：
（一）弃置、倾倒垃圾、渣土、工业固体废物；
（二）建设妨碍行洪的建筑物、构筑物；
（三）在堤防和护堤地建房、开渠、打井、挖窖、葬坟；
（四）设置拦河渔具或者网箱养殖；
（五）其他危害河道安全的行为。
第十条\u3000镇人民政府、街道办事处应当组织做好河道保洁工作，落实保洁人员和保洁经费，做到河面无漂浮物、河岸无垃圾。
第十一条\u3000在河道管理范围内从事旅游、水上运动等活动的，不得影响防洪安全和水质，并遵守有关管理规定。
第十二条\u3000鼓励单位和个人通过认领河道、志愿巡河等方式参与河道保护。对在河道保护工作中作出显著成绩的，按照有关规定给予表彰和奖励。
第四章\u3000法律责任
第十三条\u3000违反本条例第九条第一项规定的，由综合行政执法部门责令改正，对个人可以处二百元以上二千元以下罚款，对单位可以处二千元以上二万元以下罚款。
第十四条\u3000违反本条例第八条规定，未先行开挖替代河道擅自填堵河道的，由水行政主管部门责令停止违法行为，限期恢复原状，处五万元以上二十万元以下罚款。
第五章\u3000附则
第十五条\u3000本条例所称河道管理范围，有堤防的河道为两岸堤防之间的水域、沙洲、滩地、行洪区和堤防及护堤地；无堤防的河道根据历史最高洪水位或者设计洪水位确定。
第十六条\u3000本条例自\u3000年\u3000月\u3000日起施行。`;

const EXPLANATION =
  '一、制定的必要性。我市河网密布，河道总长一万三千余公里，是典型的江南水乡。近年来河道保护工作取得明显成效，但仍存在填堵河道、保洁经费不足、管护责任不清等问题，需要以地方性法规予以规范。\n' +
  '二、起草过程。市水利局在调研基础上起草了草案，市人大常委会法工委会同有关部门多次修改，并通过基层立法联系点听取基层意见。\n' +
  '三、主要内容。草案共五章十六条，明确了河长制、河道规划与整治、保护与管理以及法律责任等内容。';

type Seeded = {
  article?: number;
  quote?: string;
  content: string;
  point?: number;
  participants?: number;
  state: 'approved' | 'pending' | 'rejected';
  phone?: string;
};
const demoComments: Seeded[] = [
  {
    article: 4,
    content: '建议明确河道保护经费中保洁经费的最低标准，乡镇财力有限，经费应由市、区两级财政分担。',
    state: 'approved',
    phone: '13905731234',
  },
  { article: 10, quote: '落实保洁人员和保洁经费', content: '保洁经费由镇街承担压力太大，建议市、区财政给予补助。', state: 'approved' },
  {
    article: 10,
    content: '河道保洁经费应当由市、区财政统一保障，避免乡镇经费不足导致保洁不到位。',
    point: 0,
    participants: 12,
    state: 'approved',
  },
  { article: 5, content: '建议在河长制中明确民间河长的地位，鼓励村民担任民间河长。', point: 1, participants: 8, state: 'approved' },
  { article: 9, quote: '设置拦河渔具或者网箱养殖', content: '建议对传统的小型渔具区别对待，保留村民正常的捕捞习惯。', state: 'pending' },
  { article: 13, content: '罚款下限二百元偏低，对屡次倾倒垃圾的应当加重处罚。', point: 2, participants: 5, state: 'approved' },
  { content: '条例整体很好，建议增加河道保护信息公开的规定，让群众能查到每条河的河长和保洁责任人。', state: 'approved' },
  { article: 12, content: '希望对认领河道的企业给予一定的税收优惠或者宣传表彰。', state: 'pending' },
  { content: '广告链接请点击……', state: 'rejected' },
];

/** Three grassroots legislative contact points of the city and the draft open for comment with comments. */
export async function seedLegislation(tx: Tx, ctx: RequestContext) {
  const [city] = await tx.select().from(bodies).where(eq(bodies.regionCode, '330400'));
  const [xzstaff] = await tx.select().from(users).where(eq(users.username, 'xzstaff'));
  if (!city) return;
  const now = clock.now();
  const day = (offset: number) => chinaDate(new Date(now.getTime() + offset * 86_400_000));
  const points = await tx
    .insert(legislationContactPoints)
    .values([
      {
        bodyId: city.id,
        name: '南湖区新嘉街道基层立法联系点',
        address: '南湖区新嘉街道办事处三楼',
        contactPerson: '吴丽萍',
        contactPhone: '0573-82011234',
      },
      {
        bodyId: city.id,
        name: '秀洲区王江泾镇基层立法联系点',
        address: '秀洲区王江泾镇人民政府一楼',
        contactPerson: '沈佳琪',
        contactPhone: '0573-83711234',
      },
      {
        bodyId: city.id,
        name: '嘉善县律师协会基层立法联系点',
        address: '嘉善县罗星街道谈公南路 88 号',
        contactPerson: '徐志强',
        contactPhone: '0573-84021234',
      },
    ])
    .returning({ id: legislationContactPoints.id });
  if (xzstaff) await tx.insert(legislationContactPointMembers).values({ contactPointId: points[1]!.id, userId: xzstaff.id });
  const [draft] = await tx
    .insert(legislationDrafts)
    .values({
      bodyId: city.id,
      title: DEMO_DRAFT_TITLE,
      drafter: '嘉兴市水利局',
      commentFrom: day(-10),
      commentTo: day(20),
      state: 'open',
      publicCode: newPublicCode(),
      createdAt: now,
      openedAt: now,
    })
    .returning({ id: legislationDrafts.id });
  await tx.insert(legislationDraftPoints).values(points.map((p) => ({ draftId: draft!.id, contactPointId: p.id })));
  const parsed = parseArticles(DEMO_DRAFT_TEXT);
  const [version] = await tx
    .insert(legislationVersions)
    .values({ draftId: draft!.id, number: 1, note: '征求意见稿', explanation: EXPLANATION, preamble: parsed.preamble, createdAt: now })
    .returning({ id: legislationVersions.id });
  const articles = await tx
    .insert(legislationArticles)
    .values(parsed.articles.map((a, position) => ({ ...a, versionId: version!.id, position })))
    .returning({ id: legislationArticles.id, number: legislationArticles.number });
  await tx.insert(legislationComments).values(
    demoComments.map((c, i) => ({
      draftId: draft!.id,
      versionId: version!.id,
      articleId: c.article ? articles.find((a) => a.number === c.article)!.id : null,
      quote: c.quote ?? null,
      content: c.content,
      source: c.point === undefined ? 'public' : 'contact_point',
      contactPointId: c.point === undefined ? null : points[c.point]!.id,
      participants: c.participants ?? 1,
      gatheredOn: day(-9 + i),
      phone: c.phone ?? null,
      notifyConsent: Boolean(c.phone),
      state: c.state,
      rejectReason: c.state === 'rejected' ? '与草案内容无关' : null,
      createdAt: now,
    })),
  );
  await recordAudit(tx, ctx, {
    entity: 'legislation_draft',
    entityId: draft!.id,
    bodyId: city.id,
    action: 'create',
    after: { title: DEMO_DRAFT_TITLE },
  });
}
