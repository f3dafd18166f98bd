import { nextTick } from 'vue'
import { describe, expect, it, vi } from 'vitest'
import { mountWithApp } from '../../../../test/helpers'
import type { SchemeDraft } from '../lib/schemeDraft'

const setOption = vi.fn()
vi.mock('@/utils/echarts', () => ({
  echarts: { init: () => ({ setOption, on: vi.fn(), dispose: vi.fn(), resize: vi.fn() }) },
}))

const { default: SchemeDimensionChart } = await import('./SchemeDimensionChart.vue')

const dimension = (key: string, code: string, name: string, maxPoints: string) => ({ key, id: null, code, name, maxPoints })
const draft: SchemeDraft = {
  bonusCap: '3.00',
  dimensions: [
    dimension('d1', 'POL', '政治建设', '15.00'),
    dimension('d2', 'RES', '党建责任', '15.00'),
    dimension('d3', 'NEW', '', '12.50'),
  ],
  indicators: [],
}

describe('SchemeDimensionChart', () => {
  it('lists every dimension with its points, in the colour of its slice', async () => {
    const wrapper = mountWithApp(SchemeDimensionChart, { props: { draft } })
    await nextTick()
    await nextTick()
    const rows = wrapper.findAll('.slices li')
    // All of them, however many: the chart's own legend showed two a page in this narrow column.
    expect(rows.map((row) => [row.find('.name').text(), row.find('.points').text()])).toEqual([
      ['政治建设', '15.00'],
      ['党建责任', '15.00'],
      ['NEW', '12.50'],
    ])
    const option = setOption.mock.calls.at(-1)?.[0] as { series: { data: { name: string; itemStyle: { color: string } }[] }[] }
    const sliceColours = option.series[0]?.data.map((d) => d.itemStyle.color)
    const listColours = rows.map((row) => (row.find('.swatch').element as HTMLElement).style.background)
    expect(new Set(sliceColours).size).toBe(3)
    expect(listColours.map(rgbToHex)).toEqual(sliceColours)
    wrapper.unmount()
  })
})

/** happy-dom reports a style's colour as written or as rgb(); compare as hex. */
function rgbToHex(colour: string): string {
  const rgb = /^rgb\((\d+), ?(\d+), ?(\d+)\)$/.exec(colour)
  if (!rgb) return colour
  return `#${rgb.slice(1).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`
}
