import type { FindingInput, IndicatorDefinition, SchemeDefinition } from '@redblue/scoring'
import type { WorkbenchFindingFieldsFragment } from '@/generated/graphql'

/** An indicator as the workbench shows it: the engine's definition plus what the inspector reads. */
export interface WorkbenchIndicator extends IndicatorDefinition {
  evaluationStandard?: string
  scoringGuide?: string
  targetUnit?: string | null
  defaultDeduction?: string | null
  shared?: boolean
}

export interface WorkbenchScheme extends SchemeDefinition {
  indicators: readonly WorkbenchIndicator[]
}

export interface WorkbenchEvidence {
  id: number | string
  originalName: string
  url: string | null
}

/** A finding as listed under its indicator (from the API's finding, or one being typed). */
export type WorkbenchFinding = Pick<
  WorkbenchFindingFieldsFragment,
  'description' | 'checkMethod' | 'deduction' | 'reconciliationStatus' | 'isRepeat'
> & {
  id: number | string
  version?: number
  indicatorId: number | string
  problemCategoryId: number | string
  problemCategoryName: string
  /** The 现场反馈表 the finding was handed over on, if any. */
  feedbackFormId?: number | null
  evidence: readonly WorkbenchEvidence[]
}

/**
 * Which findings deduct in the inspector's live score: during inspection every recorded finding
 * counts provisionally; a withdrawn one never does.
 */
export function toFindingInputs(findings: readonly WorkbenchFinding[]): FindingInput[] {
  return findings.map((f) => ({
    id: f.id,
    indicatorId: f.indicatorId,
    deduction: f.deduction,
    counts: f.reconciliationStatus !== 'WITHDRAWN',
  }))
}
