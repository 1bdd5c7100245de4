/**
 * Builds the HTML shell of a webview page. Pure (no `vscode` import) so a unit
 * test can check its Content-Security-Policy. The page carries no user text:
 * content arrives later by postMessage and is inserted with textContent or KaTeX.
 */
import { randomBytes } from 'crypto';

export interface PageResources {
  /** `webview.cspSource` of the panel. */
  cspSource: string;
  /** Script URI (from `asWebviewUri`). */
  scriptUri: string;
  /** Stylesheet URIs, in order. */
  styleUris: string[];
  /** Page title (plain text; escaped). */
  title: string;
  /** Nonce for the script tag; a fresh random one when omitted. */
  nonce?: string;
}

/** A fresh 128-bit nonce in base64 from the OS's CSPRNG. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The Content-Security-Policy every LinAlg Lens page uses. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The page HTML: CSP meta, stylesheets, an empty `#app` root and one nonce'd script. */
export function renderPage(r: PageResources): string {
  const nonce = r.nonce ?? makeNonce();
  const links = r.styleUris.map((u) => `<link rel="stylesheet" href="${escapeAttr(u)}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(r.cspSource, nonce))}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${links}
    <title>${escapeAttr(r.title)}</title>
  </head>
  <body>
    <main id="app" aria-live="polite"></main>
    <script nonce="${nonce}" src="${escapeAttr(r.scriptUri)}"></script>
  </body>
</html>`;
}
