/**
 * Two API replicas on one PostgreSQL database behind Debian's nginx (run in the foreground with
 * its own prefix and a site like docs/operations.md's, minus TLS): sign-in through the proxy, a
 * score saved on one replica read back from the other, an evidence upload through the proxy.
 * Needs TEST_DATABASE_URL and /usr/sbin/nginx (.ci/run installs it).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { seedDemo } from '@redblue/db/seed'
import { createTestDb, type TestDb } from '@redblue/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../helpers'
import { multipartBody } from '../reliability/http'

const API_DIR = fileURLToPath(new URL('../..', import.meta.url))
const NGINX = process.env.NGINX_BIN || '/usr/sbin/nginx'
// Ports: the proxy and the two replicas (RELEASE_TEST_PORT + 2, + 3, + 4).
const BASE_PORT = Number(process.env.RELEASE_TEST_PORT || 4271)
const [PROXY, REPLICA_A, REPLICA_B] = [BASE_PORT + 2, BASE_PORT + 3, BASE_PORT + 4]

function nginxConf(prefix: string): string {
  return `
worker_processes 1;
error_log ${prefix}/error.log warn;
pid ${prefix}/nginx.pid;
user root;
events { worker_connections 256; }
http {
  access_log ${prefix}/access.log;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  upstream redblue {
    server 127.0.0.1:${REPLICA_A} max_fails=0;
    server 127.0.0.1:${REPLICA_B} max_fails=0;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${PROXY};
    client_max_body_size 25m;
    gzip on;
    gzip_types text/css application/javascript text/javascript application/json image/svg+xml;
    location / {
      proxy_pass http://redblue;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Request-Id $request_id;
      # Which replica answered, so the test can tell them apart.
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('nginx in front of two replicas on one PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redblue-proxy-'))
  const children: ChildProcess[] = []
  const logs: string[] = []
  let db: TestDb

  function startChild(command: string, args: string[], env: NodeJS.ProcessEnv, name: string) {
    const child = spawn(command, args, { cwd: API_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.on('data', (c: Buffer) => logs.push(`[${name}] ${c.toString()}`))
    child.stderr.on('data', (c: Buffer) => logs.push(`[${name}] ${c.toString()}`))
    children.push(child)
    return child
  }

  async function waitReady(url: string, ms = 240_000) {
    const until = Date.now() + ms
    while (Date.now() < until) {
      const status = await fetch(url).then((r) => r.status, () => 0)
      if (status === 200) return
      await new Promise((r) => setTimeout(r, 250))
    }
    throw new Error(`${url} not ready:\n${logs.join('').slice(-4000)}`)
  }

  beforeAll(async () => {
    db = await createTestDb()
    await seedDemo(db.prisma)
    const uploads = join(dir, 'uploads')
    mkdirSync(uploads)
    for (const [name, port] of [['a', REPLICA_A], ['b', REPLICA_B]] as const) {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        TRUST_PROXY: 'true',
        // One shared folder for evidence files (on separate hosts: a shared mount).
        UPLOAD_DIR: uploads,
        ADMIN_DIST_DIR: join(dir, 'no-spa'),
      }
      delete env.TEST_DATABASE_URL
      delete env.REDBLUE_DEMO
      startChild(process.execPath, ['--import', 'tsx', 'src/main.ts'], env, name)
    }
    const prefix = join(dir, 'nginx')
    mkdirSync(prefix)
    writeFileSync(join(prefix, 'nginx.conf'), nginxConf(prefix))
    startChild(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], process.env, 'nginx')
    await waitReady(`http://127.0.0.1:${REPLICA_A}/ready`)
    await waitReady(`http://127.0.0.1:${REPLICA_B}/ready`)
    await waitReady(`http://127.0.0.1:${PROXY}/ready`)
  }, 600_000)

  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 500))
    await db?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const base = `http://127.0.0.1:${PROXY}`
  async function gql(query: string, variables: Record<string, unknown>, cookie?: string) {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-redblue-csrf': '1', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    })
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const body = (await res.json()) as { data?: any; errors?: unknown[] }
    return { res, body, upstream: res.headers.get('x-upstream') }
  }

  it('signs in, saves a score on one replica and reads it on the other, uploads evidence', async () => {
    const login = await gql(
      `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { __typename } }`,
      { u: 'inspector1', p: DEMO_PASSWORD },
    )
    expect(login.body.data?.login.__typename).toBe('User')
    const cookie = (login.res.headers.get('set-cookie') ?? '').split(';')[0]!
    expect(cookie).toMatch(/^redblue_session=/)

    const rounds = await gql(`{ rounds { id status } }`, {}, cookie)
    const roundId = (rounds.body.data.rounds as { id: number; status: string }[]).find((r) => r.status === 'INSPECTING')!.id
    const list = await gql(
      `query ($r: Int!) { assessments(roundId: $r) { id version status } }`,
      { r: roundId },
      cookie,
    )
    const open = (list.body.data.assessments as { id: number; version: number; status: string }[]).find((a) => a.status !== 'SUBMITTED')!
    // One assessment's scheme at a time: a whole round's schemes is over the query-cost limit.
    const sheet = await gql(
      `query ($id: Int!) { assessment(id: $id) { scheme { indicators { id method ratingLevels { label } } } } }`,
      { id: open.id },
      cookie,
    )
    type Indicator = { id: number; method: string; ratingLevels: { label: string }[] | null }
    const indicators = sheet.body.data.assessment.scheme.indicators as Indicator[]
    const rated = indicators.find((i) => i.method === 'RATING' && i.ratingLevels?.length)!
    const label = rated.ratingLevels!.at(-1)!.label

    const saved = await gql(
      `mutation ($id: Int!, $v: Int!, $inputs: [IndicatorInputValue!]!) { saveAssessmentInputs(assessmentId: $id, version: $v, inputs: $inputs) { __typename ... on AppError { code } } }`,
      { id: open.id, v: open.version, inputs: [{ indicatorId: rated.id, ratingLevel: label }] },
      cookie,
    )
    expect(saved.body.data?.saveAssessmentInputs.__typename).not.toMatch(/Error/)
    expect(saved.upstream).toMatch(/^127\.0\.0\.1:\d+$/)

    // Read until the other replica answers (nginx balances round-robin): it sees the save.
    let other: Awaited<ReturnType<typeof gql>> | null = null
    for (let i = 0; i < 10 && !other; i++) {
      const read = await gql(`query ($id: Int!) { assessment(id: $id) { version inputs { indicatorId ratingLevel } } }`, { id: open.id }, cookie)
      if (read.upstream !== saved.upstream) other = read
    }
    expect(other, 'the second replica never answered').not.toBeNull()
    expect(other!.body.data.assessment.version).toBe(open.version + 1)
    expect(other!.body.data.assessment.inputs).toContainEqual({ indicatorId: rated.id, ratingLevel: label })

    // An upload through the proxy (multipart, CSRF header), stored and listed.
    const findings = await gql(`query ($r: Int!) { findings(roundId: $r) { id } }`, { r: roundId }, cookie)
    const findingId = (findings.body.data.findings as { id: number }[])[0]!.id
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n'), Buffer.alloc(2 * 1024 * 1024, 0x20)])
    const { body, contentType } = multipartBody(
      `mutation ($id: Int!, $files: [Upload!]!) { attachFindingEvidence(findingId: $id, files: $files) { __typename ... on AppError { code message } } }`,
      { id: findingId },
      [{ name: '现场照片说明.pdf', bytes: pdf }],
    )
    const upload = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-redblue-csrf': '1', cookie },
      body: new Uint8Array(body),
    })
    const uploaded = (await upload.json()) as { data?: { attachFindingEvidence: { __typename: string } } }
    expect(uploaded.data?.attachFindingEvidence.__typename).toBe('MutationAttachFindingEvidenceSuccess')
    const stored = await db.prisma.evidenceFile.findMany({ where: { findingId } })
    expect(stored.some((f) => f.originalName === '现场照片说明.pdf' && f.size === pdf.length)).toBe(true)
    // The proxy passed its request id through; the replica logged it with the operation.
    expect(upload.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/)
  })
})
