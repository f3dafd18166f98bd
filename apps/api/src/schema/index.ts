/**
 * The schema is the sum of the domain files: each registers its types, queries and mutations on
 * the shared builder as an import side effect. Add one import line per domain file, nothing else.
 * Every new Query/Mutation field also needs a row in test/access-matrix.ts.
 */
import { builder } from '../builder'
import './enums'
import './errors'
import './user'
import './auth'
import './org'
import './area'
import './problem-category'
import './category-assignment'
import './rule-set'
import './scheme'
import './shared-indicator'
import './audit-log'

import './round'
import './round-progress'
import './team'
import './assessment'
import './feedback-form'
import './finding'
import './reconciliation'
import './publish'
import './rectification'
import './interview'
import './annual'
import './todo'
import './evidence'

// analytics for leadership
import './analytics-headline'
import './analytics-ranking'
import './analytics-trends'
import './analytics-drilldown'
import './analytics-comparisons'
import './insight'

// public board, notice, Excel import/export
import './board'
import './notice'
import './imports'

export const schema = builder.toSchema()
