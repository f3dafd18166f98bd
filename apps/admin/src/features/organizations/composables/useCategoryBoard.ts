import { computed, ref, type MaybeRefOrGetter, toValue } from 'vue'
import type { OrgCategory } from '@/generated/graphql'

export interface BoardOrg {
  id: number
  name: string
  shortName?: string | null
  code: string
  unitType: string
  sortOrder: number
  category?: OrgCategory | null
}

export type BoardColumnKey = OrgCategory | 'NONE'
export const BOARD_COLUMNS: BoardColumnKey[] = ['NONE', 'I', 'II', 'III']

const toKey = (category: OrgCategory | null | undefined): BoardColumnKey => category ?? 'NONE'

/**
 * The yearly category board: orgs in columns NONE / I / II / III, moved by drag or in bulk. Moves
 * are pending until saved; moving an org back where it was drops the pending change.
 */
export function useCategoryBoard(orgs: MaybeRefOrGetter<readonly BoardOrg[]>) {
  const pending = ref(new Map<number, BoardColumnKey>())
  const selected = ref(new Set<number>())
  const search = ref('')

  const original = computed(() => new Map(toValue(orgs).map((o) => [o.id, toKey(o.category)])))
  const columnOf = (id: number): BoardColumnKey => pending.value.get(id) ?? original.value.get(id) ?? 'NONE'

  const columns = computed(() => {
    const needle = search.value.trim().toLowerCase()
    const visible = toValue(orgs).filter(
      (o) =>
        !needle ||
        o.name.toLowerCase().includes(needle) ||
        (o.shortName ?? '').toLowerCase().includes(needle) ||
        o.code.toLowerCase().includes(needle),
    )
    return BOARD_COLUMNS.map((key) => ({
      key,
      orgs: visible
        .filter((o) => columnOf(o.id) === key)
        .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN')),
    }))
  })

  function move(ids: Iterable<number>, to: BoardColumnKey) {
    const next = new Map(pending.value)
    for (const id of ids) {
      if (original.value.get(id) === to) next.delete(id)
      else next.set(id, to)
    }
    pending.value = next
  }

  function toggle(id: number, on = !selected.value.has(id)) {
    const next = new Set(selected.value)
    if (on) next.add(id)
    else next.delete(id)
    selected.value = next
  }

  /** The ids a drag carries: the whole selection when the dragged card is part of it. */
  function dragSet(id: number): number[] {
    return selected.value.has(id) ? [...selected.value] : [id]
  }

  function assignSelected(to: BoardColumnKey) {
    move(selected.value, to)
    selected.value = new Set()
  }

  return {
    columns,
    search,
    selected,
    pending,
    isPending: (id: number) => pending.value.has(id),
    changes: computed(() =>
      [...pending.value].map(([orgId, key]) => ({ orgId, category: key === 'NONE' ? null : key })),
    ),
    move,
    toggle,
    dragSet,
    assignSelected,
    reset() {
      pending.value = new Map()
      selected.value = new Set()
    },
  }
}
