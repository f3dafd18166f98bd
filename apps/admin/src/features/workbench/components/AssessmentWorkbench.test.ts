import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { nextTick } from 'vue'
import { mountWithApp, typeInto } from '../../../../test/helpers'
import AssessmentWorkbench from './AssessmentWorkbench.vue'
import type { SavedAssessment, SaveInputs } from '../composables/useAssessmentEditor'
import type { WorkbenchFinding, WorkbenchScheme } from '../types'

const scheme: WorkbenchScheme = {
  bonusCap: '3',
  dimensions: [
    { id: 1, code: 'D1', name: '政治建设', maxPoints: '60' },
    { id: 2, code: 'D2', name: '组织建设', maxPoints: '40' },
  ],
  indicators: [
    { id: 11, code: 'I1', name: '理论学习', dimensionId: 1, method: 'DEDUCTION', maxPoints: '30' },
    {
      id: 12,
      code: 'I2',
      name: '组织生活',
      dimensionId: 1,
      method: 'RATING',
      maxPoints: '30',
      ratingLevels: [
        { label: '好', percent: '100' },
        { label: '较好', percent: '80' },
        { label: '一般', percent: '60' },
      ],
    },
    { id: 21, code: 'I3', name: '党员发展', dimensionId: 2, method: 'QUANTITY', maxPoints: '40', target: '8' },
    { id: 31, code: 'B1', name: '党建+工程', dimensionId: null, method: 'BONUS', maxPoints: '2' },
    {
      id: 32,
      code: 'B2',
      name: '融合度',
      dimensionId: null,
      method: 'BONUS',
      maxPoints: '2',
      unitTypeRestriction: 'HEADQUARTERS',
    },
  ],
}

const saved: SavedAssessment = {
  version: 3,
  inputs: {
    '12': { ratingLevel: '好', quantityValue: '', bonusPoints: '', note: '' },
    '21': { ratingLevel: null, quantityValue: '8', bonusPoints: '', note: '' },
  },
  updatedBy: '张检查',
}

const finding: WorkbenchFinding = {
  id: 900,
  indicatorId: 11,
  problemCategoryId: 5,
  problemCategoryName: '三会一课不规范',
  description: '支委会记录不全',
  checkMethod: 'DOCUMENT_REVIEW',
  deduction: '1.5',
  reconciliationStatus: 'PENDING',
  isRepeat: false,
  evidence: [],
}

function mountWorkbench(save: SaveInputs, findings: WorkbenchFinding[] = []) {
  return mountWithApp(AssessmentWorkbench, {
    props: { scheme, unitType: 'GRASSROOTS', saved, findings, readOnly: false, save },
  })
}

const text = (wrapper: ReturnType<typeof mountWorkbench>, testId: string) =>
  wrapper.get(`[data-testid="${testId}"]`).text()

