import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { Client, fetchExchange } from '@urql/core'
import { install as installUrql } from '@urql/vue'
import type { App } from 'vue'
import { mountWithApp } from '../../../../test/helpers'
import FindingFormDialog from './FindingFormDialog.vue'

function mountDialog() {
  const fetch = vi.fn(() => Promise.resolve(new Response(JSON.stringify({ data: null }), { headers: { 'content-type': 'application/json' } })))
  const client = new Client({ url: 'http://api.test/graphql', exchanges: [fetchExchange], fetch, preferGetMethod: false })
  return mountWithApp(FindingFormDialog, {
    props: { show: true, assessmentId: 1, indicators: [], indicatorId: null, finding: null, problemCategories: [] },
    global: { plugins: [{ install: (app: App) => installUrql(app, client) }] },
  })
}

async function choose(files: File[]) {
  const input = document.body.querySelector<HTMLInputElement>('[data-testid="finding-files"]')!
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  input.dispatchEvent(new Event('change'))
  await flushPromises()
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('FindingFormDialog evidence', () => {
  it('chooses files with the same styled picker the branch uses, never the browser’s bare input', async () => {
    const wrapper = mountDialog()
    await flushPromises()
    const input = document.body.querySelector<HTMLInputElement>('[data-testid="finding-files"]')!
    // The native input is hidden behind the button and the accepted types are said in words.
    expect(input.classList.contains('file-input')).toBe(true)
    const picker = input.closest('.file-picker')!
    expect(picker.querySelector('button')?.textContent).toContain('选择文件')
    expect(picker.textContent).toContain('支持 PDF、图片、Word、Excel')

    await choose([new File(['x'], '研判记录.png', { type: 'image/png' })])
    expect(picker.querySelector('.file-list')?.textContent).toContain('研判记录.png')
    wrapper.unmount()
  })

  it('refuses a file the API does not take beside the field, and saving waits', async () => {
    const wrapper = mountDialog()
    await flushPromises()
    await choose([new File(['x'], 'run.exe')])
    expect(document.body.querySelector('.file-problems')?.textContent).toContain('不支持的文件类型：run.exe')
    expect(document.body.querySelector<HTMLButtonElement>('[data-testid="dialog-submit"]')?.disabled).toBe(true)

    // Removed again: nothing stands in the way of saving any more.
    document.body.querySelector<HTMLButtonElement>('[aria-label="移除 run.exe"]')!.click()
    await flushPromises()
    expect(document.body.querySelector('.file-problems')).toBeNull()
    wrapper.unmount()
  })
})
