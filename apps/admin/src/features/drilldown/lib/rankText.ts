type Translate = (key: string, values: Record<string, unknown>) => string

/**
 * A rank says out of how many: 第 3 名 / 共 12 名 (Rank 3 of 12). Only when the count is unknown
 * does it stand alone. Every screen that shows an org's rank in its category writes it here.
 */
export function rankText(t: Translate, rank: number, of: number | null | undefined): string {
  return of ? t('drilldown.rankOf', { rank, n: of }) : t('drilldown.rank', { rank })
}
