import type { ScoringMethod } from '@/generated/graphql'

export interface SharedIndicatorDraft {
  code: string
  name: string
  method: ScoringMethod
  evaluationStandard: string
  scoringGuide: string
}

export type SharedIndicatorProblem = 'required' | 'codeTaken'

/** A new definition needs a code unique in its year and area, and a name. */
export function sharedIndicatorProblems(
  draft: SharedIndicatorDraft,
  existing: readonly { code: string }[],
): Partial<Record<'code' | 'name', SharedIndicatorProblem>> {
  const problems: Partial<Record<'code' | 'name', SharedIndicatorProblem>> = {}
  const code = draft.code.trim()
  if (!code) problems.code = 'required'
  else if (existing.some((s) => s.code.toLowerCase() === code.toLowerCase())) problems.code = 'codeTaken'
  if (!draft.name.trim()) problems.name = 'required'
  return problems
}

/** Deletable only while no scheme links to it (the API refuses otherwise). */
export function canDelete(shared: { linkedIndicators: readonly unknown[] }): boolean {
  return shared.linkedIndicators.length === 0
}
