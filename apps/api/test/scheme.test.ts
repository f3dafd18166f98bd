import { beforeEach, describe, expect, it } from 'vitest'
import { ok, useTestApi } from './helpers'

/** Scheme lifecycle (R1): drafts, engine validation, publish, revisions, clones, shared indicators. */

const api = useTestApi({ seed: 'fixture' })
let admin: string

beforeEach(async () => {
  admin = await api.login('admin')
})

const SCHEME = `id year category revision status version name bonusCap previousRevisionId clonedFromId
    dimensions { id code maxPoints }
    indicators { id code name dimensionId maxPoints method sharedIndicatorId evaluationStandard }
    problems { code path entityCode }`
const RESULT = `
  __typename
  ... on Scheme { ${SCHEME} }
  ... on ValidationError { message problems { path code message } }
  ... on ConflictError { currentVersion current }
  ... on NotFoundError { entityType }
`

type SchemeResult = {
  __typename: string
  id: number
  year: number
  category: string
  revision: number
  status: string
  version: number
  name: string
  bonusCap: string
  previousRevisionId: number | null
  clonedFromId: number | null
  dimensions: { id: number; code: string; maxPoints: string }[]
  indicators: {
    id: number
    code: string
    name: string
    dimensionId: number | null
    maxPoints: string
    method: string
    sharedIndicatorId: number | null
    evaluationStandard: string
  }[]
  problems: { code: string; path: string[]; entityCode: string | null }[]
  message?: string
  currentVersion?: number
  current?: { version: number; name: string; indicators: { code: string; maxPoints: string }[] }
}

async function createScheme(category = 'I', year = 2026, cookie = admin): Promise<SchemeResult> {
  const res = await api.gql<{ createScheme: SchemeResult }>(
    `mutation ($input: CreateSchemeInput!) { createScheme(input: $input) { ${RESULT} } }`,
    {
      input: {
        year,
        areaId: api.fixture.areaIds.party,
        category,
        name: `${year} 年基层党建 ${category} 类方案`,
        bonusCap: '5',
      },
    },
    cookie,
  )
  return ok(res).createScheme
}

interface DraftIndicator {
  id?: number
  code: string
  name: string
  dimensionCode: string | null
  method: string
  maxPoints: string
  sharedIndicatorId?: number
  ratingLevels?: { label: string; percent: string }[]
  target?: string
}

/** A valid 100-point draft: two dimensions (60 + 40), base indicators that add up, one bonus. */
function validDraft(overrides: { d2?: string; i3?: string } = {}) {
  return {
    name: '2026 年基层党建 I 类方案',
    bonusCap: '5.00',
    dimensions: [
      { code: 'D1', name: '政治建设', maxPoints: '60' },
      { code: 'D2', name: '组织建设', maxPoints: overrides.d2 ?? '40' },
    ],
    indicators: [
      { code: 'I1', name: '理论学习', dimensionCode: 'D1', method: 'DEDUCTION', maxPoints: '30' },
      {
        code: 'I2',
        name: '主题党日',
        dimensionCode: 'D1',
        method: 'RATING',
        maxPoints: '30',
        ratingLevels: [
          { label: '好', percent: '100' },
          { label: '较好', percent: '80' },
          { label: '一般', percent: '60' },
          { label: '差', percent: '0' },
        ],
      },
      {
        code: 'I3',
        name: '发展党员',
        dimensionCode: 'D2',
        method: 'QUANTITY',
        maxPoints: overrides.i3 ?? '40',
        target: '2',
      },
      { code: 'B1', name: '贡献度', dimensionCode: null, method: 'BONUS', maxPoints: '3' },
    ] as DraftIndicator[],
  }
}

async function save(
  id: number,
  version: number,
  input: ReturnType<typeof validDraft>,
  cookie = admin,
) {
  const res = await api.gql<{ updateSchemeDraft: SchemeResult }>(
    `mutation ($id: Int!, $version: Int!, $input: SchemeDraftInput!) { updateSchemeDraft(id: $id, version: $version, input: $input) { ${RESULT} } }`,
    { id, version, input },
    cookie,
  )
  return ok(res).updateSchemeDraft
}

