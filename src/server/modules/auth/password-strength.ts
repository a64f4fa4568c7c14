import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { AppError } from '../../errors.ts';
import { MIN_PASSWORD_LENGTH } from './password.ts';

/**
 * Password rules: at least 12 characters, and not guessable as zxcvbn estimates it (score 3 of 4 or better:
 * about 10^10 guesses) against its common-password list, keyboard patterns, repeats, sequences, dates and
 * the words and names of English, French and Spanish, and the user's own e-mail address and name.
 * Why a password is refused travels as zxcvbn's keys (`warning`, `suggestions`), which the web words in the
 * user's language; the message is English.
 */
export const MIN_PASSWORD_SCORE = 3;

export interface PasswordProblem {
  reason: 'too_short' | 'weak_password';
  /** zxcvbn's score, 0 (guessable at once) to 4. */
  score: number;
  /** zxcvbn's key of what makes it guessable (e.g. `common`, `simpleRepeat`), when it names one. */
  warning: string | null;
  /** zxcvbn's keys of what would help (e.g. `anotherWord`). */
  suggestions: string[];
}

let estimator: Promise<{ zxcvbn: ZxcvbnFactory; english: typeof import('@zxcvbn-ts/language-en').translations }> | undefined;

/** Built on first use (the dictionaries take half a second and a few MB), then kept. */
function load() {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en, fr, es] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
      import('@zxcvbn-ts/language-fr'),
      import('@zxcvbn-ts/language-es-es'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary, ...es.dictionary },
      graphs: common.adjacencyGraphs,
    });
    return { zxcvbn, english: en.translations };
  })();
  return estimator;
}

/** Words a password must not lean on: the product's name, the user's e-mail address and name, and their parts. */
function personalWords(inputs: (string | null | undefined)[]): string[] {
  const words = new Set(['devcoop']);
  for (const input of inputs) {
    if (!input) continue;
    words.add(input.toLowerCase());
    for (const part of input.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/** What is wrong with a password, or null when it may be used. */
export async function passwordProblem(password: string, personal: (string | null | undefined)[] = []): Promise<PasswordProblem | null> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { reason: 'too_short', score: 0, warning: null, suggestions: [] };
  const { zxcvbn } = await load();
  const r = zxcvbn.check(password, personalWords(personal));
  if (r.score >= MIN_PASSWORD_SCORE) return null;
  return { reason: 'weak_password', score: r.score, warning: r.feedback.warning || null, suggestions: r.feedback.suggestions };
}

/** Refuses a password that is too short or guessable: INVALID_INPUT naming the field, with zxcvbn's keys and an English message. */
export async function requireStrongPassword(password: string, personal: (string | null | undefined)[] = [], field = 'password'): Promise<void> {
  const problem = await passwordProblem(password, personal);
  if (!problem) return;
  if (problem.reason === 'too_short') {
    throw new AppError('INVALID_INPUT', `A password has at least ${MIN_PASSWORD_LENGTH} characters`, { field, ...problem });
  }
  const { english } = await load();
  const why = [
    problem.warning ? english.warnings[problem.warning as keyof typeof english.warnings] : null,
    ...problem.suggestions.map((s) => english.suggestions[s as keyof typeof english.suggestions]),
  ].filter(Boolean);
  throw new AppError('INVALID_INPUT', ['This password is too easy to guess.', ...why].join(' '), { field, ...problem });
}
