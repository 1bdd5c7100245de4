/**
 * LinAlg Lens — entry point. activate() reads like a table of contents: one
 * register call per feature. Nothing here runs workspace code, so the extension
 * works the same in Restricted Mode.
 */
import * as vscode from 'vscode';
import { registerComputeCommands } from './commands/compute';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('LinAlg Lens', { log: true });
  context.subscriptions.push(log);
  registerComputeCommands(context, log);
}

export function deactivate(): void {
  // Every registration is a disposable in context.subscriptions; nothing else to release.
}
