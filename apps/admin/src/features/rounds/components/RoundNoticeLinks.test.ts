import { describe, expect, it } from 'vitest'
import type { RoundStatus } from '@/generated/graphql'
import { mountWithApp } from '../../../../test/helpers'
import RoundNoticeLinks from './RoundNoticeLinks.vue'

const mountLinks = (status: RoundStatus) => mountWithApp(RoundNoticeLinks, { props: { round: { id: 7, status } } })

describe('RoundNoticeLinks', () => {
  it.each(['PUBLISHED', 'CLOSED'] as const)('links a %s round to its notice as Word and as the print view', (status) => {
    const wrapper = mountLinks(status)
    const docx = wrapper.get('[data-testid="notice-docx"]')
    expect(docx.attributes('href')).toBe('/files/notice/7.docx')
    expect(docx.attributes('download')).toBeDefined()
    expect(docx.text()).toContain('下载 Word')
    const print = wrapper.get('[data-testid="notice-print"]')
    expect(print.attributes('href')).toBe('/files/notice/7.html')
    expect(print.attributes('target')).toBe('_blank')
    expect(print.text()).toContain('打印版')
  })

  it.each(['PLANNING', 'INSPECTING', 'RECONCILING'] as const)('offers nothing while a round is %s', (status) => {
    expect(mountLinks(status).find('[data-testid="notice-links"]').exists()).toBe(false)
  })
})
