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

/**
 * The first administrator's password (`redblue admin create`): no temporary password follows it,
 * so it must be strong on its own — 12 characters from at least three of lower case, upper case,
 * digits and symbols, and not the demo password every copy of this code knows.
 */
export function firstAdminPasswordPolicy(username: string, demoPassword: string) {
  return z
    .string()
    .min(12, '管理员密码至少 12 位')
    .max(128, '密码最多 128 位')
    .refine(
      (value) =>
        [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length >= 3,
      '密码需包含小写字母、大写字母、数字、符号中的至少三类',
    )
    .refine((value) => !value.toLowerCase().includes(username.toLowerCase()), '密码不能包含用户名')
    .refine((value) => value !== demoPassword, '不能使用演示密码')
}
