import { describe, expect, it } from 'vitest'
import type { SchemeDocumentFieldsFragment } from '@/generated/graphql'
import { cloneDraft, newDimension, newIndicator } from './schemeDraft'
import { draftChanged, draftFromScheme, draftToInput } from './schemeMapping'

const scheme: SchemeDocumentFieldsFragment = {
  id: 5,
  year: 2026,
  areaId: 1,
  category: 'II',
  revision: 2,
  name: '2026 年Ⅱ类',
  status: 'DRAFT',
  version: 7,
  publishedAt: null,
  previousRevisionId: 4,
  clonedFromId: null,
  bonusCap: '5.00',
  dimensions: [
    { id: 2, code: 'D2', name: '组织建设', maxPoints: '40.00', sortOrder: 2 },
    { id: 1, code: 'D1', name: '政治建设', maxPoints: '60.00', sortOrder: 1 },
  ],
  indicators: [
    {
      id: 11, code: 'I1', name: '组织生活', dimensionId: 1, method: 'RATING', maxPoints: '60.00',
      unitTypeRestriction: null, ratingLevels: [{ label: '好', percent: '100' }], target: null, targetUnit: null,
      defaultDeduction: null, evaluationStandard: '', scoringGuide: '', sharedIndicatorId: 3, sortOrder: 1,
    },
    {
      id: 12, code: 'I2', name: '党员发展', dimensionId: 2, method: 'QUANTITY', maxPoints: '40.00',
      unitTypeRestriction: null, ratingLevels: null, target: '8.00', targetUnit: '人',
      defaultDeduction: null, evaluationStandard: '', scoringGuide: '', sharedIndicatorId: null, sortOrder: 2,
    },
  ],
}

describe('scheme draft mapping', () => {
  it('orders dimensions and links indicators to their dimension', () => {
    const draft = draftFromScheme(scheme)
    expect(draft.dimensions.map((d) => d.code)).toEqual(['D1', 'D2'])
    expect(draft.indicators[1]!.dimensionKey).toBe(draft.dimensions[1]!.key)
    expect(draft.indicators[0]!.sharedIndicatorId).toBe('3')
  })

  it('saves new rows without ids and refers to dimensions by their (edited) code', () => {
    const draft = draftFromScheme(scheme)
    draft.dimensions[1]!.code = 'D2X'
    const added = newDimension(draft)
    draft.dimensions.push(added)
    draft.indicators.push({ ...newIndicator(draft, added.key), code: 'I9', maxPoints: '0' })

    const input = draftToInput(draft, scheme.name)
    expect(input.dimensions.map((d) => d.id)).toEqual([1, 2, undefined])
    expect(input.indicators.map((i) => i.dimensionCode)).toEqual(['D1', 'D2X', added.code])
    expect(input.indicators[0]!.ratingLevels).toEqual([{ label: '好', percent: '100' }])
    expect(input.indicators[1]).toMatchObject({ target: '8.00', targetUnit: '人', ratingLevels: null })
    expect(input.indicators[0]!.sharedIndicatorId).toBe(3)
  })

  it('notices edits, and only edits', () => {
    const draft = draftFromScheme(scheme)
    const copy = cloneDraft(draft)
    expect(draftChanged(draft, copy)).toBe(false)
    copy.indicators[1]!.maxPoints = '39.99'
    expect(draftChanged(draft, copy)).toBe(true)
  })
})
