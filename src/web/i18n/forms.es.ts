import type { Messages } from './en.ts';

export const formsEs: Messages['forms'] = {
  required: 'obligatorio',
  save: 'Guardar',
  saving: 'Guardando…',
  cancel: 'Cancelar',
  edit: 'Editar',
  summaryTitle: 'El registro no se guardó. Corrija lo siguiente:',
  problem: '{{field}}: {{problem}}',
  codes: {
    too_small: 'este campo es obligatorio.',
    too_big: 'el valor es demasiado largo o demasiado grande.',
    invalid_format: 'el valor no tiene la forma esperada.',
    invalid_type: 'este campo es obligatorio.',
    invalid_value: 'elija una de las opciones.',
    other: 'este valor no se acepta.',
  },
  reasons: {
    taken: 'otro registro ya utiliza este valor.',
    end_not_after_start: 'el final debe ser posterior al inicio.',
  },
  row: '{{label}}, fila {{n}}',
  conflict:
    'Otra persona modificó este registro mientras usted lo editaba (guardado {{when}}). Sus cambios siguen a la vista abajo, pero no se guardaron: recargue para ver su versión y vuelva a aplicar su cambio.',
  conflictNoTime:
    'Otra persona modificó este registro mientras usted lo editaba. Sus cambios siguen a la vista abajo, pero no se guardaron: recargue para ver su versión y vuelva a aplicar su cambio.',
  reload: 'Recargar',
  failed: 'El registro no se guardó: {{message}}',
  saved: 'Guardado.',
};
