/**
 * The bad-input generator: walks the BUILT schema (every Mutation field, every argument, into
 * input objects and lists) and produces, for each leaf, values that must be refused — wrong
 * types, out-of-range and negative numbers, NaN/Infinity and huge numbers, 1 MB strings, NUL
 * bytes, invalid dates, unknown enum values, unknown ids and ids of another org — while every
 * other argument keeps a plausible "base" value taken from the demo world, so the call gets as
 * deep into the resolver as it can.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql'
import type { PrismaClient } from '@redblue/db'

export type Entity =
  | 'Organization'
  | 'InspectionRound'
  | 'Assessment'
  | 'Finding'
  | 'FeedbackForm'
  | 'EvidenceFile'
  | 'Rectification'
  | 'Interview'
  | 'InterviewItem'
  | 'InspectionTeam'
  | 'User'
  | 'TrainingRecord'
  | 'Scheme'
  | 'SharedIndicator'
  | 'Area'
  | 'ProblemCategory'
  | 'Indicator'

/** What the `id` argument of a mutation refers to. A new mutation with an `id` needs a row. */
export const ID_ENTITY: Record<string, Entity> = {
  carryOverRectification: 'Rectification',
  confirmFinding: 'Finding',
  deleteEvidence: 'EvidenceFile',
  deleteFeedbackForm: 'FeedbackForm',
  deleteFinding: 'Finding',
  deleteOrg: 'Organization',
  deleteRound: 'InspectionRound',
  deleteSchemeDraft: 'Scheme',
  deleteSharedIndicator: 'SharedIndicator',
  deleteTrainingRecord: 'TrainingRecord',
  disputeFinding: 'Finding',
  lookBackVerify: 'Rectification',
  publishRound: 'InspectionRound',
  publishScheme: 'Scheme',
  removeInterviewItem: 'InterviewItem',
  resetUserPassword: 'User',
  returnRectification: 'Rectification',
  reviseScheme: 'Scheme',
  submitRectification: 'Rectification',
  transitionRound: 'InspectionRound',
  updateArea: 'Area',
  updateFeedbackForm: 'FeedbackForm',
  updateFinding: 'Finding',
  updateInterview: 'Interview',
  updateInterviewItem: 'InterviewItem',
  updateOrg: 'Organization',
  updateProblemCategory: 'ProblemCategory',
  updateRectification: 'Rectification',
  updateRound: 'InspectionRound',
  updateSchemeDraft: 'Scheme',
  updateSharedIndicator: 'SharedIndicator',
  updateUser: 'User',
  upholdFinding: 'Finding',
  verifyRectification: 'Rectification',
  withdrawFinding: 'Finding',
}

const ARG_ENTITY: Record<string, Entity> = {
  roundId: 'InspectionRound',
  orgId: 'Organization',
  orgIds: 'Organization',
  parentId: 'Organization',
  teamId: 'InspectionTeam',
  userId: 'User',
  assessmentId: 'Assessment',
  findingId: 'Finding',
  interviewId: 'Interview',
  areaId: 'Area',
  areaIds: 'Area',
  sourceId: 'Scheme',
  schemeId: 'Scheme',
  indicatorId: 'Indicator',
  problemCategoryId: 'ProblemCategory',
  feedbackFormId: 'FeedbackForm',
}

export function entityOf(mutation: string, name: string): Entity | null {
  if (name === 'id') return ID_ENTITY[mutation] ?? null
  return ARG_ENTITY[name] ?? null
}

export type EntityIds = Partial<Record<Entity, number>>

/**
 * Ids from the demo world. `own`: rows inside the scope of inspector1 (their team's org in the
 * current round) and branch1 (that same org); `other`: the same kinds of rows of an org assigned
 * to another team, which neither may touch.
 */
export interface World {
  own: EntityIds
  other: EntityIds
  /** `Entity:id` → version, so base calls carry the current version. */
  versions: Map<string, number>
  year: number
  quarter: number
  /** The latest published round: the base of mutations that only act on one (createInterview). */
  published: number
}

