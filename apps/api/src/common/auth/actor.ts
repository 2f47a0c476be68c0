import type { Role } from '@qonys/domain';

/** The authenticated staff member making a request. */
export interface Actor {
  readonly id: number;
  readonly username: string;
  readonly role: Role;
  readonly regionId: number | null;
  /** The service provider a `provider_staff` user works at; null for every other role. */
  readonly providerId: number | null;
  readonly sessionId: string;
}

/** Who asks, and from where: what every service needs for its audit entries. */
export interface RequestContext {
  readonly actor: Actor | null;
  readonly requestId: string;
  readonly ip: string | null;
}

/** A RequestContext whose actor is known (every route behind the auth guard). */
export interface AuthedContext extends RequestContext {
  readonly actor: Actor;
}
