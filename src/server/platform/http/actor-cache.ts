import type { Actor } from './types.ts';

/**
 * How long a process believes a resolved API token or session cookie without asking the database
 * again. It bounds how late a revoked token, an ended session, a deactivated person or a changed
 * role stops working in a process that did not make the change: each process keeps its own
 * cache, so the bound holds across replicas because it is time, not a message between them.
 * Changes made through a process forget that organisation's entries there at once.
 */
export const ACTOR_CACHE_TTL_MS = 2_000;

/** Enough for every live credential of a large organisation; past it the oldest entries go. */
const MAX_ENTRIES = 10_000;

type Entry = { actor: Actor; from: number; until: number };
type Loaded = { actor: Actor; expiresAt?: Date | null } | null;

/** Resolved actors by credential (a digest of the token or session secret, never the secret), per process. */
export class ActorCache {
  readonly #entries = new Map<string, Entry>();
  /** Look-ups under way: the requests that arrive meanwhile wait for the same answer. */
  readonly #loading = new Map<string, Promise<Actor | null>>();
  /** Moves on every forget, so a look-up that started before a change does not store its answer. */
  #generation = 0;

  /**
   * The actor for a credential: from the cache when stored at most ACTOR_CACHE_TTL_MS ago and not
   * past the credential's own expiry, else from `load` (one look-up per credential at a time).
   * Refusals are not kept, so a credential made a moment ago works at once.
   */
  resolve(key: string, now: Date, load: () => Promise<Loaded>): Promise<Actor | null> {
    const hit = this.get(key, now);
    if (hit) return Promise.resolve(hit);
    let pending = this.#loading.get(key);
    if (!pending) {
      const generation = this.#generation;
      pending = load()
        .then((found) => {
          if (found && generation === this.#generation) this.#set(key, found.actor, now, found.expiresAt);
          return found?.actor ?? null;
        })
        .finally(() => {
          if (this.#loading.get(key) === pending) this.#loading.delete(key);
        });
      this.#loading.set(key, pending);
    }
    return pending;
  }

  get(key: string, now: Date): Actor | undefined {
    const e = this.#entries.get(key);
    if (!e) return undefined;
    const t = now.getTime();
    // A clock set back (tests) must not stretch an entry's life either.
    if (t >= e.from && t < e.until) return e.actor;
    this.#entries.delete(key);
    return undefined;
  }

  #set(key: string, actor: Actor, now: Date, expiresAt?: Date | null): void {
    const from = now.getTime();
    const until = Math.min(from + ACTOR_CACHE_TTL_MS, expiresAt?.getTime() ?? Infinity);
    if (this.#entries.size >= MAX_ENTRIES) {
      for (const k of this.#entries.keys()) {
        this.#entries.delete(k);
        if (this.#entries.size < MAX_ENTRIES / 2) break;
      }
    }
    // Shared by every request until it expires, so nobody may change it.
    const frozen = Object.freeze({ ...actor, roles: Object.freeze([...actor.roles]), scopes: Object.freeze([...actor.scopes]) });
    this.#entries.set(key, { actor: frozen as Actor, from, until });
  }

  /** After a change to an organisation's people, accounts, tokens or sessions. */
  forgetOrg(orgId: string): void {
    this.#generation++;
    // Look-ups under way may have read the old rows: later requests start their own.
    this.#loading.clear();
    for (const [k, e] of this.#entries) if (e.actor.orgId === orgId) this.#entries.delete(k);
  }
}

/** One cache per app context (a process serves one; tests build several, each its own "process"). */
const caches = new WeakMap<object, ActorCache>();

export function actorCache(ctx: object): ActorCache {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new ActorCache()));
  return cache;
}

/** Call after committing a change to who may sign in as whom, or with which roles. */
export function forgetActors(ctx: object, orgId: string): void {
  caches.get(ctx)?.forgetOrg(orgId);
}
