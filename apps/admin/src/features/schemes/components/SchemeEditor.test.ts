import { describe, expect, it } from 'vitest'
import { nextTick, reactive } from 'vue'
import { mountWithApp, typeInto } from '../../../../test/helpers'
import SchemeEditor from './SchemeEditor.vue'
import type { SchemeDraft } from '../lib/schemeDraft'

function indicator(key: string, dimensionKey: string | null, maxPoints: string, extra: Partial<SchemeDraft['indicators'][number]> = {}) {
  return {
    key,
    id: null,
    dimensionKey,
    code: key.toUpperCase(),
    name: `指标 ${key}`,
    method: dimensionKey ? ('DEDUCTION' as const) : ('BONUS' as const),
    maxPoints,
    unitTypeRestriction: null,
    ratingLevels: [],
    target: null,
    targetUnit: null,
    defaultDeduction: null,
    evaluationStandard: '',
    scoringGuide: '',
    sharedIndicatorId: null,
    ...extra,
  }
}

/** A valid scheme: 60 + 40 = 100, each dimension's indicators add up, one capped bonus. */
function validDraft(): SchemeDraft {
  return {
    bonusCap: '5',
    dimensions: [
      { key: 'd1', id: '1', code: 'D1', name: '政治建设', maxPoints: '60' },
      { key: 'd2', id: '2', code: 'D2', name: '组织建设', maxPoints: '40' },
    ],
    indicators: [
      indicator('a', 'd1', '30'),
      indicator('b', 'd1', '30', { sharedIndicatorId: '7', name: '组织生活' }),
      indicator('c', 'd2', '40'),
      indicator('x', null, '3'),
    ],
  }
}

function mountEditor(draft: SchemeDraft, readOnly = false) {
  return mountWithApp(SchemeEditor, {
    props: {
      // The page holds the draft in reactive state and the editor edits it in place.
      draft: reactive(draft),
      readOnly,
      'onUpdate:draft': () => {},
    },
  })
}

describe('SchemeEditor live validation', () => {
  it('shows no problems and a total of exactly 100 for a valid scheme', () => {
    const wrapper = mountEditor(validDraft())
    expect(wrapper.findAll('[data-problem-code]')).toHaveLength(0)
    expect(wrapper.get('[data-testid="scheme-total"]').text()).toContain('100.00 / 100')
  })

  it('puts the "indicators do not add up" problem beside the dimension whose indicators are off by 0.01', async () => {
    const wrapper = mountEditor(validDraft())
    // Indicator "a" (first of dimension 1) goes from 30 to 29.99.
    await typeInto(wrapper, '#field-indicators-0-maxPoints input', '29.99')
    await nextTick()

    const dimension1 = wrapper.get('[data-dimension-index="0"] header')
    const problem = dimension1.get('[data-problem-code="INDICATOR_TOTAL_MISMATCH"]')
    expect(problem.text()).toContain('59.99')
    // The running total for the dimension follows the typing, exactly.
    expect(wrapper.get('[data-dimension-index="0"] [data-testid="dimension-total"]').text()).toContain('59.99 / 60')
    // Nothing is reported for dimension 2, and the scheme total of the dimensions is still 100.
    expect(wrapper.get('[data-dimension-index="1"]').findAll('[data-problem-code]')).toHaveLength(0)
    expect(wrapper.get('[data-testid="scheme-total"]').findAll('[data-problem-code]')).toHaveLength(0)
  })

  it('reports dimensions totalling 99.99 at the total of 100 and clears it once fixed', async () => {
    const wrapper = mountEditor(validDraft())
    await typeInto(wrapper, '#field-dimensions-1-maxPoints input', '39.99')
    await nextTick()

    const total = wrapper.get('[data-testid="scheme-total"]')
    expect(total.text()).toContain('99.99 / 100')
    expect(total.find('[data-problem-code="DIMENSION_TOTAL_NOT_100"]').exists()).toBe(true)
    // Dimension 2's own indicators (40) no longer match its max either: shown beside that field.
    expect(
      wrapper.get('[data-dimension-index="1"] header').find('[data-problem-code="INDICATOR_TOTAL_MISMATCH"]').exists(),
    ).toBe(true)

    await typeInto(wrapper, '#field-dimensions-1-maxPoints input', '40.00')
    await nextTick()
    expect(wrapper.findAll('[data-problem-code]')).toHaveLength(0)
    expect(wrapper.get('[data-testid="scheme-total"]').text()).toContain('100.00 / 100')
  })

  it('shows a problem of one indicator beside that indicator only', async () => {
    const wrapper = mountEditor(validDraft())
    await typeInto(wrapper, '#field-indicators-2-maxPoints input', 'abc')
    await nextTick()
    const row = wrapper.get('[data-indicator-index="2"]')
    expect(row.find('[data-problem-code="INVALID_NUMBER"]').exists()).toBe(true)
    expect(wrapper.get('[data-indicator-index="0"]').findAll('[data-problem-code]')).toHaveLength(0)
  })

  it('reports a bonus indicator without a cap beside its cap field', async () => {
    const wrapper = mountEditor(validDraft())
    await typeInto(wrapper, '#field-indicators-3-maxPoints input', '')
    await nextTick()
    expect(wrapper.get('[data-indicator-index="3"]').find('[data-problem-code="BONUS_WITHOUT_CAP"]').exists()).toBe(true)
  })

  it('marks shared indicators and keeps published schemes read-only', () => {
    const wrapper = mountEditor(validDraft(), true)
    const shared = wrapper.get('[data-indicator-index="1"]')
    expect(shared.classes()).toContain('shared')
    expect(shared.text()).toContain('共性指标')
    const inputs = wrapper.findAll('input')
    expect(inputs.length).toBeGreaterThan(0)
    expect(inputs.every((i) => (i.element as HTMLInputElement).disabled)).toBe(true)
    expect(wrapper.text()).not.toContain('添加指标')
  })

  it('emits the problems so the page can block publishing', async () => {
    const wrapper = mountEditor(validDraft())
    await typeInto(wrapper, '#field-indicators-0-maxPoints input', '29.99')
    await nextTick()
    const emitted = wrapper.emitted('problems') as unknown[][]
    const last = emitted.at(-1)![0] as { code: string }[]
    expect(last.map((p) => p.code)).toEqual(['INDICATOR_TOTAL_MISMATCH'])
  })
})
