import type { RectificationFieldsFragment } from '@/generated/graphql'

/** What the API accepts as evidence (pdf/jpg/png/docx/xlsx). */
export const EVIDENCE_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'docx', 'xlsx'] as const
export const EVIDENCE_ACCEPT = EVIDENCE_EXTENSIONS.map((e) => `.${e}`).join(',')
// The API's default UPLOAD_MAX_BYTES; the server still has the last word.
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024
export const DEFAULT_MAX_FILES = 10
export const MAX_NOTE_LENGTH = 2000

export interface ProgressInput {
  note: string
  files: readonly File[]
}

export type SubmitOutcome =
  | { ok: true; item: RectificationFieldsFragment | null }
  | { ok: false; message: string; problems?: readonly { path: readonly string[]; message: string }[] }

/** Sends the progress; reports upload progress in percent as the files go up. */
export type SubmitProgress = (
  item: Pick<RectificationFieldsFragment, 'id' | 'version'>,
  input: ProgressInput,
  onProgress: (percent: number) => void,
) => Promise<SubmitOutcome>

/** A problem with the form, as an i18n key and its values (the component translates). */
export interface FormProblem {
  key: string
  values?: Record<string, unknown>
}

export interface ProgressProblems {
  note: FormProblem | null
  files: FormProblem[]
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase()
}

/** Checks the form before anything is uploaded: a note is required, files must be allowed and small enough. */
export function validateProgress(
  input: ProgressInput,
  limits: { maxFileBytes?: number; maxFiles?: number } = {},
): ProgressProblems {
  const note = input.note.trim()
  const problems: ProgressProblems = { note: null, files: validateFiles(input.files, limits) }
  if (!note) problems.note = { key: 'rectification.progressRequired' }
  else if (note.length > MAX_NOTE_LENGTH) problems.note = { key: 'rectification.progressTooLong', values: { n: MAX_NOTE_LENGTH } }
  return problems
}

/** Evidence files before upload, wherever they are attached: allowed types, size, how many. */
export function validateFiles(
  files: readonly File[],
  limits: { maxFileBytes?: number; maxFiles?: number } = {},
): FormProblem[] {
  const maxBytes = limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const maxFiles = limits.maxFiles ?? DEFAULT_MAX_FILES
  const problems: FormProblem[] = []
  if (files.length > maxFiles) problems.push({ key: 'rectification.tooManyFiles', values: { n: maxFiles } })
  for (const file of files) {
    if (!(EVIDENCE_EXTENSIONS as readonly string[]).includes(extension(file.name))) {
      problems.push({ key: 'rectification.fileTypeNotAllowed', values: { name: file.name } })
    } else if (file.size > maxBytes) {
      problems.push({ key: 'rectification.fileTooLarge', values: { name: file.name } })
    }
  }
  return problems
}

export function hasProblems(problems: ProgressProblems): boolean {
  return problems.note !== null || problems.files.length > 0
}

/** Only an open or returned item takes progress (R8: submitted waits for verification, closed is done). */
export function canSubmitProgress(status: RectificationFieldsFragment['status']): boolean {
  return status === 'OPEN' || status === 'RETURNED'
}
