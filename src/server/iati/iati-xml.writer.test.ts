import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { el, esc, narratives } from './iati-xml.writer.ts';

describe('IATI XML writer', () => {
  test('escapes markup, drops characters XML 1.0 forbids, leaves plain text as it is', () => {
    assert.equal(esc('Plain text'), 'Plain text');
    assert.equal(esc('A & B <"C">'), 'A &amp; B &lt;&quot;C&quot;&gt;');
    assert.equal(esc('bell\u0007 tab\t nl\n'), 'bell tab\t nl\n');
  });
  test('elements leave out empty attributes and empty content, and keep the order given', () => {
    assert.equal(el('value', { currency: 'USD', 'value-date': null, x: '' }, '12.5'), '<value currency="USD">12.5</value>');
    assert.equal(el('sector', { code: '16010', percentage: 100 }), '<sector code="16010" percentage="100"/>');
    assert.equal(el('title', {}, null, '', false), '<title/>');
    assert.equal(el('a', {}, '<b/>', '<c/>'), '<a><b/><c/></a>');
    assert.equal(
      narratives([{ text: ' Hello ' }, { lang: 'fr', text: 'Bonjour & co' }, { lang: 'es', text: '  ' }]),
      '<narrative>Hello</narrative><narrative xml:lang="fr">Bonjour &amp; co</narrative>',
    );
  });
});
