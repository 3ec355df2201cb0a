import type { Role } from '@renda/shared';

/** Who is acting: resolved from the session cookie for every request. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  bodyId: string;
  bodyName: string;
  /** Materialised ancestor path of the actor's body; the actor sees every body whose path starts with it. */
  bodyPath: string;
  handlingUnitId: string | null;
  handlingUnitName: string | null;
  /** Someone else chose the password (an initial login, an administrator's reset): only changing it is open. */
  passwordMustChange: boolean;
}

/** What a service needs to know about the request: the actor (null for public pages) and where it came from. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  ip: string | null;
}

export interface ActorContext extends RequestContext {
  actor: Actor;
}
