import { createHash } from 'node:crypto'
import type { PrismaClient } from '@redblue/db'
import type { Actor } from '../../../access'
import type { Db } from '../../../context'
import { writeAudit } from '../../../audit'
import type { ImportProblem, ParsedSheet } from '../read'
import { buildPreview, type PreviewSheet } from './preview'

/**
 * What every import shares: the report, the uploaded file, and the all-or-nothing runner. An
 * import reads and checks the whole file first and writes only when no problem remains; the
 * writes and their audit entry share one transaction, so a failure half-way leaves nothing. A
 * dry run does the same work and then rolls the transaction back, so it reports exactly what a
 * real run would do.
 */

export type ImportKind = 'orgs' | 'indicators' | 'findings'

export interface ImportFile {
  name: string
  bytes: Uint8Array
}

export interface ImportReport {
  kind: ImportKind
  /** True when the data was saved (never for a dry run or a file with problems). */
  applied: boolean
  dryRun: boolean
  fileName: string
  /** Data rows read from the file. */
  rowCount: number
  created: number
  updated: number
  problems: ImportProblem[]
  /** Not blocking (e.g. a draft scheme whose sums are not 100 yet). */
  warnings: string[]
  summary: string
  /** The sheets as read (set by the import once parsed); the preview is built from them. */
  sheets: ParsedSheet[]
  /**
   * Every data row with its cells' values and problems, for the person to check before saving;
   * empty once the data is saved (the summary is what matters then).
   */
  preview: PreviewSheet[]
}

export function emptyReport(kind: ImportKind, file: ImportFile, dryRun: boolean): ImportReport {
  return {
    kind,
    applied: false,
    dryRun,
    fileName: file.name,
    rowCount: 0,
    created: 0,
    updated: 0,
    problems: [],
    warnings: [],
    summary: '',
    sheets: [],
    preview: [],
  }
}

/** The report as answered: the preview of every row unless the data was saved. */
function answer(report: ImportReport, applied: boolean, summary: string): ImportReport {
  const preview = applied ? [] : buildPreview(report.sheets, report.problems)
  return { ...report, applied, summary, sheets: [], preview }
}

export function fileDigest(file: ImportFile): string {
  return createHash('sha256').update(file.bytes).digest('hex')
}

class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run')
  }
}

const TX_OPTIONS = { timeout: 120_000, maxWait: 30_000 }

export async function runImport(
  prisma: PrismaClient,
  dryRun: boolean,
  work: (tx: Db) => Promise<ImportReport>,
): Promise<ImportReport> {
  try {
    return await prisma.$transaction(async (tx) => {
      const report = await work(tx)
      if (report.problems.length) return answer(report, false, `发现 ${report.problems.length} 处错误，未导入任何数据`)
      if (dryRun) throw new DryRunRollback(answer(report, false, `校验通过（试导入，未保存）：${report.summary}`))
      return answer(report, true, report.summary)
    }, TX_OPTIONS)
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report
    throw error
  }
}

export async function auditImport(
  tx: Db,
  actor: Actor,
  entry: { action: string; entityType: string; entityId: string | number; file: ImportFile; before?: unknown; after: Record<string, unknown> },
): Promise<void> {
  await writeAudit(tx, {
    actor: actor.userId,
    ip: actor.ip,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before,
    after: { fileName: entry.file.name, sha256: fileDigest(entry.file), ...entry.after },
  })
}
