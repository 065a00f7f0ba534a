// The sections of the studio, in the order the navigation shows them.
export const navItems = [
  { to: '/projects', label: 'nav.projects' },
  { to: '/farm', label: 'nav.farm' },
  { to: '/review', label: 'nav.review' },
  { to: '/prompt-engine', label: 'nav.promptEngine' },
  { to: '/agents', label: 'nav.agents' },
  { to: '/settings', label: 'nav.settings' },
] as const
