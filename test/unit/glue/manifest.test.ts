import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { COMMAND_IDS, SETTINGS } from '../../../src/commands/ids';

const root = path.resolve(__dirname, '../../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string; title: string; category: string }[];
    menus: Record<string, { command: string }[]>;
    configuration: { properties: Record<string, { default: unknown }> };
  };
  activationEvents: string[];
  main: string;
  bin: Record<string, string>;
};

describe('package.json and the typed tables agree', () => {
  it('every contributed command is in COMMAND_IDS and vice versa', () => {
    const manifest = pkg.contributes.commands.map((c) => c.command).sort();
    const table = Object.values(COMMAND_IDS).sort();
    assert.deepStrictEqual(manifest, table);
  });

  it('every command is in the "LinAlg Lens" category with a title', () => {
    for (const c of pkg.contributes.commands) {
      assert.strictEqual(c.category, 'LinAlg Lens', c.command);
      assert.ok(c.title.length > 3, c.command);
    }
  });

  it('menus only reference contributed commands', () => {
    const known = new Set(Object.values(COMMAND_IDS) as string[]);
    for (const [menu, items] of Object.entries(pkg.contributes.menus)) {
      for (const item of items) assert.ok(known.has(item.command), `${menu} → ${item.command}`);
    }
  });

  it('Compute SVD is in the editor context menu', () => {
    assert.ok(pkg.contributes.menus['editor/context'].some((m) => m.command === COMMAND_IDS.computeSvd));
  });

  it('settings and their defaults match SETTINGS both ways', () => {
    const props = pkg.contributes.configuration.properties;
    const fromManifest = Object.keys(props).map((k) => k.replace(/^linalgLens\./, '')).sort();
    assert.deepStrictEqual(fromManifest, Object.values(SETTINGS).map((s) => s.key).sort());
    for (const s of Object.values(SETTINGS)) assert.strictEqual(props[`linalgLens.${s.key}`].default, s.default, s.key);
  });

  it('activates only when needed (commands activate implicitly; the panel serializer by its view type)', () => {
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.ok(!pkg.activationEvents.includes('onStartupFinished'));
    assert.ok(pkg.activationEvents.includes('onWebviewPanel:linalgLens.results'));
  });

  it('has a linalg-lens bin that loads the bundled CLI', () => {
    const bin = fs.readFileSync(path.join(root, pkg.bin['linalg-lens']), 'utf8');
    assert.ok(bin.startsWith('#!/usr/bin/env node'));
    assert.ok(bin.includes('dist'));
  });
});

describe('architecture', () => {
  function tsFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? tsFiles(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : [],
    );
  }
  for (const core of ['src/linalg', 'src/literals', 'src/concepts', 'src/engine']) {
    it(`${core} never imports vscode`, () => {
      for (const f of tsFiles(path.join(root, core))) {
        const text = fs.readFileSync(f, 'utf8');
        assert.ok(!/from ['"]vscode['"]|require\(['"]vscode['"]\)/.test(text), f);
      }
    });
  }
});
