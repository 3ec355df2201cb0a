import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bodies, handlingUnits } from '../../db/schema.js';
import { buildTestApp } from '../../test/app.js';
import { deputies } from '../deputies/tables.js';
import { stations } from '../stations/tables.js';

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

/** A real 1×1 PNG, so the type check by content accepts it. */
export function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const idat = deflateSync(Buffer.from([0, 255, 0, 0]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
