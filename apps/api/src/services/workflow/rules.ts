import type { RuleSet as DbRuleSet, Prisma, RoundRuleSet } from '@redblue/db'
import {
  DEFAULT_RULE_SET,
  ruleValueFor,
  type ChinaDateString,
  type RuleSet,
} from '@redblue/scoring'
import type { Tx } from './types'

/** Reads only: the request's client or a transaction. */
type Reader = Pick<Tx, 'ruleSet' | 'roundRuleSet'>

/**
 * A year's rules as everything uses them. `row` is the stored rule set they come from (the year's
 * own or, inherited, the latest earlier year's; see `ruleSetYearFor`), null for the built-in
 * defaults; `sourceYear` names its year.
 */
export interface YearRules {
  rules: RuleSet
  row: DbRuleSet | null
  sourceYear: number | null
  annualComponents: Prisma.JsonValue
}

function engineRules(row: Omit<RoundRuleSet, 'roundId' | 'sourceYear' | 'recordedAt'>): RuleSet {
  return {
    redCategories: row.redCategories,
    blueLastCategories: row.blueLastCategories,
    baseThresholdCategories: row.baseThresholdCategories,
    baseThreshold: row.baseThreshold,
    redPoints: row.redPoints,
    bluePoints: row.bluePoints,
    thresholdPoints: row.thresholdPoints,
    quarterlyWeight: row.quarterlyWeight,
    warningDays: row.warningDays,
    rectificationDays: row.rectificationDays,
  }
}

/**
 * The one place a year's rule set (R4, R5, R8, R10) is resolved: the year's stored set, else the
 * latest earlier year's, else the source's defaults. The `ruleSet` query, publication, interviews,
 * the annual roll-up and components, the exports and the rectification warnings all come here (a
 * published round's own figures come from what it recorded: `rulesOfRound`).
 */
export async function rulesFor(tx: Reader, year: number): Promise<YearRules> {
  const row =
    (await tx.ruleSet.findUnique({ where: { year } })) ??
    (await tx.ruleSet.findFirst({ where: { year: { lt: year } }, orderBy: { year: 'desc' } }))
  if (!row) return { rules: DEFAULT_RULE_SET, row: null, sourceYear: null, annualComponents: [] }
  return { rules: engineRules(row), row, sourceYear: row.year, annualComponents: row.annualComponents }
}

/**
 * Records the rules a round is being published with (in the publishing transaction) and returns
 * them: the notice, board, exports and interviews of that round read this record from then on,
 * so a later edit of the year's rule set never changes what was published.
 */
export async function recordRoundRules(tx: Tx, round: { id: number; year: number }): Promise<YearRules> {
  const resolved = await rulesFor(tx, round.year)
  const { rules } = resolved
  await tx.roundRuleSet.create({
    data: {
      roundId: round.id,
      sourceYear: resolved.sourceYear,
      redCategories: [...rules.redCategories],
      blueLastCategories: [...rules.blueLastCategories],
      baseThresholdCategories: [...rules.baseThresholdCategories],
      baseThreshold: decimalText(rules.baseThreshold),
      redPoints: decimalText(rules.redPoints),
      bluePoints: decimalText(rules.bluePoints),
      thresholdPoints: decimalText(rules.thresholdPoints),
      quarterlyWeight: decimalText(rules.quarterlyWeight),
      annualComponents: resolved.annualComponents ?? [],
      rectificationDays: rules.rectificationDays,
      warningDays: rules.warningDays,
    },
  })
  return resolved
}

/**
 * The rules of one round: what it recorded at publication, else (not yet published) what its year
 * resolves to now.
 */
export async function rulesOfRound(
  tx: Reader,
  round: { id: number; year: number },
): Promise<YearRules & { recorded: RoundRuleSet | null }> {
  const recorded = await tx.roundRuleSet.findUnique({ where: { roundId: round.id } })
  if (!recorded) return { ...(await rulesFor(tx, round.year)), recorded: null }
  return {
    rules: engineRules(recorded),
    row: null,
    sourceYear: recorded.sourceYear,
    annualComponents: recorded.annualComponents,
    recorded,
  }
}

/**
 * Warning days (R8) by year under the same inheritance, loaded once per request: every year from
 * the first stored rule set to 2100 (the last year a rule set may be saved for) has an entry;
 * earlier years have none and use the default.
 */
export async function warningDaysByYear(tx: Pick<Tx, 'ruleSet'>): Promise<Map<number, number>> {
  const sets = await tx.ruleSet.findMany({ select: { year: true, warningDays: true } })
  const stored = new Map(sets.map((s) => [s.year, s.warningDays]))
  const result = new Map<number, number>()
  if (stored.size === 0) return result
  for (let year = Math.min(...stored.keys()); year <= LAST_RULE_YEAR; year++) {
    result.set(year, ruleValueFor(stored, year, DEFAULT_RULE_SET.warningDays))
  }
  return result
}

const LAST_RULE_YEAR = 2100

function decimalText(value: RuleSet['baseThreshold']): string {
  return typeof value === 'object' ? value.toFixed() : String(value)
}

/**
 * `@db.Date` columns hold a China calendar day. Prisma reads and writes them as UTC midnight of
 * that day, so the conversion is plain string slicing, independent of the server's time zone.
 */
export function toDbDate(day: ChinaDateString): Date {
  return new Date(`${day}T00:00:00.000Z`)
}

export function fromDbDate(date: Date): ChinaDateString {
  return date.toISOString().slice(0, 10)
}
