import { describe, expect, it } from 'vitest'
import * as scoring from './index'

// Other packages (db seed, api, admin) code against these names; renaming one must be deliberate.
describe('public API', () => {
  it.each([
    'validateScheme',
    'formatSchemeMessage',
    'scoreIndicator',
    'prepareScheme',
    'scoreAssessment',
    'rankEntries',
    'computeLists',
    'ruleSetYearFor',
    'ruleValueFor',
    'indicatorApplies',
    'takesFindings',
    'rectificationWarning',
    'chinaDate',
    'chinaMonth',
    'addDays',
    'daysBetween',
    'defaultDeadline',
    'chinaDayStart',
    'chinaDayEnd',
    'chinaMonthRange',
    'findRepeats',
    'annualRollup',
    'lastRounds',
    'orgSeries',
    'categoryAverageSeries',
    'findingCountsByCategory',
    'closeOutRate',
    'dimensionAverages',
    'roundInsights',
    'frozenRoundInsights',
    'insightsForOrg',
    'insightSentence',
    'toFixed2',
    'compareScores',
    'sumScores',
    'meanScore',
  ])('exports the function %s', (name) => {
    expect(typeof (scoring as Record<string, unknown>)[name]).toBe('function')
  })

  it('exports the default rule set and the message tables', () => {
    expect(scoring.DEFAULT_RULE_SET.baseThreshold).toBe('98.00')
    expect(Object.keys(scoring.SCHEME_PROBLEM_MESSAGES_ZH)).toEqual(
      Object.keys(scoring.SCHEME_PROBLEM_MESSAGES_EN),
    )
  })
})
