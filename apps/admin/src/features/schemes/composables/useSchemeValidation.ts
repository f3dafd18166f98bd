import { computed, type MaybeRefOrGetter, toValue } from 'vue'
import { sumScores, validateScheme, type SchemeProblem } from '@redblue/scoring'
import { indicatorsOf, toSchemeDefinition, type SchemeDraft } from '../lib/schemeDraft'

/** 'indicators.3.maxPoints' — the key under which a field shows its problems. */
export const anchorOf = (path: readonly (string | number)[]) => path.join('.')

export const SCHEME_ANCHOR = ''

const DIMENSION_FIELDS = ['code', 'name', 'maxPoints'] as const
const INDICATOR_FIELDS = [
  'code',
  'name',
  'method',
  'maxPoints',
  'unitTypeRestriction',
  'ratingLevels',
  'target',
] as const

/** Every place in the editor that can show a problem, derived from the draft's shape. */
export function editorAnchors(draft: SchemeDraft): Set<string> {
  const anchors = new Set<string>([SCHEME_ANCHOR, 'bonusCap', 'dimensions', 'indicators'])
  draft.dimensions.forEach((_, i) => {
    anchors.add(anchorOf(['dimensions', i]))
    for (const f of DIMENSION_FIELDS) anchors.add(anchorOf(['dimensions', i, f]))
  })
  draft.indicators.forEach((indicator, i) => {
    anchors.add(anchorOf(['indicators', i]))
    for (const f of INDICATOR_FIELDS) anchors.add(anchorOf(['indicators', i, f]))
    indicator.ratingLevels.forEach((_, k) => {
      anchors.add(anchorOf(['indicators', i, 'ratingLevels', k]))
      anchors.add(anchorOf(['indicators', i, 'ratingLevels', k, 'label']))
      anchors.add(anchorOf(['indicators', i, 'ratingLevels', k, 'percent']))
    })
  })
  return anchors
}

/**
 * Hangs each problem on the deepest anchor its path reaches, so a problem about
 * `['indicators', 3, 'maxPoints']` appears beside that input and one about the whole scheme
 * beside the total of 100.
 */
export function placeProblems(problems: readonly SchemeProblem[], anchors: Set<string>) {
  const placed = new Map<string, SchemeProblem[]>()
  for (const problem of problems) {
    let depth = problem.path.length
    while (depth > 0 && !anchors.has(anchorOf(problem.path.slice(0, depth)))) depth--
    const anchor = anchorOf(problem.path.slice(0, depth))
    placed.set(anchor, [...(placed.get(anchor) ?? []), problem])
  }
  return placed
}

/** An exact decimal sum, or null while one of the values is not a number yet (mid-typing). */
export function safeSum(values: readonly string[]): string | null {
  try {
    return sumScores(values.map((v) => (v.trim() === '' ? '0' : v.trim())))
  } catch {
    return null
  }
}

/**
 * The scoring engine's validation of a scheme draft, re-run as the draft changes, with problems
 * placed beside their fields, and the running totals per dimension and for the 100.
 */
export function useSchemeValidation(draft: MaybeRefOrGetter<SchemeDraft | null>) {
  const result = computed(() => {
    const value = toValue(draft)
    if (!value) return { problems: [] as SchemeProblem[], failure: null as string | null }
    try {
      return { problems: validateScheme(toSchemeDefinition(value)), failure: null }
    } catch (error) {
      return { problems: [], failure: error instanceof Error ? error.message : String(error) }
    }
  })

  const placed = computed(() => {
    const value = toValue(draft)
    return value ? placeProblems(result.value.problems, editorAnchors(value)) : new Map()
  })

  const dimensionTotals = computed(() => {
    const value = toValue(draft)
    const totals = new Map<string, string | null>()
    if (!value) return totals
    for (const dimension of value.dimensions) {
      totals.set(
        dimension.key,
        safeSum(indicatorsOf(value, dimension.key).map(({ indicator }) => indicator.maxPoints)),
      )
    }
    return totals
  })

  const baseTotal = computed(() => {
    const value = toValue(draft)
    return value ? safeSum(value.dimensions.map((d) => d.maxPoints)) : null
  })

  return {
    problems: computed(() => result.value.problems),
    failure: computed(() => result.value.failure),
    isValid: computed(() => result.value.failure === null && result.value.problems.length === 0),
    /** Problems shown exactly at this field or row. */
    problemsAt: (path: readonly (string | number)[]): SchemeProblem[] =>
      (placed.value.get(anchorOf(path)) as SchemeProblem[] | undefined) ?? [],
    dimensionTotals,
    baseTotal,
  }
}
