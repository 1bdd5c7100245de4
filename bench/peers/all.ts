/** Every JavaScript library in the comparison, by id, with versions filled in. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { version as mathjsVersion } from 'mathjs';
import { mathjsLibrary } from './mathjs';
import { mlLibrary } from './ml';
import { oursLibrary } from './ours';
import type { LibId, Library } from './types';

// __dirname is dist/ in the bundle, so the repository root is one level up.
function packageVersion(name: string): string {
  try {
    const file = path.resolve(__dirname, '..', 'node_modules', name, 'package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

export const LIB_ORDER: LibId[] = ['ours', 'ml', 'mathjs'];

export const libraries: Record<LibId, Library> = {
  ours: { ...oursLibrary, version: ownVersion() },
  ml: { ...mlLibrary, version: packageVersion('ml-matrix') },
  mathjs: { ...mathjsLibrary, version: String(mathjsVersion) },
};

function ownVersion(): string {
  try {
    const file = path.resolve(__dirname, '..', 'package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}
