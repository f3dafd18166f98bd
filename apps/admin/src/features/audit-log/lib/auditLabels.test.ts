import { describe, expect, it } from 'vitest'
import { i18n } from '@/plugins/i18n'
import { actionLabel, entityLabel, KNOWN_ACTIONS } from './auditLabels'

const t = (key: string) => i18n.global.t(key)

describe('the audit log in the person’s language', () => {
  it('reads actions and objects in Chinese and English', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(actionLabel('scheme.publish', t, 'zh-CN')).toBe('发布考核方案')
    expect(actionLabel('scheme.clone', t, 'zh-CN')).toBe('复制考核方案')
    expect(entityLabel('Scheme', '50', t)).toBe('考核方案 #50')
    i18n.global.locale.value = 'en-US'
    expect(actionLabel('scheme.publish', t, 'en-US')).toBe('Publish scheme')
    i18n.global.locale.value = 'zh-CN'
  })

  it('has a label for every action it offers in the filter, so searching 发布 finds publication', () => {
    const labels = KNOWN_ACTIONS.map((a) => actionLabel(a, t, 'zh-CN'))
    expect(labels.filter((l) => /^[a-z]/.test(l))).toEqual([])
    expect(labels.filter((l) => l.includes('发布'))).toEqual(expect.arrayContaining(['发布考核方案', '发布检查结果']))
  })
})
