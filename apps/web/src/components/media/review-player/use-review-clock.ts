// Binds the controlled playback state to the video through the frame driver. The parent owns
// `playback`; the player reports every frame presented while playing and the frame a pause or
// a seek landed on. A `playback.frame` the player did not report itself (a presenter's seek, a
// click on a note) is a seek; the frames it reported come back as echoes and are not re-sought.
import { type FrameRate, frameCountOf } from '@aipipeline/domain'
import { useEffect, useRef, useState } from 'react'
import type { PlayerPlayback } from './review-player.types'
import { clampFrame, playStart } from './video-frame-clock'
import { VideoFrameDriver } from './video-frame-driver'

/** How many recent reported frames count as echoes while playing (a render can lag a few frames). */
const ECHOES = 16

export interface ReviewClock {
  /** Frames in the media (from the props or the loaded video); 0 while unknown. */
  count: number
  /** The frame the last rVFC presented, or null before one. */
  shown: number | null
}

export function useReviewClock(
  video: HTMLVideoElement | null,
  rate: FrameRate,
  knownCount: number | null,
  playback: PlayerPlayback,
  onPlayback: (next: PlayerPlayback) => void,
): ReviewClock {
  const [duration, setDuration] = useState<number | null>(null)
  const [shown, setShown] = useState<number | null>(null)
  const [driver, setDriver] = useState<VideoFrameDriver | null>(null)
  const count = knownCount ?? (duration === null ? 0 : frameCountOf(duration, rate))
  const latest = useRef({ playback, onPlayback, count })
  latest.current = { playback, onPlayback, count }
  const echoes = useRef<number[]>([])

  const report = (next: PlayerPlayback) => {
    echoes.current = [...echoes.current.slice(-(ECHOES - 1)), next.frame]
    latest.current.onPlayback(next)
  }
  const reportRef = useRef(report)
  reportRef.current = report

  // biome-ignore lint/correctness/useExhaustiveDependencies: one driver per video element; rate and count are configured below
  useEffect(() => {
    if (!video) return
    setShown(null)
    const d = new VideoFrameDriver(video, rate, count, {
      onPresented: (frame, playing) => {
        setShown(frame)
        const current = latest.current.playback
        if (playing && current.playing && frame !== current.frame) reportRef.current({ ...current, frame })
      },
      onStopped: (frame) => reportRef.current({ ...latest.current.playback, frame, playing: false }),
    })
    setDriver(d)
    return () => {
      d.dispose()
      setDriver(null)
    }
  }, [video])

  // The frame count from the loaded video when the media does not say.
  useEffect(() => {
    if (!video) return
    const read = () => setDuration(Number.isFinite(video.duration) ? video.duration : null)
    read()
    video.addEventListener('durationchange', read)
    return () => video.removeEventListener('durationchange', read)
  }, [video])

  useEffect(() => driver?.configure(rate, count), [driver, rate, count])
  useEffect(() => driver?.setSpeed(playback.speed), [driver, playback.speed])
  useEffect(() => driver?.setLoop(playback.loop), [driver, playback.loop])

  // Play, pause and seeks asked for by the parent.
  useEffect(() => {
    if (!driver || count === 0) return
    const frame = clampFrame(playback.frame, count)
    if (playback.playing && !driver.playing) {
      const start = playStart(frame, playback.loop, count)
      void driver.seek(start).then(() => driver.play().catch(() => reportRef.current({ ...playback, playing: false })))
      if (start !== playback.frame) reportRef.current({ ...playback, frame: start })
      return
    }
    if (!playback.playing && driver.playing) {
      // A pause alone lands on the frame on screen; a step or jump while playing names its frame.
      const wanted = echoes.current.includes(playback.frame) ? null : frame
      void driver.pause().then((on) => {
        if (wanted !== null) return void driver.seek(wanted)
        const current = latest.current.playback
        if (on !== current.frame || current.playing) reportRef.current({ ...current, frame: on, playing: false })
      })
      return
    }
    const echo = driver.playing && echoes.current.includes(playback.frame)
    if (frame !== driver.target && !echo) {
      echoes.current = []
      void driver.seek(frame)
    }
  }, [driver, count, playback])

  return { count, shown }
}
