/** What every editing form says about a refused save: the summary, each field's problem, a stale save. */
export const formPartsEn = {
  required: 'required',
  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
  edit: 'Edit',
  summaryTitle: 'The record was not saved. Please correct:',
  reasons: {
    taken: 'another record already uses this value.',
    end_not_after_start: 'the end must come after the start.',
  },
  row: '{{label}}, row {{n}}',
  failed: 'The record was not saved: {{message}}',
  saved: 'Saved.',
};
