// livecheck's in-page probe, installed before any page script runs (CDP addScriptToEvaluateOnNewDocument).
// App-agnostic: it keeps every RTCPeerConnection the page creates so the harness can read getStats, and it
// samples <video> pixels and <audio> tones for "whose media arrived" checks.
(() => {
  if (window.__livecheck) return;
  const pcs = [];
  const Native = window.RTCPeerConnection;
  if (Native) {
    const Tracked = function (...args) {
      const pc = new Native(...args);
      pcs.push(pc);
      return pc;
    };
    Tracked.prototype = Native.prototype;
    Object.setPrototypeOf(Tracked, Native);
    window.RTCPeerConnection = Tracked;
  }

  async function stats() {
    const out = { peerConnections: 0, connected: 0, inboundVideo: 0, framesDecoded: 0, videoBytesReceived: 0,
      inboundAudio: 0, audioBytesReceived: 0, outboundVideoBytes: 0, outboundAudioBytes: 0, framesSent: 0, roundTripMs: 0 };
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      out.peerConnections++;
      if (pc.connectionState === 'connected') out.connected++;
      const report = await pc.getStats();
      report.forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') {
          out.inboundVideo++;
          out.framesDecoded += s.framesDecoded || 0;
          out.videoBytesReceived += s.bytesReceived || 0;
        } else if (s.type === 'inbound-rtp' && s.kind === 'audio') {
          out.inboundAudio++;
          out.audioBytesReceived += s.bytesReceived || 0;
        } else if (s.type === 'outbound-rtp' && s.kind === 'video') {
          out.outboundVideoBytes += s.bytesSent || 0;
          out.framesSent += s.framesSent || 0;
        } else if (s.type === 'outbound-rtp' && s.kind === 'audio') {
          out.outboundAudioBytes += s.bytesSent || 0;
        } else if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded' && s.currentRoundTripTime !== undefined) {
          out.roundTripMs = Math.max(out.roundTripMs, Math.round(s.currentRoundTripTime * 1000));
        }
      });
    }
    return out;
  }

  // The call over time, once a second while the page has a live peer connection: what each video sender encodes
  // (per simulcast layer: size, frame rate, and what limits it — "cpu" or "bandwidth", WebRTC's own words) and what
  // each video receiver gets (size, frame rate, frames dropped, freezes). A one-line summary at the end cannot say
  // whether a picture was small because the machine was busy or because the app asked for it; this can.
  const samples = [];
  async function sampleCall() {
    const live = pcs.filter((pc) => pc.connectionState !== 'closed');
    if (live.length === 0) return;
    const sample = { t: Date.now(), out: [], in: [], bwe: 0 };
    for (const pc of live) {
      try {
        (await pc.getStats()).forEach((s) => {
          if (s.type === 'outbound-rtp' && s.kind === 'video') {
            sample.out.push({ rid: s.rid || '', w: s.frameWidth || 0, h: s.frameHeight || 0, fps: Math.round(s.framesPerSecond || 0),
              lim: s.qualityLimitationReason || 'none', sent: s.framesSent || 0 });
          } else if (s.type === 'inbound-rtp' && s.kind === 'video') {
            sample.in.push({ w: s.frameWidth || 0, h: s.frameHeight || 0, fps: Math.round(s.framesPerSecond || 0),
              dropped: s.framesDropped || 0, decoded: s.framesDecoded || 0, freezes: s.freezeCount || 0 });
          } else if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded' && s.availableOutgoingBitrate) {
            sample.bwe = Math.max(sample.bwe, Math.round(s.availableOutgoingBitrate));
          }
        });
      } catch (e) { /* a connection closing meanwhile */ }
    }
    samples.push(sample);
    if (samples.length > 600) samples.splice(0, 300);
  }
  setInterval(sampleCall, 1000);

  // Average colour of a video element's current frame, and a fingerprint that changes when the picture moves.
  function frame(video) {
    if (!video || !video.videoWidth) return null;
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const g = canvas.getContext('2d');
    g.drawImage(video, 0, 0, 64, 48);
    const d = g.getImageData(0, 0, 64, 48).data;
    let r = 0, gr = 0, b = 0, hash = 7;
    for (let i = 0; i < d.length; i += 4) {
      r += d[i]; gr += d[i + 1]; b += d[i + 2];
      hash = (hash * 31 + d[i] + 3 * d[i + 1] + 7 * d[i + 2]) >>> 0;
    }
    const n = d.length / 4;
    return { r: Math.round(r / n), g: Math.round(gr / n), b: Math.round(b / n), hash,
      width: video.videoWidth, height: video.videoHeight, paused: video.paused, screen: onScreen(video) };
  }

  // Whether a person would see this element: rendered (not display:none, visibility hidden or fully transparent),
  // its size on the page, inside the viewport once scrolled to, and nothing opaque painted over its centre. The
  // decoder can be busy for an element nobody sees: a 0x0 video, or one under a leftover "Waiting for…" overlay.
  function onScreen(el) {
    const box = el.getBoundingClientRect();
    const out = { w: Math.round(box.width), h: Math.round(box.height), hidden: null, coveredBy: null };
    let opacity = 1;
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === 'none') { out.hidden = 'display:none'; return out; }
      opacity *= Number(style.opacity);
      if (node === el && style.visibility !== 'visible') { out.hidden = 'visibility:' + style.visibility; return out; }
    }
    if (opacity < 0.1) { out.hidden = 'opacity ' + opacity.toFixed(2); return out; }
    if (box.width < 1 || box.height < 1) { out.hidden = 'no size'; return out; }
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) el.scrollIntoView({ block: 'center', inline: 'center' });
    return onScreenInView(el, out);
  }

  function onScreenInView(el, out) {
    const box = el.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) { out.hidden = 'outside the window'; return out; }
    for (const above of document.elementsFromPoint(x, y)) {
      if (above === el || el.contains(above)) break;
      if (paints(above)) { out.coveredBy = describe(above); return out; }
    }
    // hit-testing skips what has pointer-events:none, a usual style for overlays: look for those in the element's
    // tile (its nearest three ancestors), positioned over its centre and later in the document, so painted above it
    let tile = el;
    for (let i = 0; i < 3 && tile.parentElement; i++) tile = tile.parentElement;
    for (const other of tile.querySelectorAll('*')) {
      if (other === el || other.contains(el) || el.contains(other)) continue;
      if (!(el.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      const style = getComputedStyle(other);
      if (style.pointerEvents !== 'none' || !['absolute', 'fixed'].includes(style.position) || Number(style.zIndex) < 0) continue;
      if (style.display === 'none' || style.visibility !== 'visible') continue;
      const r = other.getBoundingClientRect();
      if (x < r.left || x > r.right || y < r.top || y > r.bottom) continue;
      if (paints(other)) { out.coveredBy = describe(other); return out; }
    }
    return out;
  }

  // An element paints over what lies beneath when it is a picture of its own or has a mostly opaque background,
  // and it and its ancestors are mostly opaque (a transparent click-catcher or an invisible placeholder does not).
  function paints(node) {
    let opacity = 1;
    for (let n = node; n && n.nodeType === 1; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity);
    if (opacity < 0.5) return false;
    const style = getComputedStyle(node);
    if (['IMG', 'VIDEO', 'CANVAS'].includes(node.tagName)) return true;
    if (style.backgroundImage && style.backgroundImage !== 'none') return true;
    const alpha = (style.backgroundColor.match(/[\d.]+/g) || []).map(Number);
    return alpha.length === 3 || (alpha.length === 4 && alpha[3] >= 0.5);
  }

  function describe(node) {
    const id = node.getAttribute('data-testid') || node.id || (typeof node.className === 'string' ? node.className.split(' ')[0] : '');
    const text = (node.innerText || '').trim().replace(/\s+/g, ' ').slice(0, 60);
    return node.tagName.toLowerCase() + (id ? '[' + id + ']' : '') + (text ? ' "' + text + '"' : '');
  }

  // What an <audio>/<video> element gives the listener: whether it plays at all (attached, not paused, not
  // muted, with volume) and the dominant frequency of its output — what it renders (captureStream), not the
  // stream handed to it, so an element that never plays is heard as silence.
  function tone(element) {
    if (!element || !element.srcObject || element.srcObject.getAudioTracks().length === 0) return null;
    const audible = !element.paused && !element.muted && element.volume > 0;
    if (!element.__livecheckAnalyser) {
      const context = new AudioContext();
      let output = null;
      try { output = element.captureStream(); } catch (e) { output = null; }
      const source = context.createMediaStreamSource(output && output.getAudioTracks().length ? output : element.srcObject);
      const analyser = context.createAnalyser();
      analyser.fftSize = 8192;
      analyser.smoothingTimeConstant = 0.5;
      source.connect(analyser);
      element.__livecheckAnalyser = { context, analyser };
    }
    const { context, analyser } = element.__livecheckAnalyser;
    if (context.state === 'suspended') context.resume();
    const bins = new Float32Array(analyser.frequencyBinCount);
    analyser.getFloatFrequencyData(bins);
    const binHz = context.sampleRate / analyser.fftSize;
    // The loudest frequency, and the spectrum's median level as the floor it must stand above: silence, comfort noise
    // or hiss has a loudest bin too, somewhere, at the floor's level; a tone stands tens of dB above it.
    const level = (v) => (Number.isFinite(v) ? v : -200);
    const from = Math.ceil(100 / binHz), to = bins.length;
    let best = from;
    for (let i = from; i < to; i++) if (level(bins[i]) > level(bins[best])) best = i;
    const sorted = Array.from(bins.subarray(from, to), level).sort((a, b) => a - b);
    return { hz: Math.round(best * binHz), db: Math.round(level(bins[best])), floor: Math.round(sorted[Math.floor(sorted.length / 2)]),
      state: context.state, audible, paused: element.paused, muted: element.muted, volume: element.volume };
  }

  // Frames decoded for the track a <video> element plays (matched by track id), not for all inbound video.
  async function trackFrames(video) {
    const track = video && video.srcObject && video.srcObject.getVideoTracks()[0];
    if (!track) return null;
    let frames = null;
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video' && s.trackIdentifier === track.id) frames = (frames || 0) + (s.framesDecoded || 0);
      });
    }
    return frames;
  }

  // Browser dialogs (alert, confirm) are how some apps show errors. Record them as evidence and answer at
  // once, as a user clicking OK would, so the page is not blocked and the harness can read it.
  const dialogs = [];
  window.alert = (message) => { dialogs.push({ type: 'alert', message: String(message), at: Date.now() }); };
  window.confirm = (message) => { dialogs.push({ type: 'confirm', message: String(message), at: Date.now() }); return true; };

  // The LiveKit tokens the page hands LiveKit: the access_token of its signalling WebSocket. Checks decode
  // their grants; the harness never logs them.
  const tokens = [];
  const signalling = [];
  const NativeWebSocket = window.WebSocket;
  if (NativeWebSocket) {
    const TrackedWebSocket = function (url, protocols) {
      const socket = protocols === undefined ? new NativeWebSocket(url) : new NativeWebSocket(url, protocols);
      try {
        const u = new URL(url, location.href);
        const token = u.searchParams.get('access_token');
        if (token) {
          tokens.push({ url: u.origin + u.pathname, token, at: Date.now() });
          signalling.push(socket);
          socket.addEventListener('message', (e) => readQualityUpdate(e.data));
        }
      } catch (e) { /* not a URL we can read */ }
      return socket;
    };
    TrackedWebSocket.prototype = NativeWebSocket.prototype;
    Object.setPrototypeOf(TrackedWebSocket, NativeWebSocket);
    ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach((k) => { TrackedWebSocket[k] = NativeWebSocket[k]; });
    window.WebSocket = TrackedWebSocket;
  }

  // A participant's own request to LiveKit, sent on its page's own signalling connection, as a page that tried
  // to change its own metadata or attributes would (SignalRequest.update_metadata, protobuf).
  const utf8 = new TextEncoder();
  const varint = (n) => { const out = []; while (n > 127) { out.push((n & 127) | 128); n >>>= 7; } out.push(n); return out; };
  const field = (num, bytes) => [...varint((num << 3) | 2), ...varint(bytes.length), ...bytes];
  function sendMetadataUpdate(metadata, attributes) {
    const socket = signalling.filter((s) => s.readyState === NativeWebSocket.OPEN).pop();
    if (!socket) return false;
    let update = [];
    if (metadata !== null) update = update.concat(field(1, [...utf8.encode(metadata)]));
    Object.entries(attributes || {}).forEach(([k, v]) => {
      update = update.concat(field(3, [...field(1, [...utf8.encode(k)]), ...field(2, [...utf8.encode(v)])]));
    });
    update = update.concat([0x20, ...varint(4242)]); // request_id: LiveKit answers it
    socket.send(new Uint8Array(field(15, update)));
    return true;
  }

  // LiveKit's own view of everyone's connection quality, as its server sends it to this page
  // (SignalResponse.connection_quality = 12: repeated {participant_sid = 1, quality = 2, score = 3}).
  const qualities = [];
  function fields(bytes) {
    const out = [];
    let i = 0;
    const varint = () => { let v = 0, shift = 0, b; do { b = bytes[i++]; v += (b & 127) * 2 ** shift; shift += 7; } while (b & 128); return v; };
    while (i < bytes.length) {
      const key = varint();
      const num = Math.floor(key / 8), type = key % 8;
      if (type === 0) out.push({ num, value: varint() });
      else if (type === 2) { const len = varint(); out.push({ num, bytes: bytes.subarray(i, i + len) }); i += len; }
      else if (type === 5) { out.push({ num, value: new DataView(bytes.buffer, bytes.byteOffset + i, 4).getFloat32(0, true) }); i += 4; }
      else if (type === 1) { i += 8; }
      else return out;
    }
    return out;
  }
  async function readQualityUpdate(data) {
    try {
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : null;
      if (!bytes) return;
      const update = fields(bytes).find((f) => f.num === 12 && f.bytes);
      if (!update) return;
      const names = ['POOR', 'GOOD', 'EXCELLENT', 'LOST'];
      fields(update.bytes).filter((f) => f.num === 1 && f.bytes).forEach((info) => {
        const parts = fields(info.bytes);
        const sid = parts.find((f) => f.num === 1);
        const quality = parts.find((f) => f.num === 2);
        const score = parts.find((f) => f.num === 3);
        if (sid) {
          qualities.push({ sid: new TextDecoder().decode(sid.bytes), quality: names[quality ? quality.value : 0],
            score: score ? score.value : 0, at: Date.now() });
        }
      });
      if (qualities.length > 2000) qualities.splice(0, 1000);
    } catch (e) { /* not a message we can read */ }
  }

  // What a remote video and audio element render over `ms`: for every presented frame, the capture time the sender
  // drew into it (livecheck's synthetic camera: a 32-bit barcode of wall-clock ms), hence glass-to-glass latency,
  // frame times and resolution; and the onsets of the sender's beeps (on every whole wall-clock second) in what the
  // audio element plays, hence audio latency.
  function measure(videoEl, audioEl, beepHz, ms) {
    return new Promise((resolve) => {
      const result = { video: [], frames: [], audio: [], started: Date.now() };
      const canvas = document.createElement('canvas');
      const g = canvas.getContext('2d', { willReadFrequently: true });
      let running = true;
      const onFrame = () => {
        if (!running) return;
        const at = Date.now();
        result.frames.push(at);
        const w = videoEl.videoWidth, h = videoEl.videoHeight;
        if (w && h) {
          if (canvas.width !== w) { canvas.width = w; canvas.height = h; }
          g.drawImage(videoEl, 0, 0, w, h);
          const block = 12 * w / 640;
          let stamp = 0;
          for (let i = 0; i < 32; i++) {
            const x = Math.floor(((i % 16) + 0.5) * block), y = Math.floor((Math.floor(i / 16) + 0.5) * block);
            const d = g.getImageData(x, y, 1, 1).data;
            if ((d[0] + d[1] + d[2]) / 3 > 128) stamp += 2 ** i;
          }
          const latency = ((at % 4294967296) - stamp + 4294967296) % 4294967296;
          if (latency < 10000) result.video.push({ at, latency, w, h });
        }
        videoEl.requestVideoFrameCallback(onFrame);
      };
      if (videoEl && videoEl.requestVideoFrameCallback) videoEl.requestVideoFrameCallback(onFrame);
      let timer = null;
      if (audioEl && audioEl.srcObject) {
        const ctx = new AudioContext();
        let source = null;
        try { const out = audioEl.captureStream(); source = out.getAudioTracks().length ? out : audioEl.srcObject; } catch (e) { source = audioEl.srcObject; }
        const analyser = ctx.createAnalyser();
        analyser.fftSize = 512;
        analyser.smoothingTimeConstant = 0;
        ctx.createMediaStreamSource(source).connect(analyser);
        const bins = new Float32Array(analyser.frequencyBinCount);
        const bin = Math.round(beepHz / (ctx.sampleRate / analyser.fftSize));
        let on = false;
        timer = setInterval(() => {
          if (ctx.state === 'suspended') ctx.resume();
          analyser.getFloatFrequencyData(bins);
          const level = Math.max(bins[bin - 1], bins[bin], bins[bin + 1]);
          const now = Date.now();
          if (!on && level > -55) {
            on = true;
            result.audio.push({ at: now, latency: now % 1000 });
          } else if (on && level < -70) {
            on = false;
          }
        }, 4);
        result.closeAudio = () => ctx.close();
      }
      setTimeout(() => {
        running = false;
        if (timer) clearInterval(timer);
        if (result.closeAudio) { result.closeAudio(); delete result.closeAudio; }
        resolve(result);
      }, ms);
    });
  }

  window.__livecheck = { pcs, stats, frame, tone, trackFrames, dialogs, tokens, sendMetadataUpdate, qualities, measure, samples };
})();
