import { computed, ref, shallowRef } from 'vue'
import { cloneInputs, emptyInput, sameInput, type InputDraft, type InputsById } from '../lib/inputs'

/** The assessment as the server has it. */
export interface SavedAssessment {
  version: number
  inputs: InputsById
  /** Who saved it last (shown when their save wins a conflict). */
  updatedBy?: string | null
}

export type SaveOutcome =
  | { ok: true; saved: SavedAssessment }
  | { ok: false; conflict: SavedAssessment }

/** Saves the changed inputs against the version they were based on. */
export type SaveInputs = (changed: InputsById, version: number) => Promise<SaveOutcome>

export interface ConflictRow {
  indicatorId: string
  base: InputDraft | undefined
  mine: InputDraft | undefined
  theirs: InputDraft | undefined
  changedByMe: boolean
  changedByThem: boolean
  /** Both changed it, differently: re-applying keeps mine over theirs. */
  clash: boolean
}

export interface Conflict {
  theirs: SavedAssessment
  rows: ConflictRow[]
}

function changedIds(from: InputsById, to: InputsById): string[] {
  const ids = new Set([...Object.keys(from), ...Object.keys(to)])
  return [...ids].filter((id) => !sameInput(from[id], to[id]))
}

/** What differs between my edits and the version someone else saved, per indicator. */
export function conflictRows(base: InputsById, mine: InputsById, theirs: InputsById): ConflictRow[] {
  const ids = new Set([...changedIds(base, mine), ...changedIds(base, theirs)])
  return [...ids]
    .map((indicatorId) => {
      const changedByMe = !sameInput(base[indicatorId], mine[indicatorId])
      const changedByThem = !sameInput(base[indicatorId], theirs[indicatorId])
      return {
        indicatorId,
        base: base[indicatorId],
        mine: mine[indicatorId],
        theirs: theirs[indicatorId],
        changedByMe,
        changedByThem,
        clash: changedByMe && changedByThem && !sameInput(mine[indicatorId], theirs[indicatorId]),
      }
    })
    .filter((row) => !sameInput(row.mine, row.theirs))
}

/**
 * Editing one assessment with optimistic locking. Saves send only what changed since the version
 * the inspector started from; if someone saved first, nothing is overwritten: the conflict lists
 * what differs, and the inspector either re-applies their changes on top of the latest version
 * (then saves again) or takes the latest version as it is.
 */
export function useAssessmentEditor(
  initial: SavedAssessment,
  save: SaveInputs,
  /** Every indicator gets an input to bind to, whatever the server sent back. */
  indicatorIds: () => readonly string[] = () => [],
) {
  const complete = (inputs: InputsById): InputsById => {
    const all = cloneInputs(inputs)
    for (const id of indicatorIds()) all[id] ??= emptyInput()
    return all
  }
  const base = shallowRef<SavedAssessment>({ ...initial, inputs: cloneInputs(initial.inputs) })
  const draft = ref<InputsById>(complete(initial.inputs))
  const conflict = shallowRef<Conflict | null>(null)
  const saving = ref(false)
  const error = ref<string | null>(null)

  const dirtyIds = computed(() => changedIds(base.value.inputs, draft.value))
  const dirty = computed(() => dirtyIds.value.length > 0)

  function changes(): InputsById {
    return Object.fromEntries(
      dirtyIds.value.map((id) => [id, { ...(draft.value[id] ?? emptyOf(base.value.inputs[id])) }]),
    )
  }

  async function submit(): Promise<SaveOutcome | null> {
    if (saving.value || conflict.value || !dirty.value) return null
    saving.value = true
    error.value = null
    const sent = cloneInputs(draft.value)
    try {
      const outcome = await save(changes(), base.value.version)
      if (outcome.ok) {
        // Keep anything typed while the request was in flight.
        const typedMeanwhile = changedIds(sent, draft.value)
        const next = complete(outcome.saved.inputs)
        for (const id of typedMeanwhile) if (draft.value[id]) next[id] = { ...draft.value[id] }
        base.value = { ...outcome.saved, inputs: cloneInputs(outcome.saved.inputs) }
        draft.value = next
      } else {
        conflict.value = {
          theirs: outcome.conflict,
          rows: conflictRows(base.value.inputs, draft.value, outcome.conflict.inputs),
        }
      }
      return outcome
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
      return null
    } finally {
      saving.value = false
    }
  }

  /** Latest version + my changes; the inspector reviews and saves again. */
  function reapply() {
    if (!conflict.value) return
    const mine = changes()
    const theirs = conflict.value.theirs
    base.value = { ...theirs, inputs: cloneInputs(theirs.inputs) }
    draft.value = { ...complete(theirs.inputs), ...cloneInputs(mine) }
    conflict.value = null
  }

  /** Drop my changes and continue from the latest version. */
  function takeTheirs() {
    if (!conflict.value) return
    const theirs = conflict.value.theirs
    base.value = { ...theirs, inputs: cloneInputs(theirs.inputs) }
    draft.value = complete(theirs.inputs)
    conflict.value = null
  }

  /** The server's state changed for another reason (refetch); keep unsaved edits on top. */
  function rebase(next: SavedAssessment) {
    const mine = changes()
    base.value = { ...next, inputs: cloneInputs(next.inputs) }
    draft.value = { ...complete(next.inputs), ...mine }
  }

  return { base, draft, dirty, dirtyIds, conflict, saving, error, save: submit, reapply, takeTheirs, rebase }
}

function emptyOf(input: InputDraft | undefined): InputDraft {
  return input ? { ...input } : emptyInput()
}
