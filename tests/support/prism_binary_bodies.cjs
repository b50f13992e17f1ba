// Preloaded into the Prism validating proxy of the contract runs
// (`node --require <this> prism proxy …`, tests/support/sandbox_process.cpp)
// so that binary bodies — image uploads and GET /v1/assets/{id}/content —
// pass through it byte for byte and are still validated, and so that one
// proxy can serve one sandbox after another.
//
// Binary bodies: Prism 5 reads every request body that is not JSON as UTF-8 text and
// reads every upstream answer that is not JSON as UTF-8 text too, then writes
// both out as UTF-8 again, so a PNG's bytes are replaced by U+FFFD on the way
// (stoplightio/prism#1321, #2349, #2475). Decoded as Latin-1 instead, each
// byte becomes one character and comes back unchanged when encoded as
// Latin-1; Prism validates that string against the document as it would the
// UTF-8 one (a `type: string` body of the declared media type).
//
// Three hooks, each at a call Prism makes through a module property:
// - http.createServer (micri's server): a binary request is marked with
//   `charset=latin1` on its Content-Type, which micri's text reader honours,
//   and the original Content-Type is kept in a private header;
// - node-fetch (Prism's forwarder): the marked body is sent upstream as the
//   original bytes under the original Content-Type, and a binary answer's
//   text() is its bytes as Latin-1;
// - the server's serialize(): a binary answer's Latin-1 string is written
//   back as those bytes.
// Anything textual (JSON, problem+json, NDJSON, text/*) is left to Prism.
//
// Another upstream: `PUT /__kpd_prism/upstream` with a URL as its body
// (answered 204 here, never seen by Prism) sends every later request to that
// origin instead of the one on the command line. A Prism start costs seconds
// of CPU (node and the whole document), and the services and CLI suites start
// a sandbox per case: SandboxProcess keeps idle proxies and points one at the
// next sandbox instead of starting another. Prism's own log still names the
// command line's origin in its "Forwarding" lines.
'use strict';

const http = require('http');
const path = require('path');

const kOriginalType = 'x-kpd-prism-binary-content-type';
const kUpstreamPath = '/__kpd_prism/upstream';
let upstream = null; // the origin set by the last PUT kUpstreamPath, a URL

function mediaType(value) {
  return String(value || '').split(';')[0].trim().toLowerCase();
}

// Bytes that are not text: what Prism would garble.
function isBinary(value) {
  const type = mediaType(value);
  if (type === '') {
    return false;
  }
  return type.startsWith('image/') || type === 'application/octet-stream' || type === 'application/pdf' ||
    type === 'application/gzip' || type === 'application/zip';
}

const originalCreateServer = http.createServer;
http.createServer = function createServer(...args) {
  const server = originalCreateServer.apply(this, args);
  const emit = server.emit;
  server.emit = function (event, request, ...rest) {
    if (event === 'request' && request && request.url === kUpstreamPath && request.method === 'PUT') {
      const response = rest[0];
      let body = '';
      request.setEncoding('utf8');
      request.on('data', chunk => (body += chunk));
      request.on('end', () => {
        try {
          upstream = new URL(body.trim());
          response.writeHead(204);
        } catch (e) {
          response.writeHead(400, { 'content-type': 'text/plain' });
        }
        response.end();
      });
      return true;
    }
    if (event === 'request' && request && request.headers) {
      const type = request.headers['content-type'];
      if (isBinary(type) && !/;\s*charset=/i.test(type)) {
        request.headers[kOriginalType] = type;
        request.headers['content-type'] = `${type}; charset=latin1`;
      }
    }
    return emit.call(this, event, request, ...rest);
  };
  return server;
};

// Prism's own copy of node-fetch (it resolves from Prism's package).
const prismHttp = path.dirname(require.resolve('@stoplight/prism-http/package.json'));
const fetchModule = require(require.resolve('node-fetch', { paths: [prismHttp] }));
const originalFetch = fetchModule.default;

function headerNamed(headers, name) {
  for (const key of Object.keys(headers || {})) {
    if (key.toLowerCase() === name) {
      return key;
    }
  }
  return undefined;
}

fetchModule.default = async function fetch(url, options = {}) {
  if (upstream !== null) {
    const target = new URL(url);
    target.protocol = upstream.protocol;
    target.host = upstream.host;
    url = target.toString();
  }
  const headers = Object.assign({}, options.headers);
  const marker = headerNamed(headers, kOriginalType);
  if (marker !== undefined) {
    const contentType = headerNamed(headers, 'content-type') || 'content-type';
    headers[contentType] = headers[marker];
    delete headers[marker];
    options = Object.assign({}, options, {
      headers,
      body: typeof options.body === 'string' ? Buffer.from(options.body, 'latin1') : options.body,
    });
  }
  const response = await originalFetch(url, options);
  if (isBinary(response.headers.get('content-type'))) {
    response.text = async () => (await response.buffer()).toString('latin1');
  }
  return response;
};
Object.assign(fetchModule.default, originalFetch);

const prismServer = path.dirname(require.resolve('@stoplight/prism-http-server/package.json'));
const serializeModule = require(path.join(prismServer, 'dist', 'serialize.js'));
const originalSerialize = serializeModule.serialize;
serializeModule.serialize = function serialize(payload, contentType) {
  if (typeof payload === 'string' && isBinary(contentType)) {
    return Buffer.from(payload, 'latin1');
  }
  return originalSerialize(payload, contentType);
};
