import type { z } from 'zod';

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
