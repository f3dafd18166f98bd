import type { FindingInput, IndicatorDefinition, IndicatorInputValue, IndicatorScore, UnitType } from './types'

export interface ScoreIndicatorArgs {
  indicator: IndicatorDefinition
  unitType: UnitType
  input?: IndicatorInputValue | null
  /** Findings of this indicator; others are ignored. */
  findings?: readonly FindingInput[]
}

export function scoreIndicator(_args: ScoreIndicatorArgs): IndicatorScore {
  throw new Error('not implemented')
}
