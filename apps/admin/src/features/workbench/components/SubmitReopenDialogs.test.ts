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
        indicators: [],
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

  it('names the indicators still to be scored and waits for them', async () => {
    const wrapper = mountWithApp(SubmitAssessmentDialog, {
      props: {
        show: true,
        orgName: '运检党支部',
        areaName: '基层党建',
        findings: 0,
        indicators: [
          { id: 1, code: 'PB-POL-3', name: '政治理论学习质效' },
          { id: 2, code: 'PB-RES-2', name: '党建与业务融合' },
          { id: 3, code: 'PB-RES-3', name: '党建品牌' },
        ],
        loading: false,
        score: {
          base: '90.00',
          baseMax: '100.00',
          bonusRaw: '0.00',
          bonus: '0.00',
          total: '90.00',
          dimensions: [],
          // Rated, not rated, and not rated but not applicable to this unit type (nothing to rate).
          indicators: [
            { indicatorId: 3, dimensionId: 1, method: 'RATING', max: '4.00', points: '4.00', lost: '0.00', applicable: true, reason: null, findingIds: [] },
            { indicatorId: 1, dimensionId: 1, method: 'RATING', max: '4.00', points: '0.00', lost: '4.00', applicable: true, reason: 'NOT_RATED', findingIds: [] },
            { indicatorId: 2, dimensionId: 1, method: 'QUANTITY', max: '4.00', points: '0.00', lost: '4.00', applicable: true, reason: 'NOT_RATED', findingIds: [] },
            { indicatorId: 4, dimensionId: 1, method: 'RATING', max: '0.00', points: '0.00', lost: '0.00', applicable: false, reason: 'NOT_RATED', findingIds: [] },
          ],
          lostPoints: [],
        },
      },
    })
    await flushPromises()
    const dialog = body().get('.n-dialog')
    const unrated = dialog.get('[data-testid="submit-unrated"]')
    expect(unrated.text()).toContain('还有 2 项指标未评分')
    expect(unrated.findAll('li').map((li) => li.text())).toEqual(['PB-POL-3 政治理论学习质效', 'PB-RES-2 党建与业务融合'])
    const submit = dialog.findAll('button').find((b) => b.text() === '提交评分')!
    expect(submit.attributes('disabled')).toBeDefined()
    await submit.trigger('click')
    expect(wrapper.emitted('confirm')).toBeUndefined()
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
