import Decimal from 'decimal.js'

export interface FeedbackFormDraft {
  visitDate: string | null
  summary: string
}

export const SUMMARY_MAX = 2000

export type FeedbackFormProblem = 'visitDateRequired' | 'visitDateFuture' | 'summaryTooLong'

/** A visit happened: it has a date, not after today (China), and a summary of reasonable length. */
export function feedbackFormProblems(draft: FeedbackFormDraft, today: string): Partial<Record<keyof FeedbackFormDraft, FeedbackFormProblem>> {
  const problems: Partial<Record<keyof FeedbackFormDraft, FeedbackFormProblem>> = {}
  if (!draft.visitDate) problems.visitDate = 'visitDateRequired'
  else if (draft.visitDate > today) problems.visitDate = 'visitDateFuture'
  if ([...draft.summary].length > SUMMARY_MAX) problems.summary = 'summaryTooLong'
  return problems
}

/** The picker's choices in the finding dialog: the org's forms, newest visit first. */
export function formOptions(forms: readonly { id: number; formNo: string; visitDate: string }[]) {
  return [...forms]
    .sort((a, b) => b.visitDate.localeCompare(a.visitDate) || b.formNo.localeCompare(a.formNo))
    .map((f) => ({ value: f.id, label: `${f.formNo} · ${f.visitDate}` }))
}

/** The printed form's total deduction, exact to two places. */
export function totalDeduction(findings: readonly { deduction: string }[]): string {
  return findings.reduce((sum, f) => sum.plus(new Decimal(f.deduction)), new Decimal(0)).toFixed(2)
}

/** The form as a Word file (the API renders the same sheet as the print view). */
export function feedbackFormDocxUrl(formId: number): string {
  return `/files/feedback-form/${formId}.docx`
}
