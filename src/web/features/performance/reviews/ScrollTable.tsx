import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on a narrow screen. The scroller is a named region in the tab
 * order, so a keyboard reaches what is off-screen (axe's scrollable-region-focusable); native
 * scrolling, because Mantine's ScrollArea puts the scrolling on an inner element no prop reaches.
 */
export function ScrollTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}
