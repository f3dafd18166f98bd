import type { FieldRule } from '@/utils/fieldRules'

/** What the org dialog checks before saving, with the API's limits (schema/org.ts). */
export const ORG_RULES = {
  code: { required: true, max: 50 },
  name: { required: true, max: 100 },
  shortName: { max: 50 },
} as const satisfies Record<string, FieldRule>
