import { describe, expect, it } from 'vitest'
import { i18n } from '@/plugins/i18n'
import { rankText } from './rankText'

const t = (key: string, values: Record<string, unknown>) => i18n.global.t(key, values)

describe('rankText', () => {
  it('says out of how many, in Chinese and English', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(rankText(t, 15, 21)).toBe('第 15 名 / 共 21 名')
    i18n.global.locale.value = 'en-US'
    expect(rankText(t, 15, 21)).toBe('Rank 15 of 21')
    i18n.global.locale.value = 'zh-CN'
  })

  it('stands alone only when the count is unknown', () => {
    expect(rankText(t, 3, null)).toBe('第 3 名')
  })
})
