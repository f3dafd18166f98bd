import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '@/plugins/i18n'

// Counts read as English sentences (1 problem, 2 problems); Chinese has one form and is unchanged.
describe('counted messages', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })
  const count = (key: string, n: number) => i18n.global.t(key, { n }, n)

  it('take the singular for one and the plural otherwise in English', () => {
    i18n.global.locale.value = 'en-US'
    expect(count('scheme.problemCount', 1)).toBe('1 problem')
    expect(count('scheme.problemCount', 3)).toBe('3 problems')
    expect(count('rectification.daysLeft', 1)).toBe('1 day left')
    expect(count('rectification.overdueDays', 19)).toBe('19 days overdue')
    expect(count('roundRun.submitFindings', 1)).toBe('1 finding recorded')
  })

  it('keep the one Chinese form whatever the count', () => {
    expect(count('scheme.problemCount', 1)).toBe('1 个问题')
    expect(count('scheme.problemCount', 3)).toBe('3 个问题')
    expect(count('rectification.daysLeft', 8)).toBe('剩余 8 天')
  })
})
