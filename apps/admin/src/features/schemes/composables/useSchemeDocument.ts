import { computed, ref, shallowRef, watch, type Ref } from 'vue'
import { useMutation, useQuery } from '@urql/vue'
import type { SchemeDocumentFieldsFragment } from '@/generated/graphql'
import { unwrap, type MutationFailure } from '@/graphql/mutate'
import { SchemeQuery, UpdateSchemeDraftMutation } from '../api'
import { cloneDraft, type SchemeDraft } from '../lib/schemeDraft'
import { draftChanged, draftFromScheme, draftToInput } from '../lib/schemeMapping'

/**
 * One stored scheme and its editable draft: loads it, tracks unsaved edits, saves the whole draft
 * under the optimistic lock. A conflict keeps the edits on screen and offers the latest version.
 */
export function useSchemeDocument(schemeId: Ref<number | null>) {
  const query = useQuery({
    query: SchemeQuery,
    variables: computed(() => ({ id: schemeId.value ?? 0 })),
    pause: computed(() => schemeId.value === null),
    requestPolicy: 'network-only',
  })
  const update = useMutation(UpdateSchemeDraftMutation)

  const scheme = shallowRef<SchemeDocumentFieldsFragment | null>(null)
  const loaded = shallowRef<SchemeDraft | null>(null)
  const draft = ref<SchemeDraft | null>(null)
  const conflict = ref<MutationFailure | null>(null)

  function adopt(next: SchemeDocumentFieldsFragment | null) {
    scheme.value = next
    loaded.value = next ? draftFromScheme(next) : null
    draft.value = loaded.value ? cloneDraft(loaded.value) : null
    conflict.value = null
  }

  watch(
    () => query.data.value?.scheme,
    (next) => {
      // A refetch of the same version must not wipe edits in progress.
      if (next && scheme.value && next.id === scheme.value.id && next.version === scheme.value.version && dirty.value) return
      adopt(next ?? null)
    },
  )
  watch(schemeId, (id) => {
    if (id === null) adopt(null)
  })

  const dirty = computed(() => !!draft.value && !!loaded.value && draftChanged(loaded.value, draft.value))
  const readOnly = computed(() => scheme.value?.status !== 'DRAFT')

  async function save(): Promise<boolean> {
    if (!scheme.value || !draft.value) return false
    const outcome = unwrap(
      await update.executeMutation(
        { id: scheme.value.id, version: scheme.value.version, input: draftToInput(draft.value, scheme.value.name) },
        { handlesConflict: true },
      ),
      (d) => d.updateSchemeDraft,
    )
    if (outcome.ok) {
      adopt(outcome.value)
      return true
    }
    if (outcome.failure?.typename === 'ConflictError') conflict.value = outcome.failure
    return false
  }

  function reload() {
    conflict.value = null
    query.executeQuery({ requestPolicy: 'network-only' })
    // Same version check above would keep edits; a deliberate reload takes the server's copy.
    scheme.value = null
  }

  return {
    scheme,
    draft,
    dirty,
    readOnly,
    conflict,
    fetching: computed(() => query.fetching.value),
    saving: computed(() => update.fetching.value),
    save,
    reload,
    discard: () => adopt(scheme.value),
    refetch: () => query.executeQuery({ requestPolicy: 'network-only' }),
  }
}
