import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18next from 'i18next';
import { z } from 'zod';
import { validationError } from '../../server/http/errors.handler.ts';
import type { InputIssue } from '../../shared/contracts/errors.ts';
import { DocumentCreate, ProjectCreate } from '../../shared/contracts/portfolio.ts';
import { en } from '../i18n/en.ts';
import { es } from '../i18n/es.ts';
import { fr } from '../i18n/fr.ts';
import { fieldLabel, plainIssue, sayIssue } from './plain-issue.ts';

/** The issues the API answers for this input, as the error handler builds them from the contract's own validation. */
function issuesOf(schema: z.ZodType, input: unknown): InputIssue[] {
  const parsed = schema.safeParse(input);
  assert.equal(parsed.success, false);
  return (validationError(parsed.error as z.ZodError, 'body').details as { issues: InputIssue[] }).issues;
}

async function translator(lng: string) {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr }, es: { translation: es } }, lng, fallbackLng: 'en', interpolation: { escapeValue: false } });
  return i18n.t.bind(i18n) as (key: string, options?: Record<string, unknown>) => string;
}

const bad = {
  code: '',
  title: 'x'.repeat(501),
  place: 'moon',
  officeId: 'not-an-id',
  fundingSource: 'RB',
  plannedStart: '2027-02-30',
  probability: 150,
};

test('a refused project says each field in plain words, in English, French and Spanish, never the validator’s jargon', async () => {
  const issues = issuesOf(ProjectCreate, bad);
  const byField = (t: Awaited<ReturnType<typeof translator>>) => Object.fromEntries(issues.map((i) => [i.field, sayIssue(t, i)]));
  const enT = byField(await translator('en'));
  assert.deepEqual(enT, {
    code: 'Code: Required: enter a value.',
    title: 'Title: At most 500 characters.',
    place: 'Place: Choose one of the options.',
    officeId: 'Office: Choose one of the options.',
    plannedStart: 'Planned start: Enter a date as year-month-day, such as 2027-01-31.',
    plannedEnd: 'Planned end: Required: enter a value.',
    probability: 'Probability: Enter 100 or less.',
  });
  const frT = byField(await translator('fr'));
  assert.equal(frT.code, 'Code : Obligatoire : saisissez une valeur.');
  assert.equal(frT.title, 'Titre : Au plus 500 caractères.');
  assert.equal(frT.plannedEnd, 'Fin prévue : Obligatoire : saisissez une valeur.');
  const esT = byField(await translator('es'));
  assert.equal(esT.probability, 'Probabilidad: Introduzca 100 o menos.');
  for (const text of [...Object.values(enT), ...Object.values(frT), ...Object.values(esT)]) assert.doesNotMatch(String(text), /expected|Too (small|big)|Invalid/);
});

test('a pattern the contract describes keeps its description; an unknown field and a count say so in the language', async () => {
  const t = await translator('en');
  const [source] = issuesOf(z.strictObject({ fundingSource: ProjectCreate.shape.fundingSource }), { fundingSource: 'rb budget' });
  assert.equal(plainIssue(t, source as InputIssue), 'Not in the expected form.', "zod's own wording of a pattern is not shown");
  const [url] = issuesOf(z.strictObject({ url: DocumentCreate.shape.url }), { url: 'not an address' });
  assert.equal(plainIssue(t, url as InputIssue), 'Not in the expected form: a web address starting with http:// or https://.');
  const [extra] = issuesOf(z.strictObject({ code: z.string() }), { code: 'A', colour: 'red' });
  assert.equal(plainIssue(t, extra as InputIssue), 'This form does not take this field.');
  assert.equal(fieldLabel(t, extra?.field as string), 'colour');
  assert.equal(fieldLabel(t, 'partners.0.partnerId'), 'Partner');
  assert.equal(fieldLabel(t, 'reportingPeriodEnd'), 'reporting period end', 'a field without a label is said in words');
  const es = await translator('es');
  const [few] = issuesOf(z.strictObject({ code: z.string().min(3) }), { code: 'A' });
  assert.equal(plainIssue(es, few as InputIssue), 'Al menos 3 caracteres.');
});
