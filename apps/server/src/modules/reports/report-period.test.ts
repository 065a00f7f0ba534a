import { describe, expect, it } from 'vitest'
import { dateIn, dateTimeIn, digestCrons, digestScheduleId, reportPeriod } from './report-period'

describe('report periods and schedules', () => {
  it('covers the last day or the last seven days up to the moment the digest is made', () => {
    const end = Date.parse('2026-12-07T08:00:00.000Z')
    expect(reportPeriod('daily', end)).toEqual({ start: '2026-12-06T08:00:00.000Z', end: '2026-12-07T08:00:00.000Z' })
    expect(reportPeriod('weekly', end).start).toBe('2026-11-30T08:00:00.000Z')
  })

  it("cuts days in the project's time zone", () => {
    const at = Date.parse('2026-12-07T20:00:00.000Z')
    expect(dateIn('UTC', at)).toBe('2026-12-07')
    expect(dateIn('Asia/Seoul', at)).toBe('2026-12-08')
    expect(dateTimeIn('Asia/Seoul', '2026-12-07T20:05:00.000Z')).toBe('2026-12-08 05:05')
  })

  it('turns the time of day and weekday into cron expressions, and names the schedules per project', () => {
    expect(digestCrons({ timeOfDay: '08:00', weekday: 1 })).toEqual({ daily: '0 8 * * *', weekly: '0 8 * * 1' })
    expect(digestCrons({ timeOfDay: '18:05', weekday: 0 })).toEqual({ daily: '5 18 * * *', weekly: '5 18 * * 0' })
    expect(digestScheduleId('p1', 'weekly')).toBe('reports.weekly.p1')
  })
})
