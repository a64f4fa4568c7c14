import type { Messages } from './en.ts';

export const formPartsFr: Messages['forms'] = {
  required: 'obligatoire',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  cancel: 'Annuler',
  edit: 'Modifier',
  summaryTitle: 'La fiche n’a pas été enregistrée. Veuillez corriger :',
  reasons: {
    taken: 'une autre fiche utilise déjà cette valeur.',
    end_not_after_start: 'la fin doit être postérieure au début.',
  },
  row: '{{label}}, ligne {{n}}',
  failed: 'La fiche n’a pas été enregistrée : {{message}}',
  saved: 'Enregistré.',
};
