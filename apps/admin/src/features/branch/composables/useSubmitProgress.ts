import { userMessage } from '@/graphql/errors'
import { failureOf } from '@/graphql/mutate'
import { t } from '@/plugins/i18n'
import { SubmitRectificationMutation } from '../api'
import { uploadOperation } from '../lib/multipartUpload'
import type { SubmitProgress } from '../lib/rectificationForm'

/**
 * The real `submit` of the rectification form: the GraphQL mutation with the files as a multipart
 * request, reporting upload progress. Refusals come back as the form's error (nothing global), so
 * the org sees them beside what it typed.
 */
export function useSubmitProgress(): SubmitProgress {
  return async (item, input, onProgress) => {
    const result = await uploadOperation(
      SubmitRectificationMutation,
      { id: item.id, version: item.version, note: input.note, files: null },
      input.files,
      { fileVariable: 'files', onProgress },
    )
    if (result.error) {
      return { ok: false, message: userMessage(result.error, t) }
    }
    const payload = result.data?.submitRectification
    const failure = failureOf(payload)
    if (failure || !payload || payload.__typename !== 'Rectification') {
      return { ok: false, message: failure?.message ?? t('error.unknown'), problems: failure?.problems ?? [] }
    }
    return { ok: true, item: payload }
  }
}
