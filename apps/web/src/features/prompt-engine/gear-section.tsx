// Camera body, capture format, lens and focal length, film stock, support, aspect ratio, frame rate.
import { cameraDisplayName, lensDisplayName } from '@aipipeline/cpe'
import { SimpleGrid } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { yearSpan } from './choice-data'
import { patchSection, selectCameraBody, selectLens } from './config-edit'
import { usePanel } from './cpe-panel-context'
import { OptionSelect } from './option-select'

/** Candidates the engine lists for a numeric field (focal lengths, frame rates). */
function numericValues(values: readonly (string | number | boolean)[] | undefined): number[] {
  return (values ?? []).filter((v): v is number => typeof v === 'number').sort((a, b) => a - b)
}

export function GearSection() {
  const { t } = useTranslation()
  const { analysis, catalog, edit } = usePanel()
  const { camera, film } = analysis.config
  const r = catalog.records
  const body = camera.bodyId === undefined ? undefined : catalog.cameras.get(camera.bodyId)

  const cameras = r.cameras.map((c) => ({
    value: c.id,
    label: `${cameraDisplayName(c)} (${yearSpan(c.availability)})`,
    group: t(`promptEngine.medium.${c.medium}`),
  }))
  // A body records only its own formats; without a body every format is a candidate.
  const formats = r.captureFormats
    .filter((f) => body === undefined || body.formatIds.includes(f.id))
    .map((f) => ({
      value: f.id,
      label: `${f.name} · ${f.widthMm} × ${f.heightMm} mm`,
      group: t(`promptEngine.medium.${f.medium}`),
    }))
  const lenses = r.lenses.map((l) => ({
    value: l.id,
    label: `${lensDisplayName(l)} (${yearSpan(l.availability)})`,
    group: l.maker,
  }))
  const focalOptions = analysis.options['camera.focalLengthMm']
  const focals = numericValues([
    ...(focalOptions?.allowed ?? []),
    ...(focalOptions?.disallowed.map((d) => d.value) ?? []),
  ]).map((mm) => ({ value: mm, label: t('promptEngine.units.mm', { value: mm }) }))
  const stocks = r.filmStocks.map((s) => ({
    value: s.id,
    label: `${s.name} (${yearSpan(s.availability)})`,
    group: s.maker,
  }))
  const supports = r.supports.map((s) => ({ value: s.id, label: `${s.name} · ≤ ${s.maxPayloadKg} kg`, group: s.class }))
  const ratios = r.aspectRatios.map((a) => ({ value: a.id, label: a.label }))
  const fpsOptions = analysis.options['camera.fps']
  const fps = numericValues([
    ...(fpsOptions?.allowed ?? []),
    ...(fpsOptions?.disallowed.map((d) => d.value) ?? []),
  ]).map((v) => ({ value: v, label: t('promptEngine.units.fps', { value: v }) }))
  const toNumber = (v: string | undefined) => (v === undefined ? undefined : Number(v))

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      <OptionSelect
        field="camera.bodyId"
        candidates={cameras}
        value={camera.bodyId}
        onChange={(id) => edit((c) => selectCameraBody(c, id, catalog))}
      />
      <OptionSelect
        field="camera.formatId"
        candidates={formats}
        value={camera.formatId}
        onChange={(id) => edit((c) => patchSection(c, 'camera', { formatId: id }))}
      />
      <OptionSelect
        field="camera.lensId"
        candidates={lenses}
        value={camera.lensId}
        onChange={(id) => edit((c) => selectLens(c, id, catalog))}
      />
      <OptionSelect
        field="camera.focalLengthMm"
        candidates={focals}
        value={camera.focalLengthMm === undefined ? undefined : String(camera.focalLengthMm)}
        onChange={(v) => edit((c) => patchSection(c, 'camera', { focalLengthMm: toNumber(v) }))}
      />
      <OptionSelect
        field="film.stockId"
        candidates={stocks}
        value={film.stockId}
        onChange={(id) => edit((c) => patchSection(c, 'film', { stockId: id }))}
      />
      <OptionSelect
        field="camera.aspectRatioId"
        candidates={ratios}
        value={camera.aspectRatioId}
        onChange={(id) => edit((c) => patchSection(c, 'camera', { aspectRatioId: id }))}
      />
      <OptionSelect
        field="camera.supportId"
        candidates={supports}
        value={camera.supportId}
        onChange={(id) => edit((c) => patchSection(c, 'camera', { supportId: id }))}
      />
      <OptionSelect
        field="camera.fps"
        candidates={fps}
        value={camera.fps === undefined ? undefined : String(camera.fps)}
        onChange={(v) => edit((c) => patchSection(c, 'camera', { fps: toNumber(v) }))}
      />
    </SimpleGrid>
  )
}
