/**
 * The checks the SPA can make before sending, in the reader's language: a field is required, or
 * holds at most `max` characters. The API checks the same and stays the authority; these only
 * spare a round trip whose answer would be in Chinese whatever language the reader chose.
 */
export interface FieldRule {
  required?: boolean
  /** The API's limit, in characters (code points, as people count them). */
  max?: number
}

export type FieldProblem = 'required' | 'tooLong'

export function fieldProblem(value: unknown, rule: FieldRule): FieldProblem | null {
  const text = typeof value === 'string' ? value.trim() : value
  if (text === null || text === undefined || text === '') return rule.required ? 'required' : null
  if (typeof text === 'string' && rule.max !== undefined && [...text].length > rule.max) return 'tooLong'
  return null
}

/** Every field's problem at once, so the first Save flags all of them, not only the first. */
export function fieldProblems<K extends string>(
  values: Record<K, unknown>,
  rules: Partial<Record<K, FieldRule>>,
): Partial<Record<K, FieldProblem>> {
  const problems: Partial<Record<K, FieldProblem>> = {}
  for (const key of Object.keys(rules) as K[]) {
    const problem = fieldProblem(values[key], rules[key] ?? {})
    if (problem) problems[key] = problem
  }
  return problems
}
