import { describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountWithApp, typeInto } from '../../../../test/helpers'
import RectificationForm from './RectificationForm.vue'
import type { SubmitOutcome, SubmitProgress } from '../lib/rectificationForm'
import type { RectificationFieldsFragment } from '@/generated/graphql'

const message = vi.hoisted(() => ({ success: vi.fn(), warning: vi.fn(), error: vi.fn() }))
vi.mock('@/plugins/discrete', () => ({ discrete: () => ({ message }) }))

const item = { id: 41, version: 3, status: 'OPEN' as const }

function mountForm(submit: SubmitProgress, props: Partial<{ status: 'OPEN' | 'RETURNED' | 'SUBMITTED' | 'CLOSED'; maxFileBytes: number }> = {}) {
  return mountWithApp(RectificationForm, {
    props: { item: { ...item, status: props.status ?? item.status }, submit, maxFileBytes: props.maxFileBytes },
  })
}

type Wrapper = ReturnType<typeof mountForm>

async function chooseFiles(wrapper: Wrapper, files: File[]) {
  const input = wrapper.get('[data-testid="progress-files"]')
  Object.defineProperty(input.element, 'files', { value: files, configurable: true })
  await input.trigger('change')
}

const submitButton = (wrapper: Wrapper) => wrapper.get('[data-testid="submit-progress"]')
const send = async (wrapper: Wrapper) => {
  await wrapper.get('form').trigger('submit')
  await flushPromises()
}
const pdf = (name = '整改照片.pdf', bytes = 1024) => new File([new Uint8Array(bytes)], name, { type: 'application/pdf' })

describe('RectificationForm validation', () => {
  it('asks for the progress before sending anything', async () => {
    const submit = vi.fn<SubmitProgress>()
    const wrapper = mountForm(submit)
    await typeInto(wrapper, 'textarea', '   ')
    await send(wrapper)
    expect(submit).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('请填写整改进展')
  })

  it('refuses a file type the API does not take, and a file over the size limit', async () => {
    const submit = vi.fn<SubmitProgress>()
    const wrapper = mountForm(submit, { maxFileBytes: 2048 })
    await typeInto(wrapper, 'textarea', '已补齐支委会记录')
    await chooseFiles(wrapper, [new File(['x'], 'run.exe'), pdf('big.pdf', 4096)])
    await send(wrapper)
    expect(submit).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('不支持的文件类型：run.exe')
    expect(wrapper.text()).toContain('文件过大：big.pdf')
  })
})

