import { createHmac, hash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/** Opaque bearer secrets (session ids, API tokens, email links): random, shown once, stored as HMAC. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string, key: string): string {
  return createHmac('sha256', key).update(secret).digest('hex');
}

/**
 * What names a secret in the process's memory (the actor cache): a digest, never the secret, and
 * a plain one, several times cheaper than the HMAC the database keeps, which a cache hit skips.
 */
export const memoryKeyOf = (secret: string): string => hash('sha256', secret, 'base64');

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    // Spend the same time as a real check so timing does not reveal unknown accounts.
    await argon2.hash(password, { type: argon2.argon2id }).catch(() => undefined);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
