export interface AreaDraft {
  code: string
  name: string
  sortOrder: number | null
}

export type AreaProblem = 'codeRequired' | 'tooLong' | 'codeTaken' | 'nameRequired'

/** The API's limit on both fields. */
export const AREA_TEXT_MAX = 50

/** Code and name are required and at most 50 characters; the code is unique (as the API checks). */
export function areaProblems(
  draft: AreaDraft,
  areas: readonly { id: number; code: string; name: string }[],
  editingId: number | null,
): Partial<Record<'code' | 'name', AreaProblem>> {
  const problems: Partial<Record<'code' | 'name', AreaProblem>> = {}
  const others = areas.filter((a) => a.id !== editingId)
  const code = draft.code.trim()
  const name = draft.name.trim()
  if (!code) problems.code = 'codeRequired'
  else if ([...code].length > AREA_TEXT_MAX) problems.code = 'tooLong'
  else if (others.some((a) => a.code.toLowerCase() === code.toLowerCase())) problems.code = 'codeTaken'
  if (!name) problems.name = 'nameRequired'
  else if ([...name].length > AREA_TEXT_MAX) problems.name = 'tooLong'
  return problems
}
