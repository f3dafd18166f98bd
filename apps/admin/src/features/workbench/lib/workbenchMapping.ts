import type {
  AssessmentInputsFieldsFragment,
  IndicatorInputValue,
  WorkbenchFindingFieldsFragment,
  WorkbenchSchemeQuery,
} from '@/generated/graphql'
import type { SavedAssessment } from '../composables/useAssessmentEditor'
import type { InputsById } from './inputs'
import type { WorkbenchFinding, WorkbenchScheme } from '../types'

type ApiScheme = NonNullable<WorkbenchSchemeQuery['scheme']>

/** The scheme the assessment was pinned to, in the engine's shape plus what the inspector reads. */
export function workbenchScheme(scheme: ApiScheme): WorkbenchScheme {
  return {
    bonusCap: scheme.bonusCap,
    dimensions: [...scheme.dimensions]
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((d) => ({ id: d.id, code: d.code, name: d.name, maxPoints: d.maxPoints })),
    indicators: [...scheme.indicators]
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((i) => ({
        id: i.id,
        code: i.code,
        name: i.name,
        dimensionId: i.dimensionId,
        method: i.method,
        maxPoints: i.maxPoints,
        unitTypeRestriction: i.unitTypeRestriction,
        ratingLevels: i.ratingLevels,
        target: i.target,
        targetUnit: i.targetUnit,
        defaultDeduction: i.defaultDeduction,
        evaluationStandard: i.evaluationStandard,
        scoringGuide: i.scoringGuide,
        shared: i.sharedIndicatorId !== null,
      })),
  }
}

export function savedAssessment(assessment: AssessmentInputsFieldsFragment): SavedAssessment {
  const inputs: InputsById = {}
  for (const input of assessment.inputs) {
    inputs[String(input.indicatorId)] = {
      ratingLevel: input.ratingLevel,
      quantityValue: input.quantityValue ?? '',
      bonusPoints: input.bonusPoints ?? '',
      note: input.note ?? '',
    }
  }
  return { version: assessment.version, inputs, updatedBy: assessment.updatedBy?.displayName ?? null }
}

export function workbenchFinding(finding: WorkbenchFindingFieldsFragment): WorkbenchFinding {
  return {
    id: finding.id,
    version: finding.version,
    indicatorId: finding.indicatorId,
    problemCategoryId: finding.problemCategoryId,
    problemCategoryName: finding.problemCategory.name,
    feedbackFormId: finding.feedbackFormId ?? null,
    description: finding.description,
    checkMethod: finding.checkMethod,
    deduction: finding.deduction,
    reconciliationStatus: finding.reconciliationStatus,
    isRepeat: finding.isRepeat,
    evidence: finding.evidence.map((e) => ({ id: e.id, originalName: e.originalName, url: e.url })),
  }
}

/** Changed drafts as the API's inputs; blanks are cleared values. */
export function inputValues(changed: InputsById): IndicatorInputValue[] {
  const blank = (text: string) => (text.trim() === '' ? null : text.trim())
  return Object.entries(changed).map(([id, input]) => ({
    indicatorId: Number(id),
    ratingLevel: input.ratingLevel,
    quantityValue: blank(input.quantityValue),
    bonusPoints: blank(input.bonusPoints),
    note: blank(input.note),
  }))
}
