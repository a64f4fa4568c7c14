/** What every editing form says about a refused save: the summary, each field's problem, a stale save. */
export const formsEn = {
  required: 'required',
  save: 'Save',
  saving: 'Saving…',
  cancel: 'Cancel',
  edit: 'Edit',
  summaryTitle: 'The record was not saved. Please correct:',
  problem: '{{field}}: {{problem}}',
  codes: {
    too_small: 'this is required.',
    too_big: 'this is too long or too large.',
    invalid_format: 'this is not in the expected form.',
    invalid_type: 'this is required.',
    invalid_value: 'choose one of the options.',
    other: 'this value is not accepted.',
  },
  reasons: {
    taken: 'another record already uses this value.',
    end_not_after_start: 'the end must come after the start.',
  },
  row: '{{label}}, row {{n}}',
  conflict:
    'Someone else changed this record while you were editing it (saved {{when}}). Your changes are still shown below but were not saved: reload to see their version, then apply your change again.',
  conflictNoTime:
    'Someone else changed this record while you were editing it. Your changes are still shown below but were not saved: reload to see their version, then apply your change again.',
  reload: 'Reload',
  failed: 'The record was not saved: {{message}}',
  saved: 'Saved.',
};
