import type { AssessmentInput, AssessmentScore, SchemeDefinition } from './types'

export interface PreparedScheme {
  readonly prepared: true
}

export function prepareScheme(_scheme: SchemeDefinition): PreparedScheme {
  throw new Error('not implemented')
}

export function scoreAssessment(
  _scheme: SchemeDefinition | PreparedScheme,
  _input: AssessmentInput,
): AssessmentScore {
  throw new Error('not implemented')
}
