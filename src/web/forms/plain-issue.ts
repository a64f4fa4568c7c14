import type { InputIssue } from '../../shared/contracts/errors.ts';

/** A translator: i18next's `t`, or any function with its shape (the tests pass one of their own). */
type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The last named segment of an issue's field ("partners.0.role" → "role"), the key of its label. */
export const fieldKey = (field: string | undefined) =>
  (field ?? '')
    .split('.')
    .filter((s) => !/^\d+$/.test(s))
    .pop() ?? '';

/** A field's name as a person reads it: its label from `formErrors.fields`, or its name in words ("plannedEnd" → "planned end"). */
export function fieldLabel(t: Translate, field: string | undefined): string {
  const key = fieldKey(field);
  const label = t(`formErrors.fields.${key}`, { defaultValue: '' });
  return label || key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * What is wrong with one field, as a sentence in the user's language, from what the server's validation said
 * (its code and limits; `shared/contracts/errors.ts` InputIssue). A message the server wrote for people (a
 * pattern's description, a rule of the domain) is kept.
 */
export function plainIssue(t: Translate, i: InputIssue): string {
  const n = i.minimum ?? i.maximum;
  switch (i.code) {
    case 'too_small':
      if (i.origin === 'string') return i.minimum === 1 ? t('formErrors.required') : t('formErrors.minChars', { count: n });
      if (i.origin === 'array' || i.origin === 'set') return t('formErrors.minItems', { count: n });
      return t('formErrors.minNumber', { n });
    case 'too_big':
      if (i.origin === 'string') return t('formErrors.maxChars', { count: n });
      if (i.origin === 'array' || i.origin === 'set') return t('formErrors.maxItems', { count: n });
      return t('formErrors.maxNumber', { n });
    case 'invalid_type':
      if (i.missing) return t('formErrors.required');
      return i.expected === 'number' ? t('formErrors.number') : t('formErrors.invalid');
    case 'invalid_format':
      if (i.format === 'date') return t('formErrors.date');
      if (i.format === 'email') return t('formErrors.email');
      if (i.format === 'uuid') return t('formErrors.choose');
      // zod's own wording of a pattern ("Invalid string: must match pattern /…/") is for programmers; a contract's description is for people
      return /^Invalid /.test(i.message) ? t('formErrors.format') : t('formErrors.pattern', { hint: i.message });
    case 'invalid_value':
      return t('formErrors.choose');
    case 'not_multiple_of':
      return t('formErrors.number');
    case 'unrecognized_keys':
      return t('formErrors.unknownField');
    default:
      return i.message;
  }
}

/** One refused field in a sentence: its name and what is wrong ("Planned end: Required: enter a value."). */
export const sayIssue = (t: Translate, i: InputIssue) => t('formErrors.fieldIssue', { field: fieldLabel(t, i.field), issue: plainIssue(t, i) });
