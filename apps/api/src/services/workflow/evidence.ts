import type { StoredFile } from '../../uploads/storage'
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors'
import { assertCanInspect, type Actor } from '../../access'
import { audit } from './audit'
import { assertRoundStatus } from './round-state'
import type { Tx } from './types'

/** Evidence rows for files already stored by `withStoredFiles`; written in the caller's transaction. */
async function createRows(
  tx: Tx,
  actor: Actor,
  target: { findingId: number } | { rectificationEventId: number },
  stored: StoredFile[],
) {
  const rows = []
  for (const file of stored) {
    const row = await tx.evidenceFile.create({
      data: { ...target, ...file, uploadedById: actor.userId },
    })
    await audit(tx, actor, 'evidence.upload', 'EvidenceFile', row.id, null, row)
    rows.push(row)
  }
  return rows
}

/** Inspectors (and admins) attach evidence to a finding while the round is inspecting or reconciling. */
export async function attachFindingEvidence(
  tx: Tx,
  actor: Actor,
  findingId: number,
  stored: StoredFile[],
) {
  const finding = await tx.finding.findUnique({
    where: { id: findingId },
    include: { round: true },
  })
  if (!finding) throw new NotFoundError('Finding', findingId, '问题不存在')
  await assertCanInspect(tx, actor, finding.roundId, finding.orgId)
  assertRoundStatus(finding.round, 'INSPECTING', 'RECONCILING')
  if (stored.length === 0) throw ValidationError.field(['files'], '请选择文件')
  return createRows(tx, actor, { findingId }, stored)
}

/** Evidence of a rectification submission (整改佐证), attached to its SUBMITTED event. */
export async function attachRectificationEvidence(
  tx: Tx,
  actor: Actor,
  rectificationEventId: number,
  stored: StoredFile[],
) {
  return createRows(tx, actor, { rectificationEventId }, stored)
}

/**
 * Removes a finding's evidence file (its uploader or an admin, while the finding can still change).
 * Submission evidence is part of the rectification history and stays. Returns the stored name so
 * the caller deletes the bytes after the transaction commits.
 */
export async function deleteEvidence(tx: Tx, actor: Actor, evidenceId: number) {
  const file = await tx.evidenceFile.findUnique({
    where: { id: evidenceId },
    include: { finding: { include: { round: true } } },
  })
  if (!file) throw new NotFoundError('EvidenceFile', evidenceId, '文件不存在')
  if (!file.finding) throw new ValidationError('整改提交的佐证材料属于整改记录，不能删除')
  if (actor.role !== 'ADMIN' && file.uploadedById !== actor.userId) {
    throw new ForbiddenError('只能删除自己上传的文件')
  }
  await assertCanInspect(tx, actor, file.finding.roundId, file.finding.orgId)
  assertRoundStatus(file.finding.round, 'INSPECTING', 'RECONCILING')
  const { finding: _finding, ...before } = file
  await tx.evidenceFile.delete({ where: { id: file.id } })
  await audit(tx, actor, 'evidence.delete', 'EvidenceFile', file.id, before, null)
  return before
}
