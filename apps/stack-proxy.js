// The one public port of `npm run stack` in front of its API processes (see apps/stack.js for why
// a proxy and not node's cluster module): round-robin over the processes that are up; a request
// that never reached a process, and any GET, goes to another one when a process fails under it;
// a change cut off on the way, or any request while none is up, is answered 503 with Retry-After.
'use strict';
const http = require('node:http');

/** The one public port: requests go round-robin to the API processes that are up. */
class StackProxy {
  /**
   * @param backends the API processes: `{ port, ready }`, read at each request
   * @param retryAfterS what `Retry-After` says when no process can answer
   */
  constructor(backends, retryAfterS = 2) {
    this.backends = backends;
    this.retryAfterS = retryAfterS;
    this.next = 0;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    this.server = http.createServer((req, res) => this.handle(req, res));
    // Longer than a typical client's idle time, shorter than the API processes' own.
    this.server.keepAliveTimeout = 4000;
  }

  listen(port, host) {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve(this.server.address().port));
    });
  }

  pick(tried) {
    const up = this.backends.filter((b) => b.ready && !tried.has(b));
    if (up.length === 0) return undefined;
    return up[this.next++ % up.length];
  }

  handle(req, res) {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => this.forward(req, res, Buffer.concat(chunks), new Set()));
    req.on('error', () => res.destroy());
  }

  forward(req, res, body, tried) {
    const backend = this.pick(tried);
    if (!backend) return this.unavailable(req, res);
    tried.add(backend);
    const headers = { ...req.headers };
    for (const hop of ['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection'])
      delete headers[hop];
    if (body.length > 0 || !['GET', 'HEAD'].includes(req.method))
      headers['content-length'] = String(body.length);
    const client = req.socket.remoteAddress ?? '';
    headers['x-forwarded-for'] = headers['x-forwarded-for']
      ? `${headers['x-forwarded-for']}, ${client}`
      : client;
    headers['x-forwarded-proto'] ??= 'http';
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: backend.port,
        method: req.method,
        path: req.url,
        headers,
        agent: this.agent,
      },
      (answer) => {
        const out = { ...answer.headers };
        for (const hop of ['connection', 'keep-alive', 'transfer-encoding']) delete out[hop];
        res.writeHead(answer.statusCode ?? 502, out);
        answer.pipe(res);
        answer.on('aborted', () => res.destroy());
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('error', (error) => {
      if (res.headersSent) return res.destroy();
      // Refused: the request never reached the process, so any request may go to another one.
      // Cut off on the way: only what is safe to repeat; a change may or may not have been made.
      const neverArrived = error.code === 'ECONNREFUSED';
      if (neverArrived || ['GET', 'HEAD'].includes(req.method))
        return this.forward(req, res, body, tried);
      this.unavailable(req, res);
    });
    upstream.end(body);
  }

  unavailable(req, res) {
    if (res.headersSent || res.destroyed) return;
    const message =
      'Der Dienst ist gerade nicht erreichbar (ein Prozess startet neu); bitte versuchen Sie es in wenigen Sekunden erneut.';
    const api = (req.url ?? '').startsWith('/api');
    res.writeHead(503, {
      'retry-after': String(this.retryAfterS),
      'content-type': api ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    });
    res.end(api ? JSON.stringify({ statusCode: 503, message }) : `${message}\n`);
  }

  close() {
    this.server.close();
    this.server.closeIdleConnections?.();
    this.agent.destroy();
  }
}

module.exports = { StackProxy };
