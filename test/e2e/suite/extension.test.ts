/**
 * Extension-host (API) tests: the extension loaded from this repository as the
 * development extension, exercised through the `vscode` API. Runs in code-server
 * (npm run test:e2e) and in desktop VS Code (npm run test:desktop).
 */
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'linalg-lens.linalg-lens';
const COMMAND = 'linalgLens.computeSvd';
const PANEL_TITLE = 'LinAlg Lens: SVD';
/** out/test/e2e/suite → repository root */
const ROOT = path.resolve(__dirname, '../../../..');
const EXAMPLES = path.join(ROOT, 'examples');

interface SvdResult {
  S: number[];
}

async function openExample(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(EXAMPLES, name)));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Selects the first occurrence of `needle`, or (cursorOffset given) puts an empty cursor that far into it. */
function place(editor: vscode.TextEditor, needle: string, cursorOffset?: number): void {
  const text = editor.document.getText();
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not found in ${path.basename(editor.document.fileName)}`);
  if (cursorOffset === undefined) {
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + needle.length));
  } else {
    const p = editor.document.positionAt(at + cursorOffset);
    editor.selection = new vscode.Selection(p, p);
  }
}

function assertClose(actual: number[], expected: number[], tol = 1e-10): void {
  assert.strictEqual(actual.length, expected.length, `got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  actual.forEach((v, i) =>
    assert.ok(Math.abs(v - expected[i]) <= tol * Math.max(1, Math.abs(expected[i])), `σ${i + 1} = ${v}, expected ${expected[i]}`),
  );
}

function svdTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label === PANEL_TITLE && t.input instanceof vscode.TabInputWebview);
}

/** The tab model reaches the extension host a moment after createWebviewPanel; wait for `count` SVD tabs. */
async function expectSvdTabs(count: number, why: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (svdTabs().length !== count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.strictEqual(svdTabs().length, count, why);
}

describe('LinAlg Lens in the extension host', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is installed and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it(`registers ${COMMAND}`, async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(COMMAND), `${COMMAND} is not among the registered commands`);
  });

  it('computes the SVD of a selected literal (singular values 4 and 2) and opens the panel', async () => {
    const editor = await openExample('svd_basics.py');
    place(editor, 'np.array([[3, 1], [1, 3]])');
    const result = await vscode.commands.executeCommand<SvdResult | undefined>(COMMAND);
    assert.ok(result, 'the command returned nothing for a valid literal');
    assertClose(result.S, [4, 2]);
    await expectSvdTabs(1, `expected one "${PANEL_TITLE}" tab`);
    assert.strictEqual(editor.document.isDirty, false);
  });

  it('uses the literal around the cursor when nothing is selected', async () => {
    const editor = await openExample('svd_basics.py');
    place(editor, '[[4, 0], [3, -5]]', 10); // on the "3"
    const result = await vscode.commands.executeCommand<SvdResult | undefined>(COMMAND);
    assert.ok(result, 'the command returned nothing for the literal under the cursor');
    // AᵀA = [[25, -15], [-15, 25]] has eigenvalues 40 and 10.
    assertClose(result.S, [Math.sqrt(40), Math.sqrt(10)]);
    await expectSvdTabs(1, 'a second computation must reuse the panel');
  });

  for (const name of ['ragged', 'symbolic', 'missing', 'complex_m']) {
    it(`refuses the "${name}" literal of odd_inputs.py and leaves the document unchanged`, async () => {
      const editor = await openExample('odd_inputs.py');
      const before = editor.document.getText();
      const line = before.split('\n').find((l) => l.startsWith(`${name} = `));
      assert.ok(line, `no "${name} = …" line in odd_inputs.py`);
      place(editor, line.slice(name.length + 3));
      const result = await vscode.commands.executeCommand<SvdResult | undefined>(COMMAND);
      assert.strictEqual(result, undefined, `expected a refusal, got ${JSON.stringify(result)}`);
      assert.strictEqual(editor.document.isDirty, false, 'the document became dirty');
      assert.strictEqual(editor.document.getText(), before, 'the document text changed');
    });
  }
});
