import type { AuditEntity, BulkResult, Role } from '@renda/shared';
import type { Db, Tx } from '../db/client.js';
import { recordAudit } from './audit.js';
import { clock } from './clock.js';
import type { ActorContext, RequestContext } from './context.js';
import { DomainError } from './errors.js';
import type { Notifier } from './notifications.js';

/**
 * The one workflow engine. Every module with states writes its state machine as a table of
 * transitions and moves through it with `applyAction`: check → effect → state change → audit →
 * notifications, in the caller's transaction. The same table answers which buttons a page shows
 * (`allowedActions`), what input an action needs (`needs`) and what the tests iterate.
 */

/** Who may take a step: a role, a citizen on a public page, or the system itself (a follow-up). */
export type ActingRole = Role | 'citizen' | 'system';

/** A field the action's input must fill, with its Chinese name for the refusal and the form. */
export type Need<I = Record<string, unknown>> = readonly [field: keyof I & string, label: string];

export interface Transition<S extends string, A extends string, P extends string = string, K extends string = string> {
  from: S;
  action: A;
  to: S;
  roles: readonly ActingRole[];
  /** The actor's part in this item the row requires (lead or joint unit, lead or co-signing deputy…). */
  party?: P;
  /** The kinds of item the row applies to (suggestion or motion…). */
  kinds?: readonly K[];
  /**
   * One action may end in several states depending on other rows (a reassignment decided while
   * other requests are still open). Each end is its own row, chosen by the outcome the effect names;
   * the table stays the only place that knows where an item can go.
   */
  outcome?: string;
  needs?: readonly Need[];
  /**
   * A fact about the item that must hold for the row to apply (the item is a key suggestion, an
   * extension request is pending): the module's `standing()` reports the facts, so the buttons a page
   * shows and the engine's refusal follow the same rule. Named in the spec's `conditions`.
   */
  when?: string;
}

/** What the actor is to this item. */
export interface Standing<P extends string = string, K extends string = string> {
  role: ActingRole;
  party?: P | null;
  kind?: K;
  /** What holds of the item, for rows with a `when` (a missing fact does not hold). */
  facts?: Readonly<Record<string, boolean>>;
}

export interface WorkflowSpec<S extends string, A extends string, P extends string, K extends string, T extends Transition<S, A, P, K>> {
  /** Prefix of the refusal codes: `${code}_ACTION_NOT_ALLOWED` (409), `${code}_ACTION_FORBIDDEN` (403). */
  code: string;
  stateLabel: Record<S, string>;
  actionLabel: Record<A, string>;
  /** How a party is named in a refusal (主办单位, 领衔代表). */
  partyLabel?: Partial<Record<P, string>>;
  /** The word for a state in refusals: 状态 by default, 阶段 for campaigns of several stages. */
  stateWord?: string;
  /**
   * A wrong state's refusal says “不能执行此操作” instead of naming the action, for modules whose pages
   * (the bulk results of the opinion inbox, say) have always shown it so.
   */
  unnamedAction?: boolean;
  /**
   * The facts rows may require (`when`), each with the Chinese reason given when it does not hold
   * (“此件不是重点建议”): the refusal is 409 `${code}_ACTION_NOT_AVAILABLE`.
   */
  conditions?: Readonly<Record<string, string>>;
  transitions: readonly T[];
}

export class Workflow<S extends string, A extends string, P extends string, K extends string, T extends Transition<S, A, P, K>> {
  constructor(readonly spec: WorkflowSpec<S, A, P, K, T>) {}

  get transitions(): readonly T[] {
    return this.spec.transitions;
  }

  private fits(t: T, s: Standing<P, K>): boolean {
    return this.fitsActor(t, s) && (!t.when || s.facts?.[t.when] === true);
  }

  /** The row fits the actor (role, kind, party), whatever the item's facts. */
  private fitsActor(t: T, s: Standing<P, K>): boolean {
    return (
      t.roles.includes(s.role) &&
      (!t.kinds || (s.kind !== undefined && t.kinds.includes(s.kind))) &&
      // The system acts for the office, so a row's party does not bind it.
      (!t.party || s.role === 'system' || t.party === s.party)
    );
  }

