/** Marks the form a person submitted before the app ran (set by index.html's own script). */
export const SUBMITTED_ATTRIBUTE = 'data-submitted'

interface Field {
  name: string
  value: string
  focused: boolean
  selection: [number, number] | null
}

/**
 * index.html shows the sign-in form before the app runs (build/prerendered-sign-in.ts), and the
 * app's mount replaces it with the same form. Called just before the mount, this reads what the
 * person did meanwhile (each named field's text, where the caret was, a submit the early form held
 * back); the function it returns, called just after, gives it to the app's form: the text through
 * an `input` event, so the page's state has it too, and the submit by submitting that form.
 */
export function keepPrerenderedInput(root: Element): () => void {
  const fields: Field[] = [...root.querySelectorAll<HTMLInputElement>('input[name]')].map((input) => ({
    name: input.name,
    value: input.value,
    focused: input === document.activeElement,
    selection: input.selectionStart === null ? null : [input.selectionStart, input.selectionEnd ?? input.selectionStart],
  }))
  const submitted = root.querySelector(`form[${SUBMITTED_ATTRIBUTE}]`) !== null
  return () => {
    const inputs = new Map([...root.querySelectorAll<HTMLInputElement>('input[name]')].map((input) => [input.name, input]))
    let form: HTMLFormElement | null = null
    for (const field of fields) {
      const input = inputs.get(field.name)
      if (!input) continue
      form ??= input.form
      if (field.value && !input.value) {
        input.value = field.value
        input.dispatchEvent(new Event('input', { bubbles: true }))
      }
      if (field.focused) {
        input.focus()
        if (field.selection) input.setSelectionRange(...field.selection)
      }
    }
    if (submitted) form?.requestSubmit()
  }
}
