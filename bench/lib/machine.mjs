// The machine and the code measured: cores, CPU model, memory, Chromium, date, load, and the
// commit and files of the widget (others edit the repository while the bench runs).
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { REPO } from './server.mjs';

function sh(cmd) {
  try {
    return execFileSync('sh', ['-c', cmd], { encoding: 'utf8', cwd: REPO }).trim();
  } catch {
    return null;
  }
}

export function machineInfo(chromiumVersion) {
  return {
    date: new Date().toISOString(),
    nproc: Number(sh('nproc')),
    cpuModel: sh("lscpu | sed -n 's/^Model name: *//p' | head -1"),
    memoryBytes: os.totalmem(),
    chromium: chromiumVersion,
    chromiumPackage: sh("dpkg-query -W -f='${Version}' chromium"),
    node: process.version,
    loadavgAtStart: os.loadavg(),
    git: {
      head: sh('git rev-parse --short HEAD'),
      dirty: sh('git status --short -- src www Cargo.toml Cargo.lock | head -20'),
    },
  };
}
