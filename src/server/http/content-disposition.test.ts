import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import contentDisposition from 'content-disposition';
import { dispositionOf } from './content-disposition.ts';

/** What a browser takes as the file name: filename* (RFC 5987) when present, else filename; parse() throws on a malformed header. */
const fileNameIn = (header: string) => contentDisposition.parse(header).parameters.filename;

describe('Content-Disposition', () => {
  test('a CR/LF in a name cannot break the header, a quote cannot add a second filename', () => {
    const h = dispositionOf('report\r\nSet-Cookie: x=1".csv');
    assert.ok(!/[\r\n]/.test(h));
    assert.equal(h.match(/filename=/g)?.length, 1);
    assert.doesNotThrow(() => new Headers({ 'Content-Disposition': h }));
    assert.equal(fileNameIn(h), 'reportSet-Cookie- x=1-.csv');
  });

  test('non-ASCII names survive (filename*) with an ASCII fallback', () => {
    const h = dispositionOf('Évaluation année 2024 – Côte d’Ivoire.pdf');
    assert.match(h, /filename="Evaluation annee 2024 _ Cote d_Ivoire.pdf"/);
    assert.equal(fileNameIn(h), 'Évaluation année 2024 – Côte d’Ivoire.pdf');
  });

  test('codes with slashes become safe names', () => {
    assert.equal(fileNameIn(dispositionOf('IND/23/01/EUR-progress-2024.pdf')), 'IND-23-01-EUR-progress-2024.pdf');
    assert.match(dispositionOf('x.ics', 'inline'), /^inline; /);
    assert.equal(fileNameIn(dispositionOf('\r\n')), 'download');
  });
});
