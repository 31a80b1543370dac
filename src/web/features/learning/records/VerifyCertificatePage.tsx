import { Alert, Anchor, Badge, Card, Center, Container, Stack, Text, Title } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { ApiError } from '../../../lib/api.ts';
import { useTitle } from '../../../lib/title.ts';
import { Loading } from '../../../ui/common.tsx';
import { recordQueries } from './api.ts';

const statusText = { valid: 'Valid', expired: 'Expired', revoked: 'Revoked' } as const;
const statusColor = { valid: 'green', expired: 'orange', revoked: 'red' } as const;
const longDate = (d: string) => new Date(d).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

/** Public: works signed out; shows only what the certificate says and whether it still holds. */
export default function VerifyCertificatePage() {
  useTitle('Certificate verification');
  const { code } = useParams({ strict: false }) as { code: string };
  const q = useQuery(recordQueries.verification(code));
  const notFound = q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400);
  return (
    <Container size="sm" py="xl" component="main">
      <Stack gap="lg">
        <Center>
          <IconCertificate size={48} aria-hidden />
        </Center>
        <Title order={1} size="h2" ta="center">
          Certificate verification
        </Title>
        {q.isPending ? (
          <Loading label="Checking the certificate" />
        ) : notFound ? (
          <Alert color="red" title="No such certificate" role="alert">
            No certificate matches this link. Check that the address was copied in full.
          </Alert>
        ) : q.error ? (
          <Alert color="red" title="The certificate could not be checked" role="alert">
            {(q.error as Error).message}. Please try again later.
          </Alert>
        ) : (
          <Card withBorder padding="xl">
            <Stack gap="sm" align="center" ta="center">
              <Badge size="xl" color={statusColor[q.data.status]} variant="light">
                {statusText[q.data.status]}
              </Badge>
              <Text size="lg">
                <Text span fw={700}>
                  {q.data.name}
                </Text>{' '}
                completed
              </Text>
              <Title order={2} size="h3">
                {q.data.title}
              </Title>
              <Text>Issued {longDate(q.data.issuedAt)}</Text>
              {q.data.expiresAt && (
                <Text>
                  {q.data.status === 'expired' ? 'Expired' : 'Valid until'} {longDate(q.data.expiresAt)}
                </Text>
              )}
              {q.data.status === 'revoked' && <Text c="red.8">This certificate has been withdrawn by the issuer.</Text>}
            </Stack>
          </Card>
        )}
        <Text size="sm" c="dimmed" ta="center">
          Verified by <Anchor href="/" underline="always">Tandem</Anchor>.
        </Text>
      </Stack>
    </Container>
  );
}
