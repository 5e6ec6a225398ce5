// Firefox's stand-in for Chromium's DevTools response rewriting (S-02): every JWT in a fetch response the page gets is
// shown to livecheck, which answers with its replacement (an expired token) or the token itself; the app then reads the
// answer as if its server had sent it. livecheck signs in Java: the API secret never reaches the page.
// A response carrying a JWT that could not be rewritten (XMLHttpRequest, a stream) is reported, so S-02 says "not run".
(channel) => {
  const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;
  const waiting = new Map();
  let next = 0;
  Object.defineProperty(window, '__livecheckTokenAnswer', {
    value: (id, token) => { const done = waiting.get(id); if (done) { waiting.delete(id); done(token); } },
  });
  const ask = (token) => new Promise((resolve) => {
    const id = String(++next);
    waiting.set(id, resolve);
    channel(JSON.stringify({ kind: 'swap', id, token }));
    // livecheck gone (released, browser closing): the app gets its own token
    setTimeout(() => { if (waiting.delete(id)) resolve(token); }, 10000);
  });
  const tokensIn = (text) => [...new Set(text.match(JWT) || [])];
  const readable = (response) => {
    const type = (response.headers.get('content-type') || '').toLowerCase();
    return !type.includes('event-stream') && (type === '' || /json|text|javascript|xml/.test(type));
  };
  const originalFetch = window.fetch;
  window.fetch = async function (...args) {
    const response = await originalFetch.apply(this, args);
    if (!readable(response)) {
      return response;
    }
    let text;
    try {
      text = await response.clone().text();
    } catch (e) {
      return response;
    }
    const tokens = tokensIn(text);
    if (tokens.length === 0) {
      return response;
    }
    let body = text;
    for (const token of tokens) {
      const answer = await ask(token);
      if (answer !== token) {
        body = body.split(token).join(answer);
      }
    }
    if (body === text) {
      return response;
    }
    const swapped = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    Object.defineProperty(swapped, 'url', { value: response.url });
    Object.defineProperty(swapped, 'redirected', { value: response.redirected });
    return swapped;
  };
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (...args) {
    this.addEventListener('load', () => {
      try {
        const text = this.responseType === '' || this.responseType === 'text' ? this.responseText
          : this.responseType === 'json' ? JSON.stringify(this.response) : '';
        if (tokensIn(text).length > 0) {
          channel(JSON.stringify({ kind: 'unswapped', how: 'XMLHttpRequest', url: String(args[1]).replace(/[?#].*/, '') }));
        }
      } catch (e) { /* nothing to read */ }
    });
    return open.apply(this, args);
  };
}
