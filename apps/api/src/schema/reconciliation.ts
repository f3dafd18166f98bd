import type { ReconciliationAction } from '@redblue/db'
import { builder } from '../builder'
import * as wf from '../services/workflow'
import { inTx } from './round-context'

/**
 * 核对问题清单: in RECONCILING the org's branch users confirm or dispute (with a reason) each
 * finding; admins uphold or withdraw each dispute. Scores follow (CONFIRMED/UPHELD count,
 * WITHDRAWN does not); findings never reacted to are deemed confirmed at publication.
 */
function reconcileField(
  action: ReconciliationAction,
  description: string,
  scopes: { admin?: boolean; branch?: boolean },
) {
  return builder.mutationField(`${action.toLowerCase()}Finding`, (t) =>
    t.prismaField({
      type: 'Finding',
      description,
      authScopes: scopes,
      errors: {},
      args: {
        id: t.arg.int(),
        reason: t.arg.string({
          required: action === 'DISPUTE' || action === 'UPHOLD' || action === 'WITHDRAW',
        }),
      },
      resolve: async (query, _root, { id, reason }, ctx) => {
        await inTx(ctx, (tx, actor) =>
          wf.reconcileFinding(tx, actor, { findingId: id, action, reason }),
        )
        return ctx.prisma.finding.findUniqueOrThrow({ ...query, where: { id } })
      },
    }),
  )
}

reconcileField('CONFIRM', 'The org confirms a finding of its own (RECONCILING).', { branch: true })
reconcileField('DISPUTE', 'The org disputes a finding of its own, with a reason (RECONCILING).', {
  branch: true,
})
reconcileField('UPHOLD', 'An admin upholds a disputed finding: it counts.', { admin: true })
reconcileField('WITHDRAW', 'An admin withdraws a disputed finding: it no longer counts.', {
  admin: true,
})
