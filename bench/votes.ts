/**
 * The vote component at the size of the National People's Congress: 3,000 deputies vote within ten
 * seconds over real HTTP (the app listening on a port; fetch with keep-alive from a separate load-generator
 * process, `votes-load.ts`), on PostgreSQL. Checks
 * that no ballot is lost or doubled (every success's code is in the published list exactly once, the
 * box holds as many ballots as the roll has voters), and times closing → tally → the published list
 * fetched and recomputed by the client → the server's own recount at announcement.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/votes.ts
 *   options (env): VOTERS=3000 CONCURRENCY=64 RETRIES=150 (ballots sent twice with the same key, as after a lost answer)
 */
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { BallotChoices, VoteResult } from '@renda/shared';
import { bodies, sessions, users } from '../apps/server/src/db/schema.js';
import { newSessionToken } from '../apps/server/src/platform/auth.js';
import { hashPassword } from '../apps/server/src/platform/passwords.js';
import { deputies } from '../apps/server/src/modules/deputies/tables.js';
import { newPublicCode } from '../apps/server/src/modules/deputies/index.js';
import { decideVote } from '../apps/server/src/modules/votes/index.js';
import type { LoadJob, LoadOutcome } from './votes-load.js';
import { logIn, machine, percentile as pct, startApp, withBenchDatabase } from './harness.js';

const VOTERS = Number(process.env.VOTERS ?? 3000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 64);
const RETRIES = Number(process.env.RETRIES ?? 150);

const items = Array.from({ length: 15 }, (_, i) => ({ key: `p${i + 1}`, label: `民生实事候选项目 ${i + 1}`, budget: 500 + i * 100 }));

