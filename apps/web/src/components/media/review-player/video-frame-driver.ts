// Drives one <video> by frame index with the clock's maths (video-frame-clock.ts), without
// React, so the frame-accuracy benchmark runs exactly this code in Chromium. The frame on screen
// is only ever learnt from requestVideoFrameCallback's `mediaTime`; a seek is done when the
// browser has finished seeking and presented a frame, and reports the frame it presented (the
// one the counter must show), even if that is not the one asked for.
import {
  afterPresented,
  type FrameRange,
  type FrameRate,
  frameOfMediaTime,
  lastFrame,
  normaliseRange,
  seekTarget,
} from './video-frame-clock'

export interface VideoFrameDriverEvents {
  /** A frame reached the screen (every rVFC callback, playing or not). */
  onPresented: (frame: number, playing: boolean) => void
  /** Playback stopped by itself (end of the media without a loop) on this frame. */
  onStopped: (frame: number) => void
}

interface PendingSeek {
  frame: number
  seeked: boolean
  resolve: (shown: number) => void
}

/** After `seeked`, how long a seek that showed another frame waits for its rVFC before it reports. */
const LATE_FRAME_MS = 250

export class VideoFrameDriver {
  /** The frame the last rVFC presented; null before the first one. */
  shown: number | null = null
  /** The frame the driver is on or going to: the last seek's target, or the last frame presented while playing (-1 before the first seek). */
  target = -1
  private loop: FrameRange | null = null
  private wantsPlay = false
  private pending: PendingSeek | null = null
  private handle = 0
  private disposed = false
  private lateTimer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly video: HTMLVideoElement,
    private rate: FrameRate,
    private count: number,
    private readonly events: VideoFrameDriverEvents,
  ) {
    this.handle = video.requestVideoFrameCallback(this.onFrame)
    video.addEventListener('seeked', this.onSeeked)
    video.addEventListener('ended', this.onEnded)
  }

  /** Whether playback is on, including the brief pause of a loop's wrap. */
  get playing(): boolean {
    return this.wantsPlay
  }

  /** The rate and frame count of the media now loaded. */
  configure(rate: FrameRate, count: number): void {
    this.rate = rate
    this.count = count
  }

  setLoop(loop: FrameRange | null): void {
    this.loop = loop
  }

  setSpeed(speed: number): void {
    this.video.playbackRate = speed
  }

  /** Shows frame `frame` (its centre); resolves with the frame presented once the seek is done. */
  seek(frame: number): Promise<number> {
    this.target = frame
    this.pending?.resolve(this.shown ?? frame)
    clearTimeout(this.lateTimer)
    return new Promise((resolve) => {
      const time = seekTarget(frame, this.rate)
      // Already there: setting the same time may present nothing, so no rVFC would come.
      if (!this.video.seeking && this.shown === frame && Math.abs(this.video.currentTime - time) < 1e-6) {
        this.pending = null
        resolve(frame)
        return
      }
      this.pending = { frame, seeked: false, resolve }
      this.video.currentTime = time
    })
  }

  /** Plays from the current frame at the video's playback rate. */
  async play(): Promise<void> {
    this.wantsPlay = true
    try {
      await this.video.play()
    } catch (error) {
      this.wantsPlay = false
      throw error
    }
  }

  /** Pauses and settles on the frame on screen (re-seeking its centre); resolves with it. */
  pause(): Promise<number> {
    this.wantsPlay = false
    this.video.pause()
    const on = this.shown ?? frameOfMediaTime(this.video.currentTime, this.rate)
    return this.seek(Math.min(on, lastFrame(this.count)))
  }

  dispose(): void {
    this.disposed = true
    clearTimeout(this.lateTimer)
    this.video.cancelVideoFrameCallback(this.handle)
    this.video.removeEventListener('seeked', this.onSeeked)
    this.video.removeEventListener('ended', this.onEnded)
  }

  private settle(shown: number): void {
    const pending = this.pending
    if (!pending) return
    this.pending = null
    clearTimeout(this.lateTimer)
    pending.resolve(shown)
  }

  private readonly onFrame: VideoFrameRequestCallback = (now, meta) => {
    if (this.disposed) return
    this.handle = this.video.requestVideoFrameCallback(this.onFrame)
    const frame = frameOfMediaTime(meta.mediaTime, this.rate)
    this.shown = frame
    const playing = !this.video.paused
    if (playing && !this.pending) this.target = frame
    // A callback that runs a whole frame after its frame's display time (a busy main thread)
    // describes a picture already replaced: playing, it is not reported; the next one will be.
    const frameMs = (1000 * this.rate.den) / this.rate.num / Math.max(this.video.playbackRate, 0.01)
    if (!playing || now - meta.expectedDisplayTime < frameMs) this.events.onPresented(frame, playing)
    if (this.pending && !this.video.seeking && (this.pending.seeked || frame === this.pending.frame)) {
      this.settle(frame)
      return
    }
    if (!playing || this.pending) return
    const next = afterPresented(frame, this.loop, this.count)
    if (next.kind === 'wrap') this.wrap(next.to)
    else if (next.kind === 'stop') this.stop(next.at)
  }

  private readonly onSeeked = () => {
    const pending = this.pending
    if (!pending) return
    pending.seeked = true
    if (this.shown === pending.frame) return this.settle(pending.frame)
    // The new frame's rVFC may come just after `seeked`; report what is on screen if it never does.
    this.lateTimer = setTimeout(() => this.settle(this.shown ?? pending.frame), LATE_FRAME_MS)
  }

  private readonly onEnded = () => {
    if (this.pending) return
    if (this.loop && this.wantsPlay) this.wrap(normaliseRange(this.loop, this.count).start)
    else this.stop(lastFrame(this.count))
  }

  /**
   * Back to the loop's in point. Paused for the seek: a seek while playing lets the frames after
   * the out point reach the screen until it completes.
   */
  private wrap(to: number): void {
    this.video.pause()
    void this.seek(to).then((shown) => {
      if (this.disposed || !this.wantsPlay) return
      // The in point is the next frame of the playback, though it was presented while paused.
      this.events.onPresented(shown, true)
      void this.play().catch(() => this.events.onStopped(shown))
    })
  }

  private stop(at: number): void {
    this.wantsPlay = false
    this.video.pause()
    void this.seek(at).then((shown) => this.events.onStopped(shown))
  }
}
