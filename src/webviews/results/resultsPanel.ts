/**
 * Host side of the results panel: one panel per window, created beside the
 * editor, updated in place by later computations and revived after a reload
 * through a WebviewPanelSerializer (the view keeps its last state with setState).
 */
import * as vscode from 'vscode';
import { renderPage } from '../html';
import { isViewToHost, svdView, type HostToView, type ResultsState, type CopyTarget } from './protocol';
import type { SvdReport } from '../../engine/report';
import { copyResult } from './copy';

const VIEW_TYPE = 'linalgLens.results';

export class ResultsPanel {
  private static current: ResultsPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private queue: HostToView[] = [];
  private state: ResultsState | undefined;
  /** Full-precision result for copying; absent after a reload (the view keeps only what it shows). */
  private full: SvdReport | undefined;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
  ) {
    panel.webview.options = ResultsPanel.webviewOptions(extensionUri);
    panel.webview.html = this.html();
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.webview.onDidReceiveMessage((m: unknown) => this.onMessage(m), null, this.disposables);
  }

  /** Shows a result in the panel, creating the panel beside the active editor if needed. */
  static show(extensionUri: vscode.Uri, result: { seq: number; source: ResultsState['source']; report: SvdReport; digits: number }): void {
    const p = ResultsPanel.ensure(extensionUri);
    const state: ResultsState = { seq: result.seq, source: result.source, digits: result.digits, view: svdView(result.report, result.digits) };
    p.state = state;
    p.full = result.report;
    p.panel.title = 'LinAlg Lens: SVD';
    p.post({ type: 'show', state });
  }

  /** Shows a failure inside the panel, if the panel is open (notifications carry it otherwise). */
  static showErrorIfOpen(title: string, message: string): void {
    ResultsPanel.current?.post({ type: 'error', title, message });
  }

  /** Registers the serializer that brings the panel back after a window reload. */
  static registerSerializer(extensionUri: vscode.Uri): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, saved: unknown) => {
        const p = new ResultsPanel(panel, extensionUri);
        ResultsPanel.current?.panel.dispose();
        ResultsPanel.current = p;
        if (isResultsState(saved)) {
          p.state = saved;
          p.post({ type: 'show', state: saved });
        }
      },
    });
  }

  private static ensure(extensionUri: vscode.Uri): ResultsPanel {
    if (ResultsPanel.current) {
      // Reveal where the panel already is: "Beside" would open a new editor group
      // every time the panel's own group holds the active editor.
      ResultsPanel.current.panel.reveal(ResultsPanel.current.panel.viewColumn, true);
      return ResultsPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      'LinAlg Lens: SVD',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { ...ResultsPanel.webviewOptions(extensionUri), retainContextWhenHidden: false },
    );
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.svg');
    ResultsPanel.current = new ResultsPanel(panel, extensionUri);
    return ResultsPanel.current;
  }

  private static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
    };
  }

  private html(): string {
    const w = this.panel.webview;
    const asset = (...p: string[]) => w.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', ...p)).toString();
    return renderPage({
      cspSource: w.cspSource,
      scriptUri: asset('results.js'),
      styleUris: [asset('katex', 'katex.min.css'), asset('results.css')],
      title: 'LinAlg Lens results',
    });
  }

  private post(message: HostToView): void {
    if (!this.ready) {
      // Only the latest 'show' matters; keep errors and busy states in order after it.
      this.queue = message.type === 'show' ? [message] : [...this.queue, message];
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  private onMessage(m: unknown): void {
    if (!isViewToHost(m)) return;
    switch (m.type) {
      case 'ready': {
        this.ready = true;
        const pending = this.queue;
        this.queue = [];
        for (const msg of pending) void this.panel.webview.postMessage(msg);
        return;
      }
      case 'copy':
        if (!this.state) return;
        if (!this.full) {
          void vscode.window.showInformationMessage('LinAlg Lens: this panel was restored after a reload. Run Compute SVD again to copy the factors at full precision.');
          return;
        }
        void copyResult(this.full, this.state.source, m.target as CopyTarget, m.notation);
        return;
      case 'reveal':
        if (this.state) void revealSource(this.state);
        return;
    }
  }

  private dispose(): void {
    if (ResultsPanel.current === this) ResultsPanel.current = undefined;
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

function isResultsState(s: unknown): s is ResultsState {
  if (typeof s !== 'object' || s === null) return false;
  const r = s as Partial<ResultsState>;
  return typeof r.seq === 'number' && typeof r.view === 'object' && r.view !== null && typeof r.source === 'object';
}

async function revealSource(state: ResultsState): Promise<void> {
  try {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(state.source.uri));
    const pos = new vscode.Position(Math.max(0, state.source.line - 1), 0);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos), viewColumn: vscode.ViewColumn.One });
  } catch {
    void vscode.window.showWarningMessage(`LinAlg Lens: ${state.source.file} is no longer available.`);
  }
}
