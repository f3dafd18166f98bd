import { describe, expect, it } from 'vitest'
import { i18n } from '@/plugins/i18n'
import { mountWithApp } from '../../../../test/helpers'
import SchemeDiffList from './SchemeDiffList.vue'

const changes = [
  {
    kind: 'CHANGED' as const,
    entity: 'SCHEME' as const,
    code: '',
    name: '2027年基层党建Ⅱ类考核方案',
    fields: [{ field: 'bonusCap', before: 5, after: '4.5' }],
  },
  {
    kind: 'CHANGED' as const,
    entity: 'INDICATOR' as const,
    code: 'B1-01',
    name: '理论学习',
    fields: [
      { field: 'maxPoints', before: '10', after: 12 },
      { field: 'method', before: 'DEDUCTION', after: 'RATING' },
      { field: 'ratingLevels', before: null, after: [{ label: '好', percent: '100' }, { label: '一般', percent: '60' }] },
    ],
  },
]

const line = (wrapper: ReturnType<typeof mountWithApp>, field: string) => wrapper.get(`[data-diff-field="${field}"]`).text()

describe('SchemeDiffList (the publish dialog diff)', () => {
  it('labels the fields in Chinese and shows points with two decimals', () => {
    const wrapper = mountWithApp(SchemeDiffList, { props: { changes } })
    expect(line(wrapper, 'maxPoints')).toBe('分值：10.00 → 12.00')
    expect(line(wrapper, 'bonusCap')).toBe('加分总上限：5.00 → 4.50')
    expect(line(wrapper, 'method')).toBe('计分方式：扣分制 → 等级评定')
    expect(line(wrapper, 'ratingLevels')).toBe('评定等级：— → 好 100%、一般 60%')
    expect(wrapper.text()).not.toContain('maxPoints')
  })

  it('labels them in English when English is chosen', async () => {
    const wrapper = mountWithApp(SchemeDiffList, { props: { changes } })
    i18n.global.locale.value = 'en-US'
    try {
      await wrapper.vm.$nextTick()
      expect(line(wrapper, 'maxPoints')).toBe('Points: 10.00 → 12.00')
      expect(line(wrapper, 'method')).toBe('Method: Deduction → Rating')
    } finally {
      i18n.global.locale.value = 'zh-CN'
    }
  })
})
