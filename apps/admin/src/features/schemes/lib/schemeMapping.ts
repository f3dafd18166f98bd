import type { SchemeDocumentFieldsFragment, SchemeDraftInput } from '@/generated/graphql'
import type { SchemeDraft } from './schemeDraft'

const dimensionKey = (id: number) => `dim-${id}`

/** A stored scheme as an editable draft, in display order. */
export function draftFromScheme(scheme: SchemeDocumentFieldsFragment): SchemeDraft {
  const dimensions = [...scheme.dimensions].sort((a, b) => a.sortOrder - b.sortOrder)
  const indicators = [...scheme.indicators].sort((a, b) => a.sortOrder - b.sortOrder)
  return {
    bonusCap: scheme.bonusCap,
    dimensions: dimensions.map((d) => ({
      key: dimensionKey(d.id),
      id: String(d.id),
      code: d.code,
      name: d.name,
      maxPoints: d.maxPoints,
    })),
    indicators: indicators.map((i) => ({
      key: `ind-${i.id}`,
      id: String(i.id),
      dimensionKey: i.dimensionId === null ? null : dimensionKey(i.dimensionId),
      code: i.code,
      name: i.name,
      method: i.method,
      maxPoints: i.maxPoints,
      unitTypeRestriction: i.unitTypeRestriction,
      ratingLevels: (i.ratingLevels ?? []).map((l) => ({ label: l.label, percent: l.percent })),
      target: i.target,
      targetUnit: i.targetUnit,
      defaultDeduction: i.defaultDeduction,
      evaluationStandard: i.evaluationStandard,
      scoringGuide: i.scoringGuide,
      sharedIndicatorId: i.sharedIndicatorId === null ? null : String(i.sharedIndicatorId),
    })),
  }
}

const blankToNull = (value: string | null) => (value === null || value.trim() === '' ? null : value.trim())

/** The draft as the API's whole-document save; dimensions are referenced by code. */
export function draftToInput(draft: SchemeDraft, name: string): SchemeDraftInput {
  const codeOf = new Map(draft.dimensions.map((d) => [d.key, d.code.trim()]))
  return {
    name,
    bonusCap: draft.bonusCap.trim(),
    dimensions: draft.dimensions.map((d) => ({
      ...(d.id ? { id: Number(d.id) } : {}),
      code: d.code.trim(),
      name: d.name.trim(),
      maxPoints: d.maxPoints.trim(),
    })),
    indicators: draft.indicators.map((i) => ({
      ...(i.id ? { id: Number(i.id) } : {}),
      code: i.code.trim(),
      name: i.name.trim(),
      dimensionCode: i.dimensionKey === null ? null : (codeOf.get(i.dimensionKey) ?? null),
      method: i.method,
      maxPoints: i.maxPoints.trim(),
      unitTypeRestriction: i.unitTypeRestriction,
      ratingLevels: i.method === 'RATING' ? i.ratingLevels.map((l) => ({ label: l.label.trim(), percent: l.percent.trim() })) : null,
      target: i.method === 'QUANTITY' ? blankToNull(i.target) : null,
      targetUnit: i.method === 'QUANTITY' ? blankToNull(i.targetUnit) : null,
      defaultDeduction: i.method === 'DEDUCTION' ? blankToNull(i.defaultDeduction) : null,
      evaluationStandard: i.evaluationStandard,
      scoringGuide: i.scoringGuide,
      sharedIndicatorId: i.sharedIndicatorId === null ? null : Number(i.sharedIndicatorId),
    })),
  }
}

/** Whether the draft differs from what was loaded (compared as the API would receive it). */
export function draftChanged(a: SchemeDraft, b: SchemeDraft): boolean {
  return JSON.stringify(draftToInput(a, '')) !== JSON.stringify(draftToInput(b, ''))
}
