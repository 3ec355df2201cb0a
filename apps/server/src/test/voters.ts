import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { users } from '../db/schema.js';
import { hashPassword } from '../platform/passwords.js';
import { deputies } from '../modules/deputies/tables.js';

/**
 * Test and benchmark support: gives the first `n` deputies of a body without an account a login
 * (username `${prefix}${i}`), all with the same password, hashed once; `committee` picks only members of
 * the standing committee. Returns the usernames and deputy ids.
 */
export async function giveDeputiesAccounts(db: Executor, bodyId: string, n: number, password: string, prefix = 'voter', committee = false) {
  const hash = await hashPassword(password);
  const rows = await db
    .select({ id: deputies.id, name: deputies.name })
    .from(deputies)
    .where(
      and(
        eq(deputies.bodyId, bodyId),
        eq(deputies.status, 'in_office'),
        isNull(deputies.userId),
        committee ? isNotNull(deputies.committeeRole) : undefined,
      ),
    )
    .orderBy(asc(deputies.name), asc(deputies.id))
    .limit(n);
  const made: { username: string; deputyId: string; name: string }[] = [];
  for (const [i, d] of rows.entries()) {
    const username = `${prefix}${i + 1}`;
    const [user] = await db
      .insert(users)
      .values({ bodyId, username, displayName: d.name, role: 'deputy', passwordHash: hash })
      .returning({ id: users.id });
    await db.update(deputies).set({ userId: user!.id }).where(eq(deputies.id, d.id));
    made.push({ username, deputyId: d.id, name: d.name });
  }
  return made;
}
