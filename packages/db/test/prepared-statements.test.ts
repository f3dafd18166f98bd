import { describe, expect, test } from 'vitest'
import { statementNames } from '../src/prepared-statements'

const query = (sql: string) => ({ sql, args: [], argTypes: [] })

describe('statementNames', () => {
  test('names a text the second time it comes, and the same name ever after', () => {
    const name = statementNames()
    const sql = 'SELECT * FROM "Area" WHERE "id" = $1'
    expect(name(query(sql))).toBeUndefined()
    const second = name(query(sql))
    expect(second).toMatch(/^redblue_\d+$/)
    expect(name(query(sql))).toBe(second)
    expect(name(query('SELECT 1'))).toBeUndefined()
    expect(name(query('SELECT 1'))).not.toBe(second)
  })

  test('leaves utility commands unnamed however often they come', () => {
    const name = statementNames()
    for (let i = 0; i < 3; i++) {
      expect(name(query("SET TRANSACTION SNAPSHOT '00000003-1'"))).toBeUndefined()
      expect(name(query('BEGIN'))).toBeUndefined()
    }
    name(query('with t as (select 1) select * from t'))
    expect(name(query('with t as (select 1) select * from t'))).toBeDefined()
    name(query('\n  UPDATE "Area" SET "name" = $1'))
    expect(name(query('\n  UPDATE "Area" SET "name" = $1'))).toBeDefined()
  })

  test('names at most max texts; the rest run unnamed', () => {
    const name = statementNames({ max: 2 })
    const names = ['SELECT 1', 'SELECT 2', 'SELECT 3'].map((sql) => {
      name(query(sql))
      return name(query(sql))
    })
    expect(names[0]).toBeDefined()
    expect(names[1]).toBeDefined()
    expect(new Set(names.slice(0, 2)).size).toBe(2)
    expect(names[2]).toBeUndefined()
    expect(name(query('SELECT 1'))).toBe(names[0])
  })

  test('forgets the texts seen once when there are too many of them', () => {
    const name = statementNames({ maxSeen: 2 })
    name(query('SELECT 1'))
    name(query('SELECT 2'))
    name(query('SELECT 3')) // the seen set was full: starts again with this one
    expect(name(query('SELECT 1'))).toBeUndefined()
    expect(name(query('SELECT 3'))).toBeDefined()
  })
})
