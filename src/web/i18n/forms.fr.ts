import type { Messages } from './en.ts';

export const formsFr: Messages['forms'] = {
  required: 'obligatoire',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  cancel: 'Annuler',
  edit: 'Modifier',
  summaryTitle: 'La fiche n’a pas été enregistrée. Veuillez corriger :',
  problem: '{{field}} : {{problem}}',
  codes: {
    too_small: 'ce champ est obligatoire.',
    too_big: 'la valeur est trop longue ou trop grande.',
    invalid_format: 'la valeur n’a pas la forme attendue.',
    invalid_type: 'ce champ est obligatoire.',
    invalid_value: 'choisissez l’une des options.',
    other: 'cette valeur n’est pas acceptée.',
  },
  reasons: {
    taken: 'une autre fiche utilise déjà cette valeur.',
    end_not_after_start: 'la fin doit être postérieure au début.',
  },
  row: '{{label}}, ligne {{n}}',
  conflict:
    'Quelqu’un d’autre a modifié cette fiche pendant que vous la modifiiez (enregistrée {{when}}). Vos modifications restent affichées ci-dessous mais n’ont pas été enregistrées : rechargez pour voir sa version, puis appliquez à nouveau votre modification.',
  conflictNoTime:
    'Quelqu’un d’autre a modifié cette fiche pendant que vous la modifiiez. Vos modifications restent affichées ci-dessous mais n’ont pas été enregistrées : rechargez pour voir sa version, puis appliquez à nouveau votre modification.',
  reload: 'Recharger',
  failed: 'La fiche n’a pas été enregistrée : {{message}}',
  saved: 'Enregistré.',
};