/**
 * Mutations whose round must be published: with the running round as base they stop at the
 * round's status, and their other ids (an interview's org and area) would never reach the
 * database's foreign keys.
 */
const ON_PUBLISHED_ROUND: ReadonlySet<string> = new Set(['createInterview'])

async function versionOf(prisma: PrismaClient, entity: Entity, id: number): Promise<number | null> {
  const model = entity.charAt(0).toLowerCase() + entity.slice(1)
  const delegate = (prisma as unknown as Record<string, unknown>)[model] as {
    findUnique?: (args: unknown) => Promise<Record<string, unknown> | null>
  }
  try {
    const row = await delegate.findUnique?.({ where: { id } })
    return typeof row?.version === 'number' ? row.version : null
  } catch {
    return null
  }
}

export async function demoWorld(prisma: PrismaClient): Promise<World> {
  const round = await prisma.inspectionRound.findFirstOrThrow({
    where: { status: 'INSPECTING' },
    orderBy: { id: 'desc' },
  })
  const inspector = await prisma.user.findUniqueOrThrow({ where: { username: 'inspector1' } })
  const branch = await prisma.user.findUniqueOrThrow({ where: { username: 'branch1' } })
  const branch2 = await prisma.user.findUniqueOrThrow({ where: { username: 'branch2' } })
  const myTeam = await prisma.inspectionTeam.findFirstOrThrow({
    where: { roundId: round.id, members: { some: { userId: inspector.id } } },
  })
  const ownOrg = branch.orgId!
  const mine = await prisma.teamAssignment.findFirst({
    where: { roundId: round.id, teamId: myTeam.id, orgId: ownOrg },
  })
  if (!mine) throw new Error('demo world: branch1’s org is not inspected by inspector1’s team')
  const otherAssignment = await prisma.teamAssignment.findFirstOrThrow({
    where: {
      roundId: round.id,
      teamId: { not: myTeam.id },
      orgId: { notIn: [ownOrg, inspector.orgId ?? -1, branch2.orgId ?? -1] },
      org: { findings: { some: { roundId: round.id } } },
    },
    orderBy: { orgId: 'asc' },
  })
  const otherOrg = otherAssignment.orgId

  const idsFor = async (orgId: number, teamId: number): Promise<EntityIds> => {
    const assessment = await prisma.assessment.findFirst({
      where: { roundId: round.id, orgId },
      orderBy: { id: 'asc' },
    })
    const finding = await prisma.finding.findFirst({
      where: { roundId: round.id, orgId },
      orderBy: { id: 'asc' },
    })
    const form = await prisma.feedbackForm.findFirst({
      where: { roundId: round.id, orgId },
      orderBy: { id: 'asc' },
    })
    const evidence = await prisma.evidenceFile.findFirst({
      where: { finding: { orgId } },
      orderBy: { id: 'asc' },
    })
    const rectification =
      (await prisma.rectification.findFirst({
        where: { orgId, status: 'SUBMITTED' },
        orderBy: { id: 'asc' },
      })) ?? (await prisma.rectification.findFirst({ where: { orgId }, orderBy: { id: 'asc' } }))
    const interview = await prisma.interview.findFirst({ where: { orgId }, orderBy: { id: 'asc' } })
    const item = await prisma.interviewItem.findFirst({
      where: { interview: { orgId } },
      orderBy: { id: 'asc' },
    })
    const training = await prisma.trainingRecord.findFirst({
      where: { teamId },
      orderBy: { id: 'asc' },
    })
    const indicator = assessment
      ? await prisma.indicator.findFirst({
          where: { schemeId: assessment.schemeId, method: { not: 'BONUS' } },
          orderBy: { id: 'asc' },
        })
      : null
    const user = await prisma.user.findFirst({ where: { orgId }, orderBy: { id: 'asc' } })
    return {
      Organization: orgId,
      InspectionRound: round.id,
      Assessment: assessment?.id,
      Finding: finding?.id,
      FeedbackForm: form?.id,
      EvidenceFile: evidence?.id,
      Rectification: rectification?.id,
      Interview: interview?.id,
      InterviewItem: item?.id,
      InspectionTeam: teamId,
      TrainingRecord: training?.id,
      Scheme: assessment?.schemeId,
      Area: assessment?.areaId,
      Indicator: indicator?.id,
      User: user?.id,
    }
  }

  const own = await idsFor(ownOrg, myTeam.id)
  const other = await idsFor(otherOrg, otherAssignment.teamId)
  const shared = await prisma.sharedIndicator.findFirst({ orderBy: { id: 'asc' } })
  const problem = await prisma.problemCategory.findFirstOrThrow({ orderBy: { id: 'asc' } })
  for (const ids of [own, other]) {
    ids.SharedIndicator = shared?.id
    ids.ProblemCategory = problem.id
  }
  own.User = branch2.id

  const versions = new Map<string, number>()
  for (const ids of [own, other]) {
    for (const [entity, id] of Object.entries(ids) as [Entity, number | undefined][]) {
      if (id === undefined) continue
      const version = await versionOf(prisma, entity, id)
      if (version !== null) versions.set(`${entity}:${id}`, version)
    }
  }
  const published = await prisma.inspectionRound.findFirstOrThrow({
    where: { status: 'PUBLISHED' },
    orderBy: { id: 'desc' },
  })
  return {
    own,
    other,
    versions,
    year: round.year,
    quarter: round.quarter,
    published: published.id,
  }
}

