import { computed } from 'vue'
import { useQuery } from '@urql/vue'
import { DEFAULT_RULE_SET, ruleValueFor } from '@redblue/scoring'
import { session } from '@/store/session'
import { WarningDaysQuery } from '../api'

/** The signed-in branch user's org (null when the account is not linked to one). */
export function useOwnOrg() {
  return {
    orgId: computed(() => session.user.value?.orgId ?? null),
    orgName: computed(() => session.user.value?.orgName ?? null),
  }
}

/**
 * Warning days by year from the stored rule sets, resolved like the API does (ruleValueFor: the
 * year's own set, else the latest earlier year's, else the R8 default).
 */
export function useWarningDays() {
  const query = useQuery({ query: WarningDaysQuery })
  const byYear = computed(() => new Map((query.data.value?.ruleSets ?? []).map((r) => [r.year, r.warningDays])))
  return (year: number) => ruleValueFor(byYear.value, year, DEFAULT_RULE_SET.warningDays)
}
