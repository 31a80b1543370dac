import {
  IconBook,
  IconChartBar,
  IconHome,
  IconMessages,
  IconMessageStar,
  IconSettings,
  IconSitemap,
  IconStairsUp,
  IconTarget,
  IconUsers,
  IconUsersGroup,
  IconClipboardCheck,
  IconChecklist,
  IconScale,
} from '@tabler/icons-react';
import { hasRole, isAnyAdmin, type Me } from '../lib/me.ts';

export type NavItem = { label: string; to: string; icon: typeof IconHome; visible: (me: Me) => boolean };

const always = () => true;

/** The navigation each person sees follows their roles and whether anyone reports to them. */
export const navItems: NavItem[] = [
  { label: 'Home', to: '/', icon: IconHome, visible: always },
  { label: 'Learning', to: '/learning', icon: IconBook, visible: always },
  { label: 'Goals', to: '/goals', icon: IconTarget, visible: always },
  { label: '1:1s', to: '/one-on-ones', icon: IconMessages, visible: always },
  { label: 'Feedback', to: '/feedback', icon: IconMessageStar, visible: always },
  { label: 'Reviews', to: '/reviews', icon: IconClipboardCheck, visible: always },
  { label: 'My growth', to: '/skills', icon: IconStairsUp, visible: always },
  { label: 'People', to: '/people', icon: IconUsers, visible: always },
  { label: 'Org chart', to: '/org-chart', icon: IconSitemap, visible: always },
  { label: 'My team', to: '/team', icon: IconUsersGroup, visible: (me) => me.isManager },
  { label: 'Skill rounds', to: '/skill-rounds', icon: IconChecklist, visible: (me) => me.isManager },
  { label: 'Calibration', to: '/calibration', icon: IconScale, visible: (me) => me.isManager || isAnyAdmin(me) },
  { label: 'Analytics', to: '/analytics', icon: IconChartBar, visible: (me) => isAnyAdmin(me) },
  { label: 'Admin', to: '/admin', icon: IconSettings, visible: (me) => isAnyAdmin(me) || hasRole(me, 'admin') },
];

