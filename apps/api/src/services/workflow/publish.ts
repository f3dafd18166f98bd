import {
  frozenRowJson,
  type ListMark,
  type OrgCategory,
  type PrismaClient,
  type ReconciliationStatus,
} from '@redblue/db'
import {
  chinaMonth,
  defaultDeadline,
  isPublished,
  roundResults,
  scoreAssessment,
} from '@redblue/scoring'
import { ValidationError } from '../../errors'
import { storeRoundSummaries } from './round-summaries'
import { storePublishedInsights } from '../insights/store'
import { requireAdmin, type Actor } from '../../access'
import { audit } from './audit'
import { sendInOrder } from './in-order'
import { readInSnapshot } from './snapshot-reads'
import { assertRoundStatus, getRound, recordTransition } from './round-state'
import { recordRoundRules } from './rules'
import { COUNTED_AT_PUBLICATION, SchemeCache } from './scoring'
import type { FaultHooks, Tx } from './types'

export interface PublishInput {
  roundId: number
  note?: string | null
  now?: Date
  /** 通报 document number and title; defaulted from the round. */
  docNo?: string | null
  title?: string | null
  issuedBy?: string | null
  /**
   * A client whose own pooled connections may read the round beside this transaction, through its
   * snapshot (`readInSnapshot`); PostgreSQL servers only — null or absent on PGlite.
   */
  reader?: PrismaClient | null
}

interface ScoringInputRow {
  assessmentId: number
  indicatorId: number
  ratingLevel: string | null
  quantityValue: string | null
  bonusPoints: string | null
}

interface PublishedAssessmentRow {
  id: number
  orgId: number
  areaId: number
  schemeId: number
  category: OrgCategory
  unitType: 'GRASSROOTS' | 'HEADQUARTERS'
}

interface ScoringFindingRow {
  id: number
  assessmentId: number
  indicatorId: number
  deduction: string
  reconciliationStatus: ReconciliationStatus
}

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>()
  for (const row of rows) {
    const k = key(row)
    const group = groups.get(k)
    if (group) group.push(row)
    else groups.set(k, [row])
  }
  return groups
}

/**
 * What the scoring reads of a round, by round: its assessments, the inspectors' inputs and the
 * findings, decimals as text (the engine reads "97.50" directly). Lazy Prisma statements: each
 * runs when first awaited.
 */
function roundReads(db: Tx, roundId: number) {
  return [
    db.$queryRaw<PublishedAssessmentRow[]>`
      SELECT a."id", a."orgId", a."areaId", a."schemeId", a."category"::text AS "category",
             a."unitType"::text AS "unitType"
      FROM "Assessment" a WHERE a."roundId" = ${roundId} ORDER BY a."id"`,
    db.$queryRaw<ScoringInputRow[]>`
      SELECT ii."assessmentId", ii."indicatorId", ii."ratingLevel", ii."quantityValue"::text AS "quantityValue",
             ii."bonusPoints"::text AS "bonusPoints"
      FROM "IndicatorInput" ii JOIN "Assessment" a ON a."id" = ii."assessmentId"
      WHERE a."roundId" = ${roundId}`,
    db.$queryRaw<ScoringFindingRow[]>`
      SELECT f."id", f."assessmentId", f."indicatorId", f."deduction"::text AS "deduction",
             f."reconciliationStatus"::text AS "reconciliationStatus"
      FROM "Finding" f WHERE f."roundId" = ${roundId}`,
  ] as const
}

const DEEMED_CONFIRMED = '核对期结束未提出异议，视为确认'
const TITLE_MAX = 200

/**
 * RECONCILING → PUBLISHED (R3–R6, R8, R9), all in the caller's one transaction so that any
 * failure leaves nothing behind:
 * 1. refuse while a dispute is open; findings the org never reacted to are deemed confirmed;
 * 2. freeze every assessment: points per indicator, dimension subtotals, base/bonus/total
 *    (only CONFIRMED and UPHELD findings count);
 * 3. rank per area and category; red/blue marks and performance adjustments from the year's rule
 *    set, dated to the month of publication in China time;
 * 4. open one rectification per counted finding (deadline = publication day + rule set days,
 *    responsible person defaulted to the org's first branch user) and one interview per blue-list
 *    org and area; issue the notice; record the transition.
 * The status flips first, so a concurrent second publish waits on the row and then fails.
 */
