import { access } from '@aipipeline/domain'

// The sections of the studio, in the order the navigation shows them. A section whose API the
// server refuses to a role is not offered to it: `access` is the rule of the section's routes.
export const navItems = [
  { to: '/projects', label: 'nav.projects', access: access.authenticated },
  { to: '/farm', label: 'nav.farm', access: access.atLeast('artist') },
  { to: '/templates', label: 'nav.templates', access: access.atLeast('artist') },
  { to: '/review', label: 'nav.review', access: access.authenticated },
  { to: '/prompt-engine', label: 'nav.promptEngine', access: access.authenticated },
  { to: '/agents', label: 'nav.agents', access: access.atLeast('supervisor') },
  { to: '/dashboard', label: 'dashboards.nav', access: access.atLeast('manager') },
  { to: '/users', label: 'nav.users', access: access.atLeast('manager') },
  { to: '/settings', label: 'nav.settings', access: access.authenticated },
] as const
