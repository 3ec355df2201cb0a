import { count, eq, inArray } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { BodyLevel, HandlingUnitKind, Role } from '@renda/shared';
import { uuidv7 } from 'uuidv7';
import type { Db, Tx } from '../db/client.js';
import { bodies, handlingUnits, regions, users } from '../db/schema.js';
import { recordAudit } from '../platform/audit.js';
import { clock } from '../platform/clock.js';
import type { RequestContext } from '../platform/context.js';
import { hashPassword } from '../platform/passwords.js';
import { childPath } from '../platform/scope.js';
import { seedDeputies } from './deputies.js';
import { seedSuggestions } from './suggestions.js';
import { seedOpinions } from './opinions.js';
import { seedCampaigns } from './campaigns.js';
import { seedSupervision } from './supervision.js';
import { seedLegislation } from './legislation.js';
import { seedReportBacks } from './reportbacks.js';
import { seedContacts } from './contacts.js';
import { seedLivelihood } from './livelihood.js';
import { seedMeetings } from './meetings.js';
import { seedTownshipSession } from './township-session.js';
import { seedVillages } from './regions.js';

/** The demo city: 嘉兴市 with 南湖区, 秀洲区 (seed 002) and 嘉善县, and every township below them. */
export const DEMO_CITY = '330400';
export const DEMO_COUNTIES = ['330402', '330411', '330421'];
export const DEMO_PASSWORD = 'Renda2026demo';

export const demoAccounts: { username: string; displayName: string; role: Role; body: 'city' | 'xiuzhou'; unit?: string }[] = [
  { username: 'admin', displayName: '王磊', role: 'admin', body: 'city' },
  { username: 'staff', displayName: '李晓燕', role: 'staff', body: 'city' },
  { username: 'leader', displayName: '陈建国', role: 'leader', body: 'city' },
  { username: 'deputy', displayName: '张秀英', role: 'deputy', body: 'city' },
  { username: 'unit', displayName: '刘明', role: 'handling_unit', body: 'city', unit: '嘉兴市住房和城乡建设局' },
  { username: 'jtunit', displayName: '周海峰', role: 'handling_unit', body: 'city', unit: '嘉兴市交通运输局' },
  { username: 'xzstaff', displayName: '沈佳琪', role: 'staff', body: 'xiuzhou' },
];

/**
 * The city's handling units with the person who handles suggestions there (handling_units.contact_*).
 * Units without a demo account above get a login of their own, so every demo suggestion can be
 * signed for and answered by its own unit, as in a real year.
 */
const cityUnits: { name: string; kind: HandlingUnitKind; contact: [string, string]; username?: string }[] = [
  { name: '嘉兴市发展和改革委员会', kind: 'government_department', contact: ['钱志刚', '0573-82520317'], username: 'fgunit' },
  { name: '嘉兴市教育局', kind: 'government_department', contact: ['许丽娟', '0573-82091265'], username: 'jyunit' },
  { name: '嘉兴市公安局', kind: 'government_department', contact: ['顾晓东', '0573-82028110'], username: 'gaunit' },
  { name: '嘉兴市民政局', kind: 'government_department', contact: ['朱文华', '0573-82068730'], username: 'mzunit' },
  { name: '嘉兴市财政局', kind: 'government_department', contact: ['陆雪梅', '0573-82511463'], username: 'czunit' },
  { name: '嘉兴市人力资源和社会保障局', kind: 'government_department', contact: ['蒋立新', '0573-82515372'], username: 'rsunit' },
  { name: '嘉兴市自然资源和规划局', kind: 'government_department', contact: ['姚俊', '0573-82066281'], username: 'zrunit' },
  { name: '嘉兴市生态环境局', kind: 'government_department', contact: ['褚燕', '0573-82063597'], username: 'hbunit' },
  { name: '嘉兴市住房和城乡建设局', kind: 'government_department', contact: ['刘明', '0573-82721592'] },
  { name: '嘉兴市交通运输局', kind: 'government_department', contact: ['周海峰', '0573-82052216'] },
  { name: '嘉兴市水利局', kind: 'government_department', contact: ['沈伟强', '0573-82093426'], username: 'slunit' },
  { name: '嘉兴市农业农村局', kind: 'government_department', contact: ['徐建林', '0573-82062518'], username: 'nyunit' },
  { name: '嘉兴市卫生健康委员会', kind: 'government_department', contact: ['金晓红', '0573-82071335'], username: 'wjunit' },
  { name: '嘉兴市市场监督管理局', kind: 'government_department', contact: ['吴国平', '0573-82095117'], username: 'scunit' },
  { name: '嘉兴市综合行政执法局', kind: 'government_department', contact: ['范志明', '0573-82083312'], username: 'zfunit' },
  { name: '嘉兴市监察委员会', kind: 'supervisory_commission', contact: ['孙洁', '0573-82123026'] },
  { name: '嘉兴市中级人民法院', kind: 'court', contact: ['马骏', '0573-82807120'], username: 'fyunit' },
  { name: '嘉兴市人民检察院', kind: 'procuratorate', contact: ['戴玲', '0573-82218305'], username: 'jcunit' },
];
const countyUnitSuffixes: [string, HandlingUnitKind][] = [
  ['教育局', 'government_department'],
  ['住房和城乡建设局', 'government_department'],
  ['农业农村局', 'government_department'],
  ['卫生健康局', 'government_department'],
  ['人民法院', 'court'],
  ['人民检察院', 'procuratorate'],
];

