import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect } from 'vitest';
import { bodies, deputies, handlingUnits, sessions, users } from '../../db/schema.js';
import { clock } from '../../platform/clock.js';
import { DEMO_PASSWORD } from '../../seed/demo.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { newPublicCode } from '../deputies/index.js';

type Session = Awaited<ReturnType<TestApp['login']>>;

/**
 * A session that survives the test clock jumping months ahead: before each request its expiry is
 * moved past the test clock (logging in again each time would hit the login rate limit).
 */
async function clockProofSession(t: TestApp, username: string): Promise<Session> {
  const inner = await t.login(username);
  return {
    ...inner,
    request: async (...args: Parameters<Session['request']>) => {
      await t.db
        .update(sessions)
        .set({ expiresAt: new Date(clock.now().getTime() + 12 * 3600_000) })
        .where(eq(sessions.userId, inner.user.id));
      return inner.request(...args);
    },
  };
}

/** Text of a .docx as Word would show it (the paragraphs of word/document.xml). */
export async function docxText(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .trim();
}

/**
 * The cast of a suggestion's life in the demo city: the demo deputy plus a co-signing deputy,
 * the demo unit (住建局, lead) and two more unit accounts (教育局, 民政局) for joint handling.
 */
export async function cast(t: TestApp) {
  const admin = await t.login('admin');
  const [city] = await t.db.select().from(bodies).where(eq(bodies.name, '嘉兴市人大常委会'));
  const unitId = async (name: string) => (await t.db.select().from(handlingUnits).where(eq(handlingUnits.name, name)))[0]!.id;
  const units = {
    housing: await unitId('嘉兴市住房和城乡建设局'),
    education: await unitId('嘉兴市教育局'),
    civil: await unitId('嘉兴市民政局'),
  };
  const create = async (username: string, displayName: string, role: string, handlingUnitId: string | null = null) => {
    const res = await admin.request('POST', '/api/admin/users', {
      username,
      displayName,
      role,
      bodyId: city!.id,
      handlingUnitId,
      password: 'Setup2026init',
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    // An account an administrator creates must change its password first: it takes the demo one as its own.
    await t.firstLogin(username, 'Setup2026init', DEMO_PASSWORD);
  };
  await create('deputy2', '王建华', 'deputy');
  await create('unit2', '周敏', 'handling_unit', units.education);
  await create('unit3', '吴涛', 'handling_unit', units.civil);
  const userId = async (username: string) => (await t.db.select().from(users).where(eq(users.username, username)))[0]!.id;
  const addDeputy = async (name: string, username: string | null) => {
    // The demo seed may already have linked the account to a deputy of the city congress.
    const existing = username
      ? (
          await t.db
            .select()
            .from(deputies)
            .where(eq(deputies.userId, await userId(username)))
        ).find((d) => d.bodyId === city!.id)
      : undefined;
    if (existing) return existing.id;
    const [row] = await t.db
      .insert(deputies)
      .values({
        bodyId: city!.id,
        userId: username ? await userId(username) : null,
        term: '第九届',
        name,
        publicCode: newPublicCode(),
      })
      .returning();
    return row!.id;
  };
  const deputyIds = {
    lead: await addDeputy('张秀英', 'deputy'),
    cosigner: await addDeputy('王建华', 'deputy2'),
    other: await addDeputy('沈国强', null),
  };
  const as: Record<string, Session> = {};
  for (const name of ['staff', 'leader', 'deputy', 'deputy2', 'unit', 'unit2', 'unit3', 'xzstaff', 'admin'])
    as[name] = await clockProofSession(t, name);
  return { city: city!, units, deputyIds, as };
}

export type Cast = Awaited<ReturnType<typeof cast>>;

/**
 * The setup every suggestions test file shares: the clock frozen at `at` (China time), a fresh app, the
 * cast, and a session of the city congress named `session` (the demo data hold the third session; each
 * file runs its own). `ready` receives them once made; afterwards the clock is reset and the app closed.
 */
export function useSuggestionsTestApp(
  { at, session }: { at: string; session: string },
  ready: (setup: { t: TestApp; c: Cast; sessionId: string }) => void,
) {
  let t: TestApp | undefined;
  beforeAll(async () => {
    clock.set(new Date(`${at}+08:00`));
    t = await buildTestApp();
    const c = await cast(t);
    const res = await c.as.staff!.request('POST', '/api/suggestion-sessions', {
      bodyId: c.city.id,
      name: session,
      year: Number(at.slice(0, 4)),
      startsOn: '2026-02-25',
      endsOn: '2026-02-28',
    });
    expect(res.statusCode, res.body).toBe(201);
    ready({ t, c, sessionId: res.json().id as string });
  });
  afterAll(async () => {
    clock.reset();
    await t?.close();
  });
}

/** Runs a workflow action on a suggestion as one of the cast and expects it to succeed; returns the item. */
export async function expectAction(c: Cast, who: string, id: string, action: string, body: object = {}) {
  const res = await c.as[who]!.request('POST', `/api/suggestions/${id}/actions/${action}`, body);
  expect(res.statusCode, `${who} ${action}: ${res.body}`).toBe(200);
  return res.json();
}

/** A suggestion of the demo deputy made in a session, submitted and accepted: ready for staff to assign. */
export async function acceptedSuggestion(c: Cast, item: { sessionId: string; title: string; content: string; field: string }) {
  const res = await c.as.deputy!.request('POST', '/api/suggestions', { kind: 'suggestion', period: 'session', cosignerIds: [], ...item });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await expectAction(c, 'deputy', id, 'submit');
  await expectAction(c, 'staff', id, 'accept');
  return id;
}

/** A unit's reply (答复函) with its category and text, signed by the demo unit's head and contact. */
export const replyLetter = (category: string, content: string) => ({
  category,
  content,
  signer: '沈建明',
  contactPerson: '刘明',
  contactPhone: '0573-82721592',
});