// ---- values ----------------------------------------------------------------------------------

export const UNKNOWN_ID = 987_654
const CODE_OR_NAME = /^(code|name|shortName|displayName|title)$/
export const MB_STRING = 'x'.repeat(1024 * 1024)

/** A file to send in a multipart request (a tiny but genuine PDF). */
export class FileValue {
  constructor(
    readonly name = 'evidence.pdf',
    readonly bytes: Uint8Array = new Uint8Array(
      Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n'),
    ),
  ) {}
}

/** A JSON token written into the request body as is (NaN and Infinity are not JSON). */
export class RawToken {
  constructor(readonly text: string) {}
}

export interface Variant {
  /** e.g. `input.deduction` */
  path: string
  label: string
  value: unknown
}

type Path = (string | number)[]

const fmt = (path: Path) =>
  path
    .map((p) => (typeof p === 'number' ? `[${p}]` : p))
    .join('.')
    .replace(/\.\[/g, '[')

function baseScalar(
  typeName: string,
  name: string,
  mutation: string,
  world: World,
  ids: EntityIds,
): unknown {
  const entity = entityOf(mutation, name)
  switch (typeName) {
    case 'Int':
      if (entity === 'InspectionRound' && ON_PUBLISHED_ROUND.has(mutation)) return world.published
      if (entity) return ids[entity] ?? UNKNOWN_ID
      if (name === 'version') return 0
      if (name === 'year' || name === 'fromYear' || name === 'toYear') return world.year
      if (name === 'quarter') return world.quarter
      return 1
    case 'Float':
      return 1
    case 'String':
      return name === 'password' || name === 'newPassword' || name === 'currentPassword'
        ? 'Sweep#2026pass'
        : `sweep-${name}`
    case 'Boolean':
      return false
    case 'Decimal':
      return '1.00'
    case 'Date':
      return '2026-12-01'
    case 'DateTime':
      return '2026-12-01T00:00:00.000Z'
    case 'JSON':
      return {}
    case 'Upload':
      return new FileValue()
    case 'ID':
      return String(UNKNOWN_ID)
  }
  throw new Error(`no base value for scalar ${typeName}`)
}

/** A plausible value of the type: required fields only for input objects, one element for lists. */
export function baseValue(
  type: GraphQLInputType,
  name: string,
  mutation: string,
  world: World,
  ids: EntityIds,
  depth = 0,
): unknown {
  if (isNonNullType(type)) return baseValue(type.ofType, name, mutation, world, ids, depth)
  if (isListType(type)) return [baseValue(type.ofType, name, mutation, world, ids, depth)]
  if (isEnumType(type)) return type.getValues()[0]!.value
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {}
    if (depth > 4) return out
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type))
        out[f.name] = baseValue(f.type, f.name, mutation, world, ids, depth + 1)
    }
    return out
  }
  if (isScalarType(type)) return baseScalar(type.name, name, mutation, world, ids)
  throw new Error(`unsupported input type ${String(type)}`)
}