function congressName(regionName: string, level: BodyLevel): string {
  if (level === 'subdistrict') return `${regionName}议政代表会`;
  if (level === 'township') return `${regionName}人民代表大会`;
  return `${regionName}人大常委会`;
}

async function insertBody(
  tx: Tx,
  ctx: RequestContext,
  parent: { id: string; path: string } | null,
  code: string,
  name: string,
  level: BodyLevel,
) {
  const id = uuidv7();
  const row = {
    id,
    parentId: parent?.id ?? null,
    regionCode: code,
    level,
    name: congressName(name, level),
    path: childPath(parent?.path ?? null, id),
    createdAt: clock.now(),
  };
  await tx.insert(bodies).values(row);
  await recordAudit(tx, ctx, { entity: 'body', entityId: id, bodyId: id, action: 'create', after: row });
  return row;
}

/** On an empty database: the demo city's congress bodies, handling units and one account per role. */
export async function seedDemo(db: Db, log: FastifyBaseLogger) {
  const [existing] = await db.select({ n: count() }).from(bodies);
  if ((existing?.n ?? 0) > 0) return;
  const villages = await seedVillages(db, DEMO_COUNTIES);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ctx: RequestContext = { actor: null, requestId: 'seed', ip: null };
  await db.transaction(async (tx) => {
    const city = await insertBody(tx, ctx, null, DEMO_CITY, '嘉兴市', 'city');
    const countyRegions = await tx.select().from(regions).where(inArray(regions.code, DEMO_COUNTIES)).orderBy(regions.code);
    const countyBodies = new Map<string, { id: string; path: string }>();
    for (const county of countyRegions) {
      const body = await insertBody(tx, ctx, city, county.code, county.name, 'county');
      countyBodies.set(county.code, body);
      const towns = await tx.select().from(regions).where(eq(regions.parentCode, county.code)).orderBy(regions.code);
      for (const town of towns)
        await insertBody(tx, ctx, body, town.code, town.name, town.name.endsWith('街道') ? 'subdistrict' : 'township');
      for (const [suffix, kind] of countyUnitSuffixes)
        await tx.insert(handlingUnits).values({ bodyId: body.id, name: `${county.name}${suffix}`, kind, createdAt: clock.now() });
    }
    const unitIds = new Map<string, string>();
    for (const { name, kind, contact } of cityUnits) {
      const [unit] = await tx
        .insert(handlingUnits)
        .values({ bodyId: city.id, name, kind, contactName: contact[0], contactPhone: contact[1], createdAt: clock.now() })
        .returning({ id: handlingUnits.id });
      unitIds.set(name, unit!.id);
    }
    const xiuzhou = countyBodies.get('330411')!;
    const unitAccounts = cityUnits.flatMap(({ name, contact, username }) =>
      username ? [{ username, displayName: contact[0], role: 'handling_unit' as const, body: 'city' as const, unit: name }] : [],
    );
    for (const account of [...demoAccounts, ...unitAccounts]) {
      const bodyId = account.body === 'city' ? city.id : xiuzhou.id;
      const [user] = await tx
        .insert(users)
        .values({
          username: account.username,
          displayName: account.displayName,
          role: account.role,
          bodyId,
          handlingUnitId: account.unit ? unitIds.get(account.unit)! : null,
          passwordHash,
          createdAt: clock.now(),
        })
        .returning({ id: users.id });
      await recordAudit(tx, ctx, {
        entity: 'user',
        entityId: user!.id,
        bodyId,
        action: 'create',
        after: { username: account.username, role: account.role },
      });
    }
    await seedDeputies(tx, ctx);
    await seedSuggestions(tx);
    await seedOpinions(tx, ctx, city.id);
    await seedCampaigns(tx, ctx);
    await seedReportBacks(tx, ctx);
    await seedContacts(tx, ctx);
    await seedMeetings(tx, ctx);
    await seedTownshipSession(tx, ctx);
    // After the township session: 王江泾镇's deputies are the electorate of its livelihood vote.
    await seedLivelihood(tx, ctx);
    await seedSupervision(tx);
    await seedLegislation(tx, ctx);
  });
  log.info(
    { villages, accounts: demoAccounts.map((a) => a.username), unitAccounts: cityUnits.flatMap((u) => u.username ?? []) },
    'created the demo city (嘉兴市) with demo accounts',
  );
}
