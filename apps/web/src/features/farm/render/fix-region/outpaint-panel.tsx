// Outpaint settings: how far the canvas grows on each side (multiples of 8), presets for the
// usual extensions, and a preview of the extended canvas with the image in its place.
import { Button, Group, NumberInput, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import {
  extendedSize,
  MAX_PADDING,
  OUTPAINT_PRESETS,
  PADDING_SIDES,
  PADDING_STEP,
  type Padding,
  snapPadding,
} from './fix-region-plan'

const PREVIEW = { width: 640, height: 360 }

export function OutpaintPanel(props: {
  src: string
  image: { width: number; height: number }
  padding: Padding
  onChange: (padding: Padding) => void
}) {
  const { t } = useTranslation()
  const { image, padding } = props
  const size = extendedSize(image, padding)
  const scale = Math.min(PREVIEW.width / size.width, PREVIEW.height / size.height)
  const same = (p: Padding) => PADDING_SIDES.every((side) => p[side] === padding[side])
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap">
        {OUTPAINT_PRESETS.map((preset) => (
          <Button
            key={preset.key}
            size="compact-sm"
            variant={same(preset.padding) ? 'filled' : 'default'}
            onClick={() => props.onChange(preset.padding)}
            data-testid={`outpaint-preset-${preset.key}`}
          >
            {t(`fixRegion.outpaint.presets.${preset.key}`)}
          </Button>
        ))}
      </Group>
      <Group grow>
        {PADDING_SIDES.map((side) => (
          <NumberInput
            key={side}
            size="xs"
            label={t(`fixRegion.outpaint.${side}`)}
            value={padding[side]}
            min={0}
            max={MAX_PADDING}
            step={PADDING_STEP}
            suffix=" px"
            // Typed values snap to the nearest multiple of 8 when the field is left.
            onBlur={(e) =>
              props.onChange({ ...padding, [side]: snapPadding(Number.parseFloat(e.currentTarget.value)) })
            }
            onChange={(v) =>
              typeof v === 'number' && v % PADDING_STEP === 0 && props.onChange({ ...padding, [side]: snapPadding(v) })
            }
            data-testid={`outpaint-${side}`}
          />
        ))}
      </Group>
      <Text size="sm" data-testid="outpaint-size">
        {t('fixRegion.outpaint.size', {
          from: `${image.width} × ${image.height}`,
          to: `${size.width} × ${size.height}`,
        })}
      </Text>
      <div
        data-testid="outpaint-preview"
        style={{
          position: 'relative',
          width: size.width * scale,
          height: size.height * scale,
          alignSelf: 'center',
          background: 'repeating-conic-gradient(#808080 0 25%, #a0a0a0 0 50%) 0 0 / 16px 16px',
          outline: '2px dashed var(--mantine-color-blue-5)',
        }}
      >
        <img
          src={props.src}
          alt=""
          style={{
            position: 'absolute',
            left: padding.left * scale,
            top: padding.top * scale,
            width: image.width * scale,
            height: image.height * scale,
          }}
        />
      </div>
      <Text size="xs" c="dimmed">
        {t('fixRegion.outpaint.hint')}
      </Text>
    </Stack>
  )
}
