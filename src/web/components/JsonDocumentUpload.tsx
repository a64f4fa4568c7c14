import { type ChangeEvent, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { Notice } from './Layout.tsx';

/** Where in the document a refusal is, and what: a path (`cycles[0].code`) or a field, as the server names it. */
type Issue = { where?: string; message: string };
type Outcome = { kind: 'success' | 'error'; text: string; issues?: Issue[] };

/**
 * The upload of a JSON document the server applies whole or not at all (a country programme, a strategy, an action
 * plan): the file is read and parsed here, sent with `send`, and the outcome kept for `UploadOutcome`, a refusal with
 * each issue where the server located it. `texts` words the outcome in the reader's language.
 */
export function useJsonDocumentUpload<R>(send: (doc: unknown) => Promise<R>, texts: { done: (r: R) => string; failed: string }, onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function upload(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      let doc: unknown;
      try {
        doc = JSON.parse(await file.text());
      } catch (err) {
        setOutcome({ kind: 'error', text: texts.failed, issues: [{ where: file.name, message: (err as Error).message }] });
        return;
      }
      const result = await send(doc);
      setOutcome({ kind: 'success', text: texts.done(result) });
      onDone();
    } catch (err) {
      const d = err instanceof ApiError ? err.details : undefined;
      const issues = d?.issues?.map((i) => ({ where: i.path ?? i.field, message: i.message })) ?? [{ where: d?.field, message: (err as Error).message }];
      setOutcome({ kind: 'error', text: texts.failed, issues });
    } finally {
      setBusy(false);
      e.target.value = '';
    }
  }
  return { busy, outcome, upload };
}

/** The outcome of an upload: what was stored, or why nothing was, issue by issue. */
export function UploadOutcome({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <Notice kind={outcome.kind}>
      {outcome.text}
      {outcome.issues && (
        <ul>
          {outcome.issues.map((i) => (
            <li key={`${i.where}-${i.message}`}>
              {i.where && <code>{i.where}</code>} {i.message}
            </li>
          ))}
        </ul>
      )}
    </Notice>
  );
}