async function publish(id: number, version: number) {
  const res = await api.gql<{ publishScheme: SchemeResult }>(
    `mutation ($id: Int!, $version: Int!) { publishScheme(id: $id, version: $version) { ${RESULT} } }`,
    { id, version },
    admin,
  )
  return ok(res).publishScheme
}

async function schemeById(id: number, cookie = admin) {
  const res = await api.gql<{ scheme: SchemeResult | null }>(
    `query ($id: Int!) { scheme(id: $id) { __typename ${SCHEME} } }`,
    { id },
    cookie,
  )
  return ok(res).scheme
}

describe('scheme lifecycle', () => {
  it('creates a draft, validates with the engine, publishes, and keeps the published scheme immutable', async () => {
    const draft = await createScheme()
    expect(draft).toMatchObject({
      __typename: 'Scheme',
      status: 'DRAFT',
      revision: 1,
      version: 1,
      bonusCap: '5.00',
    })

    const saved = await save(draft.id, 1, validDraft())
    expect(saved).toMatchObject({ __typename: 'Scheme', version: 2, problems: [] })
    expect(saved.dimensions.map((d) => [d.code, d.maxPoints])).toEqual([
      ['D1', '60.00'],
      ['D2', '40.00'],
    ])
    expect(saved.indicators.find((i) => i.code === 'B1')?.dimensionId).toBeNull()

    const problems = ok(
      await api.gql(
        `query ($id: Int!) { validateScheme(id: $id) { code } }`,
        { id: draft.id },
        admin,
      ),
    )
    expect(problems.validateScheme).toEqual([])

    const published = await publish(draft.id, 2)
    expect(published).toMatchObject({ status: 'PUBLISHED', version: 3 })

    const edit = await save(draft.id, 3, validDraft())
    expect(edit).toMatchObject({
      __typename: 'ValidationError',
      problems: [{ code: 'SCHEME_NOT_DRAFT' }],
    })
    const again = await publish(draft.id, 3)
    expect(again.__typename).toBe('ValidationError')
  })

  it('refuses to publish a scheme that is off by 0.01 and says where', async () => {
    const draft = await createScheme()
    const saved = await save(draft.id, 1, validDraft({ d2: '39.99', i3: '39.99' }))
    expect(saved.problems.map((p) => p.code)).toEqual(['DIMENSION_TOTAL_NOT_100'])

    const refused = await publish(draft.id, saved.version)
    expect(refused.__typename).toBe('ValidationError')
    expect(refused.message).toContain('方案校验未通过')
    expect(
      (refused as unknown as { problems: { code: string; path: string[] }[] }).problems,
    ).toEqual([
      expect.objectContaining({ code: 'DIMENSION_TOTAL_NOT_100', path: ['scheme', 'dimensions'] }),
    ])
    expect(await schemeById(draft.id)).toMatchObject({ status: 'DRAFT', version: saved.version })

    const mismatch = await save(draft.id, saved.version, validDraft({ i3: '39.99' }))
    expect(mismatch.problems).toEqual([
      expect.objectContaining({ code: 'INDICATOR_TOTAL_MISMATCH', entityCode: 'D2' }),
    ])
  })

  it('revises a published scheme into a new draft; publishing it archives the old revision; diff shows the change', async () => {
    const first = await createScheme()
    const saved = await save(first.id, 1, validDraft())
    await publish(first.id, saved.version)

    const revised = ok(
      await api.gql<{ reviseScheme: SchemeResult }>(
        `mutation ($id: Int!) { reviseScheme(id: $id) { ${RESULT} } }`,
        { id: first.id },
        admin,
      ),
    ).reviseScheme
    expect(revised).toMatchObject({ status: 'DRAFT', revision: 2, previousRevisionId: first.id })
    expect(revised.indicators.map((i) => i.code)).toEqual(['I1', 'I2', 'I3', 'B1'])

    const twice = ok(
      await api.gql<{ reviseScheme: SchemeResult }>(
        `mutation ($id: Int!) { reviseScheme(id: $id) { ${RESULT} } }`,
        { id: first.id },
        admin,
      ),
    ).reviseScheme
    expect(twice).toMatchObject({
      __typename: 'ValidationError',
      problems: [{ code: 'DRAFT_EXISTS' }],
    })

    // Move 5 points from I1 to I2 (ids kept) and rename I3.
    const input = validDraft()
    input.indicators = revised.indicators.map((i, n) => ({ ...input.indicators[n]!, id: i.id }))
    input.indicators[0]!.maxPoints = '25'
    input.indicators[1]!.maxPoints = '35'
    input.indicators[2]!.name = '发展党员工作'
    const edited = await save(revised.id, revised.version, input)
    expect(edited.indicators.map((i) => i.id)).toEqual(revised.indicators.map((i) => i.id))
    await publish(revised.id, edited.version)
    expect(await schemeById(first.id)).toMatchObject({ status: 'ARCHIVED' })

    const diff = ok(
      await api.gql<{
        schemeDiff: {
          changes: {
            kind: string
            entity: string
            code: string
            fields: { field: string; before: unknown; after: unknown }[]
          }[]
        }
      }>(
        `query ($a: Int!, $b: Int!) { schemeDiff(fromId: $a, toId: $b) { changes { kind entity code fields { field before after } } } }`,
        { a: first.id, b: revised.id },
        admin,
      ),
    ).schemeDiff.changes
    expect(diff).toEqual([
      {
        kind: 'CHANGED',
        entity: 'INDICATOR',
        code: 'I1',
        fields: [{ field: 'maxPoints', before: '30.00', after: '25.00' }],
      },
      {
        kind: 'CHANGED',
        entity: 'INDICATOR',
        code: 'I2',
        fields: [{ field: 'maxPoints', before: '30.00', after: '35.00' }],
      },
      {
        kind: 'CHANGED',
        entity: 'INDICATOR',
        code: 'I3',
        fields: [{ field: 'name', before: '发展党员', after: '发展党员工作' }],
      },
    ])
  })

  it('saves add, remove, reorder and code swaps in one document', async () => {
    const draft = await createScheme()
    const first = await save(draft.id, 1, validDraft())
    const [i1, i2, i3, b1] = first.indicators
    const input = validDraft()
    input.indicators = [
      { ...input.indicators[1]!, id: i2!.id, code: 'I1' }, // swap codes of I1 and I2
      { ...input.indicators[0]!, id: i1!.id, code: 'I2' },
      { ...input.indicators[2]!, id: i3!.id },
      { code: 'B2', name: '融合度', dimensionCode: null, method: 'BONUS', maxPoints: '2' },
    ]
    const second = await save(draft.id, first.version, input)
    expect(second.__typename).toBe('Scheme')
    expect(
      second.indicators.map((i) => [i.code, i.id === i2!.id || i.id === i1!.id || i.id === i3!.id]),
    ).toEqual([
      ['I1', true],
      ['I2', true],
      ['I3', true],
      ['B2', false],
    ])
    expect(second.indicators[0]!.id).toBe(i2!.id)
    expect(second.indicators.some((i) => i.id === b1!.id)).toBe(false)
  })

  it('rejects broken drafts with field paths and changes nothing', async () => {
    const draft = await createScheme()
    const input = validDraft()
    input.indicators[0]!.dimensionCode = 'NOPE'
    input.indicators[1]!.code = 'I1'
    input.indicators[2]!.maxPoints = '1.234'
    const res = await save(draft.id, 1, input)
    expect(res.__typename).toBe('ValidationError')
    expect((res as unknown as { problems: { path: string[]; code: string }[] }).problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: ['input', 'indicators', '0', 'dimensionCode'],
          code: 'UNKNOWN_DIMENSION',
        }),
        expect.objectContaining({
          path: ['input', 'indicators', '2', 'maxPoints'],
          code: 'TOO_MANY_DECIMALS',
        }),
        expect.objectContaining({
          path: ['input', 'indicators', '1', 'code'],
          code: 'DUPLICATE_CODE',
        }),
      ]),
    )
    expect(await schemeById(draft.id)).toMatchObject({ version: 1, indicators: [] })
  })

  it('one slot per (year, area, category)', async () => {
    await createScheme('II')
    const dup = await createScheme('II')
    expect(dup).toMatchObject({
      __typename: 'ValidationError',
      problems: [{ code: 'SCHEME_EXISTS' }],
    })
  })
})

