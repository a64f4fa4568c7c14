import type { Messages } from './en.ts';

export const homeFr: Messages['home'] = {
  nav: 'Accueil',
  title: 'Bienvenue, {{name}}',
  intro: "Ce que votre compte atteint, d'un coup d'œil.",
  figures: {
    title: 'Exécution en {{year}}',
    projects: 'Projets',
    more: 'Ouvrir les tableaux de bord',
  },
  watch: {
    title: 'Ce qui demande attention',
    intro: 'Alertes précoces pas encore traitées, au {{date}}.',
    count_one: '{{count}} alerte en tout',
    count_other: '{{count}} alertes en tout',
    none: 'Aucune alerte en attente.',
    more: 'Ouvrir la liste de suivi',
  },
  projects: {
    title: 'Projets',
    titlePartner: 'Projets que votre organisation finance',
    titleCountry: 'Projets en {{country}}',
    shown: '{{shown}} projets sur {{total}} dans votre périmètre',
    none: 'Aucun projet dans votre périmètre.',
    more: 'Tous les projets',
    report: "Rapport d'avancement au donateur de {{code}}",
  },
  milestones: {
    title: 'Prochaines échéances',
    none: 'Aucune échéance dans les 24 prochains mois.',
    more: 'Tout le calendrier',
  },
  country: {
    title: 'Programme par pays de promotion du travail décent : {{country}}',
    none: "Aucun programme par pays de promotion du travail décent n'est enregistré pour ce pays.",
    period: 'du {{from}} au {{to}}',
    priorities: 'Priorités',
    more: 'Ouvrir la page du pays',
  },
};
