import { z } from 'zod';

/**
 * Every module's state-changing actions share one URL shape, POST /api/<resource>/<id>/actions/<action>,
 * with the action's input schema declared once here (beside the module's other schemas) and used by
 * the server (validation, OpenAPI) and the web app (forms, the call itself).
 */
export interface ActionSpec {
  input: z.ZodType;
  /** What the action does, for the API reference. */
  summary: string;
}

export interface ActionSet<A extends string> {
  /** The path segment after /api/ (suggestions, opinions, campaign-clues…). */
  resource: string;
  actions: Record<A, ActionSpec>;
}

export const defineActions = <A extends string>(resource: string, actions: Record<A, ActionSpec>): ActionSet<A> => ({
  resource,
  actions,
});

/** The URL to post an action to. */
export const actionUrl = <A extends string>(set: ActionSet<A>, id: string, action: A) =>
  `/api/${set.resource}/${encodeURIComponent(id)}/actions/${action}`;

/** Each action's input with the action named inside, as one union: what a form validates before posting to the action's URL. */
export function actionInputUnion<I extends Record<string, z.ZodObject>>(inputs: I) {
  type Tagged = { [A in keyof I & string]: z.ZodObject<I[A]['shape'] & { action: z.ZodLiteral<A> }> }[keyof I & string];
  const tagged = Object.entries(inputs).map(([action, input]) => input.extend({ action: z.literal(action) }));
  return z.discriminatedUnion('action', tagged as unknown as [Tagged, ...Tagged[]]);
}

/**
 * A bulk action: the single action applied to each of the selected items, each answering on its own
 * (done, or refused with the reason in Chinese), so one refused item undoes none of the others.
 * `noun` names the items in the message when none is selected (请选择意见).
 */
export const bulkIds = (noun: string) => z.array(z.uuid()).min(1, `请选择${noun}`).max(200, '一次最多 200 条');
export const bulkResult = z.object({
  done: z.array(z.uuid()),
  failed: z.array(z.object({ id: z.uuid(), code: z.string(), message: z.string() })),
});
export type BulkResult = z.infer<typeof bulkResult>;