describe('concurrent edits', () => {
  it('two saves of one version: one wins, the other gets a ConflictError with the current document, nothing is lost', async () => {
    const draft = await createScheme()
    const base = await save(draft.id, 1, validDraft())
    const mine = validDraft()
    mine.indicators = base.indicators.map((i, n) => ({ ...mine.indicators[n]!, id: i.id }))
    mine.indicators[0]!.name = '理论学习（甲改）'
    const theirs = validDraft()
    theirs.indicators = base.indicators.map((i, n) => ({ ...theirs.indicators[n]!, id: i.id }))
    theirs.indicators[1]!.name = '主题党日（乙改）'
    const other = await api.login('admin')

    const results = await Promise.all([
      save(draft.id, base.version, mine),
      save(draft.id, base.version, theirs, other),
    ])
    const winners = results.filter((r) => r.__typename === 'Scheme')
    const losers = results.filter((r) => r.__typename === 'ConflictError')
    expect(winners).toHaveLength(1)
    expect(losers).toHaveLength(1)
    const winner = winners[0]!
    const loser = losers[0]!
    expect(loser.currentVersion).toBe(winner.version)
    expect(loser.current?.version).toBe(winner.version)
    expect(loser.current?.name).toBe(winner.name)

    const stored = await schemeById(draft.id)
    expect(stored?.version).toBe(base.version + 1)
    expect(stored?.indicators.map((i) => i.name)).toEqual(winner.indicators.map((i) => i.name))

    // The loser re-applies on top of the current version: both edits survive.
    const loserInput = results[0] === loser ? mine : theirs
    const merged = validDraft()
    merged.indicators = stored!.indicators.map((i, n) => ({
      ...merged.indicators[n]!,
      id: i.id,
      name: i.name,
    }))
    const changed = loserInput.indicators.findIndex(
      (i, n) => i.name !== validDraft().indicators[n]!.name,
    )
    merged.indicators[changed]!.name = loserInput.indicators[changed]!.name
    const final = await save(draft.id, stored!.version, merged)
    expect(final.indicators.slice(0, 2).map((i) => i.name)).toEqual([
      '理论学习（甲改）',
      '主题党日（乙改）',
    ])
  })

  it('a stale version is refused even without a race', async () => {
    const draft = await createScheme()
    await save(draft.id, 1, validDraft())
    const stale = await save(draft.id, 1, validDraft({ d2: '10' }))
    expect(stale).toMatchObject({ __typename: 'ConflictError', currentVersion: 2 })
    expect((await schemeById(draft.id))?.dimensions[1]?.maxPoints).toBe('40.00')
  })
})

