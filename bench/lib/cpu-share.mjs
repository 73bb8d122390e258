// How much of the machine's CPU the bench used and how much other work did. Machine busy time
// comes from /proc/stat; the bench's own is this process plus every descendant (Chromium and
// its renderers), whose cumulative CPU times are sampled from /proc/<pid>/stat every 500 ms
// (a renderer's last < 500 ms before it exits is missed, so "other" is slightly overstated).
// Linux only; null elsewhere.
import fs from 'node:fs';

const HZ = 100; // USER_HZ: /proc times are in 1/100 s

function machineTimes() {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = cpu;
  return { busy: user + nice + system + irq + softirq + (steal || 0), idle: idle + (iowait || 0) };
}

function stat(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    // after ")": state(3) ppid(4) ... utime(14) stime(15) starttime(22)
    return { ppid: Number(f[1]), cpu: Number(f[11]) + Number(f[12]), start: f[19] };
  } catch {
    return null;
  }
}

/** Starts sampling; stop() returns { wallSeconds, machineBusySeconds, benchSeconds, otherSeconds, otherShareOfMachine }. */
export function startCpuShare() {
  let m0;
  try {
    m0 = machineTimes();
  } catch {
    return { stop: () => null };
  }
  const t0 = Date.now();
  const seen = new Map(); // "pid:starttime" -> { base, last }
  const self = stat(process.pid);
  seen.set(`${process.pid}:${self.start}`, { base: self.cpu, last: self.cpu });
  function sample() {
    const procs = new Map();
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      const s = stat(Number(d));
      if (s) procs.set(Number(d), s);
    }
    const ours = (pid) => {
      for (let p = pid, i = 0; p > 1 && i < 64; i++) {
        if (p === process.pid) return true;
        const s = procs.get(p);
        if (!s) return false;
        p = s.ppid;
      }
      return false;
    };
    for (const [pid, s] of procs) {
      if (!ours(pid)) continue;
      const key = `${pid}:${s.start}`;
      const e = seen.get(key);
      if (e) e.last = s.cpu;
      else seen.set(key, { base: pid === process.pid ? s.cpu : 0, last: s.cpu });
    }
  }
  const timer = setInterval(sample, 500);
  timer.unref();
  return {
    stop() {
      sample();
      clearInterval(timer);
      const m1 = machineTimes();
      const busy = (m1.busy - m0.busy) / HZ;
      const total = busy + (m1.idle - m0.idle) / HZ;
      let own = 0;
      for (const e of seen.values()) own += e.last - e.base;
      own /= HZ;
      return {
        wallSeconds: (Date.now() - t0) / 1000,
        machineBusySeconds: busy,
        benchSeconds: own,
        otherSeconds: Math.max(0, busy - own),
        otherShareOfMachine: total > 0 ? Math.max(0, busy - own) / total : null,
      };
    },
  };
}
