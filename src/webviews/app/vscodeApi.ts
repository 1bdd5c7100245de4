/**
 * Typed access to the webview API VS Code injects into every webview page.
 * Shared by the browser side of every panel.
 */
interface VsCodeApi<TState, TOut> {
  postMessage(message: TOut): void;
  getState(): TState | undefined;
  setState(state: TState): void;
}

declare function acquireVsCodeApi<TState, TOut>(): VsCodeApi<TState, TOut>;

let api: unknown;

/** The page's VS Code API (acquired once; VS Code allows only one call). */
export function vscodeApi<TState, TOut>(): VsCodeApi<TState, TOut> {
  if (!api) api = acquireVsCodeApi<TState, TOut>();
  return api as VsCodeApi<TState, TOut>;
}

/** Creates an element with text content (never HTML) and optional class / attributes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  opts: { cls?: string; text?: string; attrs?: Record<string, string> } = {},
  children: Node[] = [],
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (opts.cls) e.className = opts.cls;
  if (opts.text !== undefined) e.textContent = opts.text;
  for (const [k, v] of Object.entries(opts.attrs ?? {})) e.setAttribute(k, v);
  for (const c of children) e.appendChild(c);
  return e;
}
