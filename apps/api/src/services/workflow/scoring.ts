import {
  schemeDefinitionOf,
  schemeInclude,
  type Prisma,
  type ReconciliationStatus,
  type SchemeWithParts,
} from '@redblue/db'
import {
  STANDING_FINDING_STATUSES,
  isPublished,
  prepareScheme,
  scoreAssessment,
  type AssessmentScore,
  type DecimalInput,
  type FindingInput,
  type PreparedScheme,
} from '@redblue/scoring'
import { NotFoundError } from '../../errors'
import type { Tx } from './types'

/**
 * Bridges stored schemes, inputs and findings to the scoring engine. The arithmetic itself lives
 * only in @redblue/scoring.
 *
 * Which findings count:
 * - live preview (INSPECTING, RECONCILING): every finding except WITHDRAWN — PENDING and DISPUTED
 *   still count, so the preview shows the worst case until the org confirms or an admin withdraws;
 * - publication: only CONFIRMED and UPHELD (publish first deems untouched PENDING findings
 *   confirmed and refuses while any DISPUTED remain).
 */
export const PREVIEW_COUNTED: ReconciliationStatus[] = [
  'PENDING',
  'CONFIRMED',
  'DISPUTED',
  'UPHELD',
]
export const FINAL_COUNTED: ReconciliationStatus[] = STANDING_FINDING_STATUSES
/**
 * Publication reads the findings before its own statement deems the untouched PENDING ones
 * confirmed (so that statement can run while the engine scores): what counts then is FINAL_COUNTED
 * plus PENDING, which is FINAL_COUNTED once that statement has run (DISPUTED refuses publication).
 */
export const COUNTED_AT_PUBLICATION: ReconciliationStatus[] = [...FINAL_COUNTED, 'PENDING']

/** Loads and prepares schemes once per request/publication; schemes in use never change. */
export class SchemeCache {
  private readonly entries = new Map<
    number,
    { scheme: SchemeWithParts; prepared: PreparedScheme }
  >()
  constructor(private readonly tx: Tx) {}

  /** Loads every not-yet-cached scheme of the list at once (a fixed number of statements). */
  async preload(schemeIds: readonly number[]): Promise<void> {
    const missing = [...new Set(schemeIds)].filter((id) => !this.entries.has(id))
    if (missing.length === 0) return
    const schemes = await this.tx.scheme.findMany({
      where: { id: { in: missing } },
      include: schemeInclude,
    })
    this.add(schemes)
  }

  /** Loads the schemes of a round's assessments (their ids by the round's index, then `preload`). */
  async preloadRound(roundId: number): Promise<void> {
    // Not a relation filter on Scheme: PostgreSQL walks every scheme's assessments for that one.
    const rows = await this.tx.$queryRaw<{ schemeId: number }[]>`
      SELECT DISTINCT a."schemeId" FROM "Assessment" a WHERE a."roundId" = ${roundId}`
    await this.preload(rows.map((r) => r.schemeId))
  }

  private add(schemes: readonly SchemeWithParts[]): void {
    for (const scheme of schemes) {
      if (!this.entries.has(scheme.id)) {
        this.entries.set(scheme.id, { scheme, prepared: prepareScheme(schemeDefinitionOf(scheme)) })
      }
    }
  }

  async get(schemeId: number) {
    let entry = this.entries.get(schemeId)
    if (!entry) {
      const scheme = await this.tx.scheme.findUnique({
        where: { id: schemeId },
        include: schemeInclude,
      })
      if (!scheme) throw new NotFoundError('Scheme', schemeId, '考核方案不存在')
      entry = { scheme, prepared: prepareScheme(schemeDefinitionOf(scheme)) }
      this.entries.set(schemeId, entry)
    }
    return entry
  }
}

export interface ScorableAssessment {
  schemeId: number
  unitType: 'GRASSROOTS' | 'HEADQUARTERS'
  inputs: {
    indicatorId: number
    ratingLevel: string | null
    quantityValue: Prisma.Decimal | null
    bonusPoints: Prisma.Decimal | null
  }[]
  findings: {
    id: number
    indicatorId: number
    deduction: Prisma.Decimal
    reconciliationStatus: ReconciliationStatus
  }[]
}

/**
 * A stored assessment's findings as the engine takes them; which statuses count is the caller's
 * (the lists above). The inputs need no mapping: the engine reads a stored input row's own columns.
 */
export function findingInputs(
  findings: readonly {
    id: number
    indicatorId: number
    deduction: DecimalInput
    reconciliationStatus: ReconciliationStatus
  }[],
  counted: readonly ReconciliationStatus[],
): FindingInput[] {
  return findings.map((f) => ({
    id: f.id,
    indicatorId: f.indicatorId,
    deduction: f.deduction,
    counts: counted.includes(f.reconciliationStatus),
  }))
}

export async function scoreWith(
  cache: SchemeCache,
  assessment: ScorableAssessment,
  counted: ReconciliationStatus[],
): Promise<AssessmentScore> {
  const { prepared } = await cache.get(assessment.schemeId)
  return scoreAssessment(prepared, {
    unitType: assessment.unitType,
    inputs: assessment.inputs,
    findings: findingInputs(assessment.findings, counted),
  })
}

export const scorableInclude = {
  inputs: true,
  findings: {
    select: { id: true, indicatorId: true, deduction: true, reconciliationStatus: true },
  },
} satisfies Prisma.AssessmentInclude

/**
 * The score of one assessment: preview rules while the round runs, final rules once published
 * (which reproduces the frozen figures, since a scheme in use never changes).
 */
export async function liveScore(
  tx: Tx,
  assessmentId: number,
  cache = new SchemeCache(tx),
): Promise<AssessmentScore> {
  const assessment = await tx.assessment.findUnique({
    where: { id: assessmentId },
    include: { ...scorableInclude, round: { select: { status: true } } },
  })
  if (!assessment) throw new NotFoundError('Assessment', assessmentId, '评分记录不存在')
  const final = isPublished(assessment.round.status)
  return scoreWith(cache, assessment, final ? FINAL_COUNTED : PREVIEW_COUNTED)
}

/** `liveScore` for many assessments in one query (lists of assessments select `score`). */
export async function liveScores(
  tx: Tx,
  assessmentIds: readonly number[],
  cache = new SchemeCache(tx),
): Promise<Map<number, AssessmentScore>> {
  const rows = await tx.assessment.findMany({
    where: { id: { in: [...new Set(assessmentIds)] } },
    include: { ...scorableInclude, round: { select: { status: true } } },
  })
  await cache.preload(rows.map((r) => r.schemeId))
  const result = new Map<number, AssessmentScore>()
  for (const assessment of rows) {
    const final = isPublished(assessment.round.status)
    result.set(
      assessment.id,
      await scoreWith(cache, assessment, final ? FINAL_COUNTED : PREVIEW_COUNTED),
    )
  }
  return result
}
