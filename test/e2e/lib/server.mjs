// Starts and stops code-server for the tests. Each server gets its own user
// data and extensions directories, listens on a loopback port chosen by the
// kernel (port 0, so two runs never race for a port), and runs in its own
// process group so that stopping it also ends the extension host, the file
// watcher and whatever else code-server spawned.
import { spawn, execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { NODE24, CODE_SERVER, readSettings } from './paths.mjs';

const execFileP = promisify(execFile);
const live = new Set();

/**
 * Creates the directories of one editor instance under `dir`:
 * user data (with a clean settings.json), extensions and a private config file.
 */
export function makeProfile(dir, extraSettings = {}) {
  const profile = {
    dir,
    userDataDir: path.join(dir, 'user-data'),
    extensionsDir: path.join(dir, 'extensions'),
    configFile: path.join(dir, 'code-server.yaml'),
    settingsFile: path.join(dir, 'user-data/User/settings.json'),
  };
  fs.mkdirSync(path.dirname(profile.settingsFile), { recursive: true });
  fs.mkdirSync(profile.extensionsDir, { recursive: true });
  // With --auth none the config only matters because code-server otherwise writes ~/.config/code-server/config.yaml.
  fs.writeFileSync(profile.configFile, 'auth: none\ncert: false\n');
  writeSettings(profile, extraSettings);
  return profile;
}

/** Writes the profile's user settings. Do this before the server starts: a running workbench did not reliably pick up edits on disk. */
export function writeSettings(profile, extraSettings = {}) {
  fs.writeFileSync(profile.settingsFile, JSON.stringify({ ...readSettings(), ...extraSettings }, null, 2) + '\n');
}

function profileArgs(profile) {
  return ['--config', profile.configFile, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

/** `code-server --install-extension <vsix>` into the profile, as a user would. */
export async function installVsix(profile, vsix) {
  const { stdout, stderr } = await execFileP(NODE24, [CODE_SERVER, ...profileArgs(profile), '--install-extension', vsix, '--force'], {
    timeout: 120_000,
  });
  const out = stdout + stderr;
  if (!/successfully installed/i.test(out)) throw new Error(`installing ${vsix} failed:\n${out}`);
  return out.trim();
}

/**
 * Starts code-server with `--auth none` on 127.0.0.1 and resolves when /healthz answers.
 * @param {object} o
 * @param {object} o.profile from makeProfile
 * @param {string} o.logFile server stdout+stderr go here
 * @param {boolean} [o.smokeTestDriver] adds `--vscode-option enable-smoke-test-driver`,
 *   which the web workbench requires before it honours extensionDevelopmentPath/extensionTestsPath.
 */
export async function startServer({ profile, logFile, smokeTestDriver = false }) {
  const args = [
    CODE_SERVER,
    ...profileArgs(profile),
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const log = fs.createWriteStream(logFile);
  const child = spawn(NODE24, args, {
    detached: true, // own process group: stop() signals the whole group
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PASSWORD: '', HASHED_PASSWORD: '' },
  });
  const server = { child, pid: child.pid, url: '', port: 0, logFile, exited: false };
  live.add(server);
  child.on('exit', () => {
    server.exited = true;
  });

  const url = await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not report its address within 30 s; log: ${logFile}\n${seen.slice(-2000)}`)), 30_000);
    const onData = (chunk) => {
      log.write(chunk);
      if (!server.url) {
        seen += chunk.toString();
        const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))\//.exec(seen);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited early (code ${code}, signal ${signal}); log: ${logFile}\n${seen.slice(-2000)}`));
    });
  });
  server.url = url;
  server.port = Number(new URL(url).port);

  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server at ${url} never became healthy; log: ${logFile}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  server.stop = () => stopServer(server);
  return server;
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole process group, SIGKILL after 5 s if anything is left. */
export async function stopServer(server) {
  live.delete(server);
  if (!groupAlive(server.pid)) return;
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + 5000;
  while (groupAlive(server.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(server.pid)) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Last-resort cleanup when the driver itself exits abnormally. */
export function killAllServersSync() {
  for (const s of live) {
    try {
      process.kill(-s.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
}