  /** The first row that lets the actor take the action in this state. */
  find(state: S, action: A, standing: Standing<P, K>): T | undefined {
    return this.spec.transitions.find((t) => t.from === state && t.action === action && this.fits(t, standing));
  }

  /** The row, or the reason in Chinese why the action is refused: 409 for a wrong state, 403 for a wrong party. */
  require(state: S, action: A, standing: Standing<P, K>): T {
    const step = this.find(state, action, standing);
    if (step) return step;
    const { code, stateLabel, actionLabel, partyLabel, stateWord = '状态', unnamedAction } = this.spec;
    const label = actionLabel[action];
    const details = { state, action };
    // A step only the system takes (a follow-up) is, to a person, one this state does not allow.
    const inState = this.spec.transitions.filter(
      (t) => t.from === state && t.action === action && (standing.role === 'system' || t.roles.some((r) => r !== 'system')),
    );
    // The actor could take it, but the item lacks what the row needs (not a key suggestion, nothing pending).
    const unmet = inState.find((t) => t.when && this.fitsActor(t, standing));
    if (unmet?.when)
      throw new DomainError(
        `${code}_ACTION_NOT_AVAILABLE`,
        `${this.spec.conditions?.[unmet.when] ?? '此件不满足条件'}，不能执行“${label}”`,
        { ...details, condition: unmet.when },
        409,
      );
    if (inState.length === 0)
      throw new DomainError(
        `${code}_ACTION_NOT_ALLOWED`,
        `当前${stateWord}（${stateLabel[state]}）不能执行${unnamedAction ? '此操作' : `“${label}”`}`,
        details,
        409,
      );
    if (inState.every((t) => t.kinds && (standing.kind === undefined || !t.kinds.includes(standing.kind))))
      throw new DomainError(`${code}_ACTION_NOT_ALLOWED`, `“${label}”不适用于此类件`, { ...details, kind: standing.kind }, 409);
    const party = standing.party ? partyLabel?.[standing.party] : undefined;
    if (party && inState.some((t) => t.roles.includes(standing.role)))
      throw new DomainError(
        `${code}_ACTION_FORBIDDEN`,
        `当前${stateWord}（${stateLabel[state]}）下，${party}不能执行“${label}”`,
        details,
        403,
      );
    throw new DomainError(`${code}_ACTION_FORBIDDEN`, `您不能对此件执行“${label}”`, details, 403);
  }

  /** The actions the actor may take now, in table order: the buttons a page shows. */
  allowedActions(state: S, standing: Standing<P, K> | null): A[] {
    if (!standing) return [];
    return [...new Set(this.spec.transitions.filter((t) => t.from === state && this.fits(t, standing)).map((t) => t.action))];
  }

  /** The Chinese names of the required fields the input leaves empty. */
  missingFields(step: T, input: Record<string, unknown>): string[] {
    return (step.needs ?? []).filter(([field]) => isEmpty(input[field])).map(([, label]) => label);
  }

  /** Refuses an input that leaves a required field empty, naming the fields for the form. */
  requireInput(step: T, input: Record<string, unknown>): void {
    const missing = (step.needs ?? []).filter(([field]) => isEmpty(input[field]));
    if (missing.length)
      throw new DomainError(`${this.spec.code}_FIELDS_MISSING`, `请填写${missing.map(([, l]) => l).join('、')}`, {
        missing: missing.map(([, l]) => l),
        fields: missing.map(([path, message]) => ({ path, message: `请填写${message}` })),
      });
  }

  /** Where the step leads, for the outcome its effect named (the row without an outcome by default). */
  target(step: T, outcome?: string): S {
    if (outcome === undefined || outcome === step.outcome) return step.to;
    const row = this.spec.transitions.find(
      (t) => t.from === step.from && t.action === step.action && t.party === step.party && t.outcome === outcome,
    );
    if (!row) throw new Error(`workflow ${this.spec.code}: no row for ${step.from} → ${step.action} with outcome ${outcome}`);
    return row.to;
  }
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && !v.length);

