import { Anchor } from '@mantine/core';
import { Link, useParams, useRouteContext } from '@tanstack/react-router';
import type { Me } from '../../../lib/me.ts';
import { Transcript } from './TranscriptPage.tsx';

/** Someone's transcript, opened from their profile by their manager chain or an admin. */
export default function PersonTranscriptPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { me } = useRouteContext({ from: '/app' }) as { me: Me };
  return (
    <>
      <Anchor component={Link} to="/people/$id" params={{ id } as never} size="sm">
        Back to the profile
      </Anchor>
      <Transcript personId={id} own={id === me.personId} />
    </>
  );
}
