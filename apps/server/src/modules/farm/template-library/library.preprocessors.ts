// Control map preprocessors: a picture in, a pose skeleton, depth map or edge map out, for the
// ControlNet templates to follow. Pose and depth come from comfyui_controlnet_aux (Fannovel16),
// canny is ComfyUI's own node. They run as farm jobs on a version's image; the output becomes a
// control input, not a version.
import type { Preprocessor } from '@aipipeline/contracts'
import { node, type ShippedTemplate } from './library.types'

const IMAGE = { image: { role: 'image' as const, label: 'Picture to read' } }

/** LoadImage → preprocessor → SaveImage. */
function preprocessorPrompt(preprocessor: ReturnType<typeof node>, prefix: string) {
  return {
    '1': node('LoadImage', { image: '{image}' }, 'Picture'),
    '2': preprocessor,
    '3': node('SaveImage', { images: ['2', 0], filename_prefix: prefix }),
  }
}

/** The shipped template key of each preprocessor (control maps look their template up by it). */
export const PREPROCESSOR_TEMPLATE_KEYS: Record<Preprocessor, string> = {
  pose: 'preprocessor-pose',
  depth: 'preprocessor-depth',
  canny: 'preprocessor-canny',
}

export const PREPROCESSOR_TEMPLATES: ShippedTemplate[] = [
  {
    key: PREPROCESSOR_TEMPLATE_KEYS.pose,
    revision: 1,
    name: 'Pose skeleton (OpenPose)',
    description: 'Reads the body, hand and face poses of a picture into an OpenPose skeleton image.',
    modelFamily: 'generic',
    category: 'custom',
    outputs: ['image'],
    parameters: { ...IMAGE, resolution: { label: 'Detection resolution (px)', min: 64, max: 4096 } },
    prompt: preprocessorPrompt(
      node('OpenposePreprocessor', {
        image: ['1', 0],
        detect_hand: 'enable',
        detect_body: 'enable',
        detect_face: 'enable',
        resolution: '{resolution:512}',
        scale_stick_for_xinsr_cn: 'disable',
      }),
      'aipipeline/control/pose',
    ),
  },
  {
    key: PREPROCESSOR_TEMPLATE_KEYS.depth,
    revision: 1,
    name: 'Depth map (Depth Anything)',
    description: 'Estimates the depth of a picture (near = bright) with Depth Anything ViT-L.',
    modelFamily: 'generic',
    category: 'custom',
    outputs: ['image'],
    parameters: { ...IMAGE, resolution: { label: 'Detection resolution (px)', min: 64, max: 4096 } },
    prompt: preprocessorPrompt(
      node('DepthAnythingPreprocessor', {
        image: ['1', 0],
        ckpt_name: 'depth_anything_vitl14.pth',
        resolution: '{resolution:512}',
      }),
      'aipipeline/control/depth',
    ),
  },
  {
    key: PREPROCESSOR_TEMPLATE_KEYS.canny,
    revision: 1,
    name: 'Edge map (Canny)',
    description: 'Finds the edges of a picture with the Canny detector.',
    modelFamily: 'generic',
    category: 'custom',
    outputs: ['image'],
    parameters: {
      ...IMAGE,
      canny_low: { label: 'Edge threshold low', min: 0.01, max: 0.99 },
      canny_high: { label: 'Edge threshold high', min: 0.01, max: 0.99 },
    },
    prompt: preprocessorPrompt(
      node('Canny', { image: ['1', 0], low_threshold: '{canny_low:0.4}', high_threshold: '{canny_high:0.8}' }),
      'aipipeline/control/canny',
    ),
  },
]