await withBenchDatabase('votes', async (bench) => {
  const { db } = bench.database;
  const t0 = performance.now();
  const step = (what: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)} s] ${what}`);
  step('database seeded');
  const [city] = await db.select().from(bodies).where(eq(bodies.regionCode, '330400'));
  // Setup (not timed): 3,000 deputies with accounts and signed-in sessions.
  const hash = await hashPassword('Renda2026demo');
  const cookies: string[] = [];
  const deputyIds: string[] = [];
  for (let start = 0; start < VOTERS; start += 500) {
    const n = Math.min(500, VOTERS - start);
    const made = await db
      .insert(users)
      .values(
        Array.from({ length: n }, (_, i) => ({
          bodyId: city!.id,
          username: `npc${start + i}`,
          displayName: `代表${start + i}`,
          role: 'deputy',
          passwordHash: hash,
        })),
      )
      .returning({ id: users.id });
    const ds = await db
      .insert(deputies)
      .values(
        made.map((u, i) => ({ bodyId: city!.id, userId: u.id, term: '第十四届', name: `代表${start + i}`, publicCode: newPublicCode() })),
      )
      .returning({ id: deputies.id });
    deputyIds.push(...ds.map((d) => d.id));
    const tokens = made.map(() => newSessionToken());
    await db
      .insert(sessions)
      .values(made.map((u, i) => ({ tokenHash: tokens[i]!.tokenHash, userId: u.id, expiresAt: new Date(Date.now() + 86_400_000) })));
    cookies.push(...tokens.map((t) => t.token));
  }
  step(`${VOTERS} deputies with accounts and sessions`);
  const { app } = await startApp(bench);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const staff = await logIn(app, 'staff');
  const cookieHeader = (session: string) => `_csrf=${staff.cookies._csrf}; renda_session=${session}`;
  const call = (method: string, url: string, session: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${url}`, {
      method,
      headers: {
        cookie: cookieHeader(session),
        'x-csrf-token': staff.csrfToken,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });

  const created = await call('POST', '/api/votes', staff.cookies.renda_session, {
    bodyId: city!.id,
    title: '基准测试：民生实事项目票决（3000 名代表）',
    subject: { module: 'livelihood', id: 'bench' },
    electorate: { kind: 'list', deputyIds },
    ballotKind: 'approve',
    maxChoices: 10,
    secret: true,
    items,
    rule: { places: 10, source: '基准测试' },
  });
  const voteId = ((await created.json()) as { id: string }).id;
  await (await call('POST', `/api/votes/${voteId}/actions/open`, staff.cookies.renda_session)).arrayBuffer();
  step('vote created and opened; casting');

  // The load generator runs in its own process: on one event loop with the server it took a share of
  // the server's CPU time (its HTTP client alone was 1.4 s of a 30 s profile).
  const generator = fork(fileURLToPath(new URL('./votes-load.ts', import.meta.url)));
  const outcome = new Promise<LoadOutcome>((resolve, reject) => {
    generator.once('message', (m) => resolve(m as LoadOutcome));
    generator.once('exit', (code) => (code ? reject(new Error(`load generator exited with ${code}`)) : undefined));
  });
  const load1 = loadavg()[0]!;
  const job: LoadJob = {
    base,
    voteId,
    sessions: cookies,
    csrfCookie: staff.cookies._csrf!,
    csrfToken: staff.csrfToken,
    concurrency: CONCURRENCY,
    retries: RETRIES,
  };
  generator.send(job);
  const { codes, times, failures, repeatsSame, castSeconds } = await outcome;
  step('cast done; closing');
  times.sort((a, b) => a - b);

  const closeStart = performance.now();
  const closed = (await (await call('POST', `/api/votes/${voteId}/actions/close`, staff.cookies.renda_session)).json()) as {
    result: VoteResult;
  };
  const closeMs = performance.now() - closeStart;
  const list = (await (await fetch(`${base}/api/public/votes/${voteId}/ballots`)).json()) as {
    items: { code: string; choices: BallotChoices }[];
  };
  const recount = decideVote(
    'approve',
    items,
    { basis: 'all_members', threshold: 'more_than_half', places: 10, source: '基准测试' },
    list.items.map((b) => b.choices),
    VOTERS,
  );
  const clientMs = performance.now() - closeStart;
  const announced = await call('POST', `/api/votes/${voteId}/actions/announce`, staff.cookies.renda_session);
  await announced.arrayBuffer();
  const announceMs = performance.now() - closeStart;

  const published = new Map(list.items.map((b) => [b.code, 0]));
  for (const b of list.items) published.set(b.code, published.get(b.code)! + 1);
  const lost = codes.filter((c) => c && published.get(c) !== 1).length;
  const same =
    JSON.stringify(recount.items.map((i) => [i.key, i.votes, i.chosen])) ===
    JSON.stringify(closed.result.items.map((i) => [i.key, i.votes, i.chosen]));
  console.log(machine());
  console.log(`load average before casting: ${load1.toFixed(2)} (1 min); after: ${loadavg()[0]!.toFixed(2)}`);
  console.log(`voters ${VOTERS}, concurrency ${CONCURRENCY}, ${RETRIES} answers "lost" and sent again with the same key`);
  console.log(`casting: ${castSeconds.toFixed(2)} s for ${VOTERS} ballots (${(VOTERS / castSeconds).toFixed(0)} /s); failures ${failures}`);
  console.log(
    `cast latency p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, p99 ${pct(times, 99).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
  );
  console.log(`retries answered with the same code and not stored again: ${repeatsSame}/${Math.min(RETRIES, VOTERS)}`);
  console.log(
    `published ballots ${list.items.length}, distinct codes ${published.size}, ballots cast per the result ${closed.result.ballotsCast}; success codes missing or doubled in the list: ${lost}`,
  );
  console.log(
    `close (tally) ${closeMs.toFixed(0)} ms; + list fetched and recomputed by the client ${clientMs.toFixed(0)} ms (equal: ${same}); + server recount at announcement ${announceMs.toFixed(0)} ms (status ${announced.status})`,
  );
  await app.close();
});
