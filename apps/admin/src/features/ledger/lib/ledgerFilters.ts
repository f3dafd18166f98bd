import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { RectificationFilter, RectificationSource, RectificationStatus, WarningColour } from '@/generated/graphql'

export const STATUSES: readonly RectificationStatus[] = ['OPEN', 'RETURNED', 'SUBMITTED', 'CLOSED']
export const COLOURS: readonly Exclude<WarningColour, 'CLOSED'>[] = ['GREEN', 'YELLOW', 'RED']
export const SOURCES: readonly RectificationSource[] = ['FINDING', 'INTERVIEW']
export const PAGE_SIZES = [20, 50, 100] as const

/** The ledger's filters and page, as the URL holds them (so a filtered ledger can be shared). */
export interface LedgerFilters {
  orgId: number | null
  roundId: number | null
  status: RectificationStatus | null
  colour: WarningColour | null
  problemCategoryId: number | null
  source: RectificationSource | null
  page: number
  pageSize: number
}

export const EMPTY_FILTERS: LedgerFilters = {
  orgId: null,
  roundId: null,
  status: null,
  colour: null,
  problemCategoryId: null,
  source: null,
  page: 1,
  pageSize: 20,
}

function first(value: LocationQuery[string] | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' && v !== '' ? v : null
}

function positiveInt(value: LocationQuery[string] | undefined): number | null {
  const v = first(value)
  if (v === null || !/^\d+$/.test(v)) return null
  const n = Number(v)
  return n > 0 ? n : null
}

function oneOf<T extends string>(value: LocationQuery[string] | undefined, allowed: readonly T[]): T | null {
  const v = first(value)
  return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : null
}

/** Reads the filters from the URL; anything malformed is ignored rather than sent to the API. */
export function parseLedgerQuery(query: LocationQuery): LedgerFilters {
  const size = positiveInt(query.size)
  return {
    orgId: positiveInt(query.org),
    roundId: positiveInt(query.round),
    status: oneOf(query.status, STATUSES),
    colour: oneOf(query.colour, [...COLOURS, 'CLOSED'] as const),
    problemCategoryId: positiveInt(query.category),
    source: oneOf(query.source, SOURCES),
    page: positiveInt(query.page) ?? 1,
    pageSize: size !== null && (PAGE_SIZES as readonly number[]).includes(size) ? size : EMPTY_FILTERS.pageSize,
  }
}

/** The URL query of the filters, leaving defaults out so links stay short. */
export function ledgerQuery(filters: LedgerFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  if (filters.orgId !== null) query.org = String(filters.orgId)
  if (filters.roundId !== null) query.round = String(filters.roundId)
  if (filters.status !== null) query.status = filters.status
  if (filters.colour !== null) query.colour = filters.colour
  if (filters.problemCategoryId !== null) query.category = String(filters.problemCategoryId)
  if (filters.source !== null) query.source = filters.source
  if (filters.page > 1) query.page = String(filters.page)
  if (filters.pageSize !== EMPTY_FILTERS.pageSize) query.size = String(filters.pageSize)
  return query
}

/** The API filter (without paging). */
export function apiFilter(filters: LedgerFilters): RectificationFilter {
  return {
    orgId: filters.orgId,
    roundId: filters.roundId,
    status: filters.status,
    colour: filters.colour,
    problemCategoryId: filters.problemCategoryId,
    source: filters.source,
  }
}

/**
 * Filters for each count: every other filter applies, the counted dimension replaces its own
 * (counts by status ignore the status filter, counts by colour the colour filter), so the chips
 * show what choosing them would give.
 */
export function countFilters(filters: LedgerFilters) {
  const base = apiFilter(filters)
  const byStatus = (status: RectificationStatus): RectificationFilter => ({ ...base, status })
  const byColour = (colour: WarningColour): RectificationFilter => ({ ...base, colour })
  return {
    open: byStatus('OPEN'),
    submitted: byStatus('SUBMITTED'),
    returned: byStatus('RETURNED'),
    closed: byStatus('CLOSED'),
    green: byColour('GREEN'),
    yellow: byColour('YELLOW'),
    red: byColour('RED'),
  }
}

/** The variables of the ledger's page of items and of its counts, for the filters in the URL. */
export function ledgerVariables(filters: LedgerFilters) {
  return {
    ledger: { filter: apiFilter(filters), limit: filters.pageSize, offset: (filters.page - 1) * filters.pageSize },
    counts: countFilters(filters),
  }
}
