import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { bodies, users } from '../db/schema.js';
import { recordAudit } from '../platform/audit.js';
import { clock } from '../platform/clock.js';
import type { RequestContext } from '../platform/context.js';
import { personKeyOf, withCheckCharacter } from '../modules/deputies/id-number.js';
import { newPublicCode } from '../modules/deputies/public-code.js';
import {
  deputies,
  deputyGroupMembers,
  deputyGroups,
  dutyParticipants,
  dutyRecords,
  gridCellDeputies,
  gridCells,
} from '../modules/deputies/tables.js';
import {
  receptionConcerns,
  receptionSessions,
  receptionSignins,
  stationRota,
  stationRotaDeputies,
  stations,
} from '../modules/stations/tables.js';

/** A well-formed (checksummed) but invented ID number, so demo people link across levels like real ones. */
function demoIdNumber(county: string, birth: string, seq: number, male: boolean): string {
  const s = String(seq * 2 + (male ? 1 : 0)).padStart(3, '0');
  return withCheckCharacter(`${county}${birth.replaceAll('-', '')}${s}`);
}

interface DemoDeputy {
  name: string;
  male: boolean;
  birth: string;
  party: string;
  occupation: string;
  employer: string;
  post: string;
  constituency: string;
  county: string;
}

// Invented people in real places of 嘉兴; any likeness to a real deputy is unintended.
const cityDeputies: DemoDeputy[] = [
  ['张秀英', false, '1971-04-12', '中共党员', '社区工作者', '南湖区南湖街道烟雨社区', '党委书记、居委会主任', '南湖区', '330402'],
  ['周建明', true, '1966-09-03', '中共党员', '企业管理', '嘉兴市交通投资集团有限责任公司', '董事长', '南湖区', '330402'],
  ['沈丽华', false, '1978-01-25', '民盟盟员', '医务工作者', '嘉兴市第一医院', '副院长', '南湖区', '330402'],
  ['徐国强', true, '1969-11-30', '中共党员', '农业', '凤桥镇三星村股份经济合作社', '村党委书记', '南湖区', '330402'],
  ['陆晓红', false, '1983-06-18', '群众', '教师', '嘉兴市实验小学', '校长', '南湖区', '330402'],
  ['朱伟东', true, '1975-03-08', '九三学社社员', '科研', '浙江清华长三角研究院', '研究员', '南湖区', '330402'],
  ['钱雪芬', false, '1968-12-02', '中共党员', '企业管理', '嘉兴市南湖区新丰镇竹林村', '村委会主任', '南湖区', '330402'],
  ['吴振华', true, '1972-07-21', '中共党员', '企业管理', '浙江禾欣实业集团股份有限公司', '总经理', '秀洲区', '330411'],
  ['蒋美琴', false, '1980-05-14', '中共党员', '社区工作者', '秀洲区新城街道中山社区', '党委书记', '秀洲区', '330411'],
  ['陈荣根', true, '1963-08-09', '中共党员', '农业', '王江泾镇南汇村', '村党委书记', '秀洲区', '330411'],
  ['王建新', true, '1977-02-27', '民建会员', '企业管理', '嘉兴市秀洲区光伏科技有限公司', '董事长', '秀洲区', '330411'],
  ['孙雅琴', false, '1985-10-05', '群众', '律师', '浙江嘉禾律师事务所', '合伙人', '秀洲区', '330411'],
  ['杨志刚', true, '1970-04-16', '中共党员', '公务员', '秀洲区油车港镇人民政府', '镇长', '秀洲区', '330411'],
  ['顾月芳', false, '1974-09-29', '中共党员', '农业', '新塍镇桃园村', '家庭农场主', '秀洲区', '330411'],
  ['姚卫东', true, '1967-01-11', '中共党员', '企业管理', '嘉善县西塘古镇旅游开发有限公司', '总经理', '嘉善县', '330421'],
  ['金丽萍', false, '1979-07-07', '中共党员', '社区工作者', '嘉善县魏塘街道西门社区', '党委书记', '嘉善县', '330421'],
  ['褚明华', true, '1973-12-19', '农工党党员', '医务工作者', '嘉善县第一人民医院', '主任医师', '嘉善县', '330421'],
  ['费红英', false, '1981-03-23', '群众', '企业职工', '嘉善县姚庄镇工业园区某电子企业', '车间主任', '嘉善县', '330421'],
  ['潘永林', true, '1965-05-30', '中共党员', '农业', '天凝镇洪溪村', '村党委书记', '嘉善县', '330421'],
  ['许文静', false, '1986-08-12', '中共党员', '教师', '嘉善县第二高级中学', '教师', '嘉善县', '330421'],
].map(([name, male, birth, party, occupation, employer, post, constituency, county]) => ({
  name: name as string,
  male: male as boolean,
  birth: birth as string,
  party: party as string,
  occupation: occupation as string,
  employer: employer as string,
  post: post as string,
  constituency: `${constituency as string}代表团`,
  county: county as string,
}));

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const givenMale = ['建国', '志强', '海峰', '国平', '伟民', '永康', '晓东', '金龙', '立新', '卫国', '文斌', '春雷', '家豪', '明辉'];
const givenFemale = ['秀兰', '丽娟', '美华', '晓燕', '玉珍', '春梅', '雪芳', '慧敏', '桂英', '静怡', '婷婷', '红霞', '佳琪', '月琴'];
const occupations: [string, string, string][] = [
  ['农业', '村股份经济合作社', '村党组织书记'],
  ['企业管理', '有限公司', '总经理'],
  ['社区工作者', '社区居委会', '居委会主任'],
  ['医务工作者', '卫生院', '院长'],
  ['教师', '中心小学', '校长'],
  ['个体工商户', '个体经营', '经营者'],
];

