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

describe('RectificationWarningTag', () => {
  it('says overdue once, with its days', () => {
    const wrapper = mountWithApp(RectificationWarningTag, { props: { colour: 'RED', daysLeft: -19 } })
    expect(wrapper.text().trim()).toBe('逾期 19 天')
  })
})
