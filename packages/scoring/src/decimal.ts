import type { DecimalInput, ScoreString } from './types'

export function toFixed2(_x: DecimalInput): ScoreString {
  throw new Error('not implemented')
}
export function compareScores(_a: DecimalInput, _b: DecimalInput): -1 | 0 | 1 {
  throw new Error('not implemented')
}
export function sumScores(_xs: readonly DecimalInput[]): ScoreString {
  throw new Error('not implemented')
}