/** Values of the named scalar that must be refused, whatever the field. */
function badScalars(typeName: string, name: string, entity: Entity | null): [string, unknown][] {
  const wrongType: [string, unknown][] = [
    ['object', { a: 1 }],
    ['list of strings', ['a']],
  ]
  switch (typeName) {
    case 'Int': {
      const out: [string, unknown][] = [
        ...wrongType,
        ['string', 'abc'],
        ['float', 1.5],
        ['boolean', true],
        ['2^31', 2 ** 31],
        ['-2^31-1', -(2 ** 31) - 1],
        ['1e308', 1e308],
        ['NaN token', new RawToken('NaN')],
        ['Infinity token', new RawToken('Infinity')],
        ['1e999 (Infinity)', new RawToken('1e999')],
      ]
      if (entity)
        out.push(
          ['negative id', -1],
          ['zero id', 0],
          ['unknown id', UNKNOWN_ID],
          ['max int id', 2 ** 31 - 1],
        )
      if (name === 'version') out.push(['negative version', -1], ['stale version', 2 ** 31 - 1])
      if (name === 'year' || name === 'toYear' || name === 'fromYear') {
        out.push(
          ['negative year', -1],
          ['year 0', 0],
          ['year 99999', 99_999],
          ['year 2^31-1', 2 ** 31 - 1],
        )
      }
      if (name === 'quarter') out.push(['quarter 0', 0], ['quarter 5', 5], ['quarter -1', -1])
      return out
    }
    case 'Float':
      return [...wrongType, ['string', 'abc'], ['NaN token', new RawToken('NaN')]]
    case 'String': {
      const out: [string, unknown][] = [
        ['1 MB string', MB_STRING],
        ['NUL byte', 'a\u0000b'],
        ['lone high surrogate', 'a\uD800b'],
        ['lone low surrogate', '\uDC00'],
        ['number', 12],
        ['object', { a: 1 }],
      ]
      // Codes and names (src/text-edge.ts): invisible and direction-changing characters.
      if (CODE_OR_NAME.test(name)) {
        out.push(
          ['zero-width characters only', '\u200B\u200C\u200D\uFEFF'],
          ['zero-width space inside', 'sweep\u200Bname'],
          ['right-to-left override', 'sweep\u202Eeman'],
          ['control character', 'sweep\u0007name'],
        )
        // Spaces only is "no short name" (optional); for a required code or name it is empty.
        if (name !== 'shortName') out.push(['only spaces', '   '])
      }
      if (name === 'code') out.push(['outside the code alphabet', 'a b/c'], ['CJK code', '编码'])
      return out
    }
    case 'Boolean':
      return [
        ['string', 'yes'],
        ['number', 1],
        ['object', {}],
      ]
    case 'Decimal':
      return [
        ['negative', '-1'],
        ['-0.01', '-0.01'],
        ['NaN string', 'NaN'],
        ['Infinity string', 'Infinity'],
        ['exponent', '1e400'],
        ['40 digits', '9'.repeat(40)],
        ['1e12', '1000000000000'],
        ['three decimals', '0.001'],
        ['number 1e308', 1e308],
        ['NaN token', new RawToken('NaN')],
        ['1e999 (Infinity)', new RawToken('1e999')],
        ['not a number', 'abc'],
        ['empty', ''],
        ['comma', '1,5'],
        ['boolean', true],
        ['object', { a: 1 }],
      ]
    case 'Date':
      return [
        ['Feb 30', '2026-02-30'],
        ['month 13', '2026-13-01'],
        ['zeros', '0000-00-00'],
        ['words', 'not-a-date'],
        ['empty', ''],
        ['number', 20_260_101],
        ['no padding', '2026-1-1'],
        ['beyond JS dates', '+275760-09-14'],
        ['year 0001', '0001-01-01'],
        ['year 9999', '9999-12-31'],
        ['1999-12-31', '1999-12-31'],
        ['2101-01-01', '2101-01-01'],
        ['a DateTime', '2026-01-01T00:00:00Z'],
        ['1 MB string', MB_STRING],
      ]
    case 'DateTime':
      return [
        ['month 13', '2026-13-01T00:00:00Z'],
        ['year 0001', '0001-01-01T00:00:00Z'],
        ['year 9999', '9999-12-31T23:59:59Z'],
        ['words', 'not-a-date'],
        ['empty', ''],
        ['huge number', 1e20],
        ['1 MB string', MB_STRING],
      ]
    case 'JSON':
      return []
    case 'Upload':
      return [
        ['string', 'not-a-file'],
        ['object', { name: 'x.pdf' }],
      ]
    case 'ID':
      return [['object', {}]]
  }
  return []
}