export async function publishRound(
  tx: Tx,
  actor: Actor,
  input: PublishInput,
  hooks: FaultHooks = {},
) {
  requireAdmin(actor)
  const step = async (name: string) => {
    await hooks.onStep?.(name)
  }
  const now = input.now ?? new Date()
  const round = await getRound(tx, input.roundId)
  if (isPublished(round.status)) {
    throw new ValidationError('本轮检查结果已发布，不能重复发布')
  }
  assertRoundStatus(round, 'RECONCILING')
  const disputed = await tx.finding.count({
    where: { roundId: round.id, reconciliationStatus: 'DISPUTED' },
  })
  if (disputed > 0) throw new ValidationError(`还有 ${disputed} 个有异议的问题未处理，不能发布`)
  const published = await recordTransition(tx, actor, round, 'PUBLISHED', input.note ?? null, now)
  await step('status')

  // The rule set and the schemes first (a few small statements); then the reads and the two
  // writes that do not depend on the scores go to the server together, in that order (see
  // sendInOrder): it runs them back to back, the writes right after the last read's rows instead
  // of after this function has taken them up (≈ 0.4 s less of an idle server than a wave per
  // read), and the scores are computed here while the writes run (≈ 0.7–1 s of JavaScript for a
  // provincial round). All reads are by round; decimals come as text: the engine reads "97.50"
  // directly.
  const cache = new SchemeCache(tx)
  const [{ rules }] = await Promise.all([recordRoundRules(tx, round), cache.preloadRound(round.id)])
  // Neither write depends on the other having run, nor on the reads: the findings count the same
  // whether read before or after the deemed confirmations (COUNTED_AT_PUBLICATION).
  const deadline = defaultDeadline(now, rules.rectificationDays)
  // Findings the org never reacted to are deemed confirmed, with a record saying so (one statement).
  const confirming = tx.$executeRaw`
    WITH confirmed AS (
      UPDATE "Finding"
      SET "reconciliationStatus" = 'CONFIRMED', "version" = "version" + 1, "updatedAt" = CURRENT_TIMESTAMP
      WHERE "roundId" = ${round.id} AND "reconciliationStatus" = 'PENDING'
      RETURNING "id"
    )
    INSERT INTO "ReconciliationRecord" ("findingId", "action", "reason", "actorId", "at")
    SELECT "id", 'CONFIRM', ${DEEMED_CONFIRMED}, ${actor.userId}, ${now} FROM confirmed ORDER BY "id"`

  // One rectification item per finding that stands, with its CREATED event (one statement). It
  // selects the findings that count at publication (PENDING too), so it opens the same items
  // whether it runs before or after the deemed confirmations. The
  // responsible person defaults to the org's first active branch user (by id); the org edits it.
  // Area and category are named here so the insert trigger that fills them for other writers
  // skips its per-row lookup (≈ 1 s per 27 k items); the assessments are the round's (by its
  // index: 9,000 rows hashed instead of every round's). The event names no round: its roundId is
  // the look-back round of VERIFIED and CARRIED_OVER, and each row's foreign key check on it cost
  // ≈ 0.26 s per 27,700 events.
  const opening = tx.$executeRaw`
    WITH created AS (
      INSERT INTO "Rectification"
        ("source", "findingId", "orgId", "roundId", "areaId", "category", "problemCategoryId", "title",
         "responsiblePerson", "deadline", "updatedAt")
      SELECT 'FINDING', f."id", f."orgId", f."roundId", f."areaId", a."category", f."problemCategoryId",
             CASE WHEN char_length(f."description") > ${TITLE_MAX}
                  THEN left(f."description", ${TITLE_MAX - 1}) || '…' ELSE f."description" END,
             COALESCE(responsible."displayName", ''), ${deadline}::date, CURRENT_TIMESTAMP
      FROM "Finding" f
      JOIN "Assessment" a ON a."id" = f."assessmentId" AND a."roundId" = ${round.id}
      LEFT JOIN (
        SELECT DISTINCT ON (u."orgId") u."orgId", u."displayName" FROM "User" u
        WHERE u."role" = 'BRANCH' AND u."active"
        ORDER BY u."orgId", u."id"
      ) responsible ON responsible."orgId" = f."orgId"
      WHERE f."roundId" = ${round.id}
        AND f."reconciliationStatus" = ANY(${COUNTED_AT_PUBLICATION}::text[]::"ReconciliationStatus"[])
      ORDER BY f."id"
      RETURNING "id"
    )
    INSERT INTO "RectificationEvent" ("rectificationId", "type", "note", "actorId", "createdAt")
    SELECT "id", 'CREATED', '检查结果发布，生成整改事项', ${actor.userId}, ${now}
    FROM created ORDER BY "id"`
  // On a PostgreSQL server the three reads go to a connection of their own through this
  // transaction's snapshot (the same rows: they do not depend on its writes), and this one starts
  // on the writes at once: ≈ 0.7 s of reading a provincial round (540,000 inputs) no longer ahead of
  // them (`trace.ts publish` back to back: 4.4 / 6.1 / 5.2 s vs 6.3 / 6.6 / 5.7 s). On PGlite's
  // single connection they are queued before the writes instead.
  let reads: Promise<readonly [PublishedAssessmentRow[], ScoringInputRow[], ScoringFindingRow[]]>
  let confirmed: Promise<number>
  let opened: Promise<number>
  if (input.reader) {
    const side = await readInSnapshot(tx, input.reader, async (reader) => {
      // One after the other: issued together in one turn, Prisma batches a transaction's
      // statements (see sendInOrder); the reader has nothing else to do meanwhile.
      const [assessments, inputs, findings] = roundReads(reader, round.id)
      return [await assessments, await inputs, await findings] as const
    })
    reads = side.result
    ;[confirmed, opened] = await sendInOrder([confirming, opening] as const)
  } else {
    const sent = await sendInOrder([...roundReads(tx, round.id), confirming, opening] as const)
    reads = Promise.all([sent[0], sent[1], sent[2]] as const)
    ;[, , , confirmed, opened] = sent
  }
  const [assessments, inputRows, findingRows] = await reads
  const inputsOf = groupBy(inputRows, (r) => r.assessmentId)
  const findingsOf = groupBy(findingRows, (r) => r.assessmentId)
  // Score everything in memory, then write each table in one set-based statement: a provincial
  // round has thousands of assessments and hundreds of thousands of indicator points, and a
  // statement per assessment made publication take minutes.
  const scored = []
  // What is frozen besides the scores (every indicator's points and the dimension subtotals) goes
  // to the server as one JSON document read with jsonb_to_recordset, one row per assessment (see
  // frozenRowJson): as a jsonb[] parameter (9,000 objects of 60 points, every quote escaped) it
  // took ≈ 3 s to serialize and parse instead of ≈ 0.5 s, and the subtotals as rows of their own
  // (72,000 a round) ≈ 0.7–1.2 s to insert.
  const frozenRows: string[] = []
  for (const [i, assessment] of assessments.entries()) {
    // Let the I/O through now and then: the connection must see the first write end and send the
    // second while this loop runs, or the two would only overlap the first.
    if (i % 250 === 249) await new Promise((resolve) => setImmediate(resolve))
    const { prepared } = await cache.get(assessment.schemeId)
    const findings = (findingsOf.get(assessment.id) ?? []).map((f) => ({
      id: f.id,
      indicatorId: f.indicatorId,
      deduction: f.deduction,
      counts: COUNTED_AT_PUBLICATION.includes(f.reconciliationStatus),
    }))
    const score = scoreAssessment(prepared, {
      unitType: assessment.unitType,
      inputs: inputsOf.get(assessment.id) ?? [],
      findings,
    })
    frozenRows.push(frozenRowJson(assessment.id, score))
    scored.push({ assessment, score, standing: findings.filter((f) => f.counts).length })
  }
  // Rank per (area, category) and mark the lists per area (R3–R5): still JavaScript only, done
  // while the server is busy with the writes sent above rather than after them.
  const results = roundResults(
    scored.map((s) => ({
      orgId: s.assessment.orgId,
      area: s.assessment.areaId,
      category: s.assessment.category,
      base: s.score.base,
      total: s.score.total,
      assessmentId: s.assessment.id,
    })),
    rules,
  )
  const rankOf = new Map<number, number>()
  const markOf = new Map<number, ListMark>()
  const adjustments: {
    orgId: number
    areaId: number
    category: OrgCategory
    reason: string
    points: string
  }[] = []
  const blue: { orgId: number; areaId: number }[] = []
  const month = chinaMonth(now)
  for (const { entry, rank, mark, adjustments: own } of results) {
    rankOf.set(entry.assessmentId, rank)
    if (mark) markOf.set(entry.assessmentId, mark)
    if (mark === 'BLUE') blue.push({ orgId: entry.orgId, areaId: entry.area })
    for (const adjustment of own) {
      adjustments.push({
        orgId: entry.orgId,
        areaId: entry.area,
        category: entry.category,
        ...adjustment,
      })
    }
  }
  const frozenDocument = `[${frozenRows.join(',')}]`
  // Every scheme indicator's points and the subtotals in one row per assessment (not one input row
  // per indicator and one row per dimension: 9,000 rows for a provincial round instead of 612,000);
  // the inspector's inputs stay as they are.
  const freezing = tx.$executeRaw`
    INSERT INTO "AssessmentIndicatorPoints" ("assessmentId", "points", "dimensions")
    SELECT r."a", r."p", r."s"
    FROM jsonb_to_recordset(${frozenDocument}::jsonb) AS r("a" int, "p" jsonb, "s" jsonb)`
  const storingScores = tx.$executeRaw`
    UPDATE "Assessment" a
    SET "baseScore" = u."base", "bonusScore" = u."bonus", "totalScore" = u."total", "rank" = u."rank",
        "listMark" = u."mark"::"ListMark", "findingCount" = u."standing", "frozenAt" = ${now},
        "version" = a."version" + 1, "updatedAt" = CURRENT_TIMESTAMP
    FROM unnest(
      ${scored.map((s) => s.assessment.id)}::int[],
      ${scored.map((s) => s.score.base)}::numeric[],
      ${scored.map((s) => s.score.bonus)}::numeric[],
      ${scored.map((s) => s.score.total)}::numeric[],
      ${scored.map((s) => rankOf.get(s.assessment.id) ?? null)}::int[],
      ${scored.map((s) => markOf.get(s.assessment.id) ?? null)}::text[],
      ${scored.map((s) => s.standing)}::int[]
    ) AS u("id", "base", "bonus", "total", "rank", "mark", "standing")
    WHERE a."id" = u."id"`
  const adjusting = adjustments.length
    ? tx.$executeRaw`
      INSERT INTO "PerformanceAdjustment" ("roundId", "orgId", "areaId", "category", "reason", "points", "month")
      SELECT ${round.id}, u."orgId", u."areaId", u."category"::"OrgCategory", u."reason"::"AdjustmentReason",
             u."points", ${month}
      FROM unnest(${adjustments.map((a) => a.orgId)}::int[], ${adjustments.map((a) => a.areaId)}::int[],
        ${adjustments.map((a) => a.category)}::text[], ${adjustments.map((a) => a.reason)}::text[],
        ${adjustments.map((a) => a.points)}::numeric[])
        AS u("orgId", "areaId", "category", "reason", "points")`
    : 0
  const interviewing = blue.length
    ? tx.$executeRaw`
      INSERT INTO "Interview" ("roundId", "orgId", "areaId", "interviewer", "updatedAt")
      SELECT ${round.id}, u."orgId", u."areaId", '公司党委', CURRENT_TIMESTAMP
      FROM unnest(${blue.map((b) => b.orgId)}::int[], ${blue.map((b) => b.areaId)}::int[]) AS u("orgId", "areaId")`
    : 0
  // Queued behind the writes sent before the scoring (the server goes on from one to the next
  // without waiting for this process), then awaited in order, each named step after its own.
  const [frozen, scoresStored, adjusted, interviewed] = await sendInOrder([
    freezing,
    storingScores,
    adjusting,
    interviewing,
  ] as const)
  const deemedConfirmed = await confirmed
  const rectifications = await opened
  await frozen
  await step('frozen')
  await scoresStored
  await adjusted
  await step('lists')
  await step('rectifications')
  await interviewed
  await tx.notice.create({
    data: {
      roundId: round.id,
      docNo: input.docNo?.trim() || `${round.year}年第${round.quarter}季度`,
      title:
        input.title?.trim() ||
        `关于${round.year}年第${round.quarter}季度党建工作“红蓝榜”考评结果的通报`,
      issuedBy: input.issuedBy?.trim() || '公司党委',
      issuedAt: now,
    },
  })
  await step('interviews')

  // Stored per-round aggregates of what was just frozen, and each assessment's count of standing
  // findings (the analytics read them): one definition in the database for every writer. The
  // count was written with the scores above (the findings that counted), so the function finds
  // it equal and rewrites no row: a second update of a row this transaction wrote re-checks every
  // foreign key of it (PostgreSQL skips the check for unchanged keys only on older rows), ≈ 45,000
  // checks for a provincial round.
  await storeRoundSummaries(tx, round.id)
  await storePublishedInsights(tx, round.id, now)

  await audit(tx, actor, 'round.publishResults', 'InspectionRound', round.id, null, {
    assessments: scored.length,
    deemedConfirmed,
    rectifications,
    interviews: blue.length,
    adjustments: adjustments.length,
    month,
  })
  return published
}
