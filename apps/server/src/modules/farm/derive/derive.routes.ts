import { versionDeriveRoutes as r } from '@aipipeline/contracts'
import type { FastifyInstance } from 'fastify'
import { bindFileRoute } from '../../../http/file-route'
import { bindRoute } from '../../../http/route-binder'
import type { TokenService } from '../../auth'
import type { ControlMapService } from './control-map.service'
import type { DeriveService } from './derive.service'
import type { RenderInputService } from './render-input.service'

/** HTTP routes of the refine loop's farm side; each handler is one service call. */
export function registerDeriveRoutes(
  app: FastifyInstance,
  tokens: TokenService,
  s: { inputs: RenderInputService; derive: DeriveService; controlMaps: ControlMapService },
): void {
  bindRoute(app, tokens, r.uploadRenderInput, ({ params, body, principal }) =>
    s.inputs.upload(principal, params.projectId, body),
  )
  bindRoute(app, tokens, r.getRenderInput, ({ params, principal }) =>
    s.inputs.get(principal, params.projectId, params.inputId),
  )
  bindFileRoute(app, tokens, r.renderInputFile, ({ params, principal }) =>
    s.inputs.file(principal, params.projectId, params.inputId),
  )
  bindRoute(app, tokens, r.deriveRender, ({ params, body, principal }) =>
    s.derive.derive(principal, params.versionId, body),
  )
  bindRoute(app, tokens, r.createControlMap, ({ params, body, principal }) =>
    s.controlMaps.create(principal, params.versionId, body.preprocessor),
  )
  bindRoute(app, tokens, r.listControlMaps, async ({ params, principal }) => ({
    items: await s.controlMaps.list(principal, params.versionId),
  }))
}