/** One variant per (leaf path × bad value), plus structural ones (nulls, missing fields, 10k lists). */
export function variantsOf(
  field: GraphQLField<unknown, unknown>,
  base: Record<string, unknown>,
  world: World,
): Variant[] {
  const out: Variant[] = []
  const visit = (
    type: GraphQLInputType,
    name: string,
    path: Path,
    baseHere: unknown,
    depth: number,
  ) => {
    if (isNonNullType(type)) {
      out.push({ path: fmt(path), label: 'null for non-null', value: null })
      visit(type.ofType, name, path, baseHere, depth)
      return
    }
    if (isListType(type)) {
      const element = Array.isArray(baseHere) ? baseHere[0] : undefined
      out.push({ path: fmt(path), label: 'null element', value: [null] })
      out.push({
        path: fmt(path),
        label: '10k elements',
        value: Array.from({ length: 10_000 }, () => element ?? 1),
      })
      visit(type.ofType, name, [...path, 0], element, depth)
      return
    }
    if (isEnumType(type)) {
      out.push({ path: fmt(path), label: 'unknown enum value', value: 'NOT_A_VALUE' })
      out.push({ path: fmt(path), label: 'number for enum', value: 1 })
      return
    }
    if (isInputObjectType(type)) {
      const obj = (baseHere ?? {}) as Record<string, unknown>
      out.push({ path: fmt(path), label: 'unknown field', value: { ...obj, notAField: 1 } })
      out.push({ path: fmt(path), label: 'scalar for object', value: 'abc' })
      if (depth > 4) return
      for (const f of Object.values(type.getFields())) {
        if (isNonNullType(f.type)) {
          const { [f.name]: _dropped, ...rest } = obj
          out.push({ path: fmt(path), label: `missing ${f.name}`, value: rest })
        }
        const fBase =
          obj[f.name] ?? baseValue(f.type, f.name, field.name, world, world.own, depth + 1)
        visit(f.type, f.name, [...path, f.name], fBase, depth + 1)
      }
      return
    }
    if (isScalarType(type)) {
      const entity = entityOf(field.name, name)
      for (const [label, value] of badScalars(type.name, name, entity)) {
        out.push({ path: fmt(path), label, value })
      }
      if (
        entity &&
        world.other[entity] !== undefined &&
        world.other[entity] !== world.own[entity]
      ) {
        out.push({ path: fmt(path), label: `another org’s ${entity}`, value: world.other[entity] })
      }
    }
  }
  for (const arg of field.args) visit(arg.type, arg.name, [arg.name], base[arg.name], 0)
  return out
}

