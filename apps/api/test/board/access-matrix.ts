/**
 * Access rows for the board, notice and Excel import fields (merged into test/access.test.ts's
 * table; see test/access-matrix.ts). Downloads are plain HTTP routes, tested in their own files.
 */
import { ADMIN, EVERYONE, type Caller } from '../access-matrix'

export const ACCESS: Record<string, readonly Caller[]> = {
  'Query.board': EVERYONE,
  'Mutation.saveNotice': ADMIN,
  'Mutation.importOrgs': ADMIN,
  'Mutation.importSchemeIndicators': ADMIN,
  'Mutation.importFindings': ['ADMIN', 'INSPECTOR'],
}