describe('RectificationForm submit', () => {
  it('sends the trimmed progress with the files for this item version, then clears', async () => {
    const submit = vi.fn<SubmitProgress>().mockResolvedValue({ ok: true, item: null })
    const wrapper = mountForm(submit)
    const file = pdf()
    await typeInto(wrapper, 'textarea', '  已补齐支委会记录  ')
    await chooseFiles(wrapper, [file])
    expect(wrapper.text()).toContain('整改照片.pdf')
    await send(wrapper)

    expect(submit).toHaveBeenCalledTimes(1)
    const [target, input] = submit.mock.calls[0]!
    expect(target).toEqual({ id: 41, version: 3 })
    expect(input).toEqual({ note: '已补齐支委会记录', files: [file] })
    expect(wrapper.emitted('submitted')).toHaveLength(1)
    expect((wrapper.get('textarea').element as HTMLTextAreaElement).value).toBe('')
    expect(wrapper.text()).not.toContain('整改照片.pdf')
  })

  it('confirms the submission with the new status of the item', async () => {
    message.success.mockClear()
    const after = { id: 41, version: 4, status: 'SUBMITTED' } as RectificationFieldsFragment
    const submit = vi.fn<SubmitProgress>().mockResolvedValue({ ok: true, item: after })
    const wrapper = mountForm(submit)
    await typeInto(wrapper, 'textarea', '已补齐支委会记录')
    await send(wrapper)
    const text = '整改进展已提交，当前状态：待验证，等待检查组核验销号'
    expect(message.success).toHaveBeenCalledWith(text, expect.anything())
    expect(wrapper.get('[data-testid="submit-confirmation"]').text()).toBe(text)
    expect(wrapper.get('[data-testid="submit-confirmation"]').attributes('role')).toBe('status')
  })

  it('says nothing was submitted when the API refuses', async () => {
    message.success.mockClear()
    const submit = vi.fn<SubmitProgress>().mockResolvedValue({ ok: false, message: '该整改事项已提交或已销号' })
    const wrapper = mountForm(submit)
    await typeInto(wrapper, 'textarea', '已整改')
    await send(wrapper)
    expect(message.success).not.toHaveBeenCalled()
    expect(wrapper.find('[data-testid="submit-confirmation"]').exists()).toBe(false)
  })

  it('submits from the keyboard with Ctrl+Enter', async () => {
    const submit = vi.fn<SubmitProgress>().mockResolvedValue({ ok: true, item: null })
    const wrapper = mountForm(submit)
    await typeInto(wrapper, 'textarea', '已整改')
    await wrapper.get('textarea').trigger('keydown', { key: 'Enter', ctrlKey: true })
    await flushPromises()
    expect(submit).toHaveBeenCalledTimes(1)
  })

  it('locks the form while the files upload and shows the progress', async () => {
    let finish!: (outcome: SubmitOutcome) => void
    let report!: (percent: number) => void
    const submit = vi.fn<SubmitProgress>((_item, _input, onProgress) => {
      report = onProgress
      return new Promise((resolve) => (finish = resolve))
    })
    const wrapper = mountForm(submit)
    await typeInto(wrapper, 'textarea', '已整改')
    await chooseFiles(wrapper, [pdf()])
    await send(wrapper)

    report(40)
    await flushPromises()
    expect(submitButton(wrapper).attributes('disabled')).toBeDefined()
    expect(submitButton(wrapper).text()).toContain('上传中 40%')
    expect(wrapper.get('textarea').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid="progress-files"]').attributes('disabled')).toBeDefined()
    expect(wrapper.find('[data-testid="upload-progress"]').exists()).toBe(true)

    // A second press while uploading sends nothing more.
    await send(wrapper)
    expect(submit).toHaveBeenCalledTimes(1)

    finish({ ok: true, item: null })
    await flushPromises()
    expect(submitButton(wrapper).attributes('disabled')).toBeUndefined()
    expect(wrapper.find('[data-testid="upload-progress"]').exists()).toBe(false)
  })

  it('shows the refusal and keeps what was typed for another try', async () => {
    const submit = vi
      .fn<SubmitProgress>()
      .mockResolvedValue({ ok: false, message: '该整改事项已被他人更新，请刷新后重试' })
    const wrapper = mountForm(submit)
    await typeInto(wrapper, 'textarea', '已整改')
    await send(wrapper)
    expect(wrapper.get('[data-testid="form-error"]').text()).toBe('该整改事项已被他人更新，请刷新后重试')
    expect(wrapper.get('[data-testid="form-error"]').attributes('role')).toBe('alert')
    expect((wrapper.get('textarea').element as HTMLTextAreaElement).value).toBe('已整改')
    expect(wrapper.emitted('submitted')).toBeUndefined()
  })

  it('shows a field problem from the API beside the progress field', async () => {
    const submit = vi.fn<SubmitProgress>().mockResolvedValue({
      ok: false,
      message: '输入有误',
      problems: [{ path: ['input', 'note'], message: '请填写整改进展' }],
    })
    const wrapper = mountForm(submit)
    await typeInto(wrapper, 'textarea', '…')
    await send(wrapper)
    expect(wrapper.text()).toContain('请填写整改进展')
  })

  it('cannot send progress on an item waiting for verification', async () => {
    const submit = vi.fn<SubmitProgress>()
    const wrapper = mountForm(submit, { status: 'SUBMITTED' })
    expect(submitButton(wrapper).attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain('暂不能提交进展')
    await send(wrapper)
    expect(submit).not.toHaveBeenCalled()
  })
})
