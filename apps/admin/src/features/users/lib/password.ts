// No look-alike characters (0/O, 1/l/I): the password is read aloud or copied by hand.
const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ'
const DIGITS = '23456789'

/** A temporary password meeting the API's policy (letters and digits, 12 characters). */
export function temporaryPassword(random: (n: number) => Uint32Array = (n) => crypto.getRandomValues(new Uint32Array(n))): string {
  const values = random(12)
  const chars = [...values].map((v, i) => {
    const pool = i % 4 === 3 ? DIGITS : LETTERS
    return pool.charAt(v % pool.length)
  })
  return chars.join('')
}
