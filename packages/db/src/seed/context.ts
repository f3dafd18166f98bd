/** Shapes shared by the steps that build the demo's inspection history. */

import { required } from '@redblue/scoring'
import type { ReconciliationStatus } from '../generated/prisma/enums'
import { type Inspector, type Org } from './catalog'
import { type ProblemSeed } from './problems'
import { type AreaCode } from './schemes'

export interface RoundSpec {
  year: number
  quarter: number
  start: string
  end: string
  /** Published rounds only. */
  published?: string
  /** Findings per area; their sum over the published rounds is the source's 286. */
  findings: Partial<Record<AreaCode, number>>
  /** Orgs visited twice (a second feedback form); with one form per org per round: 161 forms. */
  secondVisits: string[]
}

export const QUARTER_NAMES = ['一', '二', '三', '四']

export const roundName = (spec: RoundSpec) =>
  `${spec.year}年第${required(QUARTER_NAMES[spec.quarter - 1], `the name of quarter ${spec.quarter}`)}季度党建工作检查`

export interface Team {
  id: number
  name: string
  members: Inspector[]
  orgs: Org[]
}

export interface InterviewItemCtx {
  id: number
  org: Org
  content: string
  date: string
}

export interface RawFinding {
  org: Org
  area: AreaCode
  problem: ProblemSeed
}

export interface FindingCtx extends RawFinding {
  id: number
  status: ReconciliationStatus
  description: string
  deduction: string
  assessmentId: number
  indicatorId: number
}

export interface RoundCtx {
  index: number
  id: number
  spec: RoundSpec
  name: string
  areas: AreaCode[]
  publishedAt?: Date
  teams: Team[]
  teamOf: Map<number, Team>
  visitDay: Map<number, string>
  findings: FindingCtx[]
  /** (orgId, area) → scores of published rounds */
  scores: Map<string, { total: string; base: string }>
  /** Items of this round's interviews, waiting to open their rectifications. */
  interviewItems: InterviewItemCtx[]
}

/** An item to fix; its state is decided once the whole history is known. */
export interface RectificationCtx {
  id: number
  round: RoundCtx
  org: Org
  title: string
  defaultDeadline: string
}

export interface RoundsResult {
  rounds: RoundCtx[]
  current: RoundCtx
  branchOrgs: [Org, Org]
  publishedFindings: number
}

export const key = (orgId: number, area: AreaCode) => `${orgId}|${area}`
