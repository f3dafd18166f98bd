/** Shapes of the analytics answers as the tests select them (fields a test leaves out are absent). */
import type { OrgCategory } from '@redblue/db'

export type Mark = 'RED' | 'BLUE' | null

export interface HeadlineData {
  analyticsHeadline: {
    roundsHeld: number
    feedbackForms: number
    findings: number
    standingFindings: number
    problemCategories: number
    orgsAssessed: number
    rectifications: number
    closedRectifications: number
    closeOutRate: string | null
    overdueRectifications: number
  }
}

export interface RankingRowData {
  assessmentId: number
  orgId: number
  rank: number
  base: string
  bonus: string
  total: string
  listMark: Mark
  previousRank: number | null
  previousTotal: string | null
  rankChange: number | null
  totalChange: string | null
  findingCount: number | null
  openRectifications: number | null
  org: { id: number; name: string }
}

export interface RankingData {
  categoryRanking: {
    previousRoundId: number | null
    previousRound: { id: number } | null
    rows: RankingRowData[]
  }
}

export interface DrillIndicator {
  indicatorId: number
  dimensionId: number | null
  method: string
  points: string
  lost: string
  max: string
  reason: string | null
  findingIds: number[]
  findings: { id: number; indicatorId: number }[]
  rectifications: { id: number; findingId: number; events: { id: number }[] }[]
}

export interface DrillData {
  assessmentDrilldown: {
    assessmentId: number
    assessment: { id: number }
    orgId: number
    base: string
    baseMax: string
    lost: string
    findingIds: number[]
    dimensions: { dimensionId: number; points: string; lost: string; max: string; indicators: { indicatorId: number; lost: string }[] }[]
    indicators: DrillIndicator[]
  }
}

export interface Series {
  code: string
  points: (string | null)[]
  lost: (string | null)[]
}

export interface TrendsData {
  analyticsTrends: {
    roundIds: number[]
    rounds: { id: number }[]
    orgs: {
      orgId: number
      totals: (string | null)[]
      ranks: (number | null)[]
      marks: Mark[]
      categories: (OrgCategory | null)[]
      dimensions: Series[]
    }[]
    listHistory: { orgId: number; marks: Mark[] }[]
    categoryAverages: { category: OrgCategory; totals: (string | null)[]; dimensions: Series[] }[]
    findingCounts: { problemCategoryId: number; counts: number[]; total: number }[]
    closeOutRates: { roundId: number; total: number; closed: number; rate: string | null }[]
  }
}

export interface MatrixData {
  lostPointsMatrix: {
    columns: { code: string; averageLost: string | null }[]
    rows: { assessmentId: number; orgId: number; lost: (string | null)[]; totalLost: string }[]
  }
}

export interface ParetoData {
  problemCategoryPareto: { totalFindings: number; entries: { count: number; share: string; cumulativeShare: string }[] }
}

export interface RepeatData {
  repeatFindings: { totalFindings: number; repeatFindings: number; groups: { orgId: number; repeatCount: number }[] }
}

export interface CategoryAveragesData {
  categoryAverages: { category: OrgCategory; orgCount: number; averageTotal: string | null }[]
}
