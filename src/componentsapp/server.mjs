// Huddle's web server: serves the single-page app and mints LiveKit access tokens.
//
//   PORT=3000 LIVEKIT_URL=wss://… LIVEKIT_API_KEY=… LIVEKIT_API_SECRET=… node server.mjs
//
// HOST (default 127.0.0.1) is the address to listen on, PUBLIC_DIR (default ./public next to this
// file) the output of `node build.mjs <dir>`. APP_BUGS is a comma-separated list of feature flags
// handed to the browser app (see FLAGS below).
import { randomInt } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AccessToken } from 'livekit-server-sdk';

const FLAGS = [
  'no-connect-timeout',
  'camera-never-published',
  'screen-share-publishes-nothing',
  'no-audio-renderer',
];

const required = ['LIVEKIT_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET'];
const missing = required.filter((name) => !process.env[name]);
if (missing.length > 0) {
  const verb = missing.length > 1 ? 'are' : 'is';
  console.error(`huddle: ${missing.join(' and ')} ${verb} not set (Huddle needs ${required.join(', ')})`);
  process.exit(1);
}
const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = process.env;

const flags = (process.env.APP_BUGS ?? '')
  .split(',')
  .map((flag) => flag.trim())
  .filter(Boolean);
const unknown = flags.filter((flag) => !FLAGS.includes(flag));
if (unknown.length > 0) {
  console.error(`huddle: unknown APP_BUGS ${unknown.join(', ')}; known: ${FLAGS.join(', ')}`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`huddle: PORT must be a port number, got '${process.env.PORT}'`);
  process.exit(1);
}
const host = process.env.HOST || '127.0.0.1';

const here = path.dirname(fileURLToPath(import.meta.url));
const publicDir = path.resolve(process.env.PUBLIC_DIR || path.join(here, 'public'));
const assetsDir = path.join(publicDir, 'assets');
try {
  await stat(path.join(assetsDir, 'app.js'));
} catch {
  console.error(`huddle: no app bundle at ${path.join(assetsDir, 'app.js')}; run 'node build.mjs ${publicDir}' first or set PUBLIC_DIR`);
  process.exit(1);
}

const TOKEN_TTL = '5m';
const IDENTITY_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomString(length) {
  let result = '';
  for (let i = 0; i < length; i++) {
    result += IDENTITY_CHARS[randomInt(IDENTITY_CHARS.length)];
  }
  return result;
}

async function createParticipantToken(roomName, participantName) {
  const token = new AccessToken(LIVEKIT_API_KEY, LIVEKIT_API_SECRET, {
    identity: `${participantName}__${randomString(4)}`,
    name: participantName,
    ttl: TOKEN_TTL,
  });
  token.addGrant({
    room: roomName,
    roomJoin: true,
    canPublish: true,
    canSubscribe: true,
    canPublishData: true,
  });
  return { identity: token.identity, jwt: await token.toJwt() };
}

const appConfig = JSON.stringify({ flags }).replace(/</g, '\\u003c');

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Huddle</title>
    <link rel="stylesheet" href="/assets/app.css" />
    <script>window.__HUDDLE_CONFIG__ = ${appConfig};</script>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="/assets/app.js"></script>
  </body>
</html>
`;

const contentTypes = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

async function serveAsset(res, pathname) {
  const file = path.join(assetsDir, path.normalize(decodeURIComponent(pathname.slice('/assets/'.length))));
  if (!file.startsWith(assetsDir + path.sep)) return send(res, 404, 'Not found');
  let info;
  try {
    info = await stat(file);
  } catch {
    return send(res, 404, 'Not found');
  }
  if (!info.isFile()) return send(res, 404, 'Not found');
  res.writeHead(200, {
    'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
  });
  createReadStream(file).pipe(res);
}

async function connectionDetails(res, query) {
  const roomName = query.get('roomName');
  const participantName = query.get('participantName');
  if (!roomName) return send(res, 400, 'Missing required query parameter: roomName');
  if (!participantName) return send(res, 400, 'Missing required query parameter: participantName');
  const { identity, jwt } = await createParticipantToken(roomName, participantName);
  console.log(`token issued: identity=${identity} room=${roomName}`);
  send(
    res,
    200,
    JSON.stringify({ serverUrl: LIVEKIT_URL, roomName, participantName, participantToken: jwt }),
    'application/json',
  );
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://localhost');
    const { pathname } = url;
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    if (pathname === '/' || /^\/rooms\/[^/]+\/?$/.test(pathname)) {
      return send(res, 200, page, 'text/html; charset=utf-8');
    }
    if (pathname === '/api/connection-details') return await connectionDetails(res, url.searchParams);
    if (pathname.startsWith('/assets/')) return await serveAsset(res, pathname);
    if (pathname === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    send(res, 404, 'Not found');
  } catch (error) {
    console.error(`request ${req.method} ${req.url} failed:`, error);
    if (!res.headersSent) send(res, 500, 'Internal server error');
    else res.destroy();
  }
});

server.on('error', (error) => {
  console.error(`huddle: cannot listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});

server.listen(port, host, () => {
  const address = server.address();
  const features = flags.length > 0 ? ` (flags: ${flags.join(', ')})` : '';
  console.log(`huddle listening on http://${host}:${address.port} with LiveKit at ${LIVEKIT_URL}${features}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
