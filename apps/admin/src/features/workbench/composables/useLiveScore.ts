import { computed, type MaybeRefOrGetter, toValue } from 'vue'
import {
  prepareScheme,
  scoreAssessment,
  type AssessmentScore,
  type FindingInput,
  type Id,
  type IndicatorScore,
  type SchemeDefinition,
  type UnitType,
} from '@redblue/scoring'
import { invalidInputs, toInputValues, type InputsById } from '../lib/inputs'

export interface LiveScoreSource {
  scheme: MaybeRefOrGetter<SchemeDefinition | null>
  unitType: MaybeRefOrGetter<UnitType>
  inputs: MaybeRefOrGetter<InputsById>
  findings: MaybeRefOrGetter<readonly FindingInput[]>
}

/**
 * Base, bonus and total as the inspector types, computed by the scoring engine (never here). The
 * scheme is prepared once; each keystroke only re-scores.
 */
export function useLiveScore(source: LiveScoreSource) {
  const prepared = computed(() => {
    const scheme = toValue(source.scheme)
    return scheme ? prepareScheme(scheme) : null
  })
  const ids = computed(() => {
    const map = new Map<string, Id>()
    for (const indicator of toValue(source.scheme)?.indicators ?? []) map.set(String(indicator.id), indicator.id)
    return map
  })
  const invalid = computed(() => invalidInputs(toValue(source.inputs)))

  const result = computed((): { score: AssessmentScore | null; error: string | null } => {
    if (!prepared.value) return { score: null, error: null }
    try {
      const score = scoreAssessment(prepared.value, {
        unitType: toValue(source.unitType),
        inputs: toInputValues(toValue(source.inputs), ids.value),
        findings: toValue(source.findings),
      })
      return { score, error: null }
    } catch (error) {
      return { score: null, error: error instanceof Error ? error.message : String(error) }
    }
  })

  const byIndicator = computed(() => {
    const map = new Map<string, IndicatorScore>()
    for (const s of result.value.score?.indicators ?? []) map.set(String(s.indicatorId), s)
    return map
  })
  const byDimension = computed(
    () => new Map((result.value.score?.dimensions ?? []).map((d) => [String(d.dimensionId), d])),
  )

  return {
    score: computed(() => result.value.score),
    error: computed(() => result.value.error),
    invalid,
    indicatorScore: (id: Id) => byIndicator.value.get(String(id)),
    dimensionScore: (id: Id) => byDimension.value.get(String(id)),
  }
}
