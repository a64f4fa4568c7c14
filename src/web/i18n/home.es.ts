import type { Messages } from './en.ts';

export const homeEs: Messages['home'] = {
  nav: 'Inicio',
  title: 'Bienvenido/a, {{name}}',
  intro: 'Lo que alcanza su cuenta, de un vistazo.',
  figures: {
    title: 'Ejecución en {{year}}',
    projects: 'Proyectos',
    more: 'Abrir los tableros',
  },
  watch: {
    title: 'Lo que requiere atención',
    intro: 'Alertas tempranas aún sin tratar, al {{date}}.',
    count_one: '{{count}} alerta en total',
    count_other: '{{count}} alertas en total',
    none: 'Ninguna alerta espera acción.',
    more: 'Abrir la lista de seguimiento',
  },
  projects: {
    title: 'Proyectos',
    titlePartner: 'Proyectos que financia su organización',
    titleCountry: 'Proyectos en {{country}}',
    shown: '{{shown}} de {{total}} proyectos a su alcance',
    none: 'Ningún proyecto a su alcance.',
    more: 'Todos los proyectos',
    report: 'Informe de avance al donante de {{code}}',
  },
  milestones: {
    title: 'Próximos hitos',
    none: 'Ningún hito en los próximos 24 meses.',
    more: 'Todo el calendario',
  },
  country: {
    title: 'Programa de Trabajo Decente por País de {{country}}',
    none: 'No hay ningún Programa de Trabajo Decente por País registrado para este país.',
    period: 'del {{from}} al {{to}}',
    priorities: 'Prioridades',
    more: 'Abrir la página del país',
  },
};
