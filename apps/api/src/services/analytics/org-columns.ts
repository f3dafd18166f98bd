import { Prisma, type Organization, type UnitType } from '@redblue/db'

/**
 * The org of each row of a long analytics answer (a ranking, a trend: a thousand orgs), read in the
 * same statement as the rows instead of a second query, as `org`-prefixed columns of `o`.
 */
export const ORG_COLUMNS = Prisma.sql`o."code" AS "orgCode", o."name" AS "orgName", o."shortName" AS "orgShortName",
  o."unitType" AS "orgUnitType", o."parentId" AS "orgParentId", o."assessed" AS "orgAssessed",
  o."active" AS "orgActive", o."sortOrder" AS "orgSortOrder", o."version" AS "orgVersion",
  o."createdAt" AS "orgCreatedAt", o."updatedAt" AS "orgUpdatedAt"`

/** `ORG_COLUMNS` as a row holds them; timestamps as Date (a row) or ISO text (`json_agg`). */
export interface OrgColumns {
  orgCode: string
  orgName: string
  orgShortName: string | null
  orgUnitType: UnitType
  orgParentId: number | null
  orgAssessed: boolean
  orgActive: boolean
  orgSortOrder: number
  orgVersion: number
  orgCreatedAt: Date | string
  orgUpdatedAt: Date | string
}

export function organizationOf(id: number, r: OrgColumns): Organization {
  return {
    id,
    code: r.orgCode,
    name: r.orgName,
    shortName: r.orgShortName,
    unitType: r.orgUnitType,
    parentId: r.orgParentId,
    assessed: r.orgAssessed,
    active: r.orgActive,
    sortOrder: r.orgSortOrder,
    version: r.orgVersion,
    createdAt: new Date(r.orgCreatedAt),
    updatedAt: new Date(r.orgUpdatedAt),
  }
}
