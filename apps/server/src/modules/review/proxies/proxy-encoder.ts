// Makes a review proxy with ffmpeg: H.264 with every frame a keyframe (so every frame seeks
// exactly and WebCodecs can decode any frame alone), at the source's exact rational frame rate,
// scaled to fit 1280×720 (never up) with even sides, audio kept as AAC when there is any.
import { z } from 'zod'
import { createProgressReader } from './ffmpeg-progress'
import { type FrameRate, frameRateArg, parseFrameRate, sourceFrameRate } from './frame-rate'
import { ffprobeBeside, MediaToolError, runMediaTool } from './media-tool'

export const PROXY_MAX_WIDTH = 1280
export const PROXY_MAX_HEIGHT = 720

/**
 * x264 settings. `ultrafast` is the only preset that makes an all-intra 720p proxy of 1080p
 * at several times real time on two shared cores (bench/review-proxy.bench.ts); at CRF 20 the
 * picture is clean enough to judge, and its constrained-baseline stream (no CABAC, no B-frames)
 * is the profile every WebCodecs decoder has.
 */
const X264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '20', '-g', '1', '-keyint_min', '1']
const ALL_INTRA = ['-sc_threshold', '0', '-bf', '0', '-pix_fmt', 'yuv420p']

export interface SourceFacts {
  width: number
  height: number
  rate: FrameRate
  /** Seconds; 0 when the container does not say. */
  durationSeconds: number
}

export interface ProxyFacts {
  codec: string
  width: number
  height: number
  rate: FrameRate
  frameCount: number
}

export interface MediaTools {
  ffmpeg: string
  ffprobe: string
}

/** ffmpeg as configured (a path, or a name on PATH) and ffprobe beside it. */
export function mediaTools(ffmpegPath: string | undefined): MediaTools {
  const ffmpeg = ffmpegPath ?? 'ffmpeg'
  return { ffmpeg, ffprobe: ffprobeBeside(ffmpeg) }
}

const ProbeStream = z.object({
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  r_frame_rate: z.string().optional(),
  avg_frame_rate: z.string().optional(),
  duration: z.string().optional(),
  nb_read_packets: z.string().optional(),
})
const ProbeOutput = z.object({
  streams: z.array(ProbeStream).default([]),
  format: z.object({ duration: z.string().optional() }).optional(),
})

async function probe(tools: MediaTools, file: string, extra: readonly string[], entries: string) {
  const text = await runMediaTool(
    tools.ffprobe,
    ['-v', 'error', ...extra, '-select_streams', 'v:0', '-show_entries', entries, '-of', 'json', file],
    { timeoutMs: 120_000, hidePaths: [file] },
  )
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new MediaToolError('ffprobe answered something that is not JSON')
  }
  const parsed = ProbeOutput.safeParse(json)
  if (!parsed.success) throw new MediaToolError('ffprobe answered in an unexpected shape')
  const video = parsed.data.streams[0]
  if (!video?.width || !video.height) throw new MediaToolError('the file has no video stream')
  return { video, format: parsed.data.format }
}

/** Size, exact frame rate and duration of the source's first video stream. */
export async function probeSource(tools: MediaTools, source: string): Promise<SourceFacts> {
  const { video, format } = await probe(
    tools,
    source,
    [],
    'stream=width,height,r_frame_rate,avg_frame_rate,duration:format=duration',
  )
  const rate = sourceFrameRate(video.r_frame_rate, video.avg_frame_rate)
  if (!rate) throw new MediaToolError(`the video's frame rate is unknown (${video.r_frame_rate ?? 'none'})`)
  const duration = Number(video.duration ?? format?.duration ?? 0)
  return {
    width: video.width ?? 0,
    height: video.height ?? 0,
    rate,
    durationSeconds: Number.isFinite(duration) && duration > 0 ? duration : 0,
  }
}

/** Codec, size, rate and the counted frames of a made proxy. */
export async function probeProxy(tools: MediaTools, file: string): Promise<ProxyFacts> {
  const { video } = await probe(
    tools,
    file,
    ['-count_packets'],
    'stream=codec_name,width,height,r_frame_rate,nb_read_packets',
  )
  const rate = parseFrameRate(video.r_frame_rate)
  const frameCount = Number(video.nb_read_packets)
  if (!rate || !Number.isInteger(frameCount)) throw new MediaToolError('the made proxy could not be measured')
  return { codec: video.codec_name ?? '', width: video.width ?? 0, height: video.height ?? 0, rate, frameCount }
}

/** The ffmpeg arguments that turn `source` into the proxy at `target` (an .mp4 path). */
export function proxyArgs(source: string, target: string, rate: FrameRate): string[] {
  const r = frameRateArg(rate)
  const fit =
    `scale=w='min(iw,${PROXY_MAX_WIDTH})':h='min(ih,${PROXY_MAX_HEIGHT})'` +
    ':force_original_aspect_ratio=decrease:force_divisible_by=2'
  return [
    ...['-nostdin', '-hide_banner', '-loglevel', 'error', '-nostats', '-progress', 'pipe:1', '-y', '-i', source],
    // `?`: a clip without audio maps none instead of failing.
    ...['-map', '0:v:0', '-map', '0:a:0?', '-sn', '-dn'],
    // fps= makes the stream constant-rate at the exact fraction before it is scaled.
    ...['-vf', `fps=${r},${fit}`, '-r', r, ...X264, ...ALL_INTRA],
    ...['-c:a', 'aac', '-b:a', '160k', '-movflags', '+faststart', '-f', 'mp4', target],
  ]
}

export interface EncodeOptions {
  signal?: AbortSignal
  onProgress?: (percent: number) => void
}

/** Encodes the proxy; reports progress in percent of the source's duration. */
export async function encodeProxy(
  tools: MediaTools,
  source: string,
  target: string,
  facts: SourceFacts,
  opts: EncodeOptions = {},
): Promise<void> {
  const progress = createProgressReader(facts.durationSeconds, (p) => opts.onProgress?.(p))
  // Generous: ten times the clip's length plus five minutes, for a loaded host.
  const timeoutMs = 300_000 + facts.durationSeconds * 10_000
  await runMediaTool(tools.ffmpeg, proxyArgs(source, target, facts.rate), {
    timeoutMs,
    ...(opts.signal ? { signal: opts.signal } : {}),
    onStdout: (chunk) => progress.push(chunk),
    hidePaths: [source, target],
  })
}
