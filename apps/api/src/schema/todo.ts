import { actorOf } from '../access'
import { builder } from '../builder'
import * as wf from '../services/workflow'
import { WarningColourEnum } from './rectification'
import { nowOf } from './round-context'

/** The in-app to-do list of the signed-in user, with counts for the badge. */

const TodoKindEnum = builder.enumType('TodoKind', {
  values: [
    'RECTIFICATION_DUE_SOON',
    'RECTIFICATION_OVERDUE',
    'RECTIFICATION_RETURNED',
    'RECTIFICATION_TO_VERIFY',
    'FINDINGS_TO_RECONCILE',
    'DISPUTE_TO_RESOLVE',
    'ASSESSMENT_TO_FINISH',
    'LOOK_BACK',
    'ORG_DECLINING',
    'RECTIFICATION_CARRIED_OVER',
  ] as const,
})

const TodoItemRef = builder.objectRef<wf.TodoItem>('TodoItem').implement({
  fields: (t) => ({
    kind: t.field({ type: TodoKindEnum, resolve: (i) => i.kind }),
    title: t.exposeString('title'),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeInt('entityId'),
    orgName: t.exposeString('orgName', { nullable: true }),
    dueDate: t.exposeString('dueDate', { nullable: true, description: 'YYYY-MM-DD (China).' }),
    daysLeft: t.exposeInt('daysLeft', { nullable: true }),
    colour: t.field({
      type: WarningColourEnum,
      nullable: true,
      description: 'R8 warning colour of a rectification item (the engine’s rule), null for other kinds.',
      resolve: (i) => i.colour,
    }),
  }),
})

const TodoCountsRef = builder.objectRef<wf.TodoCounts>('TodoCounts').implement({
  fields: (t) => ({
    total: t.exposeInt('total'),
    dueSoon: t.exposeInt('dueSoon'),
    overdue: t.exposeInt('overdue'),
    returned: t.exposeInt('returned'),
    toVerify: t.exposeInt('toVerify'),
    toReconcile: t.exposeInt('toReconcile'),
    disputes: t.exposeInt('disputes'),
    assessments: t.exposeInt('assessments'),
    lookBack: t.exposeInt('lookBack'),
    earlyWarnings: t.exposeInt('earlyWarnings', { description: 'ADMIN: declining orgs and items carried over repeatedly (数据研判).' }),
  }),
})

const TodoListRef = builder
  .objectRef<{ counts: wf.TodoCounts; items: wf.TodoItem[] }>('TodoList')
  .implement({
    fields: (t) => ({
      counts: t.field({ type: TodoCountsRef, resolve: (l) => l.counts }),
      items: t.field({ type: [TodoItemRef], resolve: (l) => l.items }),
    }),
  })

builder.queryField('myTodos', (t) =>
  t.field({
    type: TodoListRef,
    authScopes: { loggedIn: true },
    resolve: (_root, _args, ctx) => wf.todoList(ctx.prisma, actorOf(ctx), nowOf(ctx)),
  }),
)