/** Twelve county-level deputies per county, spread over its townships. */
function countyDeputies(county: string, countyName: string, townships: { code: string; name: string }[], offset: number): DemoDeputy[] {
  return Array.from({ length: 12 }, (_, i) => {
    const male = i % 3 !== 1;
    const surname = surnames[(offset * 7 + i * 11) % surnames.length]!;
    const given = (male ? givenMale : givenFemale)[(offset + i * 5) % 14]!;
    const town = townships[i % townships.length]!;
    const [occupation, employerKind, post] = occupations[i % occupations.length]!;
    return {
      name: surname + given,
      male,
      birth: `${1962 + ((i * 3 + offset) % 28)}-${String(1 + ((i * 5) % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`,
      party: i % 4 === 3 ? '群众' : '中共党员',
      occupation,
      employer: `${countyName}${town.name}${employerKind}`,
      post,
      constituency: `${town.name}第${(i % 4) + 1}选区`,
      county,
    };
  });
}

const dayOffset = (days: number) => new Date(clock.now().getTime() - days * 86_400_000).toISOString().slice(0, 10);

/** Demo deputies, groups, grid cells, duty records, stations, a rota and a held reception for 嘉兴市. */
export async function seedDeputies(tx: Tx, ctx: RequestContext) {
  const now = clock.now();
  const [city] = await tx.select().from(bodies).where(eq(bodies.regionCode, '330400'));
  if (!city) return;
  const countyBodies = await tx
    .select()
    .from(bodies)
    .where(inArray(bodies.regionCode, ['330402', '330411', '330421']));
  const countyOf = (code: string) => countyBodies.find((b) => b.regionCode === code)!;
  const countyTerm: Record<string, string> = { '330402': '第十届', '330411': '第十届', '330421': '第十七届' };
  const countyName: Record<string, string> = { '330402': '南湖区', '330411': '秀洲区', '330421': '嘉善县' };
  const townships: Record<string, { code: string; name: string }[]> = {
    '330402': [
      { code: '330402010', name: '南湖街道' },
      { code: '330402100', name: '凤桥镇' },
      { code: '330402101', name: '余新镇' },
      { code: '330402103', name: '新丰镇' },
    ],
    '330411': [
      { code: '330411101', name: '王江泾镇' },
      { code: '330411103', name: '油车港镇' },
      { code: '330411104', name: '新塍镇' },
      { code: '330411105', name: '王店镇' },
    ],
    '330421': [
      { code: '330421103', name: '西塘镇' },
      { code: '330421111', name: '姚庄镇' },
      { code: '330421112', name: '天凝镇' },
      { code: '330421001', name: '魏塘街道' },
    ],
  };
  const [deputyUser] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'deputy'));

  const rows: (typeof deputies.$inferInsert)[] = [];
  const idOf = new Map<string, string>();
  cityDeputies.forEach((d, i) => {
    const id = demoIdNumber(d.county, d.birth, i + 1, d.male);
    idOf.set(d.name, id);
    rows.push({
      bodyId: city.id,
      term: '第九届',
      name: d.name,
      gender: d.male ? 'male' : 'female',
      ethnicity: '汉族',
      birthDate: d.birth,
      party: d.party,
      occupation: d.occupation,
      employer: d.employer,
      post: d.post,
      constituency: d.constituency,
      phone: `139${String(5730000 + i * 137).padStart(8, '0')}`,
      personKey: personKeyOf(id),
      publicCode: newPublicCode(),
      publicContact: i % 2 === 0 ? '每月第一个周三上午在所在联络站接待选民' : null,
      commitments: [
        {
          year: now.getFullYear(),
          text: `围绕${d.constituency.replace('代表团', '')}群众关心的民生问题，全年进站接待不少于 4 次，提出建议不少于 2 件。`,
        },
      ],
      userId: d.name === '张秀英' ? (deputyUser?.id ?? null) : null,
      createdAt: now,
    });
  });
  for (const [offset, county] of ['330402', '330411', '330421'].entries()) {
    const list = countyDeputies(county, countyName[county]!, townships[county]!, offset + 1);
    // 五级代表联动: two city deputies are county deputies too (same person, one row per body).
    const alsoCounty = cityDeputies.filter((d) => d.county === county).slice(0, 2);
    for (const [i, d] of [...list, ...alsoCounty].entries()) {
      const id = idOf.get(d.name) ?? demoIdNumber(county, d.birth, 100 + i, d.male);
      rows.push({
        bodyId: countyOf(county).id,
        term: countyTerm[county]!,
        name: d.name,
        gender: d.male ? 'male' : 'female',
        ethnicity: '汉族',
        birthDate: d.birth,
        party: d.party,
        occupation: d.occupation,
        employer: d.employer,
        post: d.post,
        constituency: d.constituency,
        phone: `158${String(5720000 + offset * 1000 + i * 53).padStart(8, '0')}`,
        personKey: personKeyOf(id),
        publicCode: newPublicCode(),
        createdAt: now,
      });
    }
  }
  const inserted = await tx
    .insert(deputies)
    .values(rows)
    .returning({ id: deputies.id, name: deputies.name, bodyId: deputies.bodyId, constituency: deputies.constituency });
  const cityRows = inserted.filter((d) => d.bodyId === city.id);

  // 常委会组成人员: a standing committee of a dozen for the city (the demo city has 26 deputies) and of
  // five for each county; committee votes and quorum count on this full membership.
  const seats = (n: number) => [
    'chair',
    'vice_chair',
    'vice_chair',
    'secretary_general',
    ...Array<string>(Math.max(0, n - 4)).fill('member'),
  ];
  const committees: [string, number][] = [[city.id, 12], ...countyBodies.map((b) => [b.id, 5] as [string, number])];
  for (const [bodyId, size] of committees) {
    const members = inserted.filter((d) => d.bodyId === bodyId).slice(0, size);
    for (const [i, role] of seats(members.length).entries())
      await tx.update(deputies).set({ committeeRole: role }).where(eq(deputies.id, members[i]!.id));
  }
  const byName = (name: string, bodyId = city.id) => inserted.find((d) => d.name === name && d.bodyId === bodyId)!;

  // 代表小组 by constituency and 专业小组 by field (seed 003: "双组"并行).
  const groupRows = [
    {
      name: '南湖区代表小组',
      kind: 'region',
      field: null,
      regionCode: '330402',
      members: cityRows.filter((d) => d.constituency?.startsWith('南湖区')),
    },
    {
      name: '秀洲区代表小组',
      kind: 'region',
      field: null,
      regionCode: '330411',
      members: cityRows.filter((d) => d.constituency?.startsWith('秀洲区')),
    },
    {
      name: '嘉善县代表小组',
      kind: 'region',
      field: null,
      regionCode: '330421',
      members: cityRows.filter((d) => d.constituency?.startsWith('嘉善县')),
    },
    {
      name: '财政经济专业小组',
      kind: 'specialist',
      field: 'economy',
      regionCode: null,
      members: ['周建明', '吴振华', '王建新', '姚卫东'].map((n) => byName(n)),
    },
    {
      name: '农业农村专业小组',
      kind: 'specialist',
      field: 'agriculture',
      regionCode: null,
      members: ['徐国强', '陈荣根', '顾月芳', '潘永林', '钱雪芬'].map((n) => byName(n)),
    },
    {
      name: '法治建设专业小组',
      kind: 'specialist',
      field: 'legal',
      regionCode: null,
      members: ['孙雅琴', '杨志刚', '金丽萍'].map((n) => byName(n)),
    },
  ];
  for (const g of groupRows) {
    const [created] = await tx
      .insert(deputyGroups)
      .values({
        bodyId: city.id,
        term: '第九届',
        kind: g.kind,
        name: g.name,
        field: g.field,
        regionCode: g.regionCode,
        leaderId: g.members[0]!.id,
        createdAt: now,
      })
      .returning({ id: deputyGroups.id });
    await tx.insert(deputyGroupMembers).values(g.members.map((m) => ({ groupId: created!.id, deputyId: m.id, groupKind: g.kind })));
  }

  // 网格: 秀洲区 deputies in the communities of 王江泾镇 (seed 001: 代表全部"入格").
  const xiuzhou = countyOf('330411');
  const xiuzhouRows = inserted.filter((d) => d.bodyId === xiuzhou.id);
  const cells = [
    { code: '330411101001', name: '闻川社区' },
    { code: '330411101002', name: '双桥社区' },
    { code: '330411101006', name: '南汇社区' },
  ];
  const cellIds: string[] = [];
  for (const [i, c] of cells.entries()) {
    const [cell] = await tx
      .insert(gridCells)
      .values({ bodyId: xiuzhou.id, regionCode: c.code, name: c.name, createdAt: now })
      .returning({ id: gridCells.id });
    cellIds.push(cell!.id);
    await tx.insert(gridCellDeputies).values(xiuzhouRows.slice(i * 3, i * 3 + 3).map((d) => ({ cellId: cell!.id, deputyId: d.id })));
  }

  // 履职登记: each city deputy's own records and two group activities recorded by staff.
  const [staff] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.username, 'staff')));
  const kinds = ['voter_reception', 'research', 'inspection', 'public_service', 'training', 'observing_meeting'] as const;
  const titles: Record<(typeof kinds)[number], string> = {
    voter_reception: '进社区接待选民，听取老旧小区加装电梯意见',
    research: '调研农村生活污水治理设施运维情况',
    inspection: '视察南湖区城市更新项目推进情况',
    public_service: '协调解决村道路灯损坏问题',
    training: '参加市人大代表履职能力培训班',
    observing_meeting: '列席市人大常委会第十二次会议',
  };
  async function addDuty(
    kind: (typeof kinds)[number] | 'group_activity',
    days: number,
    participants: string[],
    source: 'deputy' | 'staff',
    bodyId: string,
    extra: { voters?: number; gridCellId?: string; title?: string; place?: string } = {},
  ) {
    const occurredOn = dayOffset(days);
    const [rec] = await tx
      .insert(dutyRecords)
      .values({
        bodyId,
        kind,
        occurredOn,
        place: extra.place ?? '嘉兴市',
        title: extra.title ?? (kind === 'group_activity' ? '代表小组活动' : titles[kind]),
        description: null,
        votersReceived: extra.voters ?? 0,
        gridCellId: extra.gridCellId ?? null,
        source,
        recordedBy: source === 'staff' ? (staff?.id ?? null) : null,
        createdAt: now,
      })
      .returning({ id: dutyRecords.id });
    await tx
      .insert(dutyParticipants)
      .values(participants.map((deputyId) => ({ recordId: rec!.id, deputyId, occurredOn, kind, gridCell: !!extra.gridCellId })));
  }
  for (const [i, d] of cityRows.entries())
    for (let k = 0; k < 1 + (i % 4); k++) {
      const kind = kinds[(i + k) % kinds.length]!;
      await addDuty(
        kind,
        5 + ((i * 13 + k * 29) % 150),
        [d.id],
        'deputy',
        city.id,
        kind === 'voter_reception' ? { voters: 6 + ((i + k) % 9) } : {},
      );
    }
  await addDuty(
    'inspection',
    20,
    groupRows[3]!.members.map((m) => m.id),
    'staff',
    city.id,
    { title: '财政经济专业小组视察嘉兴港区重点项目建设', place: '嘉兴港区' },
  );
  await addDuty(
    'group_activity',
    35,
    groupRows[1]!.members.map((m) => m.id),
    'staff',
    city.id,
    { title: '秀洲区代表小组季度活动：剿灭劣V类水回头看', place: '秀洲区王江泾镇' },
  );
  await addDuty('public_service', 12, [xiuzhouRows[0]!.id], 'deputy', xiuzhou.id, {
    gridCellId: cellIds[0]!,
    title: '为闻川社区协调解决菜市场周边停车难',
    place: '闻川社区',
  });

  // 家站: stations in neighbourhoods, parks and farms (联络站+小区/园区/产业).
  const nanhu = countyOf('330402');
  const jiashan = countyOf('330421');
  const stationRows = [
    {
      bodyId: xiuzhou.id,
      kind: 'liaison_station',
      name: '王江泾镇人大代表联络站',
      regionCode: '330411101',
      address: '嘉兴市秀洲区王江泾镇闻川路28号便民服务中心三楼',
      latitude: 30.8571,
      longitude: 120.7062,
      placeKind: 'township',
      openingHours: '每周三 9:00—11:30',
      contactName: '朱晓峰',
      contactPhone: '0573-82761234',
    },
    {
      bodyId: nanhu.id,
      kind: 'liaison_room',
      name: '烟雨社区代表联络室',
      regionCode: '330402010',
      address: '嘉兴市南湖区烟雨路112号烟雨社区党群服务中心二楼',
      latitude: 30.7631,
      longitude: 120.7712,
      placeKind: 'community',
      openingHours: '每月第一、三周周四 14:00—16:30',
      contactName: '沈雯',
      contactPhone: '0573-82035678',
    },
    {
      bodyId: xiuzhou.id,
      kind: 'liaison_station',
      name: '秀洲高新区人大代表联络站',
      regionCode: '330411',
      address: '嘉兴市秀洲区康和路1288号光伏科创园1号楼一楼',
      latitude: 30.7853,
      longitude: 120.6848,
      placeKind: 'park',
      openingHours: '每周二 9:00—11:30',
      contactName: '马俊',
      contactPhone: '0573-83917788',
    },
    {
      bodyId: jiashan.id,
      kind: 'deputies_home',
      name: '西塘镇人大代表之家',
      regionCode: '330421103',
      address: '嘉兴市嘉善县西塘镇南苑东路68号',
      latitude: 30.9423,
      longitude: 120.8887,
      placeKind: 'township',
      openingHours: '每周五 9:00—11:30',
      contactName: '计红梅',
      contactPhone: '0573-84568899',
    },
    {
      bodyId: xiuzhou.id,
      kind: 'legislative_point',
      name: '新塍镇基层立法联系点',
      regionCode: '330411104',
      address: '嘉兴市秀洲区新塍镇新杨公路99号',
      latitude: 30.8252,
      longitude: 120.6281,
      placeKind: 'farm',
      openingHours: '征求意见期间每周一 14:00—16:30',
      contactName: '陆春燕',
      contactPhone: '0573-83511122',
    },
    {
      bodyId: city.id,
      kind: 'online_station',
      name: '嘉兴市人大网上代表联络站',
      regionCode: '330400',
      address: null,
      latitude: null,
      longitude: null,
      placeKind: 'other',
      openingHours: '全天候在线',
      contactName: '李晓燕',
      contactPhone: '0573-82521000',
    },
  ];
  const stationIds: string[] = [];
  for (const s of stationRows) {
    const [created] = await tx
      .insert(stations)
      .values({
        ...s,
        rules: '工作定时、进站定人、活动定题、办理定责；代表进站有签到、有记录，群众意见有登记、有处理、有反馈。',
        publicCode: newPublicCode(),
        createdAt: now,
      })
      .returning({ id: stations.id });
    stationIds.push(created!.id);
  }

  // 四定 rota for the coming weeks at 王江泾, and one reception already held there.
  const wjj = stationIds[0]!;
  for (let week = 0; week < 4; week++) {
    const day = new Date(now.getTime() + (week * 7 + 1) * 86_400_000).toISOString().slice(0, 10);
    const [r] = await tx
      .insert(stationRota)
      .values({
        stationId: wjj,
        day,
        startTime: '09:00',
        endTime: '11:30',
        topic: ['老旧小区改造', '农村生活污水治理', '养老服务', '交通安全'][week]!,
        responsibleName: '朱晓峰',
        responsiblePhone: '13957300001',
        createdAt: now,
      })
      .returning({ id: stationRota.id });
    await tx.insert(stationRotaDeputies).values(xiuzhouRows.slice(week * 2, week * 2 + 2).map((d) => ({ rotaId: r!.id, deputyId: d.id })));
  }
  const heldOn = dayOffset(7);
  const signed = [xiuzhouRows[8]!, byName('陈荣根')];
  const [rec] = await tx
    .insert(dutyRecords)
    .values({
      bodyId: xiuzhou.id,
      kind: 'voter_reception',
      occurredOn: heldOn,
      place: stationRows[0]!.address,
      title: '王江泾镇人大代表联络站接待选民：河道保洁',
      votersReceived: 9,
      source: 'station',
      recordedBy: staff?.id ?? null,
      createdAt: now,
    })
    .returning({ id: dutyRecords.id });
  await tx
    .insert(dutyParticipants)
    .values(signed.map((d) => ({ recordId: rec!.id, deputyId: d.id, occurredOn: heldOn, kind: 'voter_reception', gridCell: false })));
  const [session] = await tx
    .insert(receptionSessions)
    .values({
      stationId: wjj,
      heldOn,
      topic: '河道保洁',
      responsibleName: '朱晓峰',
      votersReceived: 9,
      state: 'closed',
      dutyRecordId: rec!.id,
      createdBy: staff?.id ?? null,
      createdAt: now,
      closedAt: now,
    })
    .returning({ id: receptionSessions.id });
  await tx.insert(receptionSignins).values(signed.map((d) => ({ sessionId: session!.id, deputyId: d.id, signedAt: now })));
  await tx.insert(receptionConcerns).values([
    {
      sessionId: session!.id,
      content: '南汇村东港河段水葫芦较多，希望增加打捞频次。',
      visitorName: '李阿姨',
      resolvedOnSite: false,
      createdAt: now,
    },
    { sessionId: session!.id, content: '闻川路公交站台缺少遮雨棚，雨天候车不便。', resolvedOnSite: false, createdAt: now },
    { sessionId: session!.id, content: '询问村级养老服务补贴申请流程，已当场解答。', resolvedOnSite: true, createdAt: now },
  ]);

  await recordAudit(tx, ctx, {
    entity: 'deputy',
    bodyId: city.id,
    action: 'seed',
    after: { deputies: inserted.length, groups: groupRows.length, gridCells: cells.length, stations: stationRows.length },
  });
}
