import type { Organization } from '@redblue/db'

/**
 * What each row of a long analytics answer (a ranking, a trend: a thousand orgs) carries of its
 * org, read in the same statement as the rows instead of a second query. Only what the
 * dashboards show: every further column costs a thousand values to read, decode and encode per
 * request — the two timestamps alone ≈ 4 ms of a ranking. A request that asks an org for more gets
 * the whole org from one more statement (schema/analytics-list-records.ts).
 */
export type OrgSummary = Pick<Organization, 'id' | 'name' | 'shortName'>
