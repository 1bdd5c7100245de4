import * as assert from 'assert';
import { contentSecurityPolicy, makeNonce, renderPage } from '../../../src/webviews/html';

const CSP_SOURCE = 'https://test.vscode-cdn.net';

function cspOf(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'page has a CSP meta tag');
  return m[1].replace(/&#39;|&apos;/g, "'");
}

describe('webview page HTML', () => {
  const html = renderPage({ cspSource: CSP_SOURCE, scriptUri: `${CSP_SOURCE}/results.js`, styleUris: [`${CSP_SOURCE}/a.css`], title: 'T', nonce: 'abc123' });

  it('denies everything by default and allows only nonce scripts and local styles/fonts/images', () => {
    const directives = new Map(
      cspOf(html)
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v] as const),
    );
    assert.deepStrictEqual(directives.get('default-src'), ["'none'"]);
    assert.deepStrictEqual(directives.get('script-src'), ["'nonce-abc123'"]);
    assert.deepStrictEqual(directives.get('style-src'), [CSP_SOURCE]);
    assert.deepStrictEqual(directives.get('font-src'), [CSP_SOURCE]);
    assert.deepStrictEqual(directives.get('img-src'), [CSP_SOURCE, 'data:']);
  });

  it('never allows unsafe-eval or unsafe-inline', () => {
    const csp = cspOf(html);
    assert.ok(!csp.includes('unsafe-eval'));
    assert.ok(!csp.includes('unsafe-inline'));
  });

  it('loads its one script with the nonce and contains no inline script', () => {
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.strictEqual(scripts.length, 1);
    assert.ok(scripts[0].includes('nonce="abc123"'));
    assert.ok(scripts[0].includes('src="'));
  });

  it('escapes attribute values', () => {
    const h = renderPage({ cspSource: CSP_SOURCE, scriptUri: 'x"><script>', styleUris: [], title: '<b>', nonce: 'n' });
    assert.ok(!h.includes('x"><script>'));
    assert.ok(h.includes('<title>&lt;b&gt;</title>'));
  });

  it('makes unpredictable nonces', () => {
    const a = makeNonce();
    const b = makeNonce();
    assert.notStrictEqual(a, b);
    assert.ok(a.length >= 22);
    assert.ok(contentSecurityPolicy(CSP_SOURCE, a).includes(`'nonce-${a}'`));
  });
});
