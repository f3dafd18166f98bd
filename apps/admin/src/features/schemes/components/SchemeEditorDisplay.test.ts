import { describe, expect, it } from 'vitest'
import { nextTick, reactive } from 'vue'
import { mountWithApp, typeInto } from '../../../../test/helpers'
import type { SchemeDraft } from '../lib/schemeDraft'
import SchemeEditor from './SchemeEditor.vue'
import SchemeProblemList from './SchemeProblemList.vue'

const draft = (): SchemeDraft => ({
  bonusCap: '5',
  dimensions: [{ key: 'd1', id: '1', code: 'D1', name: '政治建设', maxPoints: '6' }],
  indicators: [
    {
      key: 'a',
      id: null,
      dimensionKey: 'd1',
      code: 'BON-CONTRIB',
      name: '“第一议题”和理论学习',
      method: 'DEDUCTION',
      maxPoints: '6.00',
      unitTypeRestriction: null,
      ratingLevels: [],
      target: null,
      targetUnit: null,
      defaultDeduction: null,
      evaluationStandard: '',
      scoringGuide: '',
      sharedIndicatorId: null,
    },
  ],
})

describe('the scheme editor shows points one way', () => {
  it('writes an edited value with two places once the field is left, like the totals beside it', async () => {
    const wrapper = mountWithApp(SchemeEditor, { props: { draft: reactive(draft()), readOnly: false, 'onUpdate:draft': () => {} } })
    // The dimension's maximum as stored ("6") is shown like the sum ("6.00"), never "6.00 / 6".
    expect(wrapper.get('[data-testid="dimension-total"]').text()).toContain('6.00 / 6.00')
    await typeInto(wrapper, '#field-indicators-0-maxPoints input', '5')
    await wrapper.get('#field-indicators-0-maxPoints input').trigger('blur')
    await nextTick()
    expect((wrapper.get('#field-indicators-0-maxPoints input').element as HTMLInputElement).value).toBe('5.00')
    expect(wrapper.get('[data-testid="dimension-total"]').text()).toContain('5.00 / 6.00')
  })

  it('says a passing check with a check mark, not an empty box', () => {
    const wrapper = mountWithApp(SchemeProblemList, { props: { problems: [] } })
    expect(wrapper.find('.n-empty').exists()).toBe(false)
    expect(wrapper.get('[data-testid="scheme-passed"]').text()).toBe('✓结构完整，各项分值合计相符')
  })
})