describe('AssessmentWorkbench live score', () => {
  it('scores the saved inputs and findings with the engine', () => {
    const wrapper = mountWorkbench(vi.fn(), [finding])
    // 30 − 1.5 + 30 (好) + 40 (8 of 8) = 98.50
    expect(text(wrapper, 'live-base')).toBe('98.50')
    expect(text(wrapper, 'live-bonus')).toBe('0.00')
    expect(text(wrapper, 'live-total')).toBe('98.50')
    expect(wrapper.get('[data-dimension-id="1"] [data-testid="dimension-subtotal"]').text()).toContain('58.50 / 60.00')
  })

  it('follows the inspector as they type: quantity, bonus over its cap, another unit type', async () => {
    const wrapper = mountWorkbench(vi.fn())
    expect(text(wrapper, 'live-total')).toBe('100.00')

    await typeInto(wrapper, '#input-21', '6')
    expect(text(wrapper, 'live-base')).toBe('90.00') // 6 of 8 × 40 = 30

    await typeInto(wrapper, '#input-31', '2.5') // capped at the indicator's 2
    expect(text(wrapper, 'live-bonus')).toBe('2.00')
    expect(text(wrapper, 'live-total')).toBe('92.00')

    // 融合度 applies to head-office branches only: a grassroots org sees it as not applicable.
    expect(wrapper.get('[data-indicator-id="32"]').text()).toContain('不适用于本单位类型')
  })

  it('leaves an unreadable number out of the score and says so beside the field', async () => {
    const wrapper = mountWorkbench(vi.fn())
    await typeInto(wrapper, '#input-21', '6,5')
    expect(wrapper.get('[data-indicator-id="21"]').find('[role="alert"]').exists()).toBe(true)
    expect(text(wrapper, 'live-base')).toBe('60.00') // not rated → 0 of 40
  })

  it('keeps save disabled while a number is unreadable, with the field’s own message', async () => {
    const save = vi.fn<SaveInputs>()
    const wrapper = mountWorkbench(save)
    await typeInto(wrapper, '#input-21', 'abc')
    expect(wrapper.get('[data-indicator-id="21"] [role="alert"]').text()).toBe('请输入不小于 0 的数字（最多两位小数）')
    expect(wrapper.get('[data-testid="save-assessment"]').attributes('disabled')).toBeDefined()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true }))
    await flushPromises()
    expect(save).not.toHaveBeenCalled()
    await typeInto(wrapper, '#input-21', '7')
    expect(wrapper.get('[data-testid="save-assessment"]').attributes('disabled')).toBeUndefined()
  })

  it('says on the field that a negative number or a third decimal cannot be saved, instead of counting 0 or a cap', async () => {
    const wrapper = mountWorkbench(vi.fn())
    await typeInto(wrapper, '#input-21', '-5')
    expect(wrapper.get('[data-indicator-id="21"] [role="alert"]').text()).toBe('请输入不小于 0 的数字（最多两位小数）')
    await typeInto(wrapper, '#input-31', '1.234')
    expect(wrapper.get('[data-indicator-id="31"] [role="alert"]').text()).toBe('请输入不小于 0 的数字（最多两位小数）')
    expect(wrapper.find('[data-indicator-id="31"] [data-testid="indicator-cap-cut"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="save-assessment"]').attributes('disabled')).toBeDefined()
  })

  it('shows each cap beside its input and says when a cap cut the points', async () => {
    const wrapper = mountWorkbench(vi.fn())
    expect(wrapper.get('[data-indicator-id="31"] [data-testid="indicator-cap"]').text()).toBe('上限 2')
    expect(text(wrapper, 'bonus-cap')).toBe('上限 3')
    await typeInto(wrapper, '#input-31', '2.5')
    expect(wrapper.get('[data-indicator-id="31"] [data-testid="indicator-cap-cut"]').text()).toContain('按 2.00 计入')
    expect(wrapper.find('[data-testid="bonus-cap-cut"]').exists()).toBe(false)
  })

  it('says when the scheme’s overall bonus cap cut the sum', async () => {
    const wrapper = mountWithApp(AssessmentWorkbench, {
      props: { scheme: { ...scheme, bonusCap: '1.5' }, unitType: 'HEADQUARTERS', saved, findings: [], readOnly: false, save: vi.fn() },
    })
    await typeInto(wrapper, '#input-31', '1.5')
    await typeInto(wrapper, '#input-32', '1')
    expect(wrapper.get('[data-testid="live-bonus"]').text()).toBe('1.50')
    expect(wrapper.get('[data-testid="bonus-cap-cut"]').text()).toContain('合计 2.50')
  })

  it('changes the rating level and the total together', async () => {
    const wrapper = mountWorkbench(vi.fn())
    const radios = wrapper.findAll('[data-indicator-id="12"] input[type="radio"]')
    await radios[1]!.setValue(true) // 较好 80%
    await nextTick()
    expect(text(wrapper, 'live-base')).toBe('94.00')
  })
})

