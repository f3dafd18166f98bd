/**
 * `@redblue/db/seed`: realistic demo data reproducing the source's figures (31 orgs in categories
 * I/II/III, 5 published inspection rounds since 2021 with 161 feedback forms and 286 findings in 33
 * problem categories) plus a round in progress. Deterministic apart from "today": rectification
 * deadlines are set relative to the current date so overdue / due-soon items stay current.
 */
import { required } from '@redblue/scoring'
import { hash } from '@node-rs/argon2'
import type { PrismaClient } from '../generated/prisma/client'
import { buildCatalog, type SeedRows, type TableName } from './catalog'
import { ORGS } from './orgs'
import { DEMO_PASSWORD, INSPECTORS, LEADERSHIP, SECRETARIES, type DemoLogin } from './people'
import { Random } from './random'
import { buildRounds } from './rounds'
import { storePublishedRoundInsights } from '../insights'
import { storePublishedRoundSummaries } from '../summaries'
import { writeRows } from './write'

export { DEMO_PASSWORD, type DemoLogin } from './people'
export { PUBLISHED_ROUNDS, CURRENT_ROUND } from './rounds'
export { Random } from './random'

export interface SeedOptions {
  /** "Today" for deadlines relative to the current date (default: now). */
  now?: Date
  log?: (message: string) => void
}

export interface SeedResult {
  /** false when the database already had data and was left alone. */
  seeded: boolean
  /** Rows inserted per table (empty when not seeded). */
  counts: Partial<Record<TableName, number>>
  logins: DemoLogin[]
  ms: number
}

const SEED = 20211201
/** Prisma's advisory-lock key space is ours to share; any constant that is not the migrate key. */
const SEED_LOCK_KEY = 72707370

const orgName = (code: string) =>
  required(
    ORGS.find((o) => o.code === code),
    `org ${code}`,
  ).name
const secretaryOf = (code: string) =>
  required(SECRETARIES[ORGS.findIndex((o) => o.code === code)], `the secretary of org ${code}`)

/**
 * The orgs of the demo branch users. The data decides them (branch1: last in category I/II of the
 * latest published round, inspected by inspector1's team now; branch2: another blue-list org);
 * a seed test fails if a change to the generator picks other orgs, so update these with it.
 */
export const DEMO_BRANCH_ORGS = ['G20', 'G03'] as const

/** The demo logins, for `pnpm start` to print (all with DEMO_PASSWORD). */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  {
    username: 'admin',
    role: 'ADMIN',
    displayName: LEADERSHIP.admin.displayName,
    password: DEMO_PASSWORD,
  },
  {
    username: 'leader',
    role: 'LEADER',
    displayName: LEADERSHIP.leader.displayName,
    password: DEMO_PASSWORD,
  },
  ...INSPECTORS.slice(0, 2).map(([username, name, home]): DemoLogin => ({
    username,
    role: 'INSPECTOR',
    displayName: name,
    password: DEMO_PASSWORD,
    orgName: orgName(home),
  })),
  ...DEMO_BRANCH_ORGS.map((code, i): DemoLogin => ({
    username: `branch${i + 1}`,
    role: 'BRANCH',
    displayName: secretaryOf(code),
    password: DEMO_PASSWORD,
    orgName: orgName(code),
  })),
]

export interface DemoPlan {
  rows: SeedRows
  logins: DemoLogin[]
}

/** Builds every row of the demo in memory (no database), scoring with @redblue/scoring. */
export async function buildDemoPlan(now: Date = new Date()): Promise<DemoPlan> {
  const demoUsernames = DEMO_LOGINS.map((l) => l.username)
  const [shared, ...demoHashes] = await Promise.all(
    [DEMO_PASSWORD, ...demoUsernames.map(() => DEMO_PASSWORD)].map((p) => hash(p)),
  )
  const catalog = buildCatalog({
    demo: new Map(
      demoUsernames.map((u, i) => [u, required(demoHashes[i], `the password hash of ${u}`)]),
    ),
    shared: required(shared, 'the shared indicators'),
  })
  const random = new Random(SEED)
  const { branchOrgs } = buildRounds(catalog, now, random)

  // The demo branch logins take over the accounts of the orgs the data made interesting.
  for (const [index, org] of branchOrgs.entries()) {
    const username = `branch${index + 1}`
    if (org.code !== DEMO_BRANCH_ORGS[index]) {
      throw new Error(`The seed now picks ${org.code} for ${username}: update DEMO_BRANCH_ORGS`)
    }
    const user = required(
      catalog.rows.user.find((u) => u.id === org.userId),
      `the user of org ${org.code}`,
    )
    user.username = username
    user.passwordHash = required(
      demoHashes[demoUsernames.indexOf(username)],
      `the password hash of ${username}`,
    )
  }
  const logins = DEMO_LOGINS.map((login) => ({ ...login }))
  return { rows: catalog.rows, logins }
}

/**
 * Fills an empty database with the demo. Idempotent: when any area exists the database is taken as
 * seeded and nothing changes. Runs in one transaction under an advisory lock, so a failed or
 * concurrent run leaves no half-seeded database.
 */
export async function seedDemo(
  prisma: PrismaClient,
  options: SeedOptions = {},
): Promise<SeedResult> {
  const started = Date.now()
  const log = options.log ?? (() => undefined)
  if ((await prisma.area.count()) > 0) {
    log('Database already has data: demo seed skipped.')
    return {
      seeded: false,
      counts: {},
      logins: await currentLogins(prisma),
      ms: Date.now() - started,
    }
  }
  const plan = await buildDemoPlan(options.now ?? new Date())
  log(`Demo data built in ${Date.now() - started} ms; writing…`)
  const counts = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`)
      if ((await tx.area.count()) > 0) return null
      const written = await writeRows(tx, plan.rows)
      // The published rounds' stored aggregates, as publication would have written them.
      await storePublishedRoundSummaries(tx)
      await storePublishedRoundInsights(tx)
      return written
    },
    { timeout: 300_000, maxWait: 60_000 },
  )
  if (counts === null) {
    log('Another process seeded the database meanwhile: demo seed skipped.')
    return {
      seeded: false,
      counts: {},
      logins: await currentLogins(prisma),
      ms: Date.now() - started,
    }
  }
  const ms = Date.now() - started
  log(`Demo data written in ${ms} ms.`)
  return { seeded: true, counts, logins: plan.logins, ms }
}

/** The demo logins as they are in the database (branch users' names depend on the data). */
async function currentLogins(prisma: PrismaClient): Promise<DemoLogin[]> {
  const users = await prisma.user.findMany({
    where: { username: { in: DEMO_LOGINS.map((l) => l.username) } },
    include: { org: true },
  })
  return DEMO_LOGINS.flatMap((login) => {
    const user = users.find((u) => u.username === login.username)
    return user ? [{ ...login, displayName: user.displayName, orgName: user.org?.name }] : []
  })
}
