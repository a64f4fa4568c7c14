/** The home page: what the signed-in user's rights let it see first. */
export const homeEn = {
  nav: 'Home',
  title: 'Welcome, {{name}}',
  intro: 'What your account reaches, at a glance.',
  figures: {
    title: 'Delivery in {{year}}',
    projects: 'Projects',
    more: 'Open the dashboards',
  },
  watch: {
    title: 'What needs attention',
    intro: 'Early-warning flags not yet handled, as at {{date}}.',
    count_one: '{{count}} flag in all',
    count_other: '{{count}} flags in all',
    none: 'No flag waits for action.',
    more: 'Open the watch list',
  },
  projects: {
    title: 'Projects',
    titlePartner: 'Projects your organisation funds',
    titleCountry: 'Projects in {{country}}',
    shown: '{{shown}} of {{total}} projects within your reach',
    none: 'No project within your reach.',
    more: 'All projects',
    report: 'Donor progress report of {{code}}',
  },
  milestones: {
    title: 'Coming milestones',
    none: 'No milestone in the next 24 months.',
    more: 'The whole calendar',
  },
  country: {
    title: 'Decent Work Country Programme of {{country}}',
    none: 'No Decent Work Country Programme is recorded for this country.',
    period: '{{from}} to {{to}}',
    priorities: 'Priorities',
    more: 'Open the country page',
  },
};