/** Base variables of a mutation (all arguments, required fields of inputs). */
export function baseArgs(
  field: GraphQLField<unknown, unknown>,
  world: World,
  ids: EntityIds,
): Record<string, unknown> {
  const vars: Record<string, unknown> = {}
  for (const arg of field.args) {
    vars[arg.name] = baseValue(arg.type, arg.name, field.name, world, ids)
  }
  // Carry the current version of the row the call is about, so the lock check passes.
  const idArg = field.args.find((a) => a.name === 'id' || a.name === 'assessmentId')
  const entity = idArg ? entityOf(field.name, idArg.name) : null
  if (entity && 'version' in vars) {
    vars.version = world.versions.get(`${entity}:${String(vars[idArg!.name])}`) ?? 0
  }
  return vars
}

/** Sets the value at `a.b[0].c` in a deep copy of `vars`. */
export function withValue(
  vars: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredCloneSafe(vars) as Record<string, unknown>
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '')
  let node: Record<string | number, unknown> = copy
  for (const [i, key] of keys.entries()) {
    const k = /^\d+$/.test(key) ? Number(key) : key
    if (i === keys.length - 1) {
      node[k] = value
    } else {
      node[k] ??= /^\d+$/.test(keys[i + 1]!) ? [] : {}
      node = node[k] as Record<string | number, unknown>
    }
  }
  return copy
}

function structuredCloneSafe(value: unknown): unknown {
  if (value instanceof FileValue || value instanceof RawToken) return value
  if (Array.isArray(value)) return value.map(structuredCloneSafe)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCloneSafe(v)]))
  }
  return value
}

/** `mutation ($a: T, ...) { field(a: $a, ...) { __typename ... on AppError { code message } } }` */
export function documentFor(field: GraphQLField<unknown, unknown>): string {
  const defs = field.args.map((a: GraphQLArgument) => `$${a.name}: ${String(a.type)}`)
  const args = field.args.map((a) => `${a.name}: $${a.name}`)
  return `mutation Sweep${defs.length ? `(${defs.join(', ')})` : ''} { ${field.name}${
    args.length ? `(${args.join(', ')})` : ''
  }${resultSelection(field)} }`
}

/**
 * Enough of a mutation's result to tell a success from a refusal: error union members with their
 * code, and the import report's `applied` flag (a refused file is a report listing its problems).
 */
export function resultSelection(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type)
  if (isScalarType(named) || isEnumType(named)) return ''
  const report =
    isUnionType(named) && named.getTypes().some((t) => t.name === 'ImportReport')
      ? ' ... on ImportReport { applied problems { message } }'
      : ''
  return ` { __typename ... on AppError { code message }${report} }`
}

/**
 * The HTTP body for a call: JSON, or a GraphQL multipart request when a FileValue is present.
 * RawTokens are spliced into the JSON text unquoted.
 */
export function requestBody(
  query: string,
  variables: Record<string, unknown>,
): {
  body: string | FormData
  contentType: string | null
} {
  const files: [string, FileValue][] = []
  const tokens: RawToken[] = []
  const walk = (value: unknown, path: string): unknown => {
    if (value instanceof FileValue) {
      files.push([path, value])
      return null
    }
    if (value instanceof RawToken) {
      tokens.push(value)
      return `__RAW_TOKEN_${tokens.length - 1}__`
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}.${i}`))
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, `${path}.${k}`)]))
    }
    return value
  }
  const plain = walk(variables, 'variables')
  let json = JSON.stringify({ query, variables: plain })
  tokens.forEach((t, i) => {
    json = json.replace(`"__RAW_TOKEN_${i}__"`, t.text)
  })
  if (!files.length) return { body: json, contentType: 'application/json' }
  const form = new FormData()
  form.set('operations', json)
  form.set('map', JSON.stringify(Object.fromEntries(files.map(([path], i) => [String(i), [path]]))))
  files.forEach(([, file], i) =>
    form.set(String(i), new File([file.bytes as Uint8Array<ArrayBuffer>], file.name)),
  )
  return { body: form, contentType: null }
}