export function defineWorkflow<S extends string, A extends string, P extends string = never, K extends string = never>(
  spec: WorkflowSpec<S, A, P, K, Transition<S, A, P, K>>,
): Workflow<S, A, P, K, Transition<S, A, P, K>>;
export function defineWorkflow<S extends string, A extends string, P extends string, K extends string, T extends Transition<S, A, P, K>>(
  spec: WorkflowSpec<S, A, P, K, T>,
): Workflow<S, A, P, K, T>;
export function defineWorkflow<S extends string, A extends string, P extends string, K extends string, T extends Transition<S, A, P, K>>(
  spec: WorkflowSpec<S, A, P, K, T>,
) {
  return new Workflow(spec);
}

// ---- applying an action ----

/** A notification the step sends once it is written; an SMS goes through the outbox in the same transaction. */
export interface Notice {
  userIds: readonly (string | null | undefined)[];
  title: string;
  body: string;
  link?: string;
  sms?: { phones: readonly (string | null | undefined)[]; body: string; bodyId?: string | null };
}

/** The context an action runs in: a signed-in actor, or (for a citizen's step on a public page) a request without one. */
export interface StepArgs<Row, T, I, C extends RequestContext = ActorContext> {
  tx: Tx;
  notifier: Notifier;
  ctx: C;
  item: Row;
  input: I;
  now: Date;
  step: T;
}

export interface StepResult<Row, A extends string, I> {
  /** Columns to write beside the new state. */
  patch?: Partial<Row>;
  /** Chooses among the rows of this action by their `outcome`. */
  outcome?: string;
  /** What the audit entry records beside the state. */
  detail?: Record<string, unknown>;
  /** What the module's own timeline says of the step (a reason, where the item went). */
  note?: string | null;
  notices?: readonly Notice[];
  /** An action the system takes itself once this step is written (a dissatisfied rating reopens the item). */
  then?: { action: A; input: I };
  /**
   * Actions the system takes on other items of the same machine once this step (and its `then`) is
   * written, in the same transaction (the items merged into one follow its released reply).
   */
  alsoOn?: readonly { id: string; action: A; input: I }[];
}

export type Effect<Row, T, A extends string, I, C extends RequestContext = ActorContext> = (
  a: StepArgs<Row, T, I, C>,
) => Promise<StepResult<Row, A, I>>;

/** A module's workflow bound to its rows: how to load, judge, change and record one item. */
export interface Machine<
  Row,
  S extends string,
  A extends string,
  P extends string,
  K extends string,
  T extends Transition<S, A, P, K>,
  I,
  C extends RequestContext = ActorContext,
> {
  workflow: Workflow<S, A, P, K, T>;
  entity: AuditEntity;
  /** The item, locked for update and within the actor's scope; throws the module's 404. */
  load(tx: Tx, ctx: C, id: string): Promise<Row>;
  stateOf(item: Row): S;
  /**
   * The item's kind, for a machine whose rows are narrowed by `kinds`: the system's steps are judged
   * by the kind too (a re-review leads elsewhere for each kind of supervision item).
   */
  kindOf?(item: Row): K;
  bodyOf(item: Row): string | null;
  standing(tx: Tx, ctx: C, item: Row): Promise<Standing<P, K>>;
  /** Checks the input before the effect runs (beyond the table's `needs`). */
  check?(a: StepArgs<Row, T, I, C>): Promise<void> | void;
  /** What each action does besides moving the state; an action without one only moves it. */
  effects: Partial<Record<A, Effect<Row, T, A, I, C>>>;
  /** Writes the new state and the patch; returns the row as it is now. */
  save(tx: Tx, item: Row, to: S, patch: Partial<Row>, now: Date): Promise<Row>;
  /** Writes the step into the module's own timeline (the citizen's tracking page, the clue's history), after `save`. */
  recordStep?(tx: Tx, ctx: C, step: RecordedStep<Row, S, A, T>): Promise<void>;
  /** The page a notice links to. */
  link?(item: Row): string;
}

/** One step as written: what the module's timeline records. */
export interface RecordedStep<Row, S, A, T> {
  item: Row;
  after: Row;
  action: A;
  transition: T;
  from: S;
  to: S;
  now: Date;
  note: string | null;
  by: 'actor' | 'system';
}

