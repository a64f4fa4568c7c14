import type { Messages } from './en.ts';

export const formPartsEs: Messages['forms'] = {
  required: 'obligatorio',
  save: 'Guardar',
  saving: 'Guardando…',
  cancel: 'Cancelar',
  edit: 'Editar',
  summaryTitle: 'El registro no se guardó. Corrija lo siguiente:',
  reasons: {
    taken: 'otro registro ya utiliza este valor.',
    end_not_after_start: 'el final debe ser posterior al inicio.',
  },
  row: '{{label}}, fila {{n}}',
  failed: 'El registro no se guardó: {{message}}',
  saved: 'Guardado.',
};
