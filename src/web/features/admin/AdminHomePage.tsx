import { Anchor, Card, Group, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import { IconApi, IconBuildingCommunity, IconFileImport, IconForms, IconHistory, IconMail, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { Link } from '@tanstack/react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { hasRole, useMe } from '../../lib/me.ts';
import { adminPages } from './AdminLayout.tsx';

const icons: Record<string, ComponentType<{ size?: number; 'aria-hidden'?: boolean }>> = {
  '/admin/people': IconUsers,
  '/admin/departments': IconBuildingCommunity,
  '/admin/groups': IconUsersGroup,
  '/admin/custom-fields': IconForms,
  '/admin/import': IconFileImport,
  '/admin/api-tokens': IconApi,
  '/admin/audit-log': IconHistory,
  '/admin/mail-outbox': IconMail,
};

const descriptions: Record<string, string> = {
  '/admin/people': 'Add and edit people, invite them to sign in, set permission roles.',
  '/admin/departments': 'The department tree and headcounts.',
  '/admin/groups': 'Static groups and smart groups kept current by rules.',
  '/admin/custom-fields': 'Extra attributes on people: text, number, date or a choice.',
  '/admin/import': 'Create and update people from a CSV file, checked before anything changes.',
  '/admin/api-tokens': 'Tokens for integrations to call the Tandem API.',
  '/admin/audit-log': 'Who changed what, and when.',
  '/admin/mail-outbox': 'Emails Tandem sent, or holds when no mail server is set up.',
};

export default function AdminHomePage() {
  const { data: me } = useMe();
  const pages = adminPages.filter((p) => p.to !== '/admin' && hasRole(me, ...p.roles));
  return (
    <>
      <PageHeader title="Administration" />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {pages.map((p) => {
          const Icon = icons[p.to];
          return (
            <Card key={p.to} withBorder padding="lg">
              <Group gap="sm" wrap="nowrap">
                {Icon && (
                  <ThemeIcon variant="light" size="lg" aria-hidden>
                    <Icon size={20} aria-hidden />
                  </ThemeIcon>
                )}
                <Anchor component={Link} to={p.to} fw={600}>
                  {p.label}
                </Anchor>
              </Group>
              <Text size="sm" c="dimmed" mt={4}>
                {descriptions[p.to]}
              </Text>
            </Card>
          );
        })}
      </SimpleGrid>
    </>
  );
}
