// The mask as ComfyUI takes it: an 8-bit greyscale PNG of the image's size, white = repaint,
// black = keep, the stored bytes exactly (no resampling, no colour management: a canvas
// round-trip would premultiply and could shift values, so the PNG is written in JavaScript).
import { decode, encode } from 'fast-png'
import type { MaskRaster } from './mask-raster'

export function encodeMaskPng(mask: MaskRaster): Uint8Array {
  return encode({ width: mask.width, height: mask.height, data: mask.data, channels: 1, depth: 8 })
}

/** Reads a mask PNG back (grey, grey+alpha, RGB or RGBA: the first channel is the mask). */
export function decodeMaskPng(png: Uint8Array): MaskRaster {
  const image = decode(png)
  if (image.depth !== 8) throw new Error(`mask PNG depth ${image.depth}: expected 8 bits`)
  const channels = image.channels
  const source = image.data
  const data = new Uint8Array(image.width * image.height)
  for (let i = 0; i < data.length; i++) data[i] = Number(source[i * channels] ?? 0)
  return { width: image.width, height: image.height, data }
}

/** Base64 of bytes, in chunks so that a 4096² mask does not overflow the argument stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  return btoa(binary)
}
