import { isOrderingKey } from '@aipipeline/domain'
import { describeEachEngine } from '@aipipeline/testing'
import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { up } from './0013-ordering-keys.migration'

describeEachEngine('ordering keys migration', (testDb) => {
  it('keeps the stored editorial order and makes every old key a valid library key', async () => {
    const db = testDb().handle.db
    const now = new Date().toISOString()
    await sql`insert into projects (id, code, name, fps, width, height, aspect_ratio, start_frame, naming_templates, created_at, updated_at)
      values ('p1', 'OLD', 'Old film', 24, 1920, 1080, '16:9', 1001, '{}', ${now}, ${now})`.execute(db)
    // Keys as the hand-written scheme wrote them: bare base-36 fractions.
    const sequenceKeys = ['i', 'r']
    for (const [i, key] of sequenceKeys.entries()) {
      await sql`insert into sequences (id, project_id, code, name, description, order_key, created_at, updated_at)
        values (${`s${i}`}, 'p1', ${`SQ${i}`}, 'seq', '', ${key}, ${now}, ${now})`.execute(db)
    }
    const shotKeys = ['1', '8zz1', 'i', 'ii', 'j', 'z01', 'zzzz1']
    for (const [i, key] of [...shotKeys].reverse().entries()) {
      await sql`insert into shots (id, project_id, sequence_id, code, order_key, description, custom_fields, created_at, updated_at)
        values (${`sh${i}`}, 'p1', 's0', ${`SH${i}`}, ${key}, '', '{}', ${now}, ${now})`.execute(db)
    }
    const before = await sql<{ id: string }>`select id from shots order by order_key`.execute(db)

    await up(db)

    const shots = await sql<{
      id: string
      key: string
    }>`select id, order_key as key from shots order by order_key`.execute(db)
    expect(shots.rows.map((r) => r.id)).toEqual(before.rows.map((r) => r.id))
    expect(shots.rows.map((r) => r.key)).toEqual(shotKeys.map((k) => `i0${k}`))
    const sequences = await sql<{ key: string }>`select order_key as key from sequences order by order_key`.execute(db)
    expect(sequences.rows.map((r) => r.key)).toEqual(['i0i', 'i0r'])
    for (const key of [...shots.rows, ...sequences.rows].map((r) => r.key)) expect(isOrderingKey(key)).toBe(true)
  })
})
