// Control maps and guided renders against a real simulator on both engines: a pose map is a
// farm job on the version's image whose output becomes a control input (not a version), listed
// on the version; a guided render takes it (or another version) as its control image, and the
// sidecar of the result records that image's hash, strength and start/end.
import { ControlMap, RenderJobDetail } from '@aipipeline/contracts'
import { testEngines } from '@aipipeline/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type DeriveBench,
  derive,
  deriveBench,
  lineageOf,
  sidecarOf,
  submitted,
  versionsOf,
} from '../../../../test-kits/farm/derive.fixture'
import { eventually } from '../../../../test-kits/farm/farm-test.fixture'
import { call } from '../../../../test-kits/production/production-test-kit'

for (const engine of testEngines('control maps')) {
  describe(`control maps and guided renders [${engine}]`, () => {
    let b: DeriveBench
    let controlInputId = ''
    const maps = async () =>
      ControlMap.array().parse(
        (
          (await call(b.studio, b.team.seats.manager, 'GET', `/api/versions/${b.sourceId}/control-maps`)).json as {
            items: unknown[]
          }
        ).items,
      )

    beforeAll(async () => {
      b = await deriveBench(engine, `CM${engine.slice(0, 1).toUpperCase()}`)
    }, 60_000)
    afterAll(async () => b?.close())

    it('runs a pose preprocessor as a farm job whose output becomes a control input, not a version', async () => {
      const res = await call(b.studio, b.team.seats.manager, 'POST', `/api/versions/${b.sourceId}/control-maps`, {
        preprocessor: 'pose',
      })
      expect(res.status).toBe(201)
      const { job, controlMap } = res.json as { job: { id: string }; controlMap: ControlMap }
      expect(controlMap).toMatchObject({ sourceVersionId: b.sourceId, preprocessor: 'pose', input: null })
      const done = await eventually(async () => (await maps()).find((m) => m.jobId === job.id && m.input !== null))
      expect(done.input).toMatchObject({ kind: 'control', mediaType: 'image/png' })
      controlInputId = done.input?.id ?? ''
      const detail = RenderJobDetail.parse(
        (await call(b.studio, b.team.seats.manager, 'GET', `/api/farm/jobs/${job.id}`)).json,
      )
      expect(detail.state).toBe('succeeded')
      expect(detail.outputs.every((o) => o.versionId === null)).toBe(true)
      const bad = await call(b.studio, b.team.seats.manager, 'POST', `/api/versions/${b.sourceId}/control-maps`, {
        preprocessor: 'normals',
      })
      expect(bad.status).toBe(400)
      expect(
        (await call(b.studio, b.team.seats.client, 'GET', `/api/versions/${b.sourceId}/control-maps`)).status,
      ).toBe(403)
    })

    it('guides a render with the control map and records its hash, strength and start/end in the sidecar', async () => {
      const template = b.template('SD 1.5 ControlNet pose')
      const control = {
        source: { kind: 'input', inputId: controlInputId },
        strength: 0.8,
        startPercent: 0.1,
        endPercent: 0.9,
      }
      const res = submitted(await derive(b, { mode: 'guide', templateId: template.id, control }))
      const [version] = await versionsOf(b, res.items[0]?.id ?? '')
      const sidecar = await sidecarOf(b, version ?? '')
      expect(sidecar.control).toEqual({
        parameter: 'control_image',
        sha256: controlInputId,
        strength: 0.8,
        startPercent: 0.1,
        endPercent: 0.9,
      })
      expect(sidecar.parameters).toMatchObject({ control_strength: 0.8, control_start: 0.1, control_end: 0.9 })
      expect(sidecar.inputFiles).toEqual([{ parameter: 'control_image', sha256: controlInputId, kind: 'control' }])
      expect(b.sim.uploads().some((u) => u.requestedName === `${controlInputId}.png`)).toBe(true)
    })

    it('takes another version as the control image and records it as a control parent', async () => {
      const template = b.template('SD 1.5 ControlNet depth')
      const control = { source: { kind: 'version', versionId: b.sourceId } }
      const res = submitted(await derive(b, { mode: 'guide', templateId: template.id, control }))
      const [version] = await versionsOf(b, res.items[0]?.id ?? '')
      expect(await lineageOf(b, version ?? '')).toEqual([
        { inputVersionId: b.sourceId, role: 'control', parameter: 'control_image' },
      ])
      const backwards = await derive(b, {
        mode: 'guide',
        templateId: template.id,
        control: { ...control, startPercent: 0.8, endPercent: 0.2 },
      })
      expect(backwards.status).toBe(400)
      const none = await derive(b, { mode: 'guide', templateId: template.id })
      expect(none.status).toBe(400)
    })
  })
}