describe('AssessmentWorkbench conflict handling', () => {
  it('saves only what changed, against the version it started from', async () => {
    const save = vi.fn<SaveInputs>((changed, version) =>
      Promise.resolve({
        ok: true,
        // Only what is stored comes back: no entry for indicators nobody has touched.
        saved: { version: version + 1, inputs: { '12': saved.inputs['12']!, ...changed } },
      }),
    )
    const wrapper = mountWorkbench(save)
    await typeInto(wrapper, '#input-31', '1')
    await wrapper.get('[data-testid="save-assessment"]').trigger('click')
    await flushPromises()

    expect(save).toHaveBeenCalledTimes(1)
    const [changed, version] = save.mock.calls[0]!
    expect(version).toBe(3)
    expect(Object.keys(changed)).toEqual(['31'])
    expect(changed['31']!.bonusPoints).toBe('1')
    expect(wrapper.emitted('saved')?.[0]?.[0]).toMatchObject({ version: 4 })
    expect(wrapper.text()).not.toContain('有未保存的修改')
    // The server answers with the inputs it holds; every indicator stays editable after the save.
    await typeInto(wrapper, '#input-21', '4')
    expect(text(wrapper, 'live-base')).toBe('80.00')
  })

  it('shows what someone else changed and re-applies my changes on their version', async () => {
    // Someone rated 组织生活 "一般" and measured 7 while I typed a bonus and a quantity of 6.
    const theirs: SavedAssessment = {
      version: 4,
      updatedBy: '李检查',
      inputs: {
        '12': { ratingLevel: '一般', quantityValue: '', bonusPoints: '', note: '' },
        '21': { ratingLevel: null, quantityValue: '7', bonusPoints: '', note: '' },
      },
    }
    const save = vi
      .fn<SaveInputs>()
      .mockResolvedValueOnce({ ok: false, conflict: theirs })
      .mockImplementationOnce((changed, version) =>
        Promise.resolve({
          ok: true,
          saved: { version: version + 1, inputs: { ...theirs.inputs, ...changed } },
        }),
      )
    const wrapper = mountWorkbench(save)
    await typeInto(wrapper, '#input-31', '1.5')
    await typeInto(wrapper, '#input-21', '6')
    await wrapper.get('[data-testid="save-assessment"]').trigger('click')
    await flushPromises()

    const panel = wrapper.get('[data-testid="conflict-panel"]')
    expect(panel.text()).toContain('李检查')
    // Their rating change, my bonus, and the quantity we both changed (mine 6, theirs 7).
    expect(panel.get('[data-conflict-row="12"] .theirs').text()).toContain('一般')
    expect(panel.get('[data-conflict-row="31"] .mine').text()).toContain('1.5')
    expect(panel.get('[data-conflict-row="21"]').classes()).toContain('clash')
    expect(panel.get('[data-conflict-row="21"] .mine').text()).toContain('6')
    expect(panel.get('[data-conflict-row="21"] .theirs').text()).toContain('7')
    // Nothing is saved while the conflict is open.
    expect(wrapper.get('[data-testid="save-assessment"]').attributes('disabled')).toBeDefined()

    await wrapper.get('[data-testid="conflict-reapply"]').trigger('click')
    await nextTick()
    expect(wrapper.find('[data-testid="conflict-panel"]').exists()).toBe(false)
    // Their 一般 (60% of 30 = 18) + my 6/8 of 40 (30) + 30 for I1 = 78; my bonus 1.5 on top.
    expect(text(wrapper, 'live-base')).toBe('78.00')
    expect(text(wrapper, 'live-total')).toBe('79.50')

    await wrapper.get('[data-testid="save-assessment"]').trigger('click')
    await flushPromises()
    expect(save).toHaveBeenCalledTimes(2)
    const [changed, version] = save.mock.calls[1]!
    expect(version).toBe(4)
    expect(Object.keys(changed).sort()).toEqual(['21', '31'])
  })

  it('can drop my changes and continue from their version', async () => {
    const theirs: SavedAssessment = {
      version: 4,
      inputs: { ...saved.inputs, '31': { ratingLevel: null, quantityValue: '', bonusPoints: '2', note: '' } },
    }
    const save = vi.fn<SaveInputs>().mockResolvedValueOnce({ ok: false, conflict: theirs })
    const wrapper = mountWorkbench(save)
    await typeInto(wrapper, '#input-31', '0.5')
    await wrapper.get('[data-testid="save-assessment"]').trigger('click')
    await flushPromises()
    await wrapper.get('[data-testid="conflict-take-theirs"]').trigger('click')
    await nextTick()

    expect(text(wrapper, 'live-bonus')).toBe('2.00')
    expect((wrapper.get('#input-31').element as HTMLInputElement).value).toBe('2')
    expect(wrapper.get('[data-testid="save-assessment"]').attributes('disabled')).toBeDefined()
  })
})
