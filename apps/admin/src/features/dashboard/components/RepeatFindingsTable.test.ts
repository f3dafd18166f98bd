import { describe, expect, it, vi } from 'vitest'
import { mountWithApp } from '../../../../test/helpers'
import RepeatFindingsTable from './RepeatFindingsTable.vue'

vi.mock('vue-router', () => ({ useRouter: () => ({ push: vi.fn() }) }))

const repeats = {
  repeatFindings: 3,
  totalFindings: 12,
  repeatShare: '25.00',
  groups: [
    { orgId: 1, problemCategoryId: 2, org: { id: 1, name: '变电运维中心第二党支部' }, problemCategory: { id: 2, name: '三会一课' }, repeatCount: 3, roundIds: [4, 5] },
  ],
}

describe('RepeatFindingsTable', () => {
  it('shows a spinner and no table while its data is on the way, then the table with its rows', async () => {
    const wrapper = mountWithApp(RepeatFindingsTable, { props: { repeats: null, loading: true } })
    // A table mounted before its data faded its spinner out as the data came: a forced layout.
    expect(wrapper.find('.n-data-table').exists()).toBe(false)
    expect(wrapper.find('.n-spin').exists()).toBe(true)

    await wrapper.setProps({ repeats: repeats as never, loading: false })
    expect(wrapper.find('.n-spin').exists()).toBe(false)
    expect(wrapper.findAll('.n-data-table-tbody .n-data-table-tr')).toHaveLength(1)
    expect(wrapper.text()).toContain('变电运维中心第二党支部')
    wrapper.unmount()
  })
})
