import type { FieldRule } from '@/utils/fieldRules'

/** What the problem category dialog checks before saving, with the API's limits (schema/problem-category.ts). */
export const PROBLEM_CATEGORY_RULES = {
  code: { required: true, max: 50 },
  name: { required: true, max: 100 },
  description: { max: 2000 },
} as const satisfies Record<string, FieldRule>
