// livecheck's network path, in-page half. Installed before any page script (CDP addScriptToEvaluateOnNewDocument),
// after the harness set its configuration:
//
//   window.__livecheckNetpath = {
//     relayHost: "127.0.0.1",                                   // where the relays listen
//     endpoints: {"127.0.0.1:7882/udp": 40001, "127.0.0.1:7881/tcp": 40002},  // LiveKit media address -> relay port
//     dropUnknown: true,          // remote candidates of other addresses are dropped, so media can only use a relay
//     hideLocalCandidates: true,  // the page never sees this browser's own candidates, so the server cannot reach
//                                 // the browser directly and learns only the relay's address (peer-reflexive)
//     stripIceServers: true       // no STUN/TURN servers: no TURN relay path around the harness's relays
//   };
//
// It patches RTCPeerConnection.prototype (so it works whoever wraps the constructor, e.g. probe.js):
// remote candidates in setRemoteDescription SDP and in addIceCandidate are rewritten to the relays; local
// candidates are withheld from icecandidate events and stripped from local descriptions. It also wraps the
// constructor, to empty iceServers (stripIceServers) and to offer window.__livecheckNetpath.selectedPairs():
// each peer connection's selected candidate pair and whether its remote end is a relay.
(() => {
  const config = window.__livecheckNetpath;
  if (!config || config.installed || !window.RTCPeerConnection) return;
  config.installed = true;
  const relayHost = config.relayHost || '127.0.0.1';
  const endpoints = config.endpoints || {}; // read on every candidate: the harness may add endpoints later
  const rewrites = [];
  config.rewrites = rewrites; // what was rewritten or dropped, for the harness to read

  const proto = window.RTCPeerConnection.prototype;
  const native = {
    setRemoteDescription: proto.setRemoteDescription,
    addIceCandidate: proto.addIceCandidate,
    createOffer: proto.createOffer,
    createAnswer: proto.createAnswer,
    addEventListener: proto.addEventListener,
    removeEventListener: proto.removeEventListener,
  };

  function note(from, to) {
    if (rewrites.length < 500) rewrites.push({ at: Date.now(), from, to });
  }

  // "candidate:<foundation> <component> <protocol> <priority> <address> <port> typ <type> ..." (with or without "a=")
  function rewriteCandidate(line) {
    const prefix = line.startsWith('a=') ? 'a=' : '';
    const fields = line.slice(prefix.length).split(' ');
    if (fields.length < 8 || !fields[0].startsWith('candidate:')) return line;
    const protocol = fields[2].toLowerCase();
    const key = fields[4].toLowerCase() + ':' + fields[5] + '/' + protocol;
    const relayPort = endpoints[key];
    if (relayPort) {
      fields[4] = relayHost;
      fields[5] = String(relayPort);
      const rewritten = prefix + fields.join(' ');
      note(key, relayHost + ':' + relayPort + '/' + protocol);
      return rewritten;
    }
    if (config.dropUnknown !== false) {
      note(key, null);
      return null;
    }
    return line;
  }

  function rewriteSdp(sdp) {
    return sdp.split('\r\n')
      .map((l) => (l.startsWith('a=candidate:') ? rewriteCandidate(l) : l))
      .filter((l) => l !== null)
      .join('\r\n');
  }

  function stripCandidates(sdp) {
    return sdp.split('\r\n').filter((l) => !l.startsWith('a=candidate:')).join('\r\n');
  }

  const hiding = () => config.hideLocalCandidates !== false;

  // The constructor is wrapped to keep the page's peer connections (for selectedPairs) and, with
  // stripIceServers, to empty iceServers.
  const peerConnections = [];
  const withoutIceServers = (c) => (config.stripIceServers !== false && c && typeof c === 'object'
    ? Object.assign({}, c, { iceServers: [] }) : c);
  const Native = window.RTCPeerConnection;
  const Wrapped = function (configuration, ...rest) {
    const pc = new Native(withoutIceServers(configuration), ...rest);
    peerConnections.push(pc);
    return pc;
  };
  Wrapped.prototype = proto;
  Object.setPrototypeOf(Wrapped, Native);
  window.RTCPeerConnection = Wrapped;
  const setConfiguration = proto.setConfiguration;
  proto.setConfiguration = function (configuration) {
    return setConfiguration.call(this, withoutIceServers(configuration));
  };

  // For the harness: each live peer connection's selected candidate pair, and whether it goes through a relay.
  config.selectedPairs = async () => {
    const relayPorts = new Set(Object.values(endpoints).map(Number));
    const out = [];
    for (const pc of peerConnections) {
      if (pc.connectionState === 'closed') continue;
      const stats = await pc.getStats();
      const byId = new Map();
      stats.forEach((s) => byId.set(s.id, s));
      stats.forEach((s) => {
        const pair = s.type === 'transport' && s.selectedCandidatePairId && byId.get(s.selectedCandidatePairId);
        if (!pair) return;
        const local = byId.get(pair.localCandidateId) || {};
        const remote = byId.get(pair.remoteCandidateId) || {};
        out.push({
          state: pc.connectionState,
          local: local.candidateType + ' ' + local.protocol + ' ' + local.address + ':' + local.port,
          remote: remote.candidateType + ' ' + remote.protocol + ' ' + remote.address + ':' + remote.port,
          viaRelay: remote.address === relayHost && relayPorts.has(Number(remote.port)),
        });
      });
    }
    return out;
  };

  proto.setRemoteDescription = function (description, ...rest) {
    if (description && typeof description.sdp === 'string') {
      description = { type: description.type, sdp: rewriteSdp(description.sdp) };
    }
    return native.setRemoteDescription.call(this, description, ...rest);
  };

  proto.addIceCandidate = function (candidate, ...rest) {
    if (candidate && typeof candidate.candidate === 'string' && candidate.candidate !== '') {
      const rewritten = rewriteCandidate(candidate.candidate);
      if (rewritten === null) {
        if (typeof rest[0] === 'function') rest[0](); // legacy success callback
        return Promise.resolve();
      }
      candidate = {
        candidate: rewritten,
        sdpMid: candidate.sdpMid,
        sdpMLineIndex: candidate.sdpMLineIndex,
        usernameFragment: candidate.usernameFragment,
      };
    }
    return native.addIceCandidate.call(this, candidate, ...rest);
  };

  // Offers and answers made after gathering carry the candidates gathered so far.
  for (const name of ['createOffer', 'createAnswer']) {
    proto[name] = function (...args) {
      return native[name].apply(this, args).then((d) => (d && d.sdp && hiding() ? { type: d.type, sdp: stripCandidates(d.sdp) } : d));
    };
  }

  for (const name of ['localDescription', 'currentLocalDescription', 'pendingLocalDescription']) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (!descriptor || !descriptor.get) continue;
    Object.defineProperty(proto, name, {
      configurable: true,
      enumerable: descriptor.enumerable,
      get() {
        const d = descriptor.get.call(this);
        if (!d || !hiding()) return d;
        return new RTCSessionDescription({ type: d.type, sdp: stripCandidates(d.sdp) });
      },
    });
  }

  // icecandidate events: a non-null candidate never reaches the page; the end-of-gathering null does.
  function filtered(listener) {
    return function (event) {
      if (hiding() && event && event.candidate) return undefined;
      return typeof listener === 'function' ? listener.call(this, event) : listener.handleEvent(event);
    };
  }

  const handlerDescriptor = Object.getOwnPropertyDescriptor(proto, 'onicecandidate');
  const handlers = new WeakMap();
  if (handlerDescriptor && handlerDescriptor.set) Object.defineProperty(proto, 'onicecandidate', {
    configurable: true,
    enumerable: handlerDescriptor.enumerable,
    get() {
      return handlers.has(this) ? handlers.get(this) : null;
    },
    set(listener) {
      handlers.set(this, listener);
      handlerDescriptor.set.call(this, typeof listener === 'function' ? filtered(listener) : listener);
    },
  });

  const wrappers = new WeakMap();
  proto.addEventListener = function (type, listener, options) {
    if (type === 'icecandidate' && listener) {
      if (!wrappers.has(listener)) wrappers.set(listener, filtered(listener));
      return native.addEventListener.call(this, type, wrappers.get(listener), options);
    }
    return native.addEventListener.call(this, type, listener, options);
  };
  proto.removeEventListener = function (type, listener, options) {
    if (type === 'icecandidate' && listener && wrappers.has(listener)) {
      return native.removeEventListener.call(this, type, wrappers.get(listener), options);
    }
    return native.removeEventListener.call(this, type, listener, options);
  };
})();