export interface Applied<Row, S> {
  before: Row;
  after: Row;
  from: S;
  to: S;
}

/**
 * Check → effect → state change → audit → notifications, inside the caller's transaction, then the
 * follow-up the effect asked for, taken by the system under the same table (only rows whose roles
 * include 'system': no step runs under a role swapped for the occasion).
 */
export async function applyAction<
  Row,
  S extends string,
  A extends string,
  P extends string,
  K extends string,
  T extends Transition<S, A, P, K>,
  I,
  C extends RequestContext = ActorContext,
>(
  tx: Tx,
  notifier: Notifier,
  machine: Machine<Row, S, A, P, K, T, I, C>,
  ctx: C,
  id: string,
  action: A,
  input: I,
  by: 'actor' | 'system' = 'actor',
): Promise<Applied<Row, S>> {
  const item = await machine.load(tx, ctx, id);
  const from = machine.stateOf(item);
  const standing = by === 'system' ? { role: 'system' as const, kind: machine.kindOf?.(item) } : await machine.standing(tx, ctx, item);
  const step = machine.workflow.require(from, action, standing);
  machine.workflow.requireInput(step, (input ?? {}) as Record<string, unknown>);
  const now = clock.now();
  const args: StepArgs<Row, T, I, C> = { tx, notifier, ctx, item, input, now, step };
  await machine.check?.(args);
  const effect = machine.effects[action];
  const result: StepResult<Row, A, I> = effect ? await effect(args) : {};
  const to = machine.workflow.target(step, result.outcome);
  const after = await machine.save(tx, item, to, result.patch ?? {}, now);
  await machine.recordStep?.(tx, ctx, { item, after, action, transition: step, from, to, now, note: result.note ?? null, by });
  await recordAudit(tx, ctx, {
    entity: machine.entity,
    entityId: id,
    bodyId: machine.bodyOf(item),
    action,
    before: { state: from },
    after: { state: to, ...(by === 'system' ? { by: 'system' } : {}), ...(result.detail ?? {}) },
  });
  await sendNotices(tx, notifier, result.notices ?? [], machine.link?.(item));
  if (result.then) await applyAction(tx, notifier, machine, ctx, id, result.then.action, result.then.input, 'system');
  for (const other of result.alsoOn ?? []) await applyAction(tx, notifier, machine, ctx, other.id, other.action, other.input, 'system');
  return { before: item, after, from, to };
}

/** Sends each notice once per person, and its SMS once per phone. */
export async function sendNotices(tx: Tx, notifier: Notifier, notices: readonly Notice[], defaultLink?: string) {
  for (const n of notices) {
    const link = n.link ?? defaultLink;
    for (const userId of new Set(n.userIds.filter((u): u is string => !!u)))
      await notifier.notify(tx, { userId, title: n.title, body: n.body, link });
    if (n.sms)
      for (const phone of new Set(n.sms.phones.filter((p): p is string => !!p)))
        await notifier.enqueueMessage(tx, { channel: 'sms', recipient: phone, body: n.sms.body, bodyId: n.sms.bodyId ?? null });
  }
}

/**
 * A bulk action (批量受理, 批量审核…) is the single action applied to each item in its own transaction,
 * so the state machine, the messages, the audit event and the scope check are exactly those of one
 * item, and one refused item undoes none of the others. A refusal (DomainError) is reported for its
 * item with its Chinese message; an unexpected failure is reported for that item too (and handed to
 * `log`) rather than hiding what the others did. Repeated ids count once.
 */
export async function applyToEach(
  db: Db,
  ids: readonly string[],
  one: (tx: Tx, id: string) => Promise<unknown>,
  log: (err: unknown, id: string) => void,
): Promise<BulkResult> {
  const result: BulkResult = { done: [], failed: [] };
  for (const id of [...new Set(ids)]) {
    try {
      await db.transaction((tx) => one(tx, id));
      result.done.push(id);
    } catch (err) {
      if (err instanceof DomainError) result.failed.push({ id, code: err.code, message: err.message });
      else {
        log(err, id);
        result.failed.push({ id, code: 'INTERNAL_ERROR', message: '系统出错，未能处理，请稍后重试' });
      }
    }
  }
  return result;
}
