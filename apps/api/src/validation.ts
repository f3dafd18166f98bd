import type { z } from 'zod'
import { ValidationError } from './errors'
import './zod-messages'

/**
 * Validates resolver input with zod AFTER authorization (unlike the validation plugin's arg
 * `validate`, which Pothos runs before scope-auth). Issues become a ValidationError whose problem
 * paths start with `pathPrefix`, e.g. ['input', 'maxPoints'].
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  pathPrefix: string[] = ['input'],
): z.output<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  throw new ValidationError(
    result.error.issues[0]?.message ?? '输入不合法',
    result.error.issues.map((issue) => ({
      path: [...pathPrefix, ...issue.path.map(String)],
      message: issue.message,
      code: issue.code,
    })),
  )
}
