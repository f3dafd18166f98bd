import { describe, expect, it } from 'vitest'
import { DOMWrapper, flushPromises } from '@vue/test-utils'
import { mountWithApp } from '../../../../test/helpers'
import ReopenAssessmentDialog from './ReopenAssessmentDialog.vue'
import SubmitAssessmentDialog from './SubmitAssessmentDialog.vue'

const body = () => new DOMWrapper(document.body)

describe('submitting a score sheet', () => {
  it('asks first, saying what will be locked', async () => {
    const wrapper = mountWithApp(SubmitAssessmentDialog, {
      props: {
        show: true,
        orgName: '运检党支部',
        areaName: '基层党建',
        findings: 2,
        loading: false,
        score: { base: '97.00', baseMax: '100.00', bonusRaw: '1.00', bonus: '1.00', total: '98.00', dimensions: [], indicators: [], lostPoints: [] },
      },
    })
    await flushPromises()
    const dialog = body().get('.n-dialog')
    expect(dialog.text()).toContain('提交后以下评分将锁定')
    expect(dialog.text()).toContain('运检党支部 · 基层党建')
    expect(dialog.get('[data-testid="submit-score"]').text()).toBe('基础分 97.00，加分 1.00，总分 98.00')
    expect(dialog.text()).toContain('记录问题 2 个')
    expect(wrapper.emitted('confirm')).toBeUndefined()
    await dialog.findAll('button').find((b) => b.text() === '提交评分')!.trigger('click')
    expect(wrapper.emitted('confirm')).toHaveLength(1)
    wrapper.unmount()
  })
})

describe('reopening a submitted score sheet', () => {
  it('needs a reason, and sends it', async () => {
    const wrapper = mountWithApp(ReopenAssessmentDialog, { props: { show: true, loading: false } })
    await flushPromises()
    const submit = body().get('[data-testid="dialog-submit"]')
    expect(submit.attributes('disabled')).toBeDefined()
    const reason = body().get<HTMLTextAreaElement>('#reopen-reason')
    reason.element.value = '漏评一项加分'
    await reason.trigger('input')
    expect(submit.attributes('disabled')).toBeUndefined()
    await body().get('form').trigger('submit')
    expect(wrapper.emitted('confirm')).toEqual([['漏评一项加分']])
    wrapper.unmount()
  })
})
