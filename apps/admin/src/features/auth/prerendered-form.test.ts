import { afterEach, describe, expect, it, vi } from 'vitest'
import { keepPrerenderedInput, SUBMITTED_ATTRIBUTE } from './prerendered-form'

/** The form index.html shows before the app runs, and the app's own form that replaces it. */
const FORM = `<form><input name="username"><input name="password" type="password"><button type="submit">Sign in</button></form>`

function mount(root: HTMLElement) {
  root.innerHTML = FORM
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('keepPrerenderedInput', () => {
  it('gives what was typed to the app’s fields, through input events', () => {
    const root = document.createElement('div')
    document.body.append(root)
    mount(root)
    root.querySelector<HTMLInputElement>('[name=username]')!.value = 'branch1'
    root.querySelector<HTMLInputElement>('[name=password]')!.value = 'secret'
    const keep = keepPrerenderedInput(root)
    mount(root)
    const seen: string[] = []
    root.addEventListener('input', (event) => seen.push((event.target as HTMLInputElement).name))
    keep()
    expect(root.querySelector<HTMLInputElement>('[name=username]')!.value).toBe('branch1')
    expect(root.querySelector<HTMLInputElement>('[name=password]')!.value).toBe('secret')
    expect(seen).toEqual(['username', 'password'])
  })

  it('puts the focus and the caret back where they were', () => {
    const root = document.createElement('div')
    document.body.append(root)
    mount(root)
    const early = root.querySelector<HTMLInputElement>('[name=username]')!
    early.value = 'leader'
    early.focus()
    early.setSelectionRange(2, 4)
    const keep = keepPrerenderedInput(root)
    mount(root)
    keep()
    const input = root.querySelector<HTMLInputElement>('[name=username]')!
    expect(document.activeElement).toBe(input)
    expect([input.selectionStart, input.selectionEnd]).toEqual([2, 4])
  })

  it('submits the app’s form when the early one was submitted, and only then', () => {
    const root = document.createElement('div')
    document.body.append(root)
    for (const submitted of [true, false]) {
      mount(root)
      if (submitted) root.querySelector('form')!.setAttribute(SUBMITTED_ATTRIBUTE, '')
      const keep = keepPrerenderedInput(root)
      mount(root)
      const onSubmit = vi.fn((event: Event) => event.preventDefault())
      root.querySelector('form')!.addEventListener('submit', onSubmit)
      keep()
      expect(onSubmit).toHaveBeenCalledTimes(submitted ? 1 : 0)
    }
  })

  it('leaves what the app rendered alone when there was no early form', () => {
    const root = document.createElement('div')
    document.body.append(root)
    const keep = keepPrerenderedInput(root)
    mount(root)
    root.querySelector<HTMLInputElement>('[name=username]')!.value = 'typed in the app'
    keep()
    expect(root.querySelector<HTMLInputElement>('[name=username]')!.value).toBe('typed in the app')
  })
})
