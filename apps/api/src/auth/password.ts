import { hash, verify } from '@node-rs/argon2'
import { z } from 'zod'

/**
 * argon2id with the library defaults (19 MiB, 2 passes, 1 lane: OWASP's recommended minimum),
 * which keeps a login around 20–30 ms on the target machines. `verify` reads the parameters from
 * the stored PHC string, so raising them later only affects new hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password)
  } catch {
    // A malformed stored hash must not turn into a 500 or a bypass.
    return false
  }
}

let dummyHash: Promise<string> | null = null
/**
 * Verifying against a throw-away hash when the username does not exist keeps the response time
 * the same, so timing does not reveal which usernames exist.
 */
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hash('redblue-dummy-password')
  await verifyPassword(await dummyHash, password)
}

/** At least 8 characters with letters and digits; the demo password RedBlue@2026 qualifies. */
export const passwordPolicy = z
  .string()
  .min(8, '密码至少 8 位')
  .max(128, '密码最多 128 位')
  .regex(/[A-Za-z]/, '密码需包含字母')
  .regex(/\d/, '密码需包含数字')
