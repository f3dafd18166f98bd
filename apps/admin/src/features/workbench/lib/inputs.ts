import type { Id, IndicatorInputValue } from '@redblue/scoring'

/** What an inspector types for one indicator; numbers stay strings so they stay exact. */
export interface InputDraft {
  ratingLevel: string | null
  quantityValue: string
  bonusPoints: string
  note: string
}

/** Inputs keyed by indicator id (as a string). */
export type InputsById = Record<string, InputDraft>

export const emptyInput = (): InputDraft => ({
  ratingLevel: null,
  quantityValue: '',
  bonusPoints: '',
  note: '',
})

export function cloneInputs(inputs: InputsById): InputsById {
  return Object.fromEntries(Object.entries(inputs).map(([id, input]) => [id, { ...input }]))
}

export function sameInput(a: InputDraft | undefined, b: InputDraft | undefined): boolean {
  const x = a ?? emptyInput()
  const y = b ?? emptyInput()
  return (
    x.ratingLevel === y.ratingLevel &&
    x.quantityValue.trim() === y.quantityValue.trim() &&
    x.bonusPoints.trim() === y.bonusPoints.trim() &&
    x.note === y.note
  )
}

/**
 * A typed number as the API takes it: 0 or more, with at most two decimals (scores are exact to the
 * cent). '' is "not entered", not invalid. Anything else is shown on its field and left out of the
 * live score, rather than counted as 0 or rounded behind the inspector's back.
 */
export function isDecimalText(text: string): boolean {
  const value = text.trim()
  return value === '' || /^\+?(\d+(\.\d{0,2})?|\.\d{1,2})$/.test(value)
}

/** Indicator ids whose typed numbers cannot be read yet (shown on the field, left out of the score). */
export function invalidInputs(inputs: InputsById): Set<string> {
  const invalid = new Set<string>()
  for (const [id, input] of Object.entries(inputs)) {
    if (!isDecimalText(input.quantityValue) || !isDecimalText(input.bonusPoints)) invalid.add(id)
  }
  return invalid
}

/** The drafts in the scoring engine's shape; unreadable numbers count as not entered. */
export function toInputValues(inputs: InputsById, ids: Map<string, Id>): IndicatorInputValue[] {
  return Object.entries(inputs).map(([key, input]) => {
    const number = (text: string) => {
      const value = text.trim()
      return value !== '' && isDecimalText(value) ? value : null
    }
    return {
      indicatorId: ids.get(key) ?? key,
      ratingLevel: input.ratingLevel,
      quantityValue: number(input.quantityValue),
      bonusPoints: number(input.bonusPoints),
    }
  })
}
