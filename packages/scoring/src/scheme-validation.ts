import type { SchemeDefinition, SchemeProblem } from './types'

export function validateScheme(_scheme: SchemeDefinition): SchemeProblem[] {
  throw new Error('not implemented')
}
