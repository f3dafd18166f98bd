import type { AnnualRollup, AnnualRollupInput } from './types'

export function annualRollup(_input: AnnualRollupInput): AnnualRollup {
  throw new Error('not implemented')
}
