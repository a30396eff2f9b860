// Preload for the offline proof (test/offline/offline.test.ts): `node --require networkTrap.cjs …`.
// Every way a Node program reaches the network — net/tls sockets and servers, dns, http(s),
// http2, dgram, fetch, WebSocket — throws, and the attempt is appended (one JSON line: what and a
// stack excerpt) to the file named by KUBEMATE_NET_TRAP_LOG, so the test can assert there were
// none. Pipes and stdio are untouched: the language server's stdio streams are not connect()ed.
'use strict';
const fs = require('node:fs');

const log = process.env.KUBEMATE_NET_TRAP_LOG;

function blocked(what) {
  return function () {
    const stack = (new Error().stack || '').split('\n').slice(2, 8).join('\n');
    if (log) fs.appendFileSync(log, JSON.stringify({ what, pid: process.pid, stack }) + '\n');
    throw new Error(`network access blocked (offline test): ${what}`);
  };
}

function trap(moduleName, names) {
  const m = require(moduleName);
  for (const name of names) if (typeof m[name] === 'function') m[name] = blocked(`${moduleName}.${name}`);
  return m;
}

const net = trap('node:net', ['connect', 'createConnection', 'createServer']);
net.Socket.prototype.connect = blocked('net.Socket.connect');
net.Server.prototype.listen = blocked('net.Server.listen');
trap('node:tls', ['connect', 'createServer', 'createSecureContext']);
const dns = trap('node:dns', ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv', 'resolveTxt', 'reverse']);
if (dns.promises) for (const name of Object.keys(dns.promises)) if (/^(lookup|resolve|reverse)/.test(name)) dns.promises[name] = blocked(`dns.promises.${name}`);
trap('node:http', ['request', 'get', 'createServer']);
trap('node:https', ['request', 'get', 'createServer']);
trap('node:http2', ['connect', 'createServer', 'createSecureServer']);
trap('node:dgram', ['createSocket']);
for (const name of ['fetch', 'WebSocket', 'EventSource']) if (typeof globalThis[name] === 'function') globalThis[name] = blocked(name);
