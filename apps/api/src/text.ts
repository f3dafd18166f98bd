import { ValidationError, type FieldProblem } from './errors'

/**
 * Text as it may be stored: codes and names are compared, sorted, printed on notices and typed
 * into Excel by people, so what looks the same must be the same.
 *
 * - Unicode NFC (a composed é and e + U+0301 are one name), trimmed.
 * - No control or format characters: zero-width spaces and joiners, bidi overrides (U+202E makes
 *   a name read backwards), soft hyphens, private-use and unassigned code points, line separators.
 * - No lone UTF-16 surrogates (the input guard refuses them in every string; checked here too so a
 *   caller of these schemas outside GraphQL gets the same answer).
 * - Codes from CODE_ALPHABET: ASCII letters and digits, `.`, `_`, `-`, starting with a letter or
 *   digit (every code of the demo and the import templates fits).
 * Two codes or names are look-alikes when their `lookalikeKey`s are equal (compatibility forms:
 * full-width Ｇ０１ is G01; case and inner spaces ignored); creating one beside the other is refused.
 */
export const CODE_ALPHABET = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
export const CODE_ALPHABET_TEXT = '字母、数字、点(.)、下划线(_)和横线(-)，以字母或数字开头'

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text)
}

/** The stored form of a code or name. */
export function cleanText(text: string): string {
  return hasLoneSurrogate(text) ? text : text.normalize('NFC').trim()
}

/** Why the (cleaned) text may not be stored as a name, or null. */
export function nameProblem(text: string): string | null {
  if (hasLoneSurrogate(text)) return '含有无效的字符编码'
  if (INVISIBLE.test(text)) return '不能包含不可见字符或控制字符'
  return null
}

export function codeProblem(text: string): string | null {
  return nameProblem(text) ?? (CODE_ALPHABET.test(text) ? null : `编码只能包含${CODE_ALPHABET_TEXT}`)
}

/** What two look-alike codes or names have in common. */
export function lookalikeKey(text: string): string {
  return cleanText(text).normalize('NFKC').toLowerCase().replace(/\s+/gu, '')
}

interface Named {
  id: number
  [field: string]: unknown
}

/**
 * Refuses a code or name that looks like another row's (same `lookalikeKey`), as a ValidationError
 * at `[...at, field]` (`at` is where the fields sit among the mutation's arguments, `['input']` by
 * default) — an exact duplicate included, so this is the one duplicate check.
 */
export function assertNoLookalike(
  rows: readonly Named[],
  input: Record<string, unknown>,
  fields: readonly string[],
  exceptId?: number,
  at: readonly string[] = ['input'],
): void {
  const problems: FieldProblem[] = []
  for (const field of fields) {
    const value = input[field]
    if (typeof value !== 'string' || !value) continue
    const key = lookalikeKey(value)
    const clash = rows.find(
      (r) => r.id !== exceptId && typeof r[field] === 'string' && lookalikeKey(r[field]) === key,
    )
    if (clash) {
      const message =
        clash[field] === value
          ? `${field === 'code' ? '编码' : '名称'}已存在`
          : `与已有的「${String(clash[field])}」看起来相同`
      problems.push({ path: [...at, field], message, code: 'duplicate' })
    }
  }
  const [first] = problems
  if (first) throw new ValidationError(first.message, problems)
}
