import { describe, expect, it } from 'vitest'
import { mountWithApp } from '../../../../test/helpers'
import RectificationWarningTag from '@/features/ledger/components/RectificationWarningTag.vue'
import type { TodoItem } from '../useTodos'
import TodoList from './TodoList.vue'

const item = (over: Partial<TodoItem>): TodoItem => ({
  key: 'k',
  kind: 'RECTIFICATION_DUE_SOON',
  title: '补齐党员教育台账',
  detail: '运检党支部',
  dueDate: '2026-12-13',
  colour: 'GREEN',
  daysLeft: 8,
  link: null,
  ...over,
})

describe('TodoList', () => {
  it('colours a deadline by the engine’s rule (8 days left is green, as in 我的整改) and says the kind', () => {
    const wrapper = mountWithApp(TodoList, { props: { items: [item({})], loading: false } })
    expect(wrapper.get('[data-colour]').attributes('data-colour')).toBe('GREEN')
    expect(wrapper.text()).toContain('剩余 8 天')
    expect(wrapper.get('[data-testid="todo-kind"]').text()).toBe('整改临期')
    expect(wrapper.text()).toContain('2026-12-13')
  })
})

describe('TodoList while loading', () => {
  it('swaps its spinner for the list rather than fading it out over it', async () => {
    const wrapper = mountWithApp(TodoList, { props: { items: [], loading: true } })
    expect(wrapper.find('.n-spin').exists()).toBe(true)
    expect(wrapper.find('.n-empty').exists()).toBe(false)
    await wrapper.setProps({ items: [item({})], loading: false })
    // Nothing of the spinner is left to transition: not its container, not a fading body.
    expect(wrapper.find('.n-spin').exists()).toBe(false)
    expect(wrapper.find('.n-spin-container').exists()).toBe(false)
    expect(wrapper.findAll('.todos li')).toHaveLength(1)
  })

  it('says there is nothing to do once it has loaded none', () => {
    const wrapper = mountWithApp(TodoList, { props: { items: [], loading: false } })
    expect(wrapper.find('.n-empty').exists()).toBe(true)
    expect(wrapper.find('.n-spin').exists()).toBe(false)
  })
})

describe('RectificationWarningTag', () => {
  it('says overdue once, with its days', () => {
    const wrapper = mountWithApp(RectificationWarningTag, { props: { colour: 'RED', daysLeft: -19 } })
    expect(wrapper.text().trim()).toBe('逾期 19 天')
  })
})