describe('clone and shared indicators', () => {
  async function createShared(year: number, code: string, name: string) {
    const res = await api.gql<{
      createSharedIndicator: { __typename: string; id: number; version: number }
    }>(
      `mutation ($y: Int!, $a: Int!, $input: SharedIndicatorInput!) { createSharedIndicator(year: $y, areaId: $a, input: $input) { __typename ... on SharedIndicator { id version } } }`,
      {
        y: year,
        a: api.fixture.areaIds.party,
        input: { code, name, method: 'DEDUCTION', evaluationStandard: '按月召开支委会' },
      },
      admin,
    )
    return ok(res).createSharedIndicator
  }

  function draftWithShared(sharedId: number, maxPoints: string) {
    const input = validDraft()
    input.indicators[0] = {
      code: 'ignored',
      name: 'ignored',
      dimensionCode: 'D1',
      method: 'RATING',
      maxPoints,
      sharedIndicatorId: sharedId,
    }
    input.indicators[1]!.maxPoints = String(60 - Number(maxPoints))
    return input
  }

  it('clones last year into a new year, re-linking shared indicators to the new year', async () => {
    const shared2025 = await createShared(2025, 'S1', '组织建设标准化')
    const old = await createScheme('I', 2025)
    const saved = await save(old.id, 1, {
      ...draftWithShared(shared2025.id, '30'),
      name: '2025 年基层党建 I 类方案',
    })
    expect(saved.problems).toEqual([])
    await publish(old.id, saved.version)

    const res = await api.gql<{ cloneScheme: SchemeResult }>(
      `mutation ($s: Int!) { cloneScheme(sourceId: $s, year: 2026, category: I) { ${RESULT} } }`,
      { s: old.id },
      admin,
    )
    const clone = ok(res).cloneScheme
    expect(clone).toMatchObject({
      status: 'DRAFT',
      year: 2026,
      clonedFromId: old.id,
      name: '2026 年基层党建 I 类方案',
      problems: [],
    })
    const linked = clone.indicators.find((i) => i.code === 'S1')!
    expect(linked.sharedIndicatorId).not.toBe(shared2025.id)
    const shared2026 = await api.prisma.sharedIndicator.findUniqueOrThrow({
      where: { id: linked.sharedIndicatorId! },
    })
    expect(shared2026).toMatchObject({ year: 2026, code: 'S1', name: '组织建设标准化' })

    // Another category of the same year keeps the same shared indicator.
    const other = ok(
      await api.gql<{ cloneScheme: SchemeResult }>(
        `mutation ($s: Int!) { cloneScheme(sourceId: $s, year: 2026, category: II) { ${RESULT} } }`,
        { s: clone.id },
        admin,
      ),
    ).cloneScheme
    expect(other.indicators.find((i) => i.code === 'S1')?.sharedIndicatorId).toBe(shared2026.id)
  })

  it('a shared indicator is edited once and follows in every category draft, never in published schemes', async () => {
    const shared = await createShared(2026, 'S1', '组织生活标准化')
    const schemes: SchemeResult[] = []
    for (const [category, max] of [
      ['I', '30'],
      ['II', '20'],
      ['III', '25'],
    ] as const) {
      const s = await createScheme(category)
      schemes.push(
        await save(s.id, 1, { ...draftWithShared(shared.id, max), name: `方案 ${category}` }),
      )
    }
    expect(schemes.map((s) => s.indicators[0]!.name)).toEqual([
      '组织生活标准化',
      '组织生活标准化',
      '组织生活标准化',
    ])
    expect(schemes.map((s) => s.indicators[0]!.maxPoints)).toEqual(['30.00', '20.00', '25.00'])
    const published = await publish(schemes[2]!.id, schemes[2]!.version)

    const res = await api.gql<{
      updateSharedIndicator: {
        __typename: string
        linkedIndicators: { schemeId: number; name: string }[]
      }
    }>(
      `mutation ($id: Int!, $v: Int!, $input: SharedIndicatorInput!) { updateSharedIndicator(id: $id, version: $v, input: $input) { __typename ... on SharedIndicator { linkedIndicators { schemeId name } } } }`,
      {
        id: shared.id,
        v: shared.version,
        input: {
          code: 'S1',
          name: '组织生活规范化',
          method: 'DEDUCTION',
          evaluationStandard: '新标准',
        },
      },
      admin,
    )
    const linked = ok(res).updateSharedIndicator.linkedIndicators
    expect(linked).toEqual([
      { schemeId: schemes[0]!.id, name: '组织生活规范化' },
      { schemeId: schemes[1]!.id, name: '组织生活规范化' },
      { schemeId: schemes[2]!.id, name: '组织生活标准化' },
    ])
    const [s1, , s3] = await Promise.all(schemes.map((s) => schemeById(s.id)))
    expect(s1?.indicators[0]).toMatchObject({
      name: '组织生活规范化',
      evaluationStandard: '新标准',
      maxPoints: '30.00',
    })
    expect(s1?.version).toBe(schemes[0]!.version + 1) // open editors of the draft get a conflict
    expect(s3).toMatchObject({ status: 'PUBLISHED', version: published.version })
    expect(s3?.indicators[0]?.name).toBe('组织生活标准化')

    const stale = await save(schemes[0]!.id, schemes[0]!.version, draftWithShared(shared.id, '30'))
    expect(stale.__typename).toBe('ConflictError')
  })
})

describe('visibility', () => {
  it('drafts are for ADMIN and LEADER; other roles see published schemes only', async () => {
    const draft = await createScheme('I')
    const pub = await createScheme('II')
    const saved = await save(pub.id, 1, validDraft())
    await publish(pub.id, saved.version)
    const list = `query { schemes(year: 2026) { id status } }`
    for (const user of ['branch1', 'inspector1']) {
      const cookie = await api.login(user)
      expect(ok(await api.gql(list, {}, cookie)).schemes).toEqual([
        { id: pub.id, status: 'PUBLISHED' },
      ])
      expect(await schemeById(draft.id, cookie)).toBeNull()
    }
    const leader = await api.login('leader')
    expect(ok(await api.gql(list, {}, leader)).schemes).toHaveLength(2)
  })
})
