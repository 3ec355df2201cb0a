import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bodies, handlingUnits } from '../../db/schema.js';
import { buildTestApp } from '../../test/app.js';
import { deputies } from '../deputies/tables.js';
import { stations } from '../stations/tables.js';
import { opinions } from './tables.js';

/** Test data the other modules would normally register: a station and a deputy with QR codes. */
export async function makeStationAndDeputy(db: Db, bodyId: string, suffix = '') {
  const stationCode = randomBytes(9).toString('base64url');
  const deputyCode = randomBytes(9).toString('base64url');
  const [station] = await db
    .insert(stations)
    .values({ bodyId, kind: 'liaison_station', name: `王江泾镇代表联络站${suffix}`, publicCode: stationCode })
    .returning({ id: stations.id });
  const [deputy] = await db
    .insert(deputies)
    .values({ bodyId, term: '第十届', name: `沈国强${suffix}`, publicCode: deputyCode })
    .returning({ id: deputies.id });
  return { stationId: station!.id, stationCode, deputyId: deputy!.id, deputyCode };
}

/**
 * The app on a fresh database with the demo city, signed in as the accounts the opinion tests act as,
 * with a station and a deputy (QR codes) in the city and in 秀洲区, and the city's housing bureau.
 */
export async function opinionsTestApp() {
  const t = await buildTestApp();
  const [staff, xzstaff, leader, unit, admin] = await Promise.all(['staff', 'xzstaff', 'leader', 'unit', 'admin'].map((u) => t.login(u)));
  return {
    t,
    staff: staff!,
    xzstaff: xzstaff!,
    leader: leader!,
    unit: unit!,
    admin: admin!,
    cityQr: await makeStationAndDeputy(t.db, staff!.user.bodyId),
    xzQr: await makeStationAndDeputy(t.db, xzstaff!.user.bodyId, '（秀洲）'),
    housingUnitId: await unitIdByName(t.db, '嘉兴市住房和城乡建设局'),
  };
}
export type OpinionsTestApp = Awaited<ReturnType<typeof opinionsTestApp>>;

export async function bodyIdByName(db: Db, name: string) {
  const [row] = await db.select({ id: bodies.id }).from(bodies).where(eq(bodies.name, name));
  return row!.id;
}

export async function unitIdByName(db: Db, name: string) {
  const [row] = await db.select({ id: handlingUnits.id }).from(handlingUnits).where(eq(handlingUnits.name, name));
  return row!.id;
}

/** The stored opinion behind a tracking code as the citizen was shown it (with dashes). */
export async function opinionByCode(db: Db, code: string) {
  const [row] = await db
    .select()
    .from(opinions)
    .where(eq(opinions.trackingCode, code.replaceAll('-', '')));
  return row!;
}
