import type { RectificationWarning, RectificationWarningInput } from './types'

export function rectificationWarning(_input: RectificationWarningInput): RectificationWarning {
  throw new Error('not implemented')
}
