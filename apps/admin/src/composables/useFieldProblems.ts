import { computed, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { problemFor, type MutationFailure } from '@/graphql/mutate'
import { fieldProblems, type FieldProblem, type FieldRule } from '@/utils/fieldRules'

/**
 * A dialog's own checks (fieldRules) beside the API's answer: nothing is flagged until the first
 * Save, then every field's problem shows at once in the reader's language and follows the edits;
 * a field the SPA finds no fault with shows what the API said about it, if anything.
 */
export function useFieldProblems<K extends string>(
  values: () => Record<K, unknown>,
  rules: () => Partial<Record<NoInfer<K>, FieldRule>>,
  failure: Ref<MutationFailure | null>,
) {
  const { t } = useI18n()
  const tried = ref(false)
  const problems = computed<Partial<Record<K, FieldProblem>>>(() => (tried.value ? fieldProblems(values(), rules()) : {}))

  function problemText(key: K): string | null {
    const problem = problems.value[key]
    if (problem) return t(`common.problems.${problem}`, { max: rules()[key]?.max ?? 0 })
    return problemFor(failure.value, key)
  }

  /** Marks the form as tried; true when it may be sent. */
  function check(): boolean {
    tried.value = true
    return Object.keys(problems.value).length === 0
  }

  function reset() {
    tried.value = false
  }

  return { problemText, check, reset }
}
