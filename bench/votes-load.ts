/**
 * The load generator of bench/votes.ts, in a process of its own (forked with the parent's tsx loader)
 * so that 3,000 clients' HTTP work does not run on the server's event loop. It receives the address,
 * the vote and the deputies' sessions over IPC, casts every ballot (64 in flight), sends part of them
 * again with the same idempotency key as after a lost answer, and answers with codes and latencies.
 * It uses node:http with a keep-alive agent rather than fetch: fetch (undici with WHATWG streams) cost
 * the generator about as much CPU per request as the server spent answering it, on the same two cores.
 */
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { BallotChoices } from '@renda/shared';

export interface LoadJob {
  base: string;
  voteId: string;
  sessions: string[];
  csrfCookie: string;
  csrfToken: string;
  concurrency: number;
  retries: number;
}

export interface LoadOutcome {
  codes: (string | null)[];
  times: number[];
  failures: number;
  repeatsSame: number;
  castSeconds: number;
}

/** Each deputy chooses 10 of 15 candidates, skewed so the result has a clear order. */
const choicesOf = (i: number): BallotChoices => {
  const start = (i * 7) % 8;
  return Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`p${((start + k) % 15) + 1}`, 'chosen']));
};

async function pool(n: number, concurrency: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

interface Answer {
  status: number;
  body: string;
}

function post(agent: Agent, url: URL, headers: Record<string, string>, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function run(job: LoadJob): Promise<LoadOutcome> {
  const n = job.sessions.length;
  const codes: (string | null)[] = new Array<string | null>(n).fill(null);
  const times: number[] = [];
  let failures = 0;
  let repeatsSame = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const url = new URL(`${job.base}/api/votes/${job.voteId}/ballots`);
  const started = performance.now();
  await pool(n, job.concurrency, async (i) => {
    const headers = {
      cookie: `_csrf=${job.csrfCookie}; renda_session=${job.sessions[i]}`,
      'x-csrf-token': job.csrfToken,
      'content-type': 'application/json',
      'idempotency-key': randomBytes(18).toString('base64url'),
    };
    const body = JSON.stringify({ choices: choicesOf(i) });
    const t0 = performance.now();
    const answer = await post(agent, url, headers, body);
    times.push(performance.now() - t0);
    if (answer.status !== 200) {
      failures++;
      return;
    }
    const receipt = JSON.parse(answer.body) as { ballotCode: string };
    codes[i] = receipt.ballotCode;
    if (i < job.retries) {
      // The answer "was lost": the page sends the same ballot again with the same key.
      const again = JSON.parse((await post(agent, url, headers, body)).body) as { ballotCode: string; repeated: boolean };
      if (again.repeated && again.ballotCode === receipt.ballotCode) repeatsSame++;
    }
  });
  const castSeconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { codes, times, failures, repeatsSame, castSeconds };
}

// Forked by bench/votes.ts: one job in, one outcome out.
if (process.send) {
  process.once('message', (job: LoadJob) => {
    void run(job).then((outcome) => process.send!(outcome, () => process.exit(0)));
  });
}
