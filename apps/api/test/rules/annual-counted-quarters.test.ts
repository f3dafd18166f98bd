/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are checked by shape here. */
/**
 * R10 for an org with fewer quarters: A2 joined in Q3, so its mean counts Q3 and Q4 only — and the
 * annual result says so: `quarters` and `quarterCount` in the API, a 计入季度 column and notes in
 * annual.xlsx. The quarters are published rounds with frozen totals (the quarter itself is the
 * workflow tests' business).
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { hashPassword } from '../../src/auth/password'
import { headerOf, readXlsx, rowsOf } from '../excel/xlsx'
import { ok, useTestApi } from '../helpers'
import { buildFixture, FIXTURE_PASSWORD, YEAR, type Fixture } from '../workflow/fixtures'

const api = useTestApi({ seed: 'none' })
let fx: Fixture
let hash: string | undefined
let admin: string

beforeEach(async () => {
  hash ??= await hashPassword(FIXTURE_PASSWORD)
  fx = await buildFixture(api.prisma, { passwordHash: hash })
  admin = await api.login('wf-admin', FIXTURE_PASSWORD)
  // A1 in all four quarters; A2 only from Q3 on.
  const totals: Record<number, [string, string | null]> = {
    1: ['96.00', null],
    2: ['98.00', null],
    3: ['97.00', '99.00'],
    4: ['99.00', '98.50'],
  }
  for (const quarter of [1, 2, 3, 4]) {
    const round = await api.prisma.inspectionRound.create({
      data: {
        year: YEAR,
        quarter,
        name: `${YEAR}年第${quarter}季度检查`,
        status: 'PUBLISHED',
        publishedAt: new Date(`${YEAR}-${String(quarter * 3).padStart(2, '0')}-28T00:00:00Z`),
        areas: { create: { areaId: fx.areaId } },
      },
    })
    const [a1, a2] = totals[quarter]!
    for (const [orgId, total] of [
      [fx.orgs.A1, a1],
      [fx.orgs.A2, a2],
    ] as const) {
      if (total === null) continue
      await api.prisma.assessment.create({
        data: {
          roundId: round.id,
          orgId,
          areaId: fx.areaId,
          schemeId: fx.schemes.I.id,
          category: 'I',
          unitType: 'GRASSROOTS',
          status: 'SUBMITTED',
          baseScore: total,
          bonusScore: '0.00',
          totalScore: total,
        },
      })
    }
  }
})

describe('annual roll-up of an org with fewer quarters', () => {
  it('says which quarters counted, in the API and in the export', async () => {
    const computed = ok(
      await api.gql<any>(
        `mutation { computeAnnualResults(year: ${YEAR}) { __typename ... on AppError { message } } }`,
        {},
        admin,
      ),
    ).computeAnnualResults
    expect(computed.__typename).toBe('MutationComputeAnnualResultsSuccess')
    const results = ok(
      await api.gql<any>(
        `{ annualResults(year: ${YEAR}) { org { code } quarters quarterCount quarterlyMean } }`,
        {},
        admin,
      ),
    ).annualResults
    const byCode = Object.fromEntries(results.map((r: any) => [r.org.code, r]))
    expect(byCode.A1).toEqual({ org: { code: 'A1' }, quarters: [1, 2, 3, 4], quarterCount: 4, quarterlyMean: '97.50' })
    // The mean of its two quarters, not of four with two blanks.
    expect(byCode.A2).toEqual({ org: { code: 'A2' }, quarters: [3, 4], quarterCount: 2, quarterlyMean: '98.75' })

    const wb = await readXlsx(await api.fetch(`/files/export/annual.xlsx?year=${YEAR}`, {}, { cookie: admin }))
    const ws = wb.worksheets[0]!
    const header = headerOf(ws)
    const column = header.indexOf('计入季度')
    expect(column).toBeGreaterThan(-1)
    expect(header[column + 1]).toBe('季度平均总分')
    const rows = rowsOf(ws)
    const row = (code: string) => rows.find((r) => r[header.indexOf('党组织编码')] === code)!
    expect(row('A1')[column]).toBe('第一、二、三、四季度（4/4）')
    expect(row('A2')[column]).toBe('第三、四季度（2/4）')
    // The note: on the column's header (how missing quarters count) and on A2's mean.
    expect(noteText(ws.getRow(1).getCell(column + 1).note)).toContain('不计入')
    const a2Row = rows.indexOf(row('A2')) + 2
    expect(String(noteText(ws.getRow(a2Row).getCell(column + 2).note))).toBe(
      '仅计入 2 个季度的平均：第三、四季度（2/4）',
    )
    const a1Row = rows.indexOf(row('A1')) + 2
    expect(ws.getRow(a1Row).getCell(column + 2).note).toBeUndefined()
  })
})

/** exceljs reads a note back as a string or as { texts: [{ text }] }. */
function noteText(note: unknown): string {
  if (typeof note === 'string') return note
  const texts = (note as { texts?: { text: string }[] } | undefined)?.texts
  return texts ? texts.map((t) => t.text).join('') : String(note)
}
