// A deliberately tiny test runner for the browser-driven suite: named steps run
// in order on one page, each timed, each failure saved as a screenshot plus a
// message, and the run goes on so one failure does not hide the others.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function slug(s) {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

export function ms(n) {
  return n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`;
}

export class Runner {
  /**
   * @param {string} outDir where screenshots of failures go
   * @param {() => import('playwright-core').Page | undefined} currentPage the page to photograph on failure
   */
  constructor(outDir, currentPage) {
    this.outDir = outDir;
    this.currentPage = currentPage;
    this.results = [];
  }

  /** Runs `fn`; records pass/fail and the time it took. `setup: true` steps stop the run if they fail. */
  async step(name, fn, { setup = false } = {}) {
    const t0 = performance.now();
    try {
      await fn();
      const dt = performance.now() - t0;
      this.results.push({ name, ok: true, ms: dt });
      console.log(`  ✓ ${name} (${ms(dt)})`);
      return true;
    } catch (e) {
      const dt = performance.now() - t0;
      const shot = path.join(this.outDir, `FAILED-${slug(name)}.png`);
      const page = this.currentPage();
      if (page) await page.screenshot({ path: shot }).catch(() => undefined);
      const message = e instanceof Error ? e.message : String(e);
      this.results.push({ name, ok: false, ms: dt, error: message, screenshot: shot });
      console.log(`  ✗ ${name} (${ms(dt)})\n      ${message.split('\n').join('\n      ')}\n      screenshot: ${path.relative(process.cwd(), shot)}`);
      if (setup) throw new SetupFailed(name, e);
      return false;
    }
  }

  get failures() {
    return this.results.filter((r) => !r.ok);
  }

  write(file) {
    fs.writeFileSync(file, JSON.stringify(this.results, null, 2) + '\n');
  }
}

export class SetupFailed extends Error {
  constructor(name, cause) {
    super(`setup step "${name}" failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}
