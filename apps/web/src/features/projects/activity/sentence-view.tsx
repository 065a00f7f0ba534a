// A sentence from the activity formatter: people in bold, shots and tasks as links to the
// shot page (or plain text where the whole row is already a link).
import type { Sentence } from '@aipipeline/domain'
import { Text } from '@mantine/core'
import { Link } from '@tanstack/react-router'

export function SentenceView(props: { sentence: Sentence; projectId: string; links?: boolean }) {
  return (
    <>
      {props.sentence.map((part, i) => {
        const key = `${i}-${part.text}`
        if (part.kind === 'person')
          return (
            <Text key={key} span fw={600} inherit>
              {part.text}
            </Text>
          )
        if (part.kind === 'link' && props.links !== false)
          return (
            <Link
              key={key}
              to="/projects/$projectId/shots/$shotId"
              params={{ projectId: props.projectId, shotId: part.shotId }}
              style={{ color: 'var(--mantine-color-anchor)' }}
              data-testid="activity-link"
            >
              {part.text}
            </Link>
          )
        return <span key={key}>{part.text}</span>
      })}
    </>
  )
}
