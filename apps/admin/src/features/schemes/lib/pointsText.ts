import { toFixed2 } from '@redblue/scoring'
import { isDecimalText } from '@/features/workbench/lib/inputs'

/**
 * Points as the scheme shows them everywhere: two decimal places (5 → 5.00), so a value just typed
 * reads like the totals beside it. Text the engine cannot read is left as typed for its message.
 */
export function asPoints(text: string | null | undefined): string {
  const value = (text ?? '').trim()
  return value !== '' && isDecimalText(value) ? toFixed2(value) : (text ?? '')
}
